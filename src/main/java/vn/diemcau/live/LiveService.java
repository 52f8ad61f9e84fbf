package vn.diemcau.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.diemcau.agenda.AgendaLiveService;
import vn.diemcau.attendance.AbsenceRequest;
import vn.diemcau.attendance.AttendanceService;
import vn.diemcau.attendance.CheckInRequest;
import vn.diemcau.attendance.WalkInRequest;
import vn.diemcau.common.ProblemException;
import vn.diemcau.document.DocumentService;
import vn.diemcau.floor.FloorService;
import vn.diemcau.floor.QuestionService;
import vn.diemcau.point.Liveness;
import vn.diemcau.point.PointLiveService;
import vn.diemcau.poll.PollService;
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

    /** The session's live state, read in one transaction. */
    @Transactional
    public ServerMessage.Snapshot snapshot(long sessionId) {
        access.requireRead(sessionId);
        Session s = sessions.require(sessionId);
        return new ServerMessage.Snapshot(
                new ServerMessage.SessionState(s.id, s.title, s.status, s.startsAt, s.endsAt),
                agenda.items(sessionId),
                points.states(sessionId),
                points.rollCall(sessionId),
                config.heartbeatInterval().toSeconds(),
                documents.released(sessionId),
                attendance.countsOf(sessionId),
                polls.live(sessionId),
                // floor
                floor.state(sessionId),
                questions.published(sessionId));
    }

    Outcome execute(long sessionId, ClientMessage.Command command) {
        // Votes come in thousands at once: checked here, written in batches with their command records.
        if (command instanceof ClientMessage.Vote v)
            return commands.vote(sessionId, v, () -> polls.ballot(sessionId, v.pollId(), v.choices(), v.text()));
        return commands.run(sessionId, command, () -> apply(sessionId, command));
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
        } else {
            throw new IllegalArgumentException("unhandled command " + command);
        }
    }

    private void transition(long sessionId, SessionStatus from, SessionStatus to) {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
        sessions.transition(sessionId, from, to, null);
    }
}
