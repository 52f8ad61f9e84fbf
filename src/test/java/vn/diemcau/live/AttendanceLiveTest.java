package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.diemcau.attendance.AttendanceFixture;
import vn.diemcau.testing.Tokens;

/** Attendance on the live socket: commands with acks, counts in the snapshot, coalesced count events. */
@QuarkusTest
class AttendanceLiveTest {
    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    static int present(JsonObject counts, long pointId) {
        for (Object o : counts.getJsonArray("points")) {
            JsonObject p = (JsonObject) o;
            if (p.getLong("pointId") == pointId) return p.getJsonObject("tally").getInteger("present");
        }
        throw new AssertionError("no point " + pointId);
    }

    @Test
    void manyCheckInsReachTheMainHallAsFewCountEventsEndingAtTheDatabaseTotal() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        try (WsClient hall = WsClient.connect(vertx, base, f.sessionId, Tokens.ORGANIZER, null);
                WsClient op1 = WsClient.connect(vertx, base, f.sessionId, Tokens.OPERATOR1, null)) {
            JsonObject snap = hall.awaitType("live.snapshot");
            assertEquals(
                    0, snap.getJsonObject("attendance").getJsonObject("total").getInteger("present"));
            assertEquals(
                    4,
                    snap.getJsonObject("attendance")
                            .getJsonArray("points")
                            .getJsonObject(1)
                            .getJsonObject("tally")
                            .getInteger("delegates"));
            op1.awaitType("live.snapshot");

            // over the socket: acked once, a resend acked again without a second change
            String cmd = "ci-" + f.uid;
            op1.send(WsClient.command("attendance.check_in", cmd, "pointId", f.point1, "delegateId", f.d(f.point1, 0)));
            assertEquals(true, op1.awaitAnswer(cmd).getBoolean("ok"));
            JsonObject first = hall.awaitType("attendance.counts_changed");
            assertEquals(1, present(first.getJsonObject("counts"), f.point1));

            long start = System.nanoTime();
            int walkIns = 25;
            for (int i = 0; i < walkIns; i++) {
                Tokens.as(Tokens.OPERATOR1)
                        .contentType("application/json")
                        .body(Map.of(
                                "type",
                                "attendance.walk_in",
                                "commandId",
                                "w-" + i + "-" + f.uid,
                                "pointId",
                                f.point1,
                                "fullName",
                                "Khách mời số " + i))
                        .post("/api/sessions/" + f.sessionId + "/live/commands")
                        .then()
                        .statusCode(200);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<JsonObject> seen = hall.ofType("attendance.counts_changed");
                return present(seen.get(seen.size() - 1).getJsonObject("counts"), f.point1) == 1 + walkIns;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            int events = hall.ofType("attendance.counts_changed").size();
            // one per second at most (plus the first, sent at once), never one per check-in
            assertTrue(events <= 2 + (int) Math.ceil(seconds), events + " count events in " + seconds + " s");
            assertTrue(events < walkIns, "coalesced: " + events);
            JsonObject last =
                    hall.ofType("attendance.counts_changed").get(events - 1).getJsonObject("counts");
            assertEquals(1 + walkIns, last.getJsonObject("total").getInteger("present"));
            assertEquals(1 + walkIns, last.getJsonObject("total").getInteger("walkIns") + 1);
            // the observer's later snapshot agrees
            try (WsClient obs = WsClient.connect(vertx, base, f.sessionId, Tokens.OBSERVER, null)) {
                assertEquals(
                        1 + walkIns,
                        obs.awaitType("live.snapshot")
                                .getJsonObject("attendance")
                                .getJsonObject("total")
                                .getInteger("present"));
            }
            // refused over the socket: op1 at op2's point, nothing changed
            String bad = "bad-" + f.uid;
            op1.send(WsClient.command("attendance.check_in", bad, "pointId", f.point2, "delegateId", f.d(f.point2, 0)));
            JsonObject rejected = op1.awaitAnswer(bad);
            assertEquals("live.rejected", rejected.getString("type"));
            assertEquals("point.not-assigned", rejected.getString("code"));
        }
    }
}
