package vn.diemcau.point;

/**
 * A point's live state: never heard from, confirmed ready (roll call), online, degraded (late
 * heartbeats or trouble reported by its operator), offline (no heartbeat for long).
 */
public enum PointLiveStatus {
    NOT_JOINED,
    READY,
    ONLINE,
    DEGRADED,
    OFFLINE
}
