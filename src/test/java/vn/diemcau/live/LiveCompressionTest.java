package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/**
 * With permessage-deflate switched back on ({@code DIEMCAU_LIVE_COMPRESSION=true}), a client that
 * offers it (as browsers do) gets it and its frames go through the extension; one that offers
 * nothing still gets the prepared messages as they are. Both read the same events, small ones and
 * ones long enough to go in fragments. (With the default, compression off, the same check is in
 * {@link LiveSocketTest}: the offer is declined and both get the prepared messages.)
 */
@QuarkusTest
@TestProfile(LiveCompressionTest.Compression.class)
class LiveCompressionTest {
    public static class Compression implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.per-message-compression-supported", "true");
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    LiveHub hub;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aClientOfferingDeflateGetsItAndTheSameEventsAsAClientWithout() {
        deliveredAlike(vertx, base, hub, "permessage-deflate", 1);
    }

    /**
     * A browser-like client (offering deflate) and a plain one watch one session while a short and a
     * long event (210 KB of Vietnamese text: four fragments) are published; {@code extension} is what
     * the server must have agreed to, {@code plain} how many of the two get prepared messages.
     */
    static void deliveredAlike(Vertx vertx, URL base, LiveHub hub, String extension, int plain) {
        LiveFixture f = LiveFixture.scheduled();
        try (WsClient browser = WsClient.connectOfferingDeflate(vertx, base, f.sessionId, Tokens.OBSERVER);
                WsClient plainClient = WsClient.connect(vertx, base, f.sessionId, Tokens.OBSERVER, null)) {
            browser.awaitType("live.snapshot");
            plainClient.awaitType("live.snapshot");
            assertEquals(
                    extension,
                    browser.extensions() == null ? null : browser.extensions().split(";")[0]);
            assertEquals(null, plainClient.extensions());
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections(f.sessionId) == 2);
            assertEquals(plain, hub.plain(f.sessionId));

            List<String> by = List.of("Nguyễn Thị Ánh", "Phòng họp " + "ắ".repeat(70_000));
            for (String who : by)
                hub.publish(f.sessionId, new ServerMessage.RollCallStarted(Instant.now(), who, List.of(1L)));
            for (WsClient c : List.of(browser, plainClient)) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> c.ofType("rollcall.started").size() == by.size());
                List<JsonObject> got = c.ofType("rollcall.started");
                for (int i = 0; i < by.size(); i++)
                    assertTrue(by.get(i).equals(got.get(i).getString("by")), "event " + i + " arrived altered");
            }
            assertEquals(
                    browser.events().stream().map(e -> e.getLong("seq")).toList(),
                    plainClient.events().stream().map(e -> e.getLong("seq")).toList());
        }
    }
}
