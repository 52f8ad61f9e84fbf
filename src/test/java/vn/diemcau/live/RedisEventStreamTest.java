package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Redis streams in one JVM stand for two instances of the app sharing the real Redis on
 * 127.0.0.1:6379 (DIEMCAU_REDIS_URL). Only this test (and LiveRedisSocketTest) needs Redis.
 */
class RedisEventStreamTest {
    static final String URL = System.getenv().getOrDefault("DIEMCAU_REDIS_URL", "redis://127.0.0.1:6379");
    Vertx vertx;
    Redis redis;
    RedisEventStream a;
    RedisEventStream b;
    final List<String> gotA = Collections.synchronizedList(new ArrayList<>());
    final List<String> gotB = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void twoInstances() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, URL);
        String prefix = "diemcau-test:" + LiveFixture.uid() + ":";
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        a = new RedisEventStream(vertx, redis, json, 3, prefix);
        b = new RedisEventStream(vertx, redis, json, 3, prefix);
        a.subscribe((sid, f) -> gotA.add(sid + ":" + f.seq() + ":" + f.text()));
        b.subscribe((sid, f) -> gotB.add(sid + ":" + f.seq() + ":" + f.text()));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
        redis.close();
        vertx.close();
    }

    @Test
    void anEventPublishedOnOneInstanceIsDeliveredByBothWithTheSameNumber() {
        long base = a.lastSeq(1);
        assertEquals(base, b.lastSeq(1));
        a.publish(1, new ServerMessage.SessionStarted(1, Instant.EPOCH));
        // publish returns once the publishing instance has delivered it.
        assertEquals(1, gotA.size());
        String expected = "1:" + (base + 1) + ":{\"seq\":" + (base + 1) + ",\"type\":\"session.started\"";
        assertTrue(gotA.get(0).startsWith(expected), gotA.get(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> gotB.size() == 1);
        assertEquals(gotA, gotB);
        b.publish(1, new ServerMessage.SessionEnded(1, Instant.EPOCH));
        await().atMost(Duration.ofSeconds(5)).until(() -> gotA.size() == 2);
        assertEquals(gotA, gotB);
        assertEquals(base + 2, a.lastSeq(1));
        assertEquals(base + 2, b.lastSeq(1));
        // Another session has its own numbers.
        long other = b.lastSeq(2);
        b.publish(2, new ServerMessage.SessionEnded(2, Instant.EPOCH));
        assertEquals(other + 1, a.lastSeq(2));
    }

    @Test
    void resumeFromEitherInstanceGetsTheKeptFramesOrNothing() {
        long base = a.lastSeq(7);
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? a : b).publish(7, new ServerMessage.SessionStarted(7, Instant.EPOCH));
        }
        for (RedisEventStream s : List.of(a, b)) {
            List<Frame> kept = s.since(7, base + 2).orElseThrow();
            assertEquals(
                    List.of(base + 3, base + 4, base + 5),
                    kept.stream().map(Frame::seq).toList());
            assertTrue(
                    kept.get(0).text().startsWith("{\"seq\":" + (base + 3) + ","),
                    kept.get(0).text());
            assertEquals(List.of(), s.since(7, base + 5).orElseThrow());
            // base+2 is no longer kept (ring of 3): a snapshot is needed; so for a number from the future.
            assertTrue(s.since(7, base + 1).isEmpty());
            assertTrue(s.since(7, base + 99).isEmpty());
        }
    }

    @Test
    void eachFrameKeepsItsAudienceThroughRedisDeliveredAndKept() {
        List<Audience> delivered = Collections.synchronizedList(new ArrayList<>());
        b.subscribe((sid, f) -> {
            if (sid == 11) delivered.add(f.audience());
        });
        long base = a.lastSeq(11);
        List<Audience> sent = List.of(Audience.EVERYONE, Audience.STAFF, Audience.OVERSEERS);
        for (Audience audience : sent) a.publish(11, new ServerMessage.SessionStarted(11, Instant.EPOCH), audience);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 3);
        assertEquals(sent, delivered);
        a.publish(11, new ServerMessage.SessionStarted(11, Instant.EPOCH), Audience.points(List.of(42L, 7L)));
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 4);
        for (Frame f : List.of(
                b.since(11, base + 3).orElseThrow().get(0),
                a.since(11, base + 3).orElseThrow().get(0))) {
            assertEquals(Audience.Kind.POINTS, f.audience().kind());
            assertEquals(
                    List.of(7L, 42L),
                    java.util.Arrays.stream(f.audience().points()).boxed().toList());
            assertTrue(f.text().startsWith("{\"seq\":" + (base + 4) + ","), f.text());
        }
        assertEquals(
                List.of(7L, 42L),
                java.util.Arrays.stream(delivered.get(3).points()).boxed().toList());
    }

    @Test
    void framesKeptBeforeAudiencesHadPointsAreStillRead() {
        Frame old = RedisEventStream.frame("S{\"seq\":5,\"type\":\"rollcall.started\"}");
        assertEquals(5, old.seq());
        assertEquals(Audience.STAFF, old.audience());
        assertEquals(
                Audience.EVERYONE,
                RedisEventStream.frame("A{\"seq\":6,\"type\":\"session.started\"}")
                        .audience());
        Frame now = RedisEventStream.frame("P3,9|{\"seq\":7,\"type\":\"point.statuses_changed\"}");
        assertEquals("{\"seq\":7,\"type\":\"point.statuses_changed\"}", now.text());
        assertTrue(now.audience().reaches(true, new long[] {9}));
    }

    @Test
    void concurrentPublishersOnBothInstancesYieldOneOrderEverywhereNoneLostNoneTwice() throws Exception {
        long base = a.lastSeq(9);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 200; i++) {
            RedisEventStream s = i % 2 == 0 ? a : b;
            pool.submit(() -> s.publish(9, new ServerMessage.SessionStarted(9, Instant.EPOCH)));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(10)).until(() -> gotA.size() == 200 && gotB.size() == 200);
        assertEquals(gotA, gotB);
        for (int i = 0; i < 200; i++) assertTrue(gotA.get(i).startsWith("9:" + (base + 1 + i) + ":"), gotA.get(i));
    }
}
