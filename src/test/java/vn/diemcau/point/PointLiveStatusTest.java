package vn.diemcau.point;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointLiveStatusTest {
    static final Instant NOW = Instant.parse("2026-12-03T01:00:00Z");
    static final Liveness LIVENESS = new Liveness(Duration.ofSeconds(20), Duration.ofSeconds(60));

    static Point point(Integer heartbeatSecondsAgo) {
        Point p = new Point();
        p.lastHeartbeatAt = heartbeatSecondsAgo == null ? null : NOW.minusSeconds(heartbeatSecondsAgo);
        return p;
    }

    @Test
    void stateFollowsHeartbeatsTroubleAndTheReadyAnswer() {
        assertEquals(PointLiveStatus.NOT_JOINED, PointLiveService.derive(point(null), NOW, LIVENESS));
        assertEquals(PointLiveStatus.ONLINE, PointLiveService.derive(point(5), NOW, LIVENESS));
        assertEquals(PointLiveStatus.DEGRADED, PointLiveService.derive(point(21), NOW, LIVENESS));
        assertEquals(PointLiveStatus.OFFLINE, PointLiveService.derive(point(61), NOW, LIVENESS));

        Point ready = point(5);
        ready.readyAt = NOW.minusSeconds(5);
        assertEquals(PointLiveStatus.READY, PointLiveService.derive(ready, NOW, LIVENESS));
        ready.lastHeartbeatAt = NOW.minusSeconds(30);
        assertEquals(PointLiveStatus.DEGRADED, PointLiveService.derive(ready, NOW, LIVENESS));

        Point trouble = point(0);
        trouble.trouble = PointTrouble.NO_PICTURE;
        assertEquals(PointLiveStatus.DEGRADED, PointLiveService.derive(trouble, NOW, LIVENESS));
        // Without thresholds (a fresh heartbeat or report), lateness is not judged.
        assertEquals(PointLiveStatus.ONLINE, PointLiveService.derive(point(3600), NOW, null));
    }
}
