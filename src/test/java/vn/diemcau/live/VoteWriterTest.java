package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.diemcau.poll.PollFixtures;
import vn.diemcau.poll.PollService;

/**
 * The vote writer's one-statement path (MariaDB): a batch of fresh votes is written and committed
 * without a read, one row a vote (the ballot keeps its command id), and any batch it cannot take whole
 * leaves nothing behind for the full path, which then answers as it always did: a resend from the
 * ballot its command cast.
 */
@QuarkusTest
class VoteWriterTest {
    @Inject
    LiveCommands commands;

    @Inject
    EntityManager em;

    @Test
    void freshVotesAreWrittenWholeAndABatchWithAnythingElseLeavesNothingForTheFullPath() {
        LiveFixture f = LiveFixture.scheduled();
        long poll = openPoll(f, false);
        List<LiveCommands.VoteCommand> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) fresh.add(vote(f, poll, "cu-tri-" + i, "v-" + i + "-" + LiveFixture.uid(), i % 2));

        assertEquals(List.of(Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK), commands.fresh(fresh));
        assertEquals(5, count("select count(*) from poll_ballots where poll_id = ?1", poll));
        // one row a vote: the ballot keeps the command that cast it, no command record is written
        for (LiveCommands.VoteCommand v : fresh) assertEquals(v.commandId(), castBy(poll, v));
        assertEquals(
                0,
                count(
                        "select count(*) from live_commands where session_id = ?1 and command_id like 'v-%'",
                        f.sessionId));
        assertEquals(2, count("select count(*) from poll_ballots where poll_id = ?1 and choices = 2", poll));

        // a resend of one of them with a new voter beside it: not taken whole, nothing of it kept
        List<LiveCommands.VoteCommand> mixed =
                List.of(fresh.get(0), vote(f, poll, "cu-tri-moi", "v-moi-" + LiveFixture.uid(), 0));
        assertNull(commands.fresh(mixed));
        assertEquals(5, count("select count(*) from poll_ballots where poll_id = ?1", poll));
        // the full path answers the resend as the first time, and takes the new voter
        assertEquals(List.of(Outcome.OK, Outcome.OK), commands.voteAll(mixed));
        assertEquals(6, count("select count(*) from poll_ballots where poll_id = ?1", poll));

        // a second answer of a voter under a new command id: refused by the full path, not recorded OK
        LiveCommands.VoteCommand again = vote(f, poll, "cu-tri-1", "v-lai-" + LiveFixture.uid(), 0);
        assertNull(commands.fresh(List.of(again)));
        assertEquals(
                "poll.already-voted", commands.voteAll(List.of(again)).get(0).code());

        // a closed poll takes nothing
        PollFixtures.organizer(f.sessionId, "poll.close", poll);
        LiveCommands.VoteCommand late = vote(f, poll, "cu-tri-muon", "v-muon-" + LiveFixture.uid(), 0);
        assertNull(commands.fresh(List.of(late)));
        assertEquals("poll.not-open", commands.voteAll(List.of(late)).get(0).code());
        assertEquals(6, count("select count(*) from poll_ballots where poll_id = ?1", poll));

        // a resend after the close of a vote the one-statement path took: the first answer, from its ballot
        assertNull(commands.fresh(List.of(fresh.get(2))));
        assertEquals(List.of(Outcome.OK), commands.voteAll(List.of(fresh.get(2))));
        assertEquals(6, count("select count(*) from poll_ballots where poll_id = ?1", poll));
    }

    @Test
    void aPollThatLetsVotersChangeTheirAnswerAlwaysTakesTheFullPath() {
        LiveFixture f = LiveFixture.scheduled();
        long poll = openPoll(f, true);
        LiveCommands.VoteCommand v = vote(f, poll, "cu-tri-doi", "v-doi-" + LiveFixture.uid(), 0);
        assertNull(commands.fresh(List.of(v)));
        assertEquals(0, count("select count(*) from poll_ballots where poll_id = ?1", poll));
        assertEquals(List.of(Outcome.OK), commands.voteAll(List.of(v)));
        assertEquals(1, count("select count(*) from poll_ballots where poll_id = ?1", poll));
        assertEquals(v.commandId(), castBy(poll, v));

        // a changed answer: the ballot now keeps the second command; a late resend of the first is
        // answered as the first time and changes nothing back
        LiveCommands.VoteCommand changed = vote(f, poll, "cu-tri-doi", "v-doi-lai-" + LiveFixture.uid(), 1);
        assertEquals(List.of(Outcome.OK), commands.voteAll(List.of(changed)));
        assertEquals(changed.commandId(), castBy(poll, v));
        assertEquals(List.of(Outcome.OK), commands.voteAll(List.of(v)));
        assertEquals(changed.commandId(), castBy(poll, v));
        assertEquals(1, count("select count(*) from poll_ballots where poll_id = ?1 and choices = 2", poll));
    }

    /** The command id the voter's ballot keeps. */
    private Object castBy(long poll, LiveCommands.VoteCommand v) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select command_id from poll_ballots where poll_id = ?1 and voter_key = ?2")
                        .setParameter(1, poll)
                        .setParameter(2, v.ballot().voterKey())
                        .getSingleResult());
    }

    private static long openPoll(LiveFixture f, boolean changeable) {
        return VoteBurstSmokeTest.openPoll(f, false, changeable, "Tán thành", "Không tán thành");
    }

    /** A checked ballot as the socket would queue it (the voter key stands for the salted hash). */
    private static LiveCommands.VoteCommand vote(LiveFixture f, long poll, String voter, String commandId, int choice) {
        boolean changeable = QuarkusTransaction.requiringNew()
                .call(() -> vn.diemcau.poll.Poll.<vn.diemcau.poll.Poll>findById(poll).changeable);
        return new LiveCommands.VoteCommand(
                f.sessionId,
                commandId,
                "poll.vote",
                "delegate:0",
                new PollService.Ballot(
                        f.sessionId, poll, voter, null, f.point1, 1L << choice, null, changeable, commandId),
                null);
    }

    private long count(String sql, long id) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }
}
