package vn.diemcau.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/**
 * The fan-out benchmark in small: the same generator, 50 real connections (participants with
 * invitations, operators with bearer tokens) from two source addresses, points sending heartbeats
 * meanwhile. Asserts correctness only (every event reached every client once), never timing.
 */
@QuarkusTest
class LiveFanOutSmokeTest {
    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEventReachesEveryClientOnceWhilePointsSendHeartbeats() throws Exception {
        BenchFixture f = new BenchFixture(5, 10);
        String operator = Tokens.of(Tokens.OPERATOR1);
        int n = 50, events = 5;
        LoadGenerator g = new LoadGenerator(vertx, 2);
        LoadGenerator.Target target = new LoadGenerator.Target(
                "diemcau", base.getPort(), f.path(), LoadGenerator.Protocol.PLAIN, "agenda.item_extended", true, 0);
        try (LoadGenerator.Heartbeats beats =
                g.heartbeats(base.getPort(), f.path(), Map.of("Authorization", "Bearer " + operator), f.points, 200)) {
            // the main hall's console: its commands go on its own live socket
            LoadGenerator.Trigger extend = g.socket(
                    base.getPort(),
                    f.path(),
                    Map.of("Authorization", "Bearer " + Tokens.of(Tokens.ORGANIZER)),
                    e -> f.extendBody()
                            .replace("{uuid}", java.util.UUID.randomUUID().toString()));
            LoadGenerator.Round r = g.run(target, n, i -> f.headers(i, operator), events, extend);
            assertEquals(n * events, r.delivered(), r.line());
            assertEquals(0, r.lost(), r.line());
            assertEquals(0, r.duplicated(), r.line());
            assertTrue(beats.sent.get() > 0);
            assertEquals(f.points.size(), beats.open());
        }
        // Every extension was applied once: 60 minutes + 5 + the warm-up one.
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/agenda")
                .then()
                .body("[0].durationMinutes", org.hamcrest.Matchers.equalTo(60 + events + 1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Tokens.as(Tokens.ORGANIZER)
                                .get("/api/sessions/" + f.sessionId + "/live")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("points.status")
                                .stream()
                                .filter("ONLINE"::equals)
                                .count()
                        == f.points.size());
    }
}
