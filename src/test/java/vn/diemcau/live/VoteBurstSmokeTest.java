package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.diemcau.poll.PollFixtures;
import vn.diemcau.testing.Tokens;

/**
 * Votes in a burst through the batch writer: many threads, resends of the same command ids, second
 * answers of the same delegates, a close in the middle. Correctness only (speed lives in bench/):
 * every caller gets an answer, resends get the same one, one ballot per voter, the tally equals the
 * rows, and nothing is stored after the close. Each runs with the vote writer's one-statement path
 * first (MariaDB's default) and with the full path alone.
 */
@QuarkusTest
class VoteBurstSmokeTest {
    static final int VOTERS = 60;

    @Inject
    EntityManager em;

    @Inject
    LiveCommands commands;

    ExecutorService pool;

    @BeforeEach
    void pool() {
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        commands.oneTrip(true);
    }

    record Answer(String token, String commandId, int choice, int status, String code) {}

    Answer vote(long sid, long poll, String token, String commandId, int choice) {
        Response r = PollFixtures.command(
                PollFixtures.asParticipant(token),
                sid,
                commandId,
                Map.of("type", "poll.vote", "pollId", poll, "choices", List.of(choice)));
        return new Answer(
                token,
                commandId,
                choice,
                r.statusCode(),
                r.statusCode() == 200 ? null : r.jsonPath().getString("code"));
    }

    List<Answer> all(List<Callable<Answer>> calls) throws Exception {
        Collections.shuffle(calls);
        List<Answer> out = new ArrayList<>();
        for (Future<Answer> f : pool.invokeAll(calls)) out.add(f.get());
        return out;
    }

    long ballots(long poll) {
        return count("select count(*) from poll_ballots where poll_id = ?1", poll);
    }

    long count(String sql, long poll) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number)
                                em.createNativeQuery(sql).setParameter(1, poll).getSingleResult())
                        .longValue());
    }

    List<String> participants(LiveFixture f, int n) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++)
            tokens.add(PollFixtures.participant(
                    f.sessionId, i % 2 == 0 ? f.point1 : f.point2, "Đại biểu Lê Thị " + i + " " + LiveFixture.uid()));
        return tokens;
    }

    /** A poll of two options, opened by the main hall. */
    static long openPoll(LiveFixture f, boolean anonymous, boolean changeable, String yes, String no) {
        long poll = PollFixtures.poll(f.sessionId, "SINGLE", anonymous, changeable, false, yes, no);
        PollFixtures.organizer(f.sessionId, "poll.open", poll);
        return poll;
    }

    @ParameterizedTest(name = "fresh votes in one statement first: {0}")
    @ValueSource(booleans = {true, false})
    void resendsAndSecondAnswersOfManyPhonesAtOnceEndInOneBallotEachAndTheSameAnswerPerCommand(boolean oneTrip)
            throws Exception {
        commands.oneTrip(oneTrip);
        LiveFixture f = LiveFixture.scheduled();
        List<String> tokens = participants(f, VOTERS);
        long poll = openPoll(f, false, false, "Tán thành", "Không tán thành");

        // Each phone: its vote sent three times under one command id (lost acks), and a different
        // second answer under another id. Whichever lands first is the ballot; the other is refused.
        List<Callable<Answer>> calls = new ArrayList<>();
        for (String t : tokens) {
            String first = "v-" + LiveFixture.uid(), second = "v-" + LiveFixture.uid();
            for (int k = 0; k < 3; k++) calls.add(() -> vote(f.sessionId, poll, t, first, 0));
            calls.add(() -> vote(f.sessionId, poll, t, second, 1));
        }
        List<Answer> answers = all(calls);
        assertEquals(calls.size(), answers.size(), "every caller got an answer");

        Map<String, List<Answer>> byCommand = new HashMap<>();
        answers.forEach(a ->
                byCommand.computeIfAbsent(a.commandId(), k -> new ArrayList<>()).add(a));
        int[] okPerOption = new int[2];
        for (List<Answer> same : byCommand.values()) {
            assertTrue(
                    same.stream()
                            .allMatch(a -> a.status() == same.get(0).status()
                                    && java.util.Objects.equals(
                                            a.code(), same.get(0).code())),
                    "a resend gets the same answer: " + same);
            Answer a = same.get(0);
            assertTrue(a.status() == 200 || "poll.already-voted".equals(a.code()), a.toString());
            if (a.status() == 200) okPerOption[a.choice()]++;
        }
        Map<String, Long> okPerPhone = new HashMap<>();
        byCommand.values().stream()
                .map(l -> l.get(0))
                .filter(a -> a.status() == 200)
                .forEach(a -> okPerPhone.merge(a.token(), 1L, Long::sum));
        assertEquals(VOTERS, okPerPhone.size(), "every phone has its ballot");
        assertTrue(okPerPhone.values().stream().allMatch(n -> n == 1), "and only one applied per phone");

        assertEquals(VOTERS, ballots(poll), "one row per voter");
        var results = PollLiveTest.results(f.sessionId, poll);
        assertEquals(VOTERS, results.getInt("voters"));
        assertEquals(okPerOption[0], results.getInt("options[0].phone"));
        assertEquals(okPerOption[1], results.getInt("options[1].phone"));
    }

    @ParameterizedTest(name = "fresh votes in one statement first: {0}")
    @ValueSource(booleans = {true, false})
    void aChangeableAnonymousPollKeepsTheLastAnswerOfEachVoterOnce(boolean oneTrip) throws Exception {
        commands.oneTrip(oneTrip);
        LiveFixture f = LiveFixture.scheduled();
        List<String> tokens = participants(f, VOTERS / 2);
        long poll = openPoll(f, true, true, "Có", "Không");
        List<Callable<Answer>> calls = new ArrayList<>();
        for (String t : tokens) {
            String first = "v-" + LiveFixture.uid(), second = "v-" + LiveFixture.uid();
            for (int k = 0; k < 2; k++) {
                calls.add(() -> vote(f.sessionId, poll, t, first, 0));
                calls.add(() -> vote(f.sessionId, poll, t, second, 1));
            }
        }
        List<Answer> answers = all(calls);
        assertTrue(answers.stream().allMatch(a -> a.status() == 200), answers.toString());
        assertEquals(tokens.size(), ballots(poll), "one row per voter, keyed by the salted hash");
        long named = count("select count(*) from poll_ballots where poll_id = ?1 and delegate_id is not null", poll);
        assertEquals(0, named, "an anonymous ballot keeps no delegate id");
        var results = PollLiveTest.results(f.sessionId, poll);
        assertEquals(tokens.size(), results.getInt("voters"));
        assertEquals(tokens.size(), results.getInt("options[0].phone") + results.getInt("options[1].phone"));
    }

    @ParameterizedTest(name = "fresh votes in one statement first: {0}")
    @ValueSource(booleans = {true, false})
    void aVoteRacingTheCloseIsEitherStoredAndCountedOrRefusedNeverStoredAfter(boolean oneTrip) throws Exception {
        commands.oneTrip(oneTrip);
        LiveFixture f = LiveFixture.scheduled();
        List<String> tokens = participants(f, VOTERS);
        long poll = openPoll(f, false, false, "Tán thành", "Không tán thành");
        List<Callable<Answer>> calls = new ArrayList<>();
        for (String t : tokens) {
            String id = "v-" + LiveFixture.uid();
            calls.add(() -> vote(f.sessionId, poll, t, id, 0));
        }
        calls.add(() -> {
            PollFixtures.command(
                            Tokens.as(Tokens.ORGANIZER),
                            f.sessionId,
                            "close-" + LiveFixture.uid(),
                            Map.of("type", "poll.close", "pollId", poll))
                    .then()
                    .statusCode(200);
            return new Answer(null, "close", -1, 200, null);
        });
        List<Answer> answers = all(calls);
        long ok = answers.stream()
                .filter(a -> a.token() != null && a.status() == 200)
                .count();
        assertTrue(
                answers.stream()
                        .filter(a -> a.token() != null)
                        .allMatch(a -> a.status() == 200 || "poll.not-open".equals(a.code())),
                answers.toString());
        assertEquals(ok, ballots(poll), "stored exactly when acknowledged");
        assertEquals(ok, PollLiveTest.results(f.sessionId, poll).getInt("voters"));
        // after the close: refused, nothing stored
        Answer after = vote(f.sessionId, poll, tokens.get(0), "v-" + LiveFixture.uid(), 1);
        assertEquals("poll.not-open", after.code());
        assertEquals(ok, ballots(poll));
    }
}
