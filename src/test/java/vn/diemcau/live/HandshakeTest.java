package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/**
 * An open socket keeps nothing of its upgrade request but what it was given in onOpen: the headers
 * (both copies) are gone, and so is the dead request context of the open callback. What the socket
 * needs later still works: the identity behind each command, a refusal for the wrong role, the
 * snapshot on resume.
 */
@QuarkusTest
class HandshakeTest {
    @Inject
    Vertx vertx;

    @Inject
    OpenConnections connections;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOpenSocketShedsItsUpgradeAndStillKnowsWhoIsOnIt() {
        LiveFixture f = LiveFixture.scheduled();
        String invitation = LiveSocketTest.invitation(f, "Nguyễn Thị Hồng Nhung");
        long droppedBefore = Handshake.droppedRequestContexts();
        try (WsClient phone = WsClient.connect(
                        vertx, base, f.sessionId, Map.of("Authorization", "Invitation " + invitation), null);
                WsClient hall = WsClient.connect(vertx, base, f.sessionId, Tokens.ORGANIZER, null)) {
            phone.awaitType("live.snapshot");
            hall.awaitType("live.snapshot");
            List<WebSocketConnection> mine = connections.stream()
                    .filter(c -> c.handshakeRequest().path().equals("/live/sessions/" + f.sessionId))
                    .toList();
            assertEquals(2, mine.size());
            for (WebSocketConnection c : mine) {
                assertTrue(
                        c.handshakeRequest().headers().isEmpty(),
                        "headers kept: " + c.handshakeRequest().headers());
                assertNull(c.handshakeRequest().header("Authorization"));
            }
            // the open callbacks' request contexts are dropped a moment after they ended
            await().atMost(Duration.ofSeconds(10)).until(() -> Handshake.droppedRequestContexts() >= droppedBefore + 2);

            // each command is still made by whoever opened the socket
            String refused = LiveSocketTest.id();
            phone.send(WsClient.command("session.start", refused));
            JsonObject answer = phone.awaitAnswer(refused);
            assertEquals("live.rejected", answer.getString("type"), answer.encode());
            assertEquals(403, answer.getInteger("status"), answer.encode());
            String start = LiveSocketTest.id();
            hall.send(WsClient.command("session.start", start));
            assertEquals("live.ack", hall.awaitAnswer(start).getString("type"));
            phone.awaitType("session.started");
            assertNull(phone.closeCode);
            assertNull(hall.closeCode);
        }
    }
}
