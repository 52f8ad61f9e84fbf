package vn.diemcau.point;

/**
 * Fired inside the deleting transaction, before the point's row goes: observers (the roster)
 * detach their rows from it synchronously ({@code @Observes}), e.g. set their point to none.
 */
public record PointDeleted(long sessionId, long pointId) {}
