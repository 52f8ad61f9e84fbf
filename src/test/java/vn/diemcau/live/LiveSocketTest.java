package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

@QuarkusTest
class LiveSocketTest {
    @Inject
    Vertx vertx;

    @Inject
    LiveHub hub;

    @TestHTTPResource("/")
    URL base;

    WsClient connect(LiveFixture f, String user) {
        return WsClient.connect(vertx, base, f.sessionId, user, null);
    }

    static String id() {
        return "cmd-" + LiveFixture.uid();
    }

    @Test
    void snapshotOnConnectThenBroadcastReachesEveryClientOfTheSessionAndNoneOfAnother() {
        LiveFixture a = LiveFixture.scheduled();
        LiveFixture b = LiveFixture.scheduled();
        try (WsClient organizer = connect(a, Tokens.ORGANIZER);
                WsClient observer = connect(a, Tokens.OBSERVER);
                WsClient operator = connect(a, Tokens.OPERATOR1);
                WsClient other = connect(b, Tokens.ORGANIZER)) {
            JsonObject snap = operator.awaitType("live.snapshot");
            assertEquals("SCHEDULED", snap.getJsonObject("session").getString("status"));
            assertEquals(3, snap.getJsonArray("agenda").size());
            assertEquals(
                    "Khai mạc", snap.getJsonArray("agenda").getJsonObject(0).getString("title"));
            // an operator's console: its own point only
            assertEquals(List.of(a.point1), ids(snap.getJsonArray("points")));
            assertEquals(
                    "NOT_JOINED", snap.getJsonArray("points").getJsonObject(0).getString("status"));
            assertNotNull(snap.getLong("seq"));
            JsonObject hallSnap = organizer.awaitType("live.snapshot");
            assertEquals(3, hallSnap.getJsonArray("points").size());
            assertEquals(
                    a.mainHall, hallSnap.getJsonArray("points").getJsonObject(0).getLong("id"));
            other.awaitType("live.snapshot");
            observer.awaitType("live.snapshot");

            String cmd = id();
            organizer.send(WsClient.command("session.start", cmd));
            assertEquals(true, organizer.awaitAnswer(cmd).getBoolean("ok"));
            long seq = organizer.awaitType("session.started").getLong("seq");
            assertEquals(seq, observer.awaitType("session.started").getLong("seq"));
            assertEquals(seq, operator.awaitType("session.started").getLong("seq"));
            assertEquals(a.sessionId, operator.awaitType("session.started").getLong("sessionId"));
            // The ack went only to the sender.
            assertTrue(observer.ofType("live.ack").isEmpty());

            // Something happens in b afterwards: b's client gets it, and it never got a's event.
            String cmdB = id();
            other.send(WsClient.command("session.start", cmdB));
            other.awaitType("session.started");
            assertEquals(1, other.events().size());
            assertEquals(b.sessionId, other.events().get(0).getLong("sessionId"));
            assertEquals(1, organizer.events().size());
        }
        Tokens.as(Tokens.ORGANIZER).get("/api/sessions/" + a.sessionId).then().body("status", equalTo("LIVE"));
    }

    @Test
    void theMainHallRunsTheAgendaThroughTheSocket() {
        LiveFixture f = LiveFixture.scheduled();
        long i1 = f.items.get(0), i2 = f.items.get(1), i3 = f.items.get(2);
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient point = connect(f, Tokens.OPERATOR1)) {
            hall.awaitType("live.snapshot");
            // Not live yet: the agenda cannot run, and nothing changes.
            String early = id();
            hall.send(WsClient.command("agenda.start_item", early, "itemId", i1));
            JsonObject rejected = hall.awaitAnswer(early);
            assertEquals("live.rejected", rejected.getString("type"));
            assertEquals("live.session-not-live", rejected.getString("code"));
            assertTrue(rejected.getString("message").contains("chưa diễn ra"), rejected.getString("message"));

            ok(hall, WsClient.command("session.start", id()));
            ok(hall, WsClient.command("agenda.start_item", id(), "itemId", i1));
            JsonObject started = point.awaitType("agenda.item_started").getJsonObject("item");
            assertEquals(i1, started.getLong("id"));
            assertEquals("ACTIVE", started.getString("status"));
            assertNotNull(started.getString("actualStart"));

            ok(hall, WsClient.command("agenda.extend_item", id(), "itemId", i1, "minutes", 5));
            JsonObject extended = point.awaitType("agenda.item_extended");
            assertEquals(5, extended.getInteger("minutes"));
            assertEquals(15, extended.getJsonObject("item").getInteger("durationMinutes"));

            // The pending items change places; all of them must be named, each once.
            String partial = id();
            hall.send(WsClient.command("agenda.reorder", partial, "itemIds", List.of(i3)));
            assertEquals("agenda.order-mismatch", hall.awaitAnswer(partial).getString("code"));
            ok(hall, WsClient.command("agenda.reorder", id(), "itemIds", List.of(i3, i2)));
            JsonObject reordered = point.awaitType("agenda.reordered");
            assertEquals(
                    List.of(i1, i3, i2),
                    reordered.getJsonArray("items").stream()
                            .map(o -> ((JsonObject) o).getLong("id"))
                            .toList());

            // Starting the next item finishes the running one: only one item is ever ACTIVE.
            ok(hall, WsClient.command("agenda.start_item", id(), "itemId", i2));
            JsonObject finished = point.awaitType("agenda.item_finished").getJsonObject("item");
            assertEquals(i1, finished.getLong("id"));
            assertNotNull(finished.getString("actualEnd"));
            point.await(m -> "agenda.item_started".equals(m.getString("type"))
                    && m.getJsonObject("item").getLong("id") == i2);

            ok(hall, WsClient.command("agenda.skip_item", id(), "itemId", i3));
            assertEquals(
                    i3,
                    point.awaitType("agenda.item_skipped").getJsonObject("item").getLong("id"));

            // An operator cannot drive the agenda.
            String denied = id();
            point.send(WsClient.command("agenda.finish_item", denied, "itemId", i2));
            assertEquals(403, point.awaitAnswer(denied).getInteger("status"));

            // The end of the session closes the item still running.
            ok(hall, WsClient.command("session.end", id()));
            point.awaitType("session.ended");
            point.await(m -> "agenda.item_finished".equals(m.getString("type"))
                    && m.getJsonObject("item").getLong("id") == i2);
            List<String> types =
                    point.events().stream().map(m -> m.getString("type")).toList();
            assertEquals(
                    List.of(
                            "session.started",
                            "agenda.item_started",
                            "agenda.item_extended",
                            "agenda.reordered",
                            "agenda.item_finished",
                            "agenda.item_started",
                            "agenda.item_skipped"),
                    types.subList(0, 7));
            assertSeqsConsecutive(point.events());
        }
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/agenda")
                .then()
                .body("id", contains((int) i1, (int) i3, (int) i2))
                .body("status", contains("DONE", "SKIPPED", "DONE"))
                .body("durationMinutes", contains(15, 30, 45));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/live")
                .then()
                .statusCode(200)
                .body("session.status", equalTo("ENDED"))
                .body("agenda[2].actualStart", org.hamcrest.Matchers.notNullValue())
                .body("agenda[2].actualEnd", org.hamcrest.Matchers.notNullValue())
                .body("agenda[1].actualStart", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aClientThatDropsAndResumesGetsExactlyTheMissedEventsInOrder() {
        LiveFixture f = LiveFixture.scheduled();
        long seen;
        try (WsClient dropping = connect(f, Tokens.OPERATOR1)) {
            seen = dropping.awaitType("live.snapshot").getLong("seq");
        }
        try (WsClient hall = connect(f, Tokens.ORGANIZER)) {
            hall.awaitType("live.snapshot");
            ok(hall, WsClient.command("session.start", id()));
            ok(hall, WsClient.command("agenda.start_item", id(), "itemId", f.items.get(0)));
            ok(hall, WsClient.command("agenda.extend_item", id(), "itemId", f.items.get(0), "minutes", 3));
            hall.awaitType("agenda.item_extended");
        }
        List<String> expected = List.of("session.started", "agenda.item_started", "agenda.item_extended");
        // Resume by query parameter: no snapshot, the three events with the next numbers.
        try (WsClient back = WsClient.connect(vertx, base, f.sessionId, Tokens.OPERATOR1, "lastSeq=" + seen)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> back.received.size() >= 3);
            assertEquals(
                    expected,
                    back.received.stream().map(m -> m.getString("type")).toList());
            assertEquals(seen + 1, back.received.get(0).getLong("seq"));
            assertSeqsConsecutive(back.received);
            assertTrue(back.ofType("live.snapshot").isEmpty());
        }
        // Resume by message on an open connection: the same three after its snapshot.
        try (WsClient back = connect(f, Tokens.OPERATOR1)) {
            back.awaitType("live.snapshot");
            back.send(new JsonObject().put("type", "live.resume").put("lastSeq", seen));
            await().atMost(Duration.ofSeconds(10)).until(() -> back.events().size() >= 3);
            assertEquals(
                    expected,
                    back.events().stream().map(m -> m.getString("type")).toList());
            assertEquals(seen + 1, back.events().get(0).getLong("seq"));
        }
    }

    @Test
    void aResumeOlderThanTheRingGetsAFreshSnapshot() {
        LiveFixture f = LiveFixture.scheduled();
        long seen;
        try (WsClient c = connect(f, Tokens.OBSERVER)) {
            seen = c.awaitType("live.snapshot").getLong("seq");
        }
        command(f, Map.of("type", "session.start", "commandId", id()));
        command(f, Map.of("type", "agenda.start_item", "commandId", id(), "itemId", f.items.get(0)));
        // The ring keeps 16 events in tests: 18 extensions push the first ones out.
        for (int i = 0; i < 18; i++) {
            command(f, Map.of("type", "agenda.extend_item", "commandId", id(), "itemId", f.items.get(0), "minutes", 1));
        }
        try (WsClient back = WsClient.connect(vertx, base, f.sessionId, Tokens.OBSERVER, "lastSeq=" + seen)) {
            JsonObject snap = back.awaitType("live.snapshot");
            assertEquals(seen + 20, snap.getLong("seq"));
            assertEquals("LIVE", snap.getJsonObject("session").getString("status"));
            assertEquals(28, snap.getJsonArray("agenda").getJsonObject(0).getInteger("durationMinutes"));
            assertEquals(1, back.received.size());
        }
    }

    @Test
    void aResentCommandIsAppliedOnceAndGetsTheSameAnswer() {
        LiveFixture f = LiveFixture.scheduled();
        long item = f.items.get(1);
        command(f, Map.of("type", "session.start", "commandId", id()));
        command(f, Map.of("type", "agenda.start_item", "commandId", id(), "itemId", item));
        String cmd = id();
        JsonObject extend = WsClient.command("agenda.extend_item", cmd, "itemId", item, "minutes", 5);
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient watcher = connect(f, Tokens.OBSERVER)) {
            hall.awaitType("live.snapshot");
            watcher.awaitType("live.snapshot");
            hall.send(extend);
            hall.send(extend);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> hall.ofType("live.ack").size() == 2);
            assertTrue(hall.ofType("live.ack").stream().allMatch(a -> cmd.equals(a.getString("commandId"))));
            // The same id over REST (Idempotency-Key) is the same command too.
            Tokens.as(Tokens.ORGANIZER)
                    .contentType(ContentType.JSON)
                    .header("Idempotency-Key", cmd)
                    .body(Map.of("type", "agenda.extend_item", "itemId", item, "minutes", 5))
                    .post("/api/sessions/" + f.sessionId + "/live/commands")
                    .then()
                    .statusCode(200)
                    .body("type", equalTo("live.ack"))
                    .body("commandId", equalTo(cmd));
            // A refused command resent: the same refusal, still nothing changed.
            String bad = id();
            JsonObject tooLong = WsClient.command("agenda.extend_item", bad, "itemId", item, "minutes", 999);
            hall.send(tooLong);
            hall.send(tooLong);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> hall.ofType("live.rejected").size() == 2);
            assertTrue(hall.ofType("live.rejected").stream()
                    .allMatch(r -> "agenda.extension-out-of-range".equals(r.getString("code"))));

            // A marker event after everything: once the watcher has it, every earlier event has arrived too.
            ok(hall, WsClient.command("agenda.finish_item", id(), "itemId", item));
            watcher.awaitType("agenda.item_finished");
            assertEquals(1, watcher.ofType("agenda.item_extended").size());
        }
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/agenda")
                .then()
                .body("durationMinutes", contains(10, 50, 30));
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> LiveCommand.count("sessionId = ?1 and commandId = ?2", f.sessionId, cmd));
        assertEquals(1, rows);
    }

    @Test
    void theSameCommandSentFromSeveralDevicesAtOnceIsAppliedOnceAndEveryoneGetsItsAnswer() throws Exception {
        LiveFixture f = LiveFixture.scheduled();
        long item = f.items.get(1);
        command(f, Map.of("type", "session.start", "commandId", id()));
        command(f, Map.of("type", "agenda.start_item", "commandId", id(), "itemId", item));
        String token = Tokens.of(Tokens.ORGANIZER);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 3; round++) {
                String cmd = id();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++)
                    answers.add(pool.submit(() -> {
                        go.await();
                        return io.restassured.RestAssured.given()
                                .auth()
                                .oauth2(token)
                                .contentType(ContentType.JSON)
                                .body(Map.of(
                                        "type", "agenda.extend_item", "commandId", cmd, "itemId", item, "minutes", 1))
                                .post("/api/sessions/" + f.sessionId + "/live/commands")
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("type");
                    }));
                go.countDown();
                for (var a : answers) assertEquals("live.ack", a.get(30, java.util.concurrent.TimeUnit.SECONDS));
                long rows = QuarkusTransaction.requiringNew()
                        .call(() -> LiveCommand.count("sessionId = ?1 and commandId = ?2", f.sessionId, cmd));
                assertEquals(1, rows);
            }
        } finally {
            pool.shutdownNow();
        }
        // three commands of six sends each: three minutes more, not eighteen
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/agenda")
                .then()
                .body("[1].durationMinutes", equalTo(45 + 3));
    }

    @Test
    void aCommandIdUsedAgainForAnotherCommandIsRefusedAndChangesNothing() {
        LiveFixture f = LiveFixture.scheduled();
        long item = f.items.get(1);
        command(f, Map.of("type", "session.start", "commandId", id()));
        String cmd = id();
        command(f, Map.of("type", "agenda.start_item", "commandId", cmd, "itemId", item));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "agenda.extend_item", "commandId", cmd, "itemId", item, "minutes", 5))
                .post("/api/sessions/" + f.sessionId + "/live/commands")
                .then()
                .statusCode(409)
                .body("code", equalTo("live.command-id-reused"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/agenda")
                .then()
                .body("[1].durationMinutes", equalTo(45))
                .body("[1].status", equalTo("ACTIVE"));
    }

    @Test
    void aBrowserOfferingDeflateIsDeclinedAndGetsThePreparedMessagesLikeEveryoneElse() {
        // compression is off by default: both connections get the prepared messages as they are
        LiveCompressionTest.deliveredAlike(vertx, base, hub, null, 2);
    }

    @Test
    void aStalledClientDoesNotDelayTheOthers() {
        LiveFixture f = LiveFixture.scheduled();
        try (WsClient stalled = connect(f, Tokens.OBSERVER);
                WsClient fast = connect(f, Tokens.OBSERVER)) {
            stalled.awaitType("live.snapshot");
            fast.awaitType("live.snapshot");
            stalled.ws.pause(); // never reads again: its socket buffers fill up
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections(f.sessionId) == 2);
            // Both are written to from their own event loop, with the frame's prepared bytes, as
            // whole messages on the channel: what is unsent is what the channel still holds.
            assertEquals(2, hub.onOwnEventLoop(f.sessionId));
            assertEquals(2, hub.plain(f.sessionId));
            // ... and straight to the socket while nothing is unsent: once the stalled one's socket
            // is full, the rest of a frame and every later one wait in its channel, in order.
            assertEquals(2, hub.straight(f.sessionId));
            String bulk = "x".repeat(64 * 1024);
            // 25 bursts of 16 frames of 64 KB: the fast client gets each burst promptly while the
            // stalled one's unsent frames pile up until it is dropped.
            int n = 0;
            for (int burst = 0; burst < 25; burst++) {
                Instant start = Instant.now();
                for (int i = 0; i < 16; i++) {
                    hub.publish(
                            f.sessionId, new ServerMessage.RollCallStarted(Instant.now(), bulk, List.of((long) n++)));
                }
                int expected = n;
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> fast.ofType("rollcall.started").size() == expected);
                Duration took = Duration.between(start, Instant.now());
                assertTrue(took.toMillis() < 3000, "burst " + burst + " took " + took);
            }
            assertSeqsConsecutive(fast.events());
            // The stalled one was dropped (it will resume with its lastSeq), the fast one stays.
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.connections(f.sessionId) == 1);
        }
    }

    @Test
    void aClientThatFallsBehindGetsEveryFrameWholeAndInOrderOnceItReads() throws InterruptedException {
        LiveFixture f = LiveFixture.scheduled();
        try (WsClient behind = WsClient.connectWithSmallBuffer(vertx, base, f.sessionId, Tokens.OBSERVER)) {
            behind.awaitType("live.snapshot");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.straight(f.sessionId) == 1);
            behind.ws.pause();
            // 60 KB frames until its socket takes no more: those go straight to the socket, the last
            // only in part, whose rest waits in the channel; then three more, which wait behind it
            // (fewer than the send queue, so it is not dropped)
            String bulk = "y".repeat(60 * 1024);
            int n = 0;
            while (hub.unsentBytes(f.sessionId) == 0) {
                assertTrue(n < 300, "the socket took " + n + " frames of 60 KB");
                hub.publish(f.sessionId, new ServerMessage.RollCallStarted(Instant.now(), bulk, List.of((long) n++)));
                Thread.sleep(20); // its fan-out done: at most one frame more than the socket took
            }
            for (int more = 0; more < 3; more++)
                hub.publish(f.sessionId, new ServerMessage.RollCallStarted(Instant.now(), bulk, List.of((long) n++)));
            // an answer to this connection alone (here a rejection) waits behind them too
            long waiting = hub.unsentBytes(f.sessionId);
            behind.ws.writeTextMessage("not json");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.unsentBytes(f.sessionId) > waiting);
            behind.ws.resume();
            int expected = n;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> behind.ofType("live.rejected").size() == 1);
            List<JsonObject> got = behind.ofType("rollcall.started");
            assertEquals(expected, got.size());
            for (int i = 0; i < expected; i++) {
                assertEquals(bulk, got.get(i).getString("by"), "frame " + i);
                assertEquals(i, got.get(i).getJsonArray("pending").getLong(0));
            }
            JsonObject last = behind.received.get(behind.received.size() - 1);
            assertEquals("live.bad-message", last.getString("code"), "the answer comes after the frames before it");
            assertSeqsConsecutive(behind.events());
            assertEquals(1, hub.connections(f.sessionId));
        }
    }

    @Test
    void pointStatesFollowHeartbeatsTroubleAndTheRollCall() {
        LiveFixture f = LiveFixture.scheduled();
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient op1 = connect(f, Tokens.OPERATOR1)) {
            hall.awaitType("live.snapshot");
            op1.awaitType("live.snapshot");
            op1.send(new JsonObject().put("type", "point.heartbeat").put("pointId", f.point1));
            awaitStatus(hall, f.point1, "ONLINE");
            // Heartbeats stop (interval 1 s in tests): DEGRADED after 2 missed, OFFLINE after 4.
            awaitStatus(hall, f.point1, "DEGRADED");
            awaitStatus(hall, f.point1, "OFFLINE");
            int changes = statuses(hall, f.point1).size();
            op1.send(new JsonObject().put("type", "point.heartbeat").put("pointId", f.point1));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statuses(hall, f.point1).size() == changes + 1);
            assertEquals("ONLINE", last(statuses(hall, f.point1)).getString("status"));

            ok(
                    op1,
                    WsClient.command(
                            "point.report_trouble",
                            id(),
                            "pointId",
                            f.point1,
                            "kind",
                            "NO_SOUND",
                            "note",
                            "Mất tiếng từ hội trường"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            "NO_SOUND".equals(last(statuses(hall, f.point1)).getString("trouble")));
            JsonObject degraded = last(statuses(hall, f.point1));
            assertEquals("DEGRADED", degraded.getString("status"));
            assertEquals("Mất tiếng từ hội trường", degraded.getString("troubleNote"));
            assertNotNull(degraded.getString("statusSince"));
            ok(op1, WsClient.command("point.clear_trouble", id(), "pointId", f.point1));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "ONLINE".equals(last(statuses(hall, f.point1)).getString("status")));

            // An operator acts only for their own point.
            op1.send(new JsonObject().put("type", "point.heartbeat").put("pointId", f.point2));
            JsonObject refused = op1.awaitType("live.rejected");
            assertEquals("point.not-assigned", refused.getString("code"));

            // Roll call: the main hall asks, op1 answers with the room count, point 2 stays pending.
            int framesBefore = hall.ofType("point.statuses_changed").size();
            ok(hall, WsClient.command("rollcall.start", id()));
            assertEquals(
                    List.of(f.point1, f.point2),
                    longs(hall.awaitType("rollcall.started").getJsonArray("pending")));
            // The roll call touched every point in one transaction: they come in one frame, coalesced.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> hall.ofType("point.statuses_changed").stream()
                            .skip(framesBefore)
                            .anyMatch(m -> pointIds(m).containsAll(List.of(f.point1, f.point2))));
            ok(op1, WsClient.command("point.ready", id(), "pointId", f.point1, "present", 42));
            JsonObject answered = hall.awaitType("rollcall.answered");
            assertEquals(f.point1, answered.getLong("pointId"));
            assertEquals(42, answered.getInteger("present"));
            awaitStatus(hall, f.point1, "READY");
            JsonObject ready = last(statuses(hall, f.point1));
            assertEquals("READY", ready.getString("status"));
            assertEquals(42, ready.getInteger("presentCount"));
        }
        try (WsClient later = connect(f, Tokens.OBSERVER)) {
            JsonObject snap = later.awaitType("live.snapshot");
            assertEquals(List.of(f.point1), longs(snap.getJsonObject("rollCall").getJsonArray("answered")));
            assertEquals(List.of(f.point2), longs(snap.getJsonObject("rollCall").getJsonArray("pending")));
        }
    }

    @Test
    void unauthorisedUpgradesAreRefused() {
        LiveFixture a = LiveFixture.scheduled();
        LiveFixture.scheduled(Tokens.OPERATOR3, Tokens.OPERATOR3);
        assertEquals(401, WsClient.refusedStatus(vertx, base, a.sessionId, Map.of()));
        assertEquals(
                401,
                WsClient.refusedStatus(
                        vertx,
                        base,
                        a.sessionId,
                        Map.of("Authorization", "Bearer " + Tokens.forged(Tokens.OPERATOR1))));
        assertEquals(
                403,
                WsClient.refusedStatus(
                        vertx, base, a.sessionId, Map.of("Authorization", "Bearer " + Tokens.of(Tokens.NOBODY))));
        // op3 operates a point of another session only: closed before anything is sent.
        WsClient op3 = connect(a, Tokens.OPERATOR3);
        await().atMost(Duration.ofSeconds(10)).until(() -> op3.closeCode != null);
        assertEquals((short) LiveSocket.CLOSE_FORBIDDEN, op3.closeCode);
        assertTrue(op3.received.isEmpty());
        op3.close();
        // A session that does not exist.
        WsClient none = WsClient.connect(vertx, base, 987654321L, Tokens.ORGANIZER, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> none.closeCode != null);
        assertEquals((short) LiveSocket.CLOSE_NOT_FOUND, none.closeCode);
        none.close();
        // Commands over REST: 401 without a token, 403 for an observer.
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("type", "session.start", "commandId", id()))
                .post("/api/sessions/" + a.sessionId + "/live/commands")
                .then()
                .statusCode(401);
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "session.start", "commandId", id()))
                .post("/api/sessions/" + a.sessionId + "/live/commands")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER).get("/api/sessions/" + a.sessionId).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void participantsFollowTheirOwnSessionWithTheirInvitation() {
        LiveFixture a = LiveFixture.scheduled();
        LiveFixture b = LiveFixture.scheduled();
        String token = invitation(a, "Nguyễn Hữu Quất");
        try (WsClient byHeader = WsClient.connect(
                        vertx, base, a.sessionId, Map.of("Authorization", "Invitation " + token), null);
                WsClient byCookie =
                        WsClient.connect(vertx, base, a.sessionId, Map.of("Cookie", "dc_invitation=" + token), null)) {
            assertEquals(
                    3,
                    byHeader.awaitType("live.snapshot").getJsonArray("agenda").size());
            byCookie.awaitType("live.snapshot");
            // Participants follow; they do not drive.
            String cmd = id();
            byHeader.send(WsClient.command("session.start", cmd));
            assertEquals("forbidden", byHeader.awaitAnswer(cmd).getString("code"));
            command(a, Map.of("type", "session.start", "commandId", id()));
            byCookie.awaitType("session.started");
        }
        WsClient elsewhere =
                WsClient.connect(vertx, base, b.sessionId, Map.of("Authorization", "Invitation " + token), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> elsewhere.closeCode != null);
        assertEquals((short) LiveSocket.CLOSE_FORBIDDEN, elsewhere.closeCode);
        elsewhere.close();
        assertEquals(
                401,
                WsClient.refusedStatus(vertx, base, a.sessionId, Map.of("Authorization", "Invitation not-a-token")));
    }

    @Test
    void phonesGetNoPointStatesRollCallOrCountsWhileStaffScreensDo() {
        LiveFixture f = LiveFixture.scheduled();
        String token = invitation(f, "Đinh Thị Ngọc Ánh");
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient op1 = connect(f, Tokens.OPERATOR1);
                WsClient phone = WsClient.connect(
                        vertx, base, f.sessionId, Map.of("Authorization", "Invitation " + token), null)) {
            JsonObject staffView = hall.awaitType("live.snapshot");
            assertEquals(3, staffView.getJsonArray("points").size());
            assertNotNull(staffView.getValue("attendance"));
            op1.awaitType("live.snapshot");
            JsonObject phoneView = phone.awaitType("live.snapshot");
            assertEquals(0, phoneView.getJsonArray("points").size());
            assertNull(phoneView.getValue("rollCall"));
            assertNull(phoneView.getValue("attendance"));
            assertEquals(3, phoneView.getJsonArray("agenda").size());

            op1.send(new JsonObject().put("type", "point.heartbeat").put("pointId", f.point1));
            awaitStatus(hall, f.point1, "ONLINE");
            ok(hall, WsClient.command("rollcall.start", id()));
            hall.awaitType("rollcall.started");
            ok(hall, WsClient.command("session.start", id()));
            JsonObject started = phone.awaitType("session.started");
            hall.awaitType("session.started");
            // The phone skipped the staff-only frames in between: its numbers jump over them.
            assertTrue(phone.ofType("point.statuses_changed").isEmpty());
            assertTrue(phone.ofType("rollcall.started").isEmpty());
            assertTrue(phone.ofType("attendance.counts_changed").isEmpty());
            assertTrue(started.getLong("seq") > phoneView.getLong("seq") + 1);
        }
    }

    @Test
    void anOperatorsConsoleFollowsOnlyItsOwnPointsWhileTheMainHallFollowsThemAll() {
        LiveFixture f = LiveFixture.scheduled();
        try (WsClient hall = connect(f, Tokens.ORGANIZER);
                WsClient op1 = connect(f, Tokens.OPERATOR1);
                WsClient op2 = connect(f, Tokens.OPERATOR2)) {
            JsonObject hallView = hall.awaitType("live.snapshot");
            assertEquals(List.of(f.mainHall, f.point1, f.point2), ids(hallView.getJsonArray("points")));
            assertNotNull(hallView.getValue("attendance"));
            JsonObject consoleView = op1.awaitType("live.snapshot");
            assertEquals(List.of(f.point1), ids(consoleView.getJsonArray("points")));
            assertNull(consoleView.getValue("attendance"));
            op2.awaitType("live.snapshot");

            // Point 2 comes online first: that frame names point 2 alone, and only its console and the hall get it.
            op2.send(new JsonObject().put("type", "point.heartbeat").put("pointId", f.point2));
            awaitStatus(hall, f.point2, "ONLINE");
            awaitStatus(op2, f.point2, "ONLINE");
            JsonObject point2Only = hall.ofType("point.statuses_changed").get(0);
            assertEquals(List.of(f.point2), pointIds(point2Only));
            op1.send(new JsonObject().put("type", "point.heartbeat").put("pointId", f.point1));
            awaitStatus(hall, f.point1, "ONLINE");
            awaitStatus(op1, f.point1, "ONLINE");
            ok(op1, WsClient.command("attendance.report_room_count", id(), "pointId", f.point1, "present", 37));
            hall.awaitType("attendance.counts_changed");
            ok(hall, WsClient.command("session.start", id()));
            op1.awaitType("session.started");
            op2.awaitType("session.started");
            hall.awaitType("session.started");

            // Frames come in order: whatever op1 would have had before session.started, it has by now.
            assertTrue(op1.ofType("point.statuses_changed").stream()
                    .allMatch(m -> pointIds(m).contains(f.point1)));
            assertTrue(op1.ofType("point.statuses_changed").stream()
                    .noneMatch(m -> m.getLong("seq").equals(point2Only.getLong("seq"))));
            assertTrue(op2.ofType("point.statuses_changed").stream()
                    .allMatch(m -> pointIds(m).contains(f.point2)));
            assertTrue(op1.ofType("attendance.counts_changed").isEmpty());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Integer.valueOf(37)
                            .equals(last(statuses(op1, f.point1)).getInteger("presentCount")));
            // roll calls still reach every console
            ok(hall, WsClient.command("rollcall.start", id()));
            op1.awaitType("rollcall.started");
            op2.awaitType("rollcall.started");
        }
    }

    @Test
    void aSignedInBrowserConnectsWithItsSessionCookie() {
        LiveFixture f = LiveFixture.scheduled();
        String cookies = BrowserSignIn.cookieHeader("organizer");
        assertTrue(cookies.contains("q_session_web"), cookies);
        try (WsClient browser = WsClient.connect(vertx, base, f.sessionId, Map.of("Cookie", cookies), null)) {
            assertEquals(
                    f.sessionId,
                    browser.awaitType("live.snapshot").getJsonObject("session").getLong("id"));
            ok(browser, WsClient.command("session.start", id()));
            browser.awaitType("session.started");
        }
    }

    @Test
    void badCommandsAreRefusedClearlyAndChangeNothing() {
        LiveFixture f = LiveFixture.scheduled();
        String url = "/api/sessions/" + f.sessionId + "/live/commands";
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "session.start"))
                .post(url)
                .then()
                .statusCode(400)
                .body("code", equalTo("live.command-id-required"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .header("Accept-Language", "en")
                .body(Map.of("type", "session.explode", "commandId", id()))
                .post(url)
                .then()
                .statusCode(400)
                .body("code", equalTo("live.bad-message"))
                .body("detail", equalTo("The message is not valid."));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "agenda.reorder", "commandId", id(), "itemIds", List.of(f.items.get(0))))
                .post(url)
                .then()
                .statusCode(409)
                .body("code", equalTo("live.session-not-live"));
        try (WsClient hall = connect(f, Tokens.ORGANIZER)) {
            hall.awaitType("live.snapshot");
            hall.ws.writeTextMessage("not json");
            assertEquals("live.bad-message", hall.awaitType("live.rejected").getString("code"));
            String cmd = id();
            hall.send(WsClient.command("point.report_trouble", cmd, "pointId", f.point1));
            assertEquals("point.trouble-kind-required", hall.awaitAnswer(cmd).getString("code"));
        }
        Tokens.as(Tokens.ORGANIZER).get("/api/sessions/" + f.sessionId).then().body("status", equalTo("SCHEDULED"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/live")
                .then()
                .body("points[1].status", equalTo("NOT_JOINED"))
                .body("points[1].trouble", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aClientThatCannotSetHeadersMayCarryItsTokenInTheSubprotocol() {
        LiveFixture f = LiveFixture.scheduled();
        List<String> offer = List.of(
                "bearer-token-carrier", "quarkus-http-upgrade#Authorization#Bearer%20" + Tokens.of(Tokens.OBSERVER));
        try (WsClient c = WsClient.connect(vertx, base, f.sessionId, Map.of(), null, offer)) {
            assertEquals(
                    f.sessionId,
                    c.awaitType("live.snapshot").getJsonObject("session").getLong("id"));
            assertEquals("bearer-token-carrier", c.ws.subProtocol());
        }
    }

    static String invitation(LiveFixture f, String fullName) {
        long delegate = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", fullName + " " + LiveFixture.uid(), "pointId", f.point1))
                .post("/api/sessions/" + f.sessionId + "/delegates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + f.sessionId + "/delegates/" + delegate + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    static void ok(WsClient c, JsonObject command) {
        c.send(command);
        JsonObject answer;
        try {
            answer = c.awaitAnswer(command.getString("commandId"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no answer to " + command.encode() + "; received " + c.received, e);
        }
        assertEquals("live.ack", answer.getString("type"), answer.encode());
    }

    static void command(LiveFixture f, Map<String, Object> body) {
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/sessions/" + f.sessionId + "/live/commands")
                .then()
                .statusCode(200);
    }

    static List<JsonObject> statuses(WsClient c, long pointId) {
        return c.ofType("point.statuses_changed").stream()
                .flatMap(m -> m.getJsonArray("points").stream().map(JsonObject.class::cast))
                .filter(p -> p.getLong("id") == pointId)
                .toList();
    }

    static List<Long> pointIds(JsonObject statusesChanged) {
        return ids(statusesChanged.getJsonArray("points"));
    }

    static List<Long> ids(io.vertx.core.json.JsonArray objects) {
        return objects.stream().map(p -> ((JsonObject) p).getLong("id")).toList();
    }

    static List<Long> longs(io.vertx.core.json.JsonArray a) {
        return a.stream().map(o -> ((Number) o).longValue()).toList();
    }

    static JsonObject last(List<JsonObject> list) {
        return list.isEmpty() ? new JsonObject() : list.get(list.size() - 1);
    }

    static void awaitStatus(WsClient c, long pointId, String status) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status.equals(last(statuses(c, pointId)).getString("status")));
    }

    static void assertSeqsConsecutive(List<JsonObject> events) {
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).getLong("seq") + 1, events.get(i).getLong("seq"), "gap at " + i);
        }
        assertFalse(events.isEmpty());
    }
}
