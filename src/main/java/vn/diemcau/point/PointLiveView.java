package vn.diemcau.point;

import java.time.Instant;
import vn.diemcau.unit.UnitLevel;

/** A point as the live screens show it: its state, since when, its last heartbeat and its room count. */
public record PointLiveView(
        long id,
        String name,
        boolean mainHall,
        UnitLevel unitLevel,
        int expectedCount,
        PointLiveStatus status,
        Instant statusSince,
        Instant lastHeartbeatAt,
        PointTrouble trouble,
        String troubleNote,
        Integer presentCount,
        Instant readyAt) {
    static PointLiveView from(Point p, SessionUnit unit) {
        return from(p, unit, p.lastHeartbeatAt);
    }

    /** With the newest heartbeat heard, which may be newer than the row's (stored in batches). */
    static PointLiveView from(Point p, SessionUnit unit, Instant lastHeartbeatAt) {
        return new PointLiveView(
                p.id,
                p.name,
                p.mainHall,
                unit == null ? null : unit.level,
                p.expectedCount,
                p.liveStatus,
                p.liveStatusSince,
                lastHeartbeatAt,
                p.trouble,
                p.troubleNote,
                p.presentCount,
                p.readyAt);
    }
}
