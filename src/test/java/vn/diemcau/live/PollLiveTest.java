package vn.diemcau.live;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.diemcau.poll.PollFixtures;
import vn.diemcau.testing.Tokens;

/** Polls through the live endpoint: real WebSocket clients, real tokens and invitations, MariaDB. */
@QuarkusTest
class PollLiveTest {
    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    WsClient staff(LiveFixture f, String user) {
        return WsClient.connect(vertx, base, f.sessionId, user, null);
    }

    WsClient phone(LiveFixture f, String token) {
        return WsClient.connect(
                vertx,
                base,
                f.sessionId,
                Map.of("Authorization", "Invitation " + token, "Accept-Language", "vi"),
                null);
    }

    static String id() {
        return "cmd-" + LiveFixture.uid();
    }

    static JsonPath results(long sid, long pollId) {
        return Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/polls/" + pollId + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Object> myChoices(JsonObject snapshot, long poll) {
        return snapshot.getJsonArray("polls").stream()
                .map(o -> (JsonObject) o)
                .filter(o -> o.getLong("id") == poll)
                .findFirst()
                .orElseThrow()
                .getJsonArray("myChoices")
                .getList();
    }

    /** An open anonymous yes/no poll whose results everyone sees while it is open. */
    static long openYesNo(LiveFixture f) {
        long poll = PollFixtures.poll(f.sessionId, "SINGLE", true, false, false, "Có", "Không");
        PollFixtures.command(
                        Tokens.as(Tokens.ORGANIZER), f.sessionId, id(), Map.of("type", "poll.open", "pollId", poll))
                .then()
                .statusCode(200);
        return poll;
    }

    static JsonObject send(WsClient c, JsonObject command) {
        c.send(command);
        return c.awaitAnswer(command.getString("commandId"));
    }

    @Test
    void mainHallRunsAPollTwoPhonesAnswerAPointCountsTheRoomAndEveryoneSeesThePublishedResult() {
        LiveFixture f = LiveFixture.scheduled();
        long poll = PollFixtures.poll(
                f.sessionId, "SINGLE", false, false, true, "Tán thành", "Không tán thành", "Ý kiến khác");
        String lan = PollFixtures.participant(f.sessionId, f.point1, "Nguyễn Thị Lan");
        String binh = PollFixtures.participant(f.sessionId, f.point2, "Trần Văn Bình");
        try (WsClient hall = staff(f, Tokens.ORGANIZER);
                WsClient console = staff(f, Tokens.OPERATOR1);
                WsClient p1 = phone(f, lan);
                WsClient p2 = phone(f, binh)) {
            p1.awaitType("live.snapshot");
            p2.awaitType("live.snapshot");
            console.awaitType("live.snapshot");
            assertTrue(send(hall, WsClient.command("poll.open", id(), "pollId", poll))
                    .getBoolean("ok"));
            JsonObject opened = p1.awaitType("poll.opened").getJsonObject("poll");
            assertEquals("OPEN", opened.getString("status"));
            assertEquals(3, opened.getJsonArray("options").size());
            assertNull(opened.getValue("results"));

            // The same vote sent three times (lost acks): applied once, the same ack each time.
            String v1 = id();
            for (int i = 0; i < 3; i++)
                p1.send(WsClient.command("poll.vote", v1, "pollId", poll, "choices", new JsonArray().add(0)));
            Awaitility.await()
                    .until(() -> p1.received.stream()
                                    .filter(m -> v1.equals(m.getString("commandId")))
                                    .count()
                            == 3);
            assertTrue(p1.received.stream()
                    .filter(m -> v1.equals(m.getString("commandId")))
                    .allMatch(m -> "live.ack".equals(m.getString("type"))));
            assertTrue(send(p2, WsClient.command("poll.vote", id(), "pollId", poll, "choices", new JsonArray().add(1)))
                    .getBoolean("ok"));

            // A different second answer on a poll that does not allow changes: refused, nothing changed.
            JsonObject again =
                    send(p1, WsClient.command("poll.vote", id(), "pollId", poll, "choices", new JsonArray().add(2)));
            assertEquals("live.rejected", again.getString("type"));
            assertEquals("poll.already-voted", again.getString("code"));
            assertEquals(409, again.getInteger("status"));
            assertTrue(again.getString("message").startsWith("Đại biểu đã trả lời"));

            // Phones that connect again find their own answer in the snapshot, and only their own.
            try (WsClient lanAgain = phone(f, lan);
                    WsClient binhAgain = phone(f, binh)) {
                assertEquals(List.of(0), myChoices(lanAgain.awaitType("live.snapshot"), poll));
                assertEquals(List.of(1), myChoices(binhAgain.awaitType("live.snapshot"), poll));
            }

            // Point 1's operator enters the room's show of hands over REST, with an Idempotency-Key.
            String room = id();
            Map<String, Object> count = Map.of(
                    "type", "poll.room_result", "pollId", poll, "pointId", f.point1, "counts", List.of(20, 3, 1));
            for (int i = 0; i < 2; i++)
                PollFixtures.command(Tokens.as(Tokens.OPERATOR1), f.sessionId, room, count)
                        .then()
                        .statusCode(200)
                        .body("ok", equalTo(true));
            // … but not for a point that is not theirs.
            PollFixtures.command(
                            Tokens.as(Tokens.OPERATOR1),
                            f.sessionId,
                            id(),
                            Map.of(
                                    "type",
                                    "poll.room_result",
                                    "pollId",
                                    poll,
                                    "pointId",
                                    f.point2,
                                    "counts",
                                    List.of(5, 5, 5)))
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("point.not-assigned"));

            // Live totals reach the main hall; they are hidden from phones until published.
            JsonObject live = hall.await(m -> "poll.results_changed".equals(m.getString("type"))
                    && m.getJsonObject("results").getInteger("roomVotes") == 24
                    && m.getJsonObject("results").getInteger("voters") == 2);
            // each point's part goes to the main hall; the point's console gets the totals only
            assertFalse(points(live).isEmpty());
            JsonObject brief = console.await(m -> "poll.results_changed".equals(m.getString("type"))
                    && m.getJsonObject("results").getInteger("roomVotes") == 24
                    && m.getJsonObject("results").getInteger("voters") == 2);
            assertTrue(points(brief).isEmpty());
            assertEquals(
                    live.getJsonObject("results").getJsonArray("options"),
                    brief.getJsonObject("results").getJsonArray("options"));
            assertTrue(hall.ofType("poll.results_changed").stream()
                    .noneMatch(m -> points(m).isEmpty()));
            JsonArray options = live.getJsonObject("results").getJsonArray("options");
            assertEquals(21, options.getJsonObject(0).getInteger("total"));
            assertEquals(4, options.getJsonObject(1).getInteger("total"));
            assertEquals(1, options.getJsonObject(2).getInteger("total"));
            PollFixtures.asParticipant(lan)
                    .get("/api/sessions/" + f.sessionId + "/polls/" + poll + "/results")
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("poll.results-hidden"));

            // Totals = the individual answers + the room counts, per option and per point.
            JsonPath r = results(f.sessionId, poll);
            assertEquals(2, r.getInt("voters"));
            assertEquals(List.of(1, 1, 0), r.getList("options.phone"));
            assertEquals(List.of(20, 3, 1), r.getList("options.room"));
            assertEquals(List.of(21, 4, 1), r.getList("options.total"));
            assertEquals(List.of(1, 0, 0), r.getList("points.find { it.pointId == " + f.point1 + " }.phone"));
            assertEquals(List.of(20, 3, 1), r.getList("points.find { it.pointId == " + f.point1 + " }.room"));
            assertEquals(List.of(0, 1, 0), r.getList("points.find { it.pointId == " + f.point2 + " }.phone"));

            assertTrue(send(hall, WsClient.command("poll.close", id(), "pollId", poll))
                    .getBoolean("ok"));
            p2.awaitType("poll.closed");
            // A vote on a closed poll: refused with a clear error, nothing changed.
            String late = PollFixtures.participant(f.sessionId, f.point2, "Lê Văn Cường");
            PollFixtures.command(
                            PollFixtures.asParticipant(late),
                            f.sessionId,
                            id(),
                            Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(1)))
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("poll.not-open"))
                    .body(
                            "detail",
                            equalTo("Câu hỏi đang ở trạng thái CLOSED: chỉ trả lời được khi đang mở biểu quyết."));
            assertEquals(List.of(21, 4, 1), results(f.sessionId, poll).getList("options.total"));

            assertTrue(send(hall, WsClient.command("poll.publish", id(), "pollId", poll))
                    .getBoolean("ok"));
            JsonObject published = p2.awaitType("poll.published").getJsonObject("poll");
            assertEquals("PUBLISHED", published.getString("status"));
            assertEquals(
                    21,
                    published
                            .getJsonObject("results")
                            .getJsonArray("options")
                            .getJsonObject(0)
                            .getInteger("total"));
            // The main hall gets each point's part; phones and consoles the totals without it, and so
            // do the phones' REST reads and snapshots (at 2,000 points it would be most of every frame
            // to every phone and console).
            JsonObject hallPublished = hall.awaitType("poll.published").getJsonObject("poll");
            assertFalse(hallPublished
                    .getJsonObject("results")
                    .getJsonArray("points")
                    .isEmpty());
            assertTrue(published.getJsonObject("results").getJsonArray("points").isEmpty());
            assertEquals(
                    published.getJsonObject("results").getJsonArray("levels"),
                    hallPublished.getJsonObject("results").getJsonArray("levels"));
            assertTrue(points(console.awaitType("poll.published").getJsonObject("poll"))
                    .isEmpty());
            for (WsClient c : List.of(hall, console, p2))
                assertEquals(1, c.ofType("poll.published").size());
            PollFixtures.asParticipant(lan)
                    .get("/api/sessions/" + f.sessionId + "/polls/" + poll + "/results")
                    .then()
                    .statusCode(200)
                    .body("points", empty());
            assertFalse(results(f.sessionId, poll).getList("points").isEmpty());
            // Snapshots: the same totals, each point's part for the main hall only.
            try (WsClient binhAgain = phone(f, binh);
                    WsClient consoleAgain = staff(f, Tokens.OPERATOR1);
                    WsClient hallAgain = staff(f, Tokens.ORGANIZER)) {
                JsonObject onPhone = snapshotPoll(binhAgain, poll);
                JsonObject onConsole = snapshotPoll(consoleAgain, poll);
                JsonObject inHall = snapshotPoll(hallAgain, poll);
                assertTrue(points(onPhone).isEmpty());
                assertTrue(points(onConsole).isEmpty());
                assertFalse(points(inHall).isEmpty());
                for (JsonObject v : List.of(onPhone, onConsole))
                    assertEquals(
                            inHall.getJsonObject("results").getJsonArray("options"),
                            v.getJsonObject("results").getJsonArray("options"));
            }
            // The phones never got the hidden live totals.
            assertTrue(p1.ofType("poll.results_changed").stream()
                    .allMatch(m -> "PUBLISHED".equals(m.getJsonObject("results").getString("status"))));
            PollFixtures.asParticipant(lan)
                    .get("/api/sessions/" + f.sessionId + "/polls/" + poll + "/results")
                    .then()
                    .statusCode(200)
                    .body("options.total", equalTo(List.of(21, 4, 1)));
            // The phone's own answer comes back with the poll.
            PollFixtures.asParticipant(lan)
                    .get("/api/sessions/" + f.sessionId + "/polls/" + poll)
                    .then()
                    .statusCode(200)
                    .body("myChoices", equalTo(List.of(0)));
        }
    }

    @Test
    void aChangeablePollKeepsOnlyTheLatestAnswerOfADelegate() {
        LiveFixture f = LiveFixture.scheduled();
        long poll = PollFixtures.poll(
                f.sessionId, "MULTIPLE", true, true, false, "Văn kiện", "Nhân sự", "Kinh tế", "Xã hội");
        Tokens.as(Tokens.ORGANIZER)
                .contentType("application/json")
                .body(Map.of(
                        "question",
                        "Chọn tối đa hai nội dung",
                        "kind",
                        "MULTIPLE",
                        "options",
                        List.of("Văn kiện", "Nhân sự", "Kinh tế", "Xã hội"),
                        "maxChoices",
                        2,
                        "anonymous",
                        true,
                        "changeable",
                        true))
                .put("/api/sessions/" + f.sessionId + "/polls/" + poll)
                .then()
                .statusCode(200)
                .body("maxChoices", equalTo(2));
        String lan = PollFixtures.participant(f.sessionId, f.point1, "Nguyễn Thị Lan");
        PollFixtures.command(
                        Tokens.as(Tokens.ORGANIZER), f.sessionId, id(), Map.of("type", "poll.open", "pollId", poll))
                .then()
                .statusCode(200);
        var phone = PollFixtures.asParticipant(lan);
        PollFixtures.command(
                        phone, f.sessionId, id(), Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(0, 1)))
                .then()
                .statusCode(200);
        // More than the maximum: refused, the first answer stays.
        PollFixtures.command(
                        PollFixtures.asParticipant(lan),
                        f.sessionId,
                        id(),
                        Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(1, 2, 3)))
                .then()
                .statusCode(400)
                .body("code", equalTo("poll.too-many-choices"));
        assertEquals(List.of(1, 1, 0, 0), results(f.sessionId, poll).getList("options.total"));
        PollFixtures.command(
                        PollFixtures.asParticipant(lan),
                        f.sessionId,
                        id(),
                        Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(2, 3)))
                .then()
                .statusCode(200);
        JsonPath r = results(f.sessionId, poll);
        assertEquals(1, r.getInt("voters"));
        assertEquals(List.of(0, 0, 1, 1), r.getList("options.total"));
    }

    @Test
    void aVoteFromAnotherSessionIsRefusedAndChangesNothing() {
        LiveFixture a = LiveFixture.scheduled();
        LiveFixture b = LiveFixture.scheduled();
        long poll = PollFixtures.poll(a.sessionId, "RATING", false, false, false);
        PollFixtures.command(
                        Tokens.as(Tokens.ORGANIZER), a.sessionId, id(), Map.of("type", "poll.open", "pollId", poll))
                .then()
                .statusCode(200);
        String stranger = PollFixtures.participant(b.sessionId, b.point1, "Phạm Thị Hoa");
        // Into a's session: refused.
        PollFixtures.command(
                        PollFixtures.asParticipant(stranger),
                        a.sessionId,
                        id(),
                        Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(4)))
                .then()
                .statusCode(403)
                .body("code", equalTo("poll.other-session"));
        // Through their own session, naming a's poll: refused too.
        try (WsClient c = phone(b, stranger)) {
            JsonObject answer =
                    send(c, WsClient.command("poll.vote", id(), "pollId", poll, "choices", new JsonArray().add(4)));
            assertEquals("live.rejected", answer.getString("type"));
            assertEquals("poll.other-session", answer.getString("code"));
            assertEquals(403, answer.getInteger("status"));
        }
        // Malformed votes from a delegate of the right session: refused.
        String own = PollFixtures.participant(a.sessionId, a.point1, "Võ Văn Kiệt");
        PollFixtures.command(
                        PollFixtures.asParticipant(own),
                        a.sessionId,
                        id(),
                        Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(5)))
                .then()
                .statusCode(400)
                .body("code", equalTo("poll.choice-invalid"));
        PollFixtures.command(
                        PollFixtures.asParticipant(own), a.sessionId, id(), Map.of("type", "poll.vote", "pollId", poll))
                .then()
                .statusCode(400)
                .body("code", equalTo("poll.choice-required"));
        // Staff do not vote.
        PollFixtures.command(
                        Tokens.as(Tokens.OPERATOR1),
                        a.sessionId,
                        id(),
                        Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(4)))
                .then()
                .statusCode(403)
                .body("code", equalTo("poll.participants-only"));
        JsonPath r = results(a.sessionId, poll);
        assertEquals(0, r.getInt("voters"));
        assertEquals(List.of(0, 0, 0, 0, 0), r.getList("options.total"));
        // A participant may not open, close or publish.
        PollFixtures.command(
                        PollFixtures.asParticipant(own),
                        a.sessionId,
                        id(),
                        Map.of("type", "poll.close", "pollId", poll))
                .then()
                .statusCode(403);
    }

    @Test
    void anAnonymousPollCannotBeTracedToADelegateThroughAnyApi() {
        LiveFixture f = LiveFixture.scheduled();
        long anon = PollFixtures.poll(f.sessionId, "TEXT", true, false, false);
        long named = PollFixtures.poll(f.sessionId, "TEXT", false, false, false);
        String token = PollFixtures.participant(f.sessionId, f.point1, "Đặng Thị Thu");
        long delegateId = PollFixtures.asParticipant(token)
                .get("/api/participant/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("delegateId");
        for (long p : List.of(anon, named))
            PollFixtures.command(
                            Tokens.as(Tokens.ORGANIZER), f.sessionId, id(), Map.of("type", "poll.open", "pollId", p))
                    .then()
                    .statusCode(200);
        try (WsClient hall = staff(f, Tokens.ORGANIZER);
                WsClient observer = staff(f, Tokens.OBSERVER)) {
            hall.awaitType("live.snapshot");
            for (long p : List.of(anon, named))
                PollFixtures.command(
                                PollFixtures.asParticipant(token),
                                f.sessionId,
                                id(),
                                Map.of("type", "poll.vote", "pollId", p, "text", "Cần thêm thời gian thảo luận"))
                        .then()
                        .statusCode(200);
            hall.await(m -> "poll.results_changed".equals(m.getString("type")) && m.getLong("pollId") == named);
            hall.await(m -> "poll.results_changed".equals(m.getString("type")) && m.getLong("pollId") == anon);
            PollFixtures.command(
                            Tokens.as(Tokens.ORGANIZER),
                            f.sessionId,
                            id(),
                            Map.of("type", "poll.close", "pollId", anon))
                    .then()
                    .statusCode(200);
            PollFixtures.command(
                            Tokens.as(Tokens.ORGANIZER),
                            f.sessionId,
                            id(),
                            Map.of("type", "poll.publish", "pollId", anon))
                    .then()
                    .statusCode(200);
            hall.awaitType("poll.published");

            // The named poll does say who answered (so the checks below could fail).
            Tokens.as(Tokens.ORGANIZER)
                    .get("/api/sessions/" + f.sessionId + "/polls/" + named + "/answers")
                    .then()
                    .statusCode(200)
                    .body("delegateId", equalTo(List.of((int) delegateId)));
            Tokens.as(Tokens.ORGANIZER)
                    .get("/api/sessions/" + f.sessionId + "/polls/" + anon + "/answers")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("poll.anonymous"));

            List<String> seen = new ArrayList<>();
            for (String user : List.of(Tokens.ORGANIZER, Tokens.OBSERVER, Tokens.OPERATOR1)) {
                seen.add(Tokens.as(user)
                        .get("/api/sessions/" + f.sessionId + "/polls/" + anon)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
                seen.add(Tokens.as(user)
                        .get("/api/sessions/" + f.sessionId + "/polls/" + anon + "/results")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
            }
            JsonObject snapshot = new JsonObject(Tokens.as(Tokens.ORGANIZER)
                    .get("/api/sessions/" + f.sessionId + "/live")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            for (Object o : snapshot.getJsonArray("polls")) {
                JsonObject p = (JsonObject) o;
                if (p.getLong("id") == anon) seen.add(p.encode());
            }
            for (WsClient c : List.of(hall, observer))
                c.received.stream()
                        .filter(m -> m.getString("type").startsWith("poll."))
                        .filter(m -> m.encode().contains("\"pollId\":" + anon)
                                || m.encode().contains("\"id\":" + anon))
                        .forEach(m -> seen.add(m.encode()));
            assertTrue(seen.size() >= 8);
            assertTrue(
                    seen.stream().anyMatch(s -> s.contains("Cần thêm thời gian thảo luận")),
                    "the answer itself is there");
            for (String s : seen) {
                assertFalse(s.contains("delegate"), s);
                assertFalse(s.contains("Đặng Thị Thu"), s);
                assertFalse(s.contains("voterKey") || s.contains("voter_key") || s.contains("Salt"), s);
            }
        }
    }

    @Test
    void aBurstOfThousandsOfVotesReachesScreensAsABoundedNumberOfResultFrames() throws Exception {
        LiveFixture f = LiveFixture.scheduled();
        long poll = openYesNo(f);
        int votes = 2000;
        try (WsClient hall = staff(f, Tokens.ORGANIZER);
                WsClient screen = staff(f, Tokens.OBSERVER)) {
            hall.awaitType("live.snapshot");
            screen.awaitType("live.snapshot");
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            long base = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
            // Each worker commits its votes in small batches, as a batching write path would.
            int batch = 25;
            for (int t = 0; t < 4; t++) {
                int from = t * batch;
                done.add(pool.submit(() -> {
                    for (int start = from; start < votes; start += 4 * batch) {
                        int s = start;
                        PollFixtures.castDirect(
                                poll,
                                s,
                                Math.min(batch, votes - s),
                                i -> base + i,
                                i -> i % 2 == 0 ? f.point1 : f.point2,
                                i -> List.of(i % 3 == 0 ? 1 : 0));
                    }
                }));
            }
            for (Future<?> d : done) d.get();
            pool.shutdown();
            long burstMs = (System.nanoTime() - started) / 1_000_000;
            JsonObject last = screen.await(m -> "poll.results_changed".equals(m.getString("type"))
                    && m.getJsonObject("results").getInteger("voters") == votes);
            long totalMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(
                    votes,
                    last.getJsonObject("results")
                                    .getJsonArray("options")
                                    .getJsonObject(0)
                                    .getInteger("total")
                            + last.getJsonObject("results")
                                    .getJsonArray("options")
                                    .getJsonObject(1)
                                    .getInteger("total"));
            // Settle, then count: no more frames trickle in after the last total.
            Awaitility.await().pollDelay(Duration.ofMillis(1200)).until(() -> true);
            for (WsClient c : List.of(hall, screen)) {
                int frames = c.ofType("poll.results_changed").size();
                // One frame per poll and interval (500 ms in tests) at most, whatever the vote rate.
                long bound = totalMs / 500 + 2;
                assertTrue(
                        frames <= bound,
                        frames + " frames for " + votes + " votes in " + totalMs + " ms (bound " + bound + ")");
                assertTrue(frames * 20 < votes, frames + " frames for " + votes + " votes");
                assertTrue(frames >= 1);
            }
            System.out.printf(
                    "poll burst: %d votes in %d ms, %d results frames%n",
                    votes, burstMs, screen.ofType("poll.results_changed").size());
        }
    }

    @Test
    void phonesGetVisibleLiveResultsAtTheirSlowerPaceAndTheLatestTotalsAfterTheLastVote() throws Exception {
        LiveFixture f = LiveFixture.scheduled();
        long poll = openYesNo(f);
        String lan = PollFixtures.participant(f.sessionId, f.point1, "Nguyễn Thị Lan");
        try (WsClient screen = staff(f, Tokens.OBSERVER);
                WsClient p1 = phone(f, lan)) {
            screen.awaitType("live.snapshot");
            p1.awaitType("live.snapshot");
            long started = System.nanoTime();
            long base = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
            // votes keep coming for about three seconds
            int votes = 0;
            for (int k = 0; k < 30; k++) {
                PollFixtures.castDirect(poll, votes, 10, i -> base + i, i -> f.point1, i -> List.of(i % 2));
                votes += 10;
                Thread.sleep(100);
            }
            int all = votes;
            // the phone's pace held totals back; the latest still reach it after the last vote
            JsonObject last = p1.await(m -> "poll.results_changed".equals(m.getString("type"))
                    && m.getJsonObject("results").getInteger("voters") == all);
            assertEquals(all, last.getJsonObject("results").getInteger("voters"));
            long totalMs = (System.nanoTime() - started) / 1_000_000;
            screen.await(m -> "poll.results_changed".equals(m.getString("type"))
                    && m.getJsonObject("results").getInteger("voters") == all);
            // the phone's totals leave out the points' breakdown, which the screen gets
            assertTrue(p1.ofType("poll.results_changed").stream()
                    .allMatch(m -> points(m).isEmpty()));
            assertTrue(screen.ofType("poll.results_changed").stream()
                    .noneMatch(m -> points(m).isEmpty()));
            int phone = p1.ofType("poll.results_changed").size();
            int screens = screen.ofType("poll.results_changed").size();
            // at most one every 2 s on the phone (the first at once, the held-back last), 500 ms on screens
            assertTrue(phone <= totalMs / 2000 + 2, phone + " frames on the phone in " + totalMs + " ms");
            assertTrue(screens > phone, screens + " frames on the screen, " + phone + " on the phone");
        }
    }

    /** The poll as the connection's snapshot has it. */
    private static JsonObject snapshotPoll(WsClient c, long poll) {
        return c.awaitType("live.snapshot").getJsonArray("polls").stream()
                .map(JsonObject.class::cast)
                .filter(v -> v.getLong("id") == poll)
                .findFirst()
                .orElseThrow();
    }

    /** Each point's part of the results in a results frame or a poll. */
    private static JsonArray points(JsonObject withResults) {
        return withResults.getJsonObject("results").getJsonArray("points");
    }
}
