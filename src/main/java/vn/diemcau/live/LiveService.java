package vn.diemcau.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import vn.diemcau.agenda.AgendaLiveService;
import vn.diemcau.attendance.AbsenceRequest;
import vn.diemcau.attendance.AttendanceService;
import vn.diemcau.attendance.CheckInRequest;
import vn.diemcau.attendance.WalkInRequest;
import vn.diemcau.common.ProblemException;
import vn.diemcau.document.DocumentService;
import vn.diemcau.document.DocumentView;
import vn.diemcau.floor.FloorService;
import vn.diemcau.floor.QuestionService;
import vn.diemcau.point.Liveness;
import vn.diemcau.point.PointLiveService;
import vn.diemcau.poll.PollService;
import vn.diemcau.poll.PollView;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;

/** What the live socket and the REST commands do: the snapshot, and each command to its feature's service. */
@ApplicationScoped
public class LiveService {
    @Inject
    Access access;

    @Inject
    CurrentUser user;

    @Inject
    SessionService sessions;

    @Inject
    AgendaLiveService agenda;

    @Inject
    PointLiveService points;

    @Inject
    AttendanceService attendance;

    @Inject
    PollService polls;

    @Inject
    LiveCommands commands;

    // floor
    @Inject
    FloorService floor;

    @Inject
    QuestionService questions;

    @Inject
    DocumentService documents;

    @Inject
    LiveConfig config;

    /**
     * The part of snapshots that is the same for a whole audience of a session (its staff, or its
     * participants), as of the stream's {@code seq}; {@code documents} only for participants,
     * {@code consolePolls} (the polls without each point's part, as operators' consoles get them)
     * only for staff.
     */
    private record Shared(
            long seq,
            long builtAt,
            ServerMessage.Snapshot base,
            List<DocumentService.ForParticipants> documents,
            List<PollView> consolePolls) {}

    private record SnapshotKey(long sessionId, boolean staff) {}

    private final Map<SnapshotKey, Shared> shared = new ConcurrentHashMap<>();
    private final Map<SnapshotKey, Object> building = new ConcurrentHashMap<>();

    /**
     * The snapshot for a connection joining at the stream's {@code seq}: built from the part its
     * audience shares (read once per {@code seq}, reused for at most {@code diemcau.live.snapshot-reuse}),
     * completed with what is the caller's own — the documents its role and points may see, and for a
     * participant their own poll answers. Participants get no point states, roll call or attendance
     * counts: the phone shows none of them, and at a national session those are most of a snapshot.
     */
    public ServerMessage.Snapshot snapshot(long sessionId, long seq) {
        long asked = System.nanoTime();
        access.requireRead(sessionId);
        var me = user.invitee();
        Shared s = sharedOf(new SnapshotKey(sessionId, me.isEmpty()), seq, asked);
        ServerMessage.Snapshot b = s.base();
        if (me.isEmpty()) {
            // An operator's console gets its own points, no session-wide counts and poll results
            // without each point's part (see Audience).
            Set<Long> mine = access.consolePoints(sessionId);
            return new ServerMessage.Snapshot(
                    b.session(),
                    b.agenda(),
                    mine == null
                            ? b.points()
                            : b.points().stream()
                                    .filter(p -> mine.contains(p.id()))
                                    .toList(),
                    b.rollCall(),
                    b.heartbeatSeconds(),
                    documents.released(sessionId),
                    mine == null ? b.attendance() : null,
                    mine == null ? b.polls() : s.consolePolls(),
                    b.floor(),
                    b.questions());
        }
        Long pointId = me.get().pointId();
        List<DocumentView> docs = s.documents().stream()
                .filter(d -> d.reaches(pointId))
                .map(DocumentService.ForParticipants::view)
                .toList();
        List<PollView> mine = b.polls().isEmpty()
                ? b.polls()
                : polls.withOwnAnswers(b.polls(), me.get().delegateId());
        return new ServerMessage.Snapshot(
                b.session(),
                b.agenda(),
                List.of(),
                null,
                b.heartbeatSeconds(),
                docs,
                null,
                mine,
                b.floor(),
                b.questions());
    }

    /**
     * The shared part for a caller at {@code seq}, who asked at {@code asked} (after the stream's
     * position was read). A part whose reading began after that holds every change up to {@code seq}
     * (and maybe later ones, which follow as events too, as with any snapshot), so it serves whatever
     * number the stream has moved on to meanwhile: while 2,000 point consoles come online, each
     * publishing a state change, the callers waiting for one build take the next one together instead
     * of one build each, one after the other, holding every worker thread.
     */
    private Shared sharedOf(SnapshotKey a, long seq, long asked) {
        Shared s = shared.get(a);
        if (fresh(s, seq, asked)) return s;
        // One build per audience at a time: the others wait for it and take it.
        synchronized (building.computeIfAbsent(a, id -> new Object())) {
            s = shared.get(a);
            if (fresh(s, seq, asked)) return s;
            long started = System.nanoTime();
            s = QuarkusTransaction.requiringNew().call(() -> build(a, seq, started));
            if (shared.size() > 10_000) shared.clear();
            shared.put(a, s);
            return s;
        }
    }

    private boolean fresh(Shared s, long seq, long asked) {
        if (s == null) return false;
        // Read after this caller asked: right for it however long the reading took (seconds, under load).
        if (s.builtAt() - asked > 0) return true;
        return s.seq() == seq
                && System.nanoTime() - s.builtAt() < config.snapshotReuse().toNanos();
    }

    private Shared build(SnapshotKey a, long seq, long started) {
        long sessionId = a.sessionId();
        Session s = sessions.require(sessionId);
        ServerMessage.Snapshot base = new ServerMessage.Snapshot(
                new ServerMessage.SessionState(s.id, s.title, s.status, s.startsAt, s.endsAt),
                agenda.items(sessionId),
                a.staff() ? points.states(sessionId) : List.of(),
                a.staff() ? points.rollCall(sessionId) : null,
                config.heartbeatInterval().toSeconds(),
                List.of(),
                a.staff() ? attendance.countsOf(sessionId) : null,
                a.staff() ? polls.live(sessionId) : polls.participantLive(sessionId),
                floor.state(sessionId),
                questions.published(sessionId));
        return a.staff()
                ? new Shared(
                        seq,
                        started,
                        base,
                        List.of(),
                        base.polls().stream().map(PollView::withoutPoints).toList())
                : new Shared(seq, started, base, documents.releasedToParticipants(sessionId), List.of());
    }

    /** Drops what is kept for the session's snapshots (it ended; nobody follows it here any more). */
    void forget(long sessionId) {
        for (boolean staff : new boolean[] {true, false}) {
            shared.remove(new SnapshotKey(sessionId, staff));
            building.remove(new SnapshotKey(sessionId, staff));
        }
    }

    /**
     * Applies a command once; the answer completes when it is stored. Votes come in thousands at once:
     * checked here, written in batches with their command records, and no thread waits for the batch.
     * Every other command is applied on the caller's thread.
     */
    CompletionStage<Outcome> executeAsync(long sessionId, ClientMessage.Command command) {
        if (command instanceof ClientMessage.Vote v)
            return commands.vote(sessionId, v, () -> polls.ballot(sessionId, v.pollId(), v.choices(), v.text()));
        return CompletableFuture.completedFuture(commands.run(sessionId, command, () -> apply(sessionId, command)));
    }

    /**
     * A vote checked from memory alone, for a socket's event loop: its answer completes after the
     * batch commits, as {@link #executeAsync}'s. Null when its poll is not held in memory: then it
     * goes through {@link #executeAsync} on a worker.
     */
    CompletionStage<Outcome> voteFromMemory(long sessionId, LiveConnection.Caller caller, ClientMessage.Vote v) {
        PollService.Ballot ballot;
        try {
            ballot = polls.ballotFromMemory(caller.invitee(), sessionId, v.pollId(), v.choices(), v.text());
        } catch (ProblemException refused) {
            return commands.vote(sessionId, caller.actor(), v, () -> {
                throw refused;
            });
        }
        return ballot == null ? null : commands.vote(sessionId, caller.actor(), v, () -> ballot);
    }

    void heartbeat(long sessionId, long pointId) {
        points.heartbeat(sessionId, pointId);
    }

    /** Ended, cancelled or gone: nothing more will happen in it. */
    @Transactional
    boolean isOver(long sessionId) {
        Session s = Session.findById(sessionId);
        return s == null || s.status == SessionStatus.ENDED || s.status == SessionStatus.CANCELLED;
    }

    Liveness liveness() {
        return new Liveness(
                config.heartbeatInterval().multipliedBy(config.degradedAfterMissed()),
                config.heartbeatInterval().multipliedBy(config.offlineAfterMissed()));
    }

    private void apply(long sid, ClientMessage.Command command) {
        if (command instanceof ClientMessage.StartSession) {
            transition(sid, SessionStatus.SCHEDULED, SessionStatus.LIVE);
        } else if (command instanceof ClientMessage.EndSession) {
            transition(sid, SessionStatus.LIVE, SessionStatus.ENDED);
        } else if (command instanceof ClientMessage.StartItem c) {
            agenda.start(sid, c.itemId());
        } else if (command instanceof ClientMessage.FinishItem c) {
            agenda.finish(sid, c.itemId());
        } else if (command instanceof ClientMessage.SkipItem c) {
            agenda.skip(sid, c.itemId());
        } else if (command instanceof ClientMessage.ExtendItem c) {
            agenda.extend(sid, c.itemId(), c.minutes());
        } else if (command instanceof ClientMessage.ReorderAgenda c) {
            agenda.reorderPending(sid, c.itemIds());
        } else if (command instanceof ClientMessage.StartRollCall) {
            points.startRollCall(sid);
        } else if (command instanceof ClientMessage.Ready c) {
            points.ready(sid, c.pointId(), c.present());
        } else if (command instanceof ClientMessage.ReportTrouble c) {
            points.reportTrouble(sid, c.pointId(), c.kind(), c.note());
        } else if (command instanceof ClientMessage.ClearTrouble c) {
            points.clearTrouble(sid, c.pointId());
            // attendance
        } else if (command instanceof ClientMessage.CheckIn c) {
            attendance.checkIn(
                    sid,
                    c.pointId(),
                    new CheckInRequest(c.delegateId(), c.token(), c.substituteName(), c.substitutePosition()));
        } else if (command instanceof ClientMessage.UndoCheckIn c) {
            attendance.undo(sid, c.delegateId());
        } else if (command instanceof ClientMessage.MarkAbsent c) {
            attendance.markAbsent(sid, c.pointId(), new AbsenceRequest(c.delegateId(), c.reason()));
        } else if (command instanceof ClientMessage.WalkIn c) {
            attendance.walkIn(sid, c.pointId(), new WalkInRequest(c.fullName(), c.position(), c.unitName()));
        } else if (command instanceof ClientMessage.ReportRoomCount c) {
            attendance.reportRoomCount(sid, c.pointId(), c.present());
            // polls
        } else if (command instanceof ClientMessage.OpenPoll c) {
            polls.open(sid, c.pollId());
        } else if (command instanceof ClientMessage.ClosePoll c) {
            polls.close(sid, c.pollId());
        } else if (command instanceof ClientMessage.PublishPoll c) {
            polls.publish(sid, c.pollId());
        } else if (command instanceof ClientMessage.RoomResult c) {
            polls.roomResult(sid, c.pollId(), c.pointId(), c.counts());
            // floor: requests to speak
        } else if (command instanceof ClientMessage.RequestFloor c) {
            floor.request(sid, c.pointId(), c.delegateId(), c.topic());
        } else if (command instanceof ClientMessage.GrantFloor c) {
            floor.grant(sid, c.requestId());
        } else if (command instanceof ClientMessage.DeclineFloor c) {
            floor.decline(sid, c.requestId(), c.reason());
        } else if (command instanceof ClientMessage.WithdrawFloor c) {
            floor.withdraw(sid, c.requestId());
        } else if (command instanceof ClientMessage.ReorderFloor c) {
            floor.reorder(sid, c.requestIds());
        } else if (command instanceof ClientMessage.FinishFloor c) {
            floor.finish(sid, c.requestId());
        } else if (command instanceof ClientMessage.CloseFloorQueue) {
            floor.setQueueClosed(sid, true);
        } else if (command instanceof ClientMessage.OpenFloorQueue) {
            floor.setQueueClosed(sid, false);
        } else {
            throw new IllegalArgumentException("unhandled command " + command);
        }
    }

    private void transition(long sessionId, SessionStatus from, SessionStatus to) {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
        sessions.transition(sessionId, from, to, null);
    }
}
