package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/**
 * Live frames are written to the channel below the connection's idle timer (quarkus.http.idle-timeout),
 * which is told of each of them: a client that only listens while events keep coming stays
 * connected, and one that hears nothing for longer than the timeout is closed, as before.
 */
@QuarkusTest
@TestProfile(LiveIdleTimeoutTest.ShortIdleTimeout.class)
class LiveIdleTimeoutTest {
    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s");
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    LiveHub hub;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aListenerKeptBusyByEventsStaysWhileASilentOneIsClosedAtTheTimeout() throws Exception {
        LiveFixture busy = LiveFixture.scheduled();
        LiveFixture quiet = LiveFixture.scheduled();
        try (WsClient listener = WsClient.connect(vertx, base, busy.sessionId, Tokens.OBSERVER, null);
                WsClient silent = WsClient.connect(vertx, base, quiet.sessionId, Tokens.OBSERVER, null)) {
            listener.awaitType("live.snapshot");
            silent.awaitType("live.snapshot");
            assertEquals(1, hub.plain(busy.sessionId));
            // 5 s of events every 400 ms: more than twice the timeout, never a gap as long as it
            for (int i = 0; i < 12; i++) {
                hub.publish(busy.sessionId, new ServerMessage.RollCallStarted(Instant.now(), "Ban Tổ chức", List.of()));
                Thread.sleep(400);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> silent.ws.isClosed());
            assertEquals(0, hub.connections(quiet.sessionId));
            assertEquals(12, listener.ofType("rollcall.started").size());
            assertFalse(listener.ws.isClosed());
            assertEquals(1, hub.connections(busy.sessionId));
        }
    }
}
