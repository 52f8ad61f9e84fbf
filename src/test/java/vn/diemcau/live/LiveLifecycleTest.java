package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diemcau.live.LiveSocketTest.id;
import static vn.diemcau.live.LiveSocketTest.ok;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.diemcau.agenda.AgendaItem;
import vn.diemcau.testing.Tokens;

/** live-ui: the overrun announcement and dropping what the hub keeps for sessions that are over. */
@QuarkusTest
class LiveLifecycleTest {
    @Inject
    Vertx vertx;

    @Inject
    LiveHub hub;

    @Inject
    InMemoryEventStream stream;

    @TestHTTPResource("/")
    URL base;

    WsClient connect(LiveFixture f, String user, String query) {
        return WsClient.connect(vertx, base, f.sessionId, user, query);
    }

    @Test
    void anItemRunningPastItsPlannedEndIsAnnouncedOnceToEveryScreen() {
        LiveFixture f = LiveFixture.scheduled();
        long first = f.items.get(0), second = f.items.get(1);
        try (WsClient hall = connect(f, Tokens.ORGANIZER, null);
                WsClient point = connect(f, Tokens.OPERATOR1, null)) {
            hall.awaitType("live.snapshot");
            point.awaitType("live.snapshot");
            ok(hall, WsClient.command("session.start", id()));
            ok(hall, WsClient.command("agenda.start_item", id(), "itemId", first));
            ok(hall, WsClient.command("agenda.extend_item", id(), "itemId", first, "minutes", 2));
            // Started 11 minutes ago: within its 10 + 2 planned minutes, the sweeps (every second in
            // tests) announce nothing.
            moveStart(first, Duration.ofMinutes(11));
            sleep(Duration.ofMillis(2500));
            assertTrue(point.ofType("agenda.item_overran").isEmpty());
            assertNull(overranAt(first));

            // 13 minutes ago: over by one minute; the scheduler (every second in tests) announces it.
            moveStart(first, Duration.ofMinutes(2));
            JsonObject overran = point.awaitType("agenda.item_overran");
            JsonObject item = overran.getJsonObject("item");
            assertEquals(first, item.getLong("id"));
            assertEquals("ACTIVE", item.getString("status"));
            assertEquals(12, item.getInteger("durationMinutes"));
            assertNotNull(overran.getLong("seq"));
            assertEquals(
                    overran.getLong("seq"),
                    hall.awaitType("agenda.item_overran").getLong("seq"));
            Instant marked = overranAt(first);
            assertNotNull(marked);

            // Once per item: later sweeps (and a restarted server, which reads the mark) stay silent.
            sleep(Duration.ofMillis(2500));
            assertEquals(1, point.ofType("agenda.item_overran").size());
            assertEquals(marked, overranAt(first));

            // The next item has its own time and its own announcement.
            ok(hall, WsClient.command("agenda.start_item", id(), "itemId", second));
            moveStart(second, Duration.ofMinutes(46));
            point.await(m -> "agenda.item_overran".equals(m.getString("type"))
                    && m.getJsonObject("item").getLong("id") == second);
            assertEquals(2, point.ofType("agenda.item_overran").size());
        }
    }

    @Test
    void anEndedSessionIsDroppedFromMemoryOnceItsLastConnectionLeaves() {
        LiveFixture f = LiveFixture.scheduled();
        long seen;
        try (WsClient hall = connect(f, Tokens.ORGANIZER, null)) {
            hall.awaitType("live.snapshot");
            try (WsClient point = connect(f, Tokens.OPERATOR1, null)) {
                seen = point.awaitType("live.snapshot").getLong("seq");
                ok(hall, WsClient.command("session.start", id()));
                point.awaitType("session.started");
            }
            ok(hall, WsClient.command("agenda.start_item", id(), "itemId", f.items.get(0)));
            ok(hall, WsClient.command("session.end", id()));
            hall.awaitType("session.ended");
            // The hall is still connected: the ended session's stream stays, and a point that
            // dropped before the end resumes with exactly what it missed.
            assertTrue(stream.keeps(f.sessionId));
            try (WsClient back = connect(f, Tokens.OPERATOR1, "lastSeq=" + seen)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> back.received.size() >= 4);
                assertEquals(
                        List.of("session.started", "agenda.item_started", "agenda.item_finished", "session.ended"),
                        back.received.stream().map(m -> m.getString("type")).toList());
                LiveSocketTest.assertSeqsConsecutive(back.received);
            }
            // (the closed resume leaves asynchronously)
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.connections(f.sessionId) == 1);
            assertTrue(stream.keeps(f.sessionId));
        }
        // The last connection left: nothing is kept for the session any more.
        await().atMost(Duration.ofSeconds(10)).until(() -> !stream.keeps(f.sessionId));
        assertEquals(0, hub.connections(f.sessionId));
        assertFalse(hub.idle().contains(f.sessionId));

        // A late resume gets a fresh snapshot of the ended session; when it leaves, the scheduler
        // drops the session again (the hub never saw this one end).
        try (WsClient late = connect(f, Tokens.OBSERVER, "lastSeq=" + seen)) {
            JsonObject snap = late.awaitType("live.snapshot");
            assertEquals("ENDED", snap.getJsonObject("session").getString("status"));
            assertEquals(1, late.received.size());
            assertTrue(stream.keeps(f.sessionId));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !stream.keeps(f.sessionId) && !hub.idle().contains(f.sessionId));
    }

    @Test
    void aLiveSessionKeepsItsStreamWhenNobodyIsConnected() {
        LiveFixture f = LiveFixture.scheduled();
        long seen;
        try (WsClient hall = connect(f, Tokens.ORGANIZER, null)) {
            seen = hall.awaitType("live.snapshot").getLong("seq");
            ok(hall, WsClient.command("session.start", id()));
        }
        sleep(Duration.ofMillis(2500));
        assertTrue(stream.keeps(f.sessionId));
        try (WsClient back = connect(f, Tokens.ORGANIZER, "lastSeq=" + seen)) {
            assertEquals("session.started", back.awaitType("session.started").getString("type"));
            assertTrue(back.ofType("live.snapshot").isEmpty());
        }
    }

    private static void moveStart(long itemId, Duration back) {
        QuarkusTransaction.requiringNew().run(() -> {
            AgendaItem item = AgendaItem.findById(itemId);
            item.actualStart = item.actualStart.minus(back);
        });
    }

    private static Instant overranAt(long itemId) {
        return QuarkusTransaction.requiringNew().call(() -> AgendaItem.<AgendaItem>findById(itemId).overranAt);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
