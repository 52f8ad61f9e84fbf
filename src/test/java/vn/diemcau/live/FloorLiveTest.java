package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.diemcau.floor.FloorFixture;
import vn.diemcau.testing.Tokens;

/** The floor and the questions over the live socket, with real WebSocket clients. */
@QuarkusTest
class FloorLiveTest {
    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    WsClient connect(FloorFixture f, String user) {
        return WsClient.connect(vertx, base, f.sessionId, user, null);
    }

    WsClient participant(FloorFixture f, String token) {
        return WsClient.connect(vertx, base, f.sessionId, Map.of("Authorization", "Invitation " + token), null);
    }

    @Test
    void aPointAsksTheMainHallGrantsAndEveryoneSeesItLiveResendAppliedOnce() {
        FloorFixture f = FloorFixture.live();
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient point = connect(f, Tokens.OPERATOR1);
                WsClient other = connect(f, Tokens.OPERATOR2);
                WsClient phone = participant(f, f.token3)) {
            JsonObject snap = point.awaitType("live.snapshot");
            assertTrue(snap.getJsonObject("floor").getJsonArray("queue").isEmpty());
            assertNull(snap.getJsonObject("floor").getValue("speaking"));
            phone.awaitType("live.snapshot");

            String cmd = FloorFixture.id();
            JsonObject ask = WsClient.command(
                    "floor.request",
                    cmd,
                    "pointId",
                    f.point1,
                    "delegateId",
                    f.delegate1,
                    "topic",
                    "Xin phát biểu ý kiến");
            point.send(ask);
            assertTrue(point.awaitAnswer(cmd).getBoolean("ok"));
            JsonObject requested = hall.awaitType("floor.requested");
            JsonObject r = requested.getJsonObject("request");
            assertEquals(f.point1, r.getLong("pointId"));
            assertEquals("Nguyễn Văn Ánh", r.getString("delegateName"));
            assertEquals("WAITING", r.getString("status"));
            assertEquals(
                    requested.getLong("seq"), other.awaitType("floor.requested").getLong("seq"));
            assertEquals(
                    requested.getLong("seq"), phone.awaitType("floor.requested").getLong("seq"));

            // The offline queue resends the same command after a reconnect: acked again, applied once.
            point.send(ask);
            Awaitility.await()
                    .until(() -> point.received.stream()
                                    .filter(m -> cmd.equals(m.getString("commandId")))
                                    .count()
                            == 2);
            assertEquals(1, point.ofType("floor.requested").size());

            long id = r.getLong("id");
            String grant = FloorFixture.id();
            hall.send(WsClient.command("floor.grant", grant, "requestId", id));
            assertTrue(hall.awaitAnswer(grant).getBoolean("ok"));
            JsonObject granted = point.awaitType("floor.granted");
            assertEquals(id, granted.getJsonObject("request").getLong("id"));
            assertEquals("GRANTED", granted.getJsonObject("request").getString("status"));
            phone.awaitType("floor.granted");

            // A point may not grant itself; the refusal goes to the sender only and nothing is broadcast.
            String self = FloorFixture.id();
            other.send(WsClient.command("floor.grant", self, "requestId", id));
            JsonObject rejected = other.awaitAnswer(self);
            assertEquals("live.rejected", rejected.getString("type"));
            assertEquals(403, rejected.getInteger("status"));

            // A client joining now finds the speaker in its snapshot.
            try (WsClient late = connect(f, Tokens.OBSERVER)) {
                JsonObject s = late.awaitType("live.snapshot");
                assertEquals(
                        id, s.getJsonObject("floor").getJsonObject("speaking").getLong("id"));
            }
            String finish = FloorFixture.id();
            point.send(WsClient.command("floor.finish", finish, "requestId", id));
            assertTrue(point.awaitAnswer(finish).getBoolean("ok"));
            assertEquals(
                    "FINISHED",
                    hall.awaitType("floor.finished").getJsonObject("request").getString("status"));
            assertEquals(1, hall.ofType("floor.granted").size());
        }
    }

    @Test
    void closingTheQueueReachesEveryScreenAndTheSnapshot() {
        FloorFixture f = FloorFixture.live();
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient point = connect(f, Tokens.OPERATOR1);
                WsClient phone = participant(f, f.token3)) {
            assertFalse(point.awaitType("live.snapshot").getJsonObject("floor").getBoolean("queueClosed"));
            phone.awaitType("live.snapshot");
            hall.awaitType("live.snapshot");

            String close = FloorFixture.id();
            hall.send(WsClient.command("floor.close_queue", close));
            assertTrue(hall.awaitAnswer(close).getBoolean("ok"));
            JsonObject closed = point.awaitType("floor.queue_closed");
            assertEquals(Tokens.username(Tokens.ORGANIZER), closed.getString("by"));
            phone.awaitType("floor.queue_closed");

            String ask = FloorFixture.id();
            point.send(WsClient.command("floor.request", ask, "pointId", f.point1, "topic", "Khi đã đóng"));
            JsonObject refused = point.awaitAnswer(ask);
            assertEquals("live.rejected", refused.getString("type"));
            assertEquals("floor.queue-closed", refused.getString("code"));

            try (WsClient late = connect(f, Tokens.OBSERVER)) {
                assertTrue(
                        late.awaitType("live.snapshot").getJsonObject("floor").getBoolean("queueClosed"));
            }
            String open = FloorFixture.id();
            hall.send(WsClient.command("floor.open_queue", open));
            assertTrue(hall.awaitAnswer(open).getBoolean("ok"));
            point.awaitType("floor.queue_opened");
            assertEquals(0, point.ofType("floor.requested").size());
        }
    }

    @Test
    void pendingQuestionsTravelWithoutTheirTextApprovedOnesInFull() {
        FloorFixture f = FloorFixture.live();
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient phone = participant(f, f.token2)) {
            phone.awaitType("live.snapshot");
            long id = io.restassured.RestAssured.given()
                    .header("Authorization", "Invitation " + f.token1)
                    .contentType(ContentType.JSON)
                    .body(Map.of("text", "Nội dung bí mật chưa duyệt"))
                    .post("/api/sessions/" + f.sessionId + "/questions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            JsonObject asked = phone.awaitType("question.asked");
            assertEquals(id, asked.getLong("questionId"));
            assertEquals(1, asked.getLong("pending"));
            assertFalse(asked.encode().contains("bí mật"), asked.encode());
            hall.awaitType("question.asked");

            Tokens.as(Tokens.ORGANIZER)
                    .contentType(ContentType.JSON)
                    .body(Map.of("action", "APPROVE"))
                    .post("/api/sessions/" + f.sessionId + "/questions/" + id + "/moderation")
                    .then()
                    .statusCode(200);
            JsonObject approved = phone.awaitType("question.approved");
            assertEquals(
                    "Nội dung bí mật chưa duyệt",
                    approved.getJsonObject("question").getString("text"));
            assertEquals(0, approved.getLong("pending"));

            Tokens.as(Tokens.ORGANIZER)
                    .contentType(ContentType.JSON)
                    .body(Map.of("action", "HIDE"))
                    .post("/api/sessions/" + f.sessionId + "/questions/" + id + "/moderation")
                    .then()
                    .statusCode(200);
            JsonObject hidden = phone.awaitType("question.hidden");
            assertEquals(id, hidden.getLong("questionId"));
            assertFalse(hidden.containsKey("question"));
        }
    }
}
