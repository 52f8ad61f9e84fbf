package vn.diemcau.poll;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.diemcau.agenda.AgendaItemView;
import vn.diemcau.agenda.AgendaService;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.point.PointService;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.session.SessionService;

/**
 * Polls: authoring, DRAFT → OPEN → CLOSED → PUBLISHED, votes from participants' phones, show-of-hands
 * counts from the points, and results. A vote is one upsert of one row; anonymous ballots are keyed
 * by a salted hash of the delegate, so nothing that any API reads links an answer to its voter.
 */
@ApplicationScoped
public class PollService {
    static final int MAX_OPTIONS = 20;
    static final int MAX_TEXT = 500;
    static final int MAX_ROOM_COUNT = 100_000;
    private static final String TARGET = "poll";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CACHED = 10_000;

    /** Polls past DRAFT, by id: votes are checked without a read each. */
    private final Map<Long, Shape> shapes = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Inject
    AgendaService agenda;

    @Inject
    PointService points;

    @Inject
    EntityManager em;

    @Inject
    PollTally tally;

    @Inject
    Event<PollOpened> opened;

    @Inject
    Event<PollClosed> closed;

    @Inject
    Event<PollPublished> published;

    @Inject
    Event<PollVoted> voted;

    // --- reading ---

    /** Staff: every poll of the session; participants: those past DRAFT, with their own answer. */
    @Transactional
    public List<PollView> list(long sessionId) {
        access.requireRead(sessionId);
        sessions.require(sessionId);
        List<Poll> polls = Poll.list("sessionId = ?1 order by id", sessionId);
        return polls.stream()
                .filter(p -> !user.isParticipant() || p.status != PollStatus.DRAFT)
                .map(this::view)
                .toList();
    }

    /** For the live snapshot: the polls past DRAFT, results as the caller may see them. */
    @Transactional
    public List<PollView> live(long sessionId) {
        access.requireRead(sessionId);
        List<Poll> polls = Poll.list("sessionId = ?1 and status <> ?2 order by id", sessionId, PollStatus.DRAFT);
        return polls.stream().map(this::view).toList();
    }

    /**
     * For participants' live snapshots, the same for all of them: the polls past DRAFT, results as
     * participants may see them, nobody's own answer (see {@link #withOwnAnswers}).
     */
    @Transactional
    public List<PollView> participantLive(long sessionId) {
        List<Poll> polls = Poll.list("sessionId = ?1 and status <> ?2 order by id", sessionId, PollStatus.DRAFT);
        return polls.stream().map(p -> broadcastView(p, participantResults(p))).toList();
    }

    /** The polls with the delegate's own answers filled in: two queries, however many polls. */
    @Transactional
    public List<PollView> withOwnAnswers(List<PollView> views, long delegateId) {
        if (views.isEmpty()) return views;
        Map<Long, Poll> polls = new HashMap<>();
        Poll.<Poll>list("id in ?1", views.stream().map(PollView::id).toList()).forEach(p -> polls.put(p.id, p));
        Map<Long, String> keys = new HashMap<>();
        polls.values().forEach(p -> keys.put(p.id, voterKey(p, delegateId)));
        Map<Long, PollTally.Ballot> mine = tally.ballots(polls, keys);
        return views.stream()
                .map(v -> {
                    PollTally.Ballot b = mine.get(v.id());
                    return b == null ? v : v.withMine(b.choices(), b.text());
                })
                .toList();
    }

    @Transactional
    public PollView get(long sessionId, long pollId) {
        access.requireRead(sessionId);
        Poll p = require(sessionId, pollId);
        if (user.isParticipant() && p.status == PollStatus.DRAFT) throw ProblemException.notFound("poll", pollId);
        return view(p);
    }

    @Transactional
    public PollResults results(long sessionId, long pollId) {
        access.requireRead(sessionId);
        Poll p = require(sessionId, pollId);
        if (!user.isParticipant()) return tally.count(p);
        PollResults theirs = participantResults(p);
        if (theirs == null) throw ProblemException.forbidden("poll.results-hidden");
        return theirs;
    }

    /** Who answered what, for named polls only (organizer). */
    @Transactional
    public List<PollNamedAnswer> answers(long sessionId, long pollId) {
        Poll p = require(sessionId, pollId);
        if (p.anonymous) throw ProblemException.conflict("poll.anonymous");
        return tally.named(p);
    }

    // --- authoring ---

    @Transactional
    public PollView create(long sessionId, PollRequest r) {
        sessions.require(sessionId);
        Poll p = new Poll();
        p.sessionId = sessionId;
        p.voterSalt = HexFormat.of().formatHex(salt());
        p.createdBy = user.name();
        p.createdAt = Instant.now(clock);
        apply(p, r);
        p.persist();
        audit.record(sessionId, "poll.created", TARGET, p.id, p.question);
        return view(p);
    }

    @Transactional
    public PollView update(long sessionId, long pollId, PollRequest r) {
        Poll p = require(sessionId, pollId);
        requireStatus(p, PollStatus.DRAFT);
        apply(p, r);
        audit.record(sessionId, "poll.updated", TARGET, p.id, p.question);
        return view(p);
    }

    @Transactional
    public void delete(long sessionId, long pollId) {
        Poll p = require(sessionId, pollId);
        requireStatus(p, PollStatus.DRAFT);
        p.delete();
        audit.record(sessionId, "poll.deleted", TARGET, pollId, p.question);
    }

    // --- running (live commands) ---

    @Transactional
    public void open(long sessionId, long pollId) {
        Poll p = transition(sessionId, pollId, PollStatus.DRAFT, PollStatus.OPEN);
        p.openedAt = Instant.now(clock);
        shapes.remove(pollId);
        opened.fire(new PollOpened(sessionId, broadcastView(p, null)));
    }

    @Transactional
    public void close(long sessionId, long pollId) {
        Poll p = transition(sessionId, pollId, PollStatus.OPEN, PollStatus.CLOSED);
        p.closedAt = Instant.now(clock);
        shapes.remove(pollId);
        closed.fire(new PollClosed(sessionId, broadcastView(p, null)));
        voted.fire(new PollVoted(sessionId, pollId));
    }

    @Transactional
    public void publish(long sessionId, long pollId) {
        Poll p = transition(sessionId, pollId, PollStatus.CLOSED, PollStatus.PUBLISHED);
        p.publishedAt = Instant.now(clock);
        shapes.remove(pollId);
        em.flush();
        published.fire(new PollPublished(sessionId, broadcastView(p, tally.count(p))));
    }

    /**
     * A participant's answer, checked before anything is written (who, which poll, kind, options, text
     * length) and ready for {@link #castAll}: what is left to decide needs the poll's row at commit
     * time (still open? voted already?). A poll found closed here is refused at once.
     */
    public Ballot ballot(long sessionId, long pollId, List<Integer> choices, String text) {
        return ballot(user.invitee().orElse(null), sessionId, pollId, shape(pollId), choices, text);
    }

    /**
     * The same check from memory alone, for a caller on an event loop who says who votes ({@code me},
     * null for staff): null (nothing checked) when the poll's shape is not held, and {@link #ballot}
     * must read it.
     */
    public Ballot ballotFromMemory(
            CurrentUser.Invitee me, long sessionId, long pollId, List<Integer> choices, String text) {
        Shape p = shapes.get(pollId);
        return p == null ? null : ballot(me, sessionId, pollId, p, choices, text);
    }

    private Ballot ballot(
            CurrentUser.Invitee me, long sessionId, long pollId, Shape p, List<Integer> choices, String text) {
        if (me == null) throw ProblemException.forbidden("poll.participants-only");
        if (me.sessionId() != sessionId) throw ProblemException.forbidden("poll.other-session");
        if (p == null) throw ProblemException.notFound("poll", pollId);
        if (p.sessionId() != me.sessionId()) throw ProblemException.forbidden("poll.other-session");
        if (p.status() != PollStatus.OPEN) throw ProblemException.conflict("poll.not-open", p.status());
        long bits = 0;
        String answer = null;
        if (p.kind() == PollKind.TEXT) {
            answer = Text.clean(text);
            if (answer == null) throw ProblemException.badRequest("poll.text-required");
            if (answer.length() > MAX_TEXT) throw ProblemException.badRequest("poll.text-too-long", MAX_TEXT);
        } else {
            bits = bits(p.kind(), p.options(), p.maxChoices(), choices);
        }
        return new Ballot(
                p.sessionId(),
                pollId,
                voterKey(p.voterSalt(), me.delegateId()),
                p.anonymous() ? null : me.delegateId(),
                me.pointId(),
                bits,
                answer,
                p.changeable(),
                null);
    }

    /**
     * Writes ballots in the caller's transaction (the batch writer's): the polls' rows are locked
     * first, so a close and a batch of votes serialize — a vote committed after the close is
     * impossible. One answer per ballot, in order: null when applied, or the refusal. Within the
     * batch as across batches: a second answer of the same voter is refused, or replaces the first
     * where the poll allows it. A ballot whose command already cast the voter's stored ballot (a
     * resend) is answered null and writes nothing, whatever the poll's status now. Never relies on
     * per-row update counts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ProblemException> castAll(List<Ballot> ballots) {
        List<ProblemException> out = new ArrayList<>(ballots.size());
        if (ballots.isEmpty()) return out;
        Map<Long, Object[]> polls =
                lockPolls(ballots.stream().map(Ballot::pollId).collect(Collectors.toCollection(TreeSet::new)));
        Map<Long, Map<String, String>> stored = new HashMap<>();
        for (long pollId : polls.keySet())
            stored.put(
                    pollId,
                    existingBallots(
                            pollId,
                            ballots.stream()
                                    .filter(b -> b.pollId() == pollId)
                                    .map(Ballot::voterKey)
                                    .collect(Collectors.toCollection(TreeSet::new))));
        Map<String, Ballot> writes = new LinkedHashMap<>();
        for (Ballot b : ballots) {
            Object[] row = polls.get(b.pollId());
            if (row == null) {
                out.add(ProblemException.notFound("poll", b.pollId()));
                continue;
            }
            Map<String, String> voters = stored.get(b.pollId());
            String castBy = voters.get(b.voterKey());
            if (castBy != null && castBy.equals(b.commandId())) {
                out.add(null); // this command's ballot is the stored one: a resend
                continue;
            }
            PollStatus status = PollStatus.valueOf((String) row[0]);
            boolean changeable = (Boolean) row[1];
            if (status != PollStatus.OPEN) {
                out.add(ProblemException.conflict("poll.not-open", status));
                continue;
            }
            if (voters.containsKey(b.voterKey()) && !changeable) {
                out.add(ProblemException.conflict("poll.already-voted"));
                continue;
            }
            voters.put(b.voterKey(), ""); // a later answer of this voter in the batch is a second one
            writes.put(b.voter(), b); // the later answer of the same voter wins
            out.add(null);
        }
        if (!writes.isEmpty()) writeBallots(writes.values(), polls, Instant.now(clock));
        // observed after the commit: the ticker coalesces them into poll.results_changed
        announce(writes.values());
        return out;
    }

    /**
     * A vote checked and ready to write: a voter key (salted hash), never more than the poll keeps.
     * {@code changeable}: the poll lets a voter change their answer (fixed once the poll left DRAFT).
     */
    public record Ballot(
            long sessionId,
            long pollId,
            String voterKey,
            Long delegateId,
            Long pointId,
            long choices,
            String text,
            boolean changeable,
            String commandId) {
        /** Whose answer to which poll: a poll keeps one ballot per voter. */
        public String voter() {
            return pollId + ":" + voterKey;
        }

        /** This ballot as cast by the live command {@code id}, which its row keeps. */
        public Ballot castBy(String id) {
            return new Ballot(sessionId, pollId, voterKey, delegateId, pointId, choices, text, changeable, id);
        }
    }

    /** The columns of a ballot's row, in the order {@link #bindBallot} binds them. */
    public static final String BALLOT_COLUMNS =
            "poll_id, voter_key, delegate_id, point_id, choices, answer_text, voted_at, command_id";

    /**
     * Ballots of polls that take one answer per voter, from a derived table of {@link #BALLOT_COLUMNS}
     * as {@code t}: written where the poll is still open (the join reads the poll's row with a shared
     * lock, so a close waits for this transaction, as it waits for {@link #castAll}'s), ignored where
     * the voter has a ballot already. Its count says whether every ballot went in; when it does not,
     * the caller rolls back and {@link #castAll} decides. Each row keeps the command that cast it, so
     * a resend is answered from the ballot itself.
     */
    public static String insertOpenBallots(String rows) {
        return "INSERT IGNORE INTO poll_ballots (" + BALLOT_COLUMNS + ") SELECT t."
                + String.join(", t.", BALLOT_COLUMNS.split(",\\s*")) + " FROM (" + rows
                + ") t JOIN polls p ON p.id = t.poll_id WHERE p.status = 'OPEN' AND p.changeable = FALSE";
    }

    /** Binds a ballot's {@link #BALLOT_COLUMNS} from parameter {@code i} on; answers the next free one. */
    public static int bindBallot(PreparedStatement ps, int i, Ballot b, Instant at) throws SQLException {
        ps.setLong(i, b.pollId());
        ps.setString(i + 1, b.voterKey());
        ps.setObject(i + 2, b.delegateId(), Types.BIGINT);
        ps.setObject(i + 3, b.pointId(), Types.BIGINT);
        ps.setLong(i + 4, b.choices());
        ps.setString(i + 5, b.text());
        ps.setObject(i + 6, Jdbc.utc(at));
        ps.setString(i + 7, b.commandId());
        return i + 8;
    }

    /**
     * Ballots written, to the polls' screens (coalesced into poll.results_changed): observed once the
     * transaction they were written in commits ({@link #castAll}), at once when the caller committed
     * them itself ({@link #insertOpenBallots}).
     */
    public void announce(Collection<Ballot> written) {
        written.stream()
                .map(b -> new PollVoted(b.sessionId(), b.pollId()))
                .distinct()
                .forEach(voted::fire);
    }

    /** What a vote is checked against. Past DRAFT none of it changes but the status (which only moves on). */
    private record Shape(
            long sessionId,
            PollStatus status,
            PollKind kind,
            int options,
            Integer maxChoices,
            boolean anonymous,
            String voterSalt,
            boolean changeable) {}

    private Shape shape(long pollId) {
        Shape s = shapes.get(pollId);
        if (s != null) return s;
        s = QuarkusTransaction.requiringNew().call(() -> {
            Poll p = Poll.findById(pollId);
            return p == null
                    ? null
                    : new Shape(
                            p.sessionId,
                            p.status,
                            p.kind,
                            p.options.size(),
                            p.maxChoices,
                            p.anonymous,
                            p.voterSalt,
                            p.changeable);
        });
        // A DRAFT poll may still be edited: only what can no longer change is kept.
        if (s != null && s.status() != PollStatus.DRAFT) {
            if (shapes.size() >= MAX_CACHED) shapes.clear();
            shapes.put(pollId, s);
        }
        return s;
    }

    /** A close or publish committed (here or, via the refused votes, elsewhere): the next vote reads it again. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollClosed e) {
        shapes.remove(e.poll().id());
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollPublished e) {
        shapes.remove(e.poll().id());
    }

    /** id → {status, changeable}, rows locked in id order. */
    private Map<Long, Object[]> lockPolls(Set<Long> ids) {
        Map<Long, Object[]> out = em.unwrap(org.hibernate.Session.class)
                .doReturningWork(conn -> Jdbc.selectMap(
                        conn,
                        "SELECT id, status, changeable FROM polls WHERE id IN (:ids) ORDER BY id FOR UPDATE",
                        List.of(),
                        ids,
                        rs -> Map.entry(rs.getLong(1), new Object[] {rs.getString(2), rs.getBoolean(3)})));
        for (var e : out.entrySet()) {
            // a poll found no longer open: votes on it are refused here on without the batch
            if (!PollStatus.OPEN.name().equals(e.getValue()[0])) shapes.remove(e.getKey());
        }
        return out;
    }

    /**
     * The voters of {@code keys} who have a ballot already, each with the command that cast it ("" when
     * none is kept): a locking read sees the latest commit.
     */
    private Map<String, String> existingBallots(long pollId, Set<String> keys) {
        return em.unwrap(org.hibernate.Session.class)
                .doReturningWork(conn -> Jdbc.selectMap(
                        conn,
                        "SELECT voter_key, command_id FROM poll_ballots"
                                + " WHERE poll_id = ? AND voter_key IN (:ids) FOR UPDATE",
                        List.of(pollId),
                        keys,
                        rs -> Map.entry(rs.getString(1), Objects.requireNonNullElse(rs.getString(2), ""))));
    }

    /** One ballot's row, {@link #bindBallot}'s parameters. */
    private static final String INSERT_BALLOT = "INSERT INTO poll_ballots (" + BALLOT_COLUMNS + ") VALUES ("
            + Jdbc.marks(BALLOT_COLUMNS.split(",").length) + ")";

    /** The same, left out where the voter has a ballot already (the count says which). */
    private static final String INSERT_BALLOT_ONCE = INSERT_BALLOT.replaceFirst("^INSERT", "INSERT IGNORE");

    /** The same, replacing the voter's earlier answer (polls that let voters change it). */
    private static final String UPSERT_BALLOT = INSERT_BALLOT
            + " ON DUPLICATE KEY UPDATE point_id = VALUES(point_id), choices = VALUES(choices),"
            + " answer_text = VALUES(answer_text), voted_at = VALUES(voted_at), command_id = VALUES(command_id)";

    private void writeBallots(Collection<Ballot> ballots, Map<Long, Object[]> polls, Instant now) {
        em.unwrap(org.hibernate.Session.class).doWork(conn -> {
            try (PreparedStatement once = conn.prepareStatement(INSERT_BALLOT);
                    PreparedStatement replace = conn.prepareStatement(UPSERT_BALLOT)) {
                boolean anyOnce = false, anyReplace = false;
                for (Ballot b : ballots) {
                    boolean changeable = (Boolean) polls.get(b.pollId())[1];
                    PreparedStatement ps = changeable ? replace : once;
                    bindBallot(ps, 1, b, now);
                    ps.addBatch();
                    if (changeable) anyReplace = true;
                    else anyOnce = true;
                }
                if (anyOnce) once.executeBatch();
                if (anyReplace) replace.executeBatch();
            }
        });
    }

    /**
     * One vote written on its own, in the caller's transaction: for tests that fill a poll directly
     * ({@code PollFixtures.castDirect}). Votes of clients go through {@link #ballot} and {@link #castAll}.
     */
    void cast(Poll p, long delegateId, Long pointId, List<Integer> choices, String text) {
        if (p.status != PollStatus.OPEN) throw ProblemException.conflict("poll.not-open", p.status);
        long bits = 0;
        String answer = null;
        if (p.kind == PollKind.TEXT) {
            answer = Text.clean(text);
            if (answer == null) throw ProblemException.badRequest("poll.text-required");
            if (answer.length() > MAX_TEXT) throw ProblemException.badRequest("poll.text-too-long", MAX_TEXT);
        } else {
            bits = bits(p.kind, p.options.size(), p.maxChoices, choices);
        }
        Ballot b = new Ballot(
                p.sessionId,
                p.id,
                voterKey(p, delegateId),
                p.anonymous ? null : delegateId,
                pointId,
                bits,
                answer,
                p.changeable,
                null);
        Instant now = Instant.now(clock);
        int changed = em.unwrap(org.hibernate.Session.class).doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(p.changeable ? UPSERT_BALLOT : INSERT_BALLOT_ONCE)) {
                bindBallot(ps, 1, b, now);
                return ps.executeUpdate();
            }
        });
        if (changed == 0 && !p.changeable) throw ProblemException.conflict("poll.already-voted");
        voted.fire(new PollVoted(p.sessionId, p.id));
    }

    /** The show-of-hands result of a point, per option; replaces what the point entered before. */
    @Transactional
    public void roomResult(long sessionId, long pollId, long pointId, List<Integer> counts) {
        access.requireOperate(sessionId, pointId);
        Poll p = require(sessionId, pollId);
        points.require(sessionId, pointId);
        if (p.kind == PollKind.TEXT) throw ProblemException.badRequest("poll.room-result-text");
        if (p.status != PollStatus.OPEN && p.status != PollStatus.CLOSED)
            throw ProblemException.conflict("poll.room-result-closed", p.status);
        if (counts == null
                || counts.size() != p.options.size()
                || counts.stream().anyMatch(c -> c == null || c < 0 || c > MAX_ROOM_COUNT))
            throw ProblemException.badRequest("poll.room-counts-invalid", p.options.size(), MAX_ROOM_COUNT);
        em.createNativeQuery("DELETE FROM poll_room_counts WHERE poll_id = ?1 AND point_id = ?2")
                .setParameter(1, pollId)
                .setParameter(2, pointId)
                .executeUpdate();
        Instant now = Instant.now(clock);
        for (int i = 0; i < counts.size(); i++) {
            em.createNativeQuery(
                            "INSERT INTO poll_room_counts (poll_id, point_id, position, votes, entered_by, entered_at)"
                                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, pollId)
                    .setParameter(2, pointId)
                    .setParameter(3, i)
                    .setParameter(4, counts.get(i))
                    .setParameter(5, user.name())
                    .setParameter(6, now)
                    .executeUpdate();
        }
        audit.record(sessionId, pointId, "poll.room-result", TARGET, pollId, counts.toString());
        voted.fire(new PollVoted(sessionId, pollId));
    }

    /** For the ticker: the current totals, or null when the poll is gone. */
    @Transactional
    PollResults currentResults(long pollId) {
        Poll p = Poll.findById(pollId);
        return p == null ? null : tally.count(p);
    }

    @Transactional
    boolean participantsMaySee(long pollId) {
        Poll p = Poll.findById(pollId);
        return p != null && p.resultsVisibleToParticipants();
    }

    // --- helpers ---

    Poll require(long sessionId, long pollId) {
        Poll p = Poll.findById(pollId);
        if (p == null || p.sessionId != sessionId) throw ProblemException.notFound("poll", pollId);
        return p;
    }

    private Poll transition(long sessionId, long pollId, PollStatus from, PollStatus to) {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
        Poll p = require(sessionId, pollId);
        requireStatus(p, from);
        p.status = to;
        p.updatedAt = Instant.now(clock);
        audit.record(sessionId, "poll." + to.name().toLowerCase(), TARGET, pollId, p.question);
        return p;
    }

    private static void requireStatus(Poll p, PollStatus expected) {
        if (p.status != expected) throw ProblemException.conflict("poll.invalid-status", p.status, expected);
    }

    private void apply(Poll p, PollRequest r) {
        String question = Text.clean(r.question());
        if (question == null) throw ProblemException.badRequest("poll.question-required");
        if (question.length() > 500) throw ProblemException.badRequest("poll.question-too-long", 500);
        if (r.kind() == null) throw ProblemException.badRequest("poll.kind-required");
        List<String> options = new ArrayList<>();
        Integer max = null;
        switch (r.kind()) {
            case SINGLE, MULTIPLE -> {
                List<String> given = r.options() == null ? List.of() : r.options();
                for (String o : given) {
                    String label = Text.clean(o);
                    if (label == null || label.length() > 200)
                        throw ProblemException.badRequest("poll.option-invalid", 200);
                    options.add(label);
                }
                if (options.size() < 2 || options.size() > MAX_OPTIONS)
                    throw ProblemException.badRequest("poll.options-count", MAX_OPTIONS);
                if (new HashSet<>(options).size() != options.size())
                    throw ProblemException.badRequest("poll.options-duplicate");
                if (r.kind() == PollKind.MULTIPLE) {
                    max = r.maxChoices() == null ? options.size() : r.maxChoices();
                    if (max < 1 || max > options.size())
                        throw ProblemException.badRequest("poll.max-choices-range", options.size());
                }
            }
            case RATING -> options.addAll(List.of("1", "2", "3", "4", "5"));
            case TEXT -> {}
        }
        if (r.agendaItemId() != null
                && agenda.list(p.sessionId).stream()
                        .map(AgendaItemView::id)
                        .noneMatch(id -> Objects.equals(id, r.agendaItemId())))
            throw ProblemException.notFound("agenda-item", r.agendaItemId());
        p.question = question;
        p.kind = r.kind();
        p.options.clear();
        p.options.addAll(options);
        p.maxChoices = max;
        p.anonymous = Boolean.TRUE.equals(r.anonymous());
        p.changeable = Boolean.TRUE.equals(r.changeable());
        p.resultsHidden = Boolean.TRUE.equals(r.resultsHidden());
        p.agendaItemId = r.agendaItemId();
        p.updatedAt = Instant.now(clock);
    }

    private static long bits(PollKind kind, int options, Integer maxChoices, List<Integer> choices) {
        if (choices == null || choices.isEmpty()) throw ProblemException.badRequest("poll.choice-required");
        Set<Integer> distinct = new HashSet<>();
        for (Integer c : choices) {
            if (c == null || c < 0 || c >= options || !distinct.add(c))
                throw ProblemException.badRequest("poll.choice-invalid", options);
        }
        int max = kind == PollKind.MULTIPLE ? maxChoices : 1;
        if (distinct.size() > max) throw ProblemException.badRequest("poll.too-many-choices", max);
        long bits = 0;
        for (int c : distinct) bits |= 1L << c;
        return bits;
    }

    static String voterKey(Poll p, long delegateId) {
        return voterKey(p.voterSalt, delegateId);
    }

    private static String voterKey(String voterSalt, long delegateId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((voterSalt + ":" + delegateId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] salt() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private PollView view(Poll p) {
        boolean staff = !user.isParticipant();
        PollResults results = p.status == PollStatus.DRAFT ? null : staff ? tally.count(p) : participantResults(p);
        List<Integer> myChoices = null;
        String myText = null;
        var me = user.invitee();
        if (me.isPresent() && p.status != PollStatus.DRAFT) {
            PollTally.Ballot b = tally.ballot(p, voterKey(p, me.get().delegateId()));
            if (b != null) {
                myChoices = b.choices();
                myText = b.text();
            }
        }
        return PollView.from(p, results, myChoices, myText);
    }

    /**
     * What participants may see of a poll's results: the totals without each point's part, or null
     * while the poll hides them.
     */
    private PollResults participantResults(Poll p) {
        return p.resultsVisibleToParticipants() ? tally.count(p).withoutPoints() : null;
    }

    /** What goes to every screen: no per-caller data. */
    private static PollView broadcastView(Poll p, PollResults results) {
        return PollView.from(p, results, null, null);
    }
}
