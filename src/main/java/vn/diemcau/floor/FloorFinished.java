package vn.diemcau.floor;

/** The speaker's turn ended: closed by the main hall or the point, or because the next one was granted. */
public record FloorFinished(long sessionId, FloorRequestView request) {}
