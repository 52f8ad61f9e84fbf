package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/**
 * The app with {@code diemcau.live.stream=redis} is one instance; a second Redis stream in the test
 * stands for another instance of the app (its own subscriber, the same Redis and namespace).
 */
@QuarkusTest
@TestProfile(LiveRedisSocketTest.Redis.class)
class LiveRedisSocketTest {
    static final String PREFIX = "diemcau-test:" + LiveFixture.uid() + ":";

    public static class Redis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("diemcau.live.stream", "redis", "diemcau.live.redis-prefix", PREFIX);
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    EventStream stream;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL base;

    @Test
    void eventsFromEitherInstanceReachTheClientsOfBothWithOneNumberingAndResumeWorksAcrossThem() {
        assertTrue(stream instanceof RedisEventStream, stream.getClass().getName());
        io.vertx.redis.client.Redis client = io.vertx.redis.client.Redis.createClient(vertx, RedisEventStreamTest.URL);
        List<String> atOther = Collections.synchronizedList(new ArrayList<>());
        try (RedisEventStream other = new RedisEventStream(vertx, client, json, 16, PREFIX)) {
            other.subscribe((sid, f) -> atOther.add(f.text()));
            LiveFixture f = LiveFixture.scheduled();
            long seen;
            try (WsClient hall = WsClient.connect(vertx, base, f.sessionId, Tokens.ORGANIZER, null);
                    WsClient dropping = WsClient.connect(vertx, base, f.sessionId, Tokens.OBSERVER, null)) {
                seen = dropping.awaitType("live.snapshot").getLong("seq");
                assertEquals(seen, hall.awaitType("live.snapshot").getLong("seq"));
                assertEquals(seen, other.lastSeq(f.sessionId));
                // A command on this instance: the other instance delivers the same frame.
                LiveSocketTest.ok(hall, WsClient.command("session.start", LiveSocketTest.id()));
                JsonObject started = hall.awaitType("session.started");
                assertEquals(seen + 1, started.getLong("seq"));
                await().atMost(Duration.ofSeconds(5)).until(() -> atOther.size() == 1);
                assertEquals(started, new JsonObject(atOther.get(0)));
                // An event published by the other instance reaches this instance's clients.
                other.publish(f.sessionId, new ServerMessage.SessionEnded(f.sessionId, Instant.EPOCH));
                assertEquals(seen + 2, hall.awaitType("session.ended").getLong("seq"));
                dropping.awaitType("session.ended");
            }
            other.publish(f.sessionId, new ServerMessage.RollCallStarted(Instant.EPOCH, "organizer", List.of()));
            // Resume here from a number seen before: the events of both instances, in order, no snapshot.
            try (WsClient back = WsClient.connect(vertx, base, f.sessionId, Tokens.OBSERVER, "lastSeq=" + seen)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> back.received.size() >= 3);
                assertEquals(
                        List.of("session.started", "session.ended", "rollcall.started"),
                        back.received.stream().map(m -> m.getString("type")).toList());
                LiveSocketTest.assertSeqsConsecutive(back.received);
                assertEquals(seen + 1, back.received.get(0).getLong("seq"));
            }
            // ...and from the other instance's ring.
            assertEquals(
                    List.of(seen + 1, seen + 2, seen + 3),
                    other.since(f.sessionId, seen).orElseThrow().stream()
                            .map(Frame::seq)
                            .toList());
        } finally {
            client.close();
        }
    }
}
