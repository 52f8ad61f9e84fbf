package vn.diemcau.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.hibernate.Session;
import vn.diemcau.common.BatchConfig;
import vn.diemcau.common.GroupCommit;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.OwnConnection;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.WriterConnections;
import vn.diemcau.poll.PollService;
import vn.diemcau.security.CurrentUser;

/**
 * Applies each command once. The change and the record of its command id commit together, so a
 * resend (after a lost ack, from an offline queue, twice at once) finds the record and gets the
 * same answer without changing anything again. Refusals are recorded too: the same command gets
 * the same answer.
 */
@ApplicationScoped
class LiveCommands {
    static final int MAX_ID = 100;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    PollService polls;

    @Inject
    BatchConfig batch;

    @Inject
    WriterConnections connections;

    /**
     * The vote writer's own connection, its statements prepared on the server: on MariaDB a batch of
     * fresh votes is written on it in one statement and its commit ({@link #castFresh}); what that
     * leaves open goes to the full path in a JTA transaction of its own.
     */
    private OwnConnection own;

    private GroupCommit<VoteCommand, Outcome> votes;

    @PostConstruct
    void start() {
        own = connections.createServerPrepared();
        votes = GroupCommit.committingItself("votes", batch, this::voteAll);
    }

    @PreDestroy
    void stop() {
        votes.close();
        own.close();
    }

    /** Tests try both ways on MariaDB: false sends every batch down the full path. */
    void oneTrip(boolean on) {
        own.multiStatements(on);
    }

    /**
     * Applies {@code action} once for the command id, in one transaction with the command's record; a
     * resend gets the answer stored for the first. The record goes in first, answered OK, by a
     * statement that also tells whether the id is taken ({@link #claim}): a fresh command then costs
     * one statement for its record and no read, and a resend (even one sent while the first is still
     * running, which waits for it on the unique key) reads the first's answer and runs nothing. An
     * action that refuses rolls the record back with everything else; the refusal is recorded in a
     * transaction of its own. The main hall's action waits for this before its event goes out to every
     * point.
     */
    Outcome run(long sessionId, ClientMessage.Command command, Runnable action) {
        String id = command.commandId();
        if (id == null || id.isBlank() || id.length() > MAX_ID)
            return Outcome.of(ProblemException.badRequest("live.command-id-required", MAX_ID));
        String type = type(command);
        try {
            Outcome earlier = QuarkusTransaction.requiringNew().call(() -> {
                if (claim(sessionId, id, type)) {
                    action.run();
                    return null;
                }
                Outcome e = storedHere(sessionId, id, type);
                if (e != null) return e;
                // neither recorded now nor before (no such session, say): the action and the record
                // fail as they would
                action.run();
                record(sessionId, id, type, Outcome.OK);
                return null;
            });
            return earlier != null ? earlier : Outcome.OK;
        } catch (ProblemException p) {
            Outcome refused = Outcome.of(p);
            try {
                QuarkusTransaction.requiringNew().run(() -> record(sessionId, id, type, refused));
                return refused;
            } catch (RuntimeException raced) {
                return storedOr(sessionId, id, type, raced);
            }
        } catch (RuntimeException e) {
            // The same id committed by a concurrent resend: the unique key refused ours.
            return storedOr(sessionId, id, type, e);
        }
    }

    /**
     * A vote: checked by {@code check} on the caller's thread, then written by the batch writer (its
     * ballot keeping its command id) in one transaction shared with other votes, answered after the commit; no
     * thread waits for the batch meanwhile. The guarantees of {@link #run} hold: a resend (in the same
     * batch or a later one) gets the stored answer; a refusal is recorded too. Only a full queue (503)
     * is not recorded: nothing happened. The answer comes back on the caller's context.
     */
    CompletableFuture<Outcome> vote(long sessionId, ClientMessage.Vote command, Supplier<PollService.Ballot> check) {
        return vote(sessionId, user.name(), command, check);
    }

    /** As {@link #vote(long, ClientMessage.Vote, Supplier)}, by {@code actor} (a caller on an event loop). */
    CompletableFuture<Outcome> vote(
            long sessionId, String actor, ClientMessage.Vote command, Supplier<PollService.Ballot> check) {
        String id = command.commandId();
        if (id == null || id.isBlank() || id.length() > MAX_ID)
            return CompletableFuture.completedFuture(
                    Outcome.of(ProblemException.badRequest("live.command-id-required", MAX_ID)));
        String type = type(command);
        PollService.Ballot ballot = null;
        Outcome refused = null;
        try {
            ballot = check.get().castBy(id);
        } catch (ProblemException p) {
            refused = Outcome.of(p);
        }
        return votes.submitAsync(new VoteCommand(sessionId, id, type, actor, ballot, refused))
                .handle((o, failure) -> {
                    if (failure == null) return CompletableFuture.completedFuture(o);
                    Throwable e = failure instanceof CompletionException c ? c.getCause() : failure;
                    if (e instanceof ProblemException busy) return CompletableFuture.completedFuture(Outcome.of(busy));
                    if (!(e instanceof RuntimeException r)) return CompletableFuture.<Outcome>failedFuture(e);
                    // the batch and the vote alone failed: a resend may have stored it; that read never on an
                    // event loop
                    Context context = Vertx.currentContext();
                    if (context == null || !Context.isOnEventLoopThread())
                        return CompletableFuture.completedFuture(storedOr(sessionId, id, type, r));
                    return context.executeBlocking(() -> storedOr(sessionId, id, type, r), false)
                            .toCompletionStage()
                            .toCompletableFuture();
                })
                .thenCompose(f -> f);
    }

    /** One vote for the batch: a ballot to cast, or the refusal its checks gave. */
    record VoteCommand(
            long sessionId, String commandId, String type, String actor, PollService.Ballot ballot, Outcome refused) {}

    /**
     * A batch of votes, committed: fresh ones first in one statement where they can be ({@link
     * #castFresh}), otherwise (a resend, a refusal, a second answer, a closed poll, a poll that lets
     * voters change their answer) the full path decides in a transaction of its own.
     */
    List<Outcome> voteAll(List<VoteCommand> items) {
        List<Outcome> fresh = fresh(items);
        if (fresh != null) return fresh;
        return QuarkusTransaction.requiringNew().call(() -> voteAllInTransaction(items));
    }

    /** {@link #castFresh} on the writer's own connection where it can be tried; null: the full path decides. */
    List<Outcome> fresh(List<VoteCommand> items) {
        return own.multiStatements() ? own.write(conn -> castFresh(conn, items)) : null;
    }

    /**
     * The common batch — every vote checked and new: one command id and one voter each, on polls that
     * take one answer per voter — as one statement on the writer's own connection: the ballots, each
     * with the command id that cast it, where their polls are still open and their voters have none
     * ({@link PollService#insertOpenBallots}). When its count says every ballot went in, the batch
     * commits and every vote is answered OK, as the full path would have answered it; otherwise it
     * rolls back and answers null (the full path decides, and nothing of it is left). No command
     * record is written: a resend is answered from its ballot ({@link PollService#castAll}). Reads
     * nothing.
     */
    private List<Outcome> castFresh(Connection conn, List<VoteCommand> items) throws SQLException {
        if (items.size() > Jdbc.IN_LIMIT) return null;
        Set<String> commands = new HashSet<>(), voters = new HashSet<>();
        for (VoteCommand v : items) {
            PollService.Ballot b = v.ballot();
            if (b == null || v.refused() != null || b.changeable()) return null;
            if (!commands.add(key(v.sessionId(), v.commandId())) || !voters.add(b.voter())) return null;
        }
        Instant now = Instant.now(clock);
        int written;
        try (PreparedStatement ps = conn.prepareStatement(
                PollService.insertOpenBallots(Jdbc.rowsTable(PollService.BALLOT_COLUMNS, items.size())))) {
            int i = 1;
            for (VoteCommand v : items) i = PollService.bindBallot(ps, i, v.ballot(), now);
            written = ps.executeUpdate();
        }
        if (written != items.size()) {
            conn.rollback();
            return null;
        }
        conn.commit();
        polls.announce(items.stream().map(VoteCommand::ballot).toList());
        return Collections.nCopies(items.size(), Outcome.OK);
    }

    /** The full path: command records looked up in one query per session, ballots cast together. */
    List<Outcome> voteAllInTransaction(List<VoteCommand> items) {
        Map<Long, Set<String>> idsBySession = new HashMap<>();
        for (VoteCommand v : items)
            idsBySession.computeIfAbsent(v.sessionId(), k -> new TreeSet<>()).add(v.commandId());
        Map<String, Outcome> answers = new HashMap<>();
        for (var e : idsBySession.entrySet())
            answers.putAll(storedAll(e.getKey(), e.getValue(), items.get(0).type()));
        List<VoteCommand> fresh = new ArrayList<>();
        List<PollService.Ballot> ballots = new ArrayList<>();
        Map<String, VoteCommand> firsts = new LinkedHashMap<>();
        for (VoteCommand v : items) {
            String key = key(v.sessionId(), v.commandId());
            if (answers.containsKey(key) || firsts.containsKey(key)) continue; // a resend: the first one's answer
            firsts.put(key, v);
            if (v.refused() != null) answers.put(key, v.refused());
            else {
                fresh.add(v);
                ballots.add(v.ballot());
            }
        }
        List<ProblemException> cast = polls.castAll(ballots);
        for (int i = 0; i < fresh.size(); i++) {
            ProblemException p = cast.get(i);
            answers.put(
                    key(fresh.get(i).sessionId(), fresh.get(i).commandId()), p == null ? Outcome.OK : Outcome.of(p));
        }
        recordAll(firsts.values(), answers);
        return items.stream()
                .map(v -> answers.get(key(v.sessionId(), v.commandId())))
                .toList();
    }

    private static String key(long sessionId, String commandId) {
        return sessionId + "\n" + commandId;
    }

    /** The stored answers among {@code ids} (as {@link #stored}: another command's id is a conflict). */
    private Map<String, Outcome> storedAll(long sessionId, Set<String> ids, String type) {
        return em.unwrap(Session.class)
                .doReturningWork(conn -> Jdbc.selectMap(
                        conn,
                        "select command_id, type, result from live_commands"
                                + " where session_id = ? and command_id in (:ids)",
                        List.of(sessionId),
                        ids,
                        rs -> {
                            String id = rs.getString(1);
                            return Map.entry(key(sessionId, id), answer(id, rs.getString(2), rs.getString(3), type));
                        }));
    }

    /**
     * The command's record, answered OK, in the caller's transaction unless the id is taken; false when
     * it is (or the row could not go in: the session is gone). {@code insert ignore} leaves a taken id
     * as it is, without an error; on one still uncommitted it waits for that transaction's end.
     */
    private boolean claim(long sessionId, String id, String type) {
        return insertRecord("insert ignore", sessionId, id, type, Outcome.OK) == 1;
    }

    /** One command's record, by {@code insert} (or {@code insert ignore}) on the transaction's connection. */
    private int insertRecord(String insert, long sessionId, String id, String type, Outcome o) {
        LocalDateTime now = Jdbc.utc(Instant.now(clock));
        String actor = user.name(), result = write(o);
        return em.unwrap(Session.class).doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(insert + RECORD_INTO)) {
                bindRecord(ps, 1, sessionId, id, type, actor, result, now);
                return ps.executeUpdate();
            }
        });
    }

    private void recordAll(Collection<VoteCommand> commands, Map<String, Outcome> answers) {
        if (commands.isEmpty()) return;
        LocalDateTime now = Jdbc.utc(Instant.now(clock));
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("insert" + RECORD_INTO)) {
                for (VoteCommand v : commands) {
                    bindRecord(
                            ps,
                            1,
                            v.sessionId(),
                            v.commandId(),
                            v.type(),
                            v.actor(),
                            write(answers.get(key(v.sessionId(), v.commandId()))),
                            now);
                    ps.addBatch();
                }
                // A concurrent command with one of these ids (another instance, the one-by-one path)
                // fails the batch here; its items are then tried alone and find that record.
                ps.executeBatch();
            }
        });
    }

    /** A command's record: its columns, one row of parameters, and their binding. */
    private static final String RECORD_COLUMNS = "session_id, command_id, type, actor, result, created_at";

    private static final String RECORD_ROW = "(?, ?, ?, ?, ?, ?)";

    /** What follows {@code insert} (or {@code insert ignore}) for one record. */
    private static final String RECORD_INTO = " into live_commands (" + RECORD_COLUMNS + ") values " + RECORD_ROW;

    /** Binds a record's {@link #RECORD_COLUMNS} from parameter {@code i} on; answers the next free one. */
    private static int bindRecord(
            PreparedStatement ps,
            int i,
            long sessionId,
            String commandId,
            String type,
            String actor,
            String result,
            LocalDateTime at)
            throws SQLException {
        ps.setLong(i, sessionId);
        ps.setString(i + 1, commandId);
        ps.setString(i + 2, type);
        ps.setString(i + 3, actor);
        ps.setString(i + 4, result);
        ps.setObject(i + 5, at);
        return i + 6;
    }

    private Outcome answer(String id, String storedType, String result, String type) {
        if (!storedType.equals(type))
            return Outcome.of(ProblemException.conflict("live.command-id-reused", id, storedType));
        try {
            return json.readValue(result, Outcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable live_commands.result of " + id, e);
        }
    }

    private String write(Outcome o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome storedOr(long sessionId, String id, String type, RuntimeException e) {
        Outcome earlier = stored(sessionId, id, type);
        if (earlier == null) throw e;
        return earlier;
    }

    private Outcome stored(long sessionId, String id, String type) {
        return QuarkusTransaction.requiringNew().call(() -> storedHere(sessionId, id, type));
    }

    /** The answer stored for the command id, read in the caller's transaction; null when there is none. */
    private Outcome storedHere(long sessionId, String id, String type) {
        LiveCommand c = LiveCommand.<LiveCommand>find("sessionId = ?1 and commandId = ?2", sessionId, id)
                .firstResult();
        return c == null ? null : answer(id, c.type, c.result, type);
    }

    /** The command's record with its answer; a taken id fails it (the unique key). */
    private void record(long sessionId, String id, String type, Outcome o) {
        insertRecord("insert", sessionId, id, type, o);
    }

    static String type(ClientMessage m) {
        var name = m.getClass().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class);
        return name == null ? m.getClass().getSimpleName() : name.value();
    }
}
