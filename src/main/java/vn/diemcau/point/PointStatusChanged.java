package vn.diemcau.point;

/** A point's live state changed (observed after commit). */
public record PointStatusChanged(long sessionId, PointLiveView point) {}
