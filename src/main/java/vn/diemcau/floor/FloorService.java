package vn.diemcau.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.point.Point;
import vn.diemcau.point.PointService;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.roster.DelegateView;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;
import vn.diemcau.session.SessionStatusChanged;

/**
 * The floor [đăng ký phát biểu]: points ask to speak, the main hall grants one speaker at a time
 * (granting the next ends the current), reorders the waiting queue, declines with a reason; a
 * point withdraws its own waiting request and may end its own turn.
 */
@ApplicationScoped
public class FloorService {
    static final int MAX_TOPIC = 300;
    static final int MAX_REASON = 300;
    private static final String TARGET = "floor-request";

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
    PointService points;

    @Inject
    DelegateService delegates;

    @Inject
    Event<FloorRequested> requested;

    @Inject
    Event<FloorGranted> granted;

    @Inject
    Event<FloorDeclined> declined;

    @Inject
    Event<FloorWithdrawn> withdrawn;

    @Inject
    Event<FloorFinished> finished;

    @Inject
    Event<FloorReordered> reordered;

    @Inject
    Event<FloorQueueChanged> queueChanged;

    /** The current speaker and the waiting queue, for every reader of the session. */
    @Transactional
    public FloorState state(long sessionId) {
        access.requireRead(sessionId);
        sessions.require(sessionId);
        FloorRequest speaking = FloorRequest.granted(sessionId);
        return new FloorState(
                speaking == null ? null : FloorRequestView.from(speaking),
                views(FloorRequest.waiting(sessionId)),
                FloorSettings.closed(sessionId));
    }

    /** Every request of the session in the order they were made (the record of the floor), staff only. */
    @Transactional
    public List<FloorRequestView> history(long sessionId) {
        access.requireRead(sessionId);
        if (user.isParticipant()) throw ProblemException.forbidden("forbidden");
        sessions.require(sessionId);
        return views(FloorRequest.list("sessionId = ?1 order by requestedAt, id", sessionId));
    }

    /** A point asks for the floor, for one of its delegates ({@code delegateId}) or as a whole (null). */
    @Transactional
    public FloorRequestView request(long sessionId, long pointId, Long delegateId, String topic) {
        String t = Text.clean(topic);
        if (t == null) throw ProblemException.badRequest("floor.topic-required");
        if (t.length() > MAX_TOPIC) throw ProblemException.badRequest("floor.topic-too-long", MAX_TOPIC);
        live(sessionId);
        Point p = points.require(sessionId, pointId);
        access.requireOperate(sessionId, pointId);
        if (FloorSettings.closed(sessionId)) throw ProblemException.conflict("floor.queue-closed");
        String delegateName = null;
        if (delegateId != null) {
            DelegateView d = delegateOf(sessionId, delegateId);
            if (d.pointId() == null || d.pointId() != pointId)
                throw ProblemException.badRequest("floor.delegate-not-at-point", d.fullName(), p.name);
            delegateName = d.fullName();
        }
        long open = delegateId == null
                ? FloorRequest.count(
                        "sessionId = ?1 and pointId = ?2 and delegateId is null and status in ?3",
                        sessionId,
                        pointId,
                        OPEN)
                : FloorRequest.count(
                        "sessionId = ?1 and pointId = ?2 and delegateId = ?3 and status in ?4",
                        sessionId,
                        pointId,
                        delegateId,
                        OPEN);
        if (open > 0) throw ProblemException.conflict("floor.already-requested", p.name);
        FloorRequest r = new FloorRequest();
        r.sessionId = sessionId;
        r.pointId = pointId;
        r.pointName = p.name;
        r.delegateId = delegateId;
        r.delegateName = delegateName;
        r.topic = t;
        r.status = FloorRequestStatus.WAITING;
        r.position = nextPosition(sessionId);
        r.requestedBy = user.name();
        r.requestedAt = Instant.now(clock);
        r.persist();
        audit.record(sessionId, pointId, "floor.requested", TARGET, r.id, t);
        FloorRequestView v = FloorRequestView.from(r);
        requested.fire(new FloorRequested(sessionId, v));
        return v;
    }

    /** Organizer: gives the floor to a waiting request; whoever was speaking is finished first. */
    @Transactional
    public void grant(long sessionId, long requestId) {
        organizer();
        live(sessionId);
        FloorRequest r = require(sessionId, requestId);
        if (r.status != FloorRequestStatus.WAITING)
            throw ProblemException.conflict("floor.not-waiting", r.pointName, r.status);
        Instant now = Instant.now(clock);
        FloorRequest current = FloorRequest.granted(sessionId);
        if (current != null) close(current, FloorRequestStatus.FINISHED, now);
        r.status = FloorRequestStatus.GRANTED;
        r.grantedAt = now;
        r.decidedBy = user.name();
        audit.record(sessionId, r.pointId, "floor.granted", TARGET, r.id, r.pointName);
        granted.fire(new FloorGranted(sessionId, FloorRequestView.from(r)));
    }

    /** Organizer: refuses a waiting request, saying why. */
    @Transactional
    public void decline(long sessionId, long requestId, String reason) {
        String why = Text.clean(reason);
        if (why == null) throw ProblemException.badRequest("floor.reason-required");
        if (why.length() > MAX_REASON) throw ProblemException.badRequest("floor.reason-too-long", MAX_REASON);
        organizer();
        live(sessionId);
        FloorRequest r = require(sessionId, requestId);
        if (r.status != FloorRequestStatus.WAITING)
            throw ProblemException.conflict("floor.not-waiting", r.pointName, r.status);
        r.declineReason = why;
        r.decidedBy = user.name();
        close(r, FloorRequestStatus.DECLINED, Instant.now(clock));
        audit.record(sessionId, r.pointId, "floor.declined", TARGET, r.id, why);
    }

    /** The point (its operator, or the organizer for it) takes back a request still waiting. */
    @Transactional
    public void withdraw(long sessionId, long requestId) {
        live(sessionId);
        FloorRequest r = require(sessionId, requestId);
        access.requireOperate(sessionId, r.pointId);
        if (r.status != FloorRequestStatus.WAITING)
            throw ProblemException.conflict("floor.not-waiting", r.pointName, r.status);
        close(r, FloorRequestStatus.WITHDRAWN, Instant.now(clock));
        audit.record(sessionId, r.pointId, "floor.withdrawn", TARGET, r.id, r.pointName);
    }

    /** Ends the current speaker's turn: the main hall, or the speaking point itself. */
    @Transactional
    public void finish(long sessionId, long requestId) {
        live(sessionId);
        FloorRequest r = require(sessionId, requestId);
        access.requireOperate(sessionId, r.pointId);
        if (r.status != FloorRequestStatus.GRANTED)
            throw ProblemException.conflict("floor.not-granted", r.pointName, r.status);
        if (r.decidedBy == null) r.decidedBy = user.name();
        close(r, FloorRequestStatus.FINISHED, Instant.now(clock));
        audit.record(sessionId, r.pointId, "floor.finished", TARGET, r.id, r.pointName);
    }

    /** Organizer: the waiting requests (all of them, each once) in their new order. */
    @Transactional
    public void reorder(long sessionId, List<Long> requestIds) {
        organizer();
        live(sessionId);
        List<FloorRequest> waiting = FloorRequest.waiting(sessionId);
        Map<Long, FloorRequest> byId = waiting.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        if (requestIds == null || requestIds.size() != byId.size() || !new HashSet<>(requestIds).equals(byId.keySet()))
            throw ProblemException.badRequest("floor.order-mismatch", byId.size());
        int first = waiting.stream().mapToInt(r -> r.position).min().orElse(1);
        for (int i = 0; i < requestIds.size(); i++) byId.get(requestIds.get(i)).position = first + i;
        audit.record(
                sessionId,
                "floor.reordered",
                "session",
                sessionId,
                requestIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        reordered.fire(new FloorReordered(sessionId, views(FloorRequest.waiting(sessionId))));
    }

    /**
     * Organizer: closes the queue to new requests ({@code closed}) or reopens it. Requests already
     * waiting stay and can still be granted. Setting the state it already has changes nothing.
     */
    @Transactional
    public void setQueueClosed(long sessionId, boolean closed) {
        organizer();
        sessions.require(sessionId);
        FloorSettings s = FloorSettings.findById(sessionId);
        if (s == null) {
            if (!closed) return;
            s = new FloorSettings();
            s.sessionId = sessionId;
        } else if (s.queueClosed == closed) return;
        Instant now = Instant.now(clock);
        s.queueClosed = closed;
        s.updatedAt = now;
        s.updatedBy = user.name();
        s.persist();
        audit.record(sessionId, closed ? "floor.queue_closed" : "floor.queue_opened", "session", sessionId, null);
        queueChanged.fire(new FloorQueueChanged(sessionId, closed, s.updatedBy, now));
    }

    /** Same transaction as the status change: the end of the session ends the turn still running. */
    void closeOnEnd(@Observes SessionStatusChanged e) {
        if (e.to() != SessionStatus.ENDED) return;
        FloorRequest current = FloorRequest.granted(e.sessionId());
        if (current != null) close(current, FloorRequestStatus.FINISHED, e.at());
    }

    private void close(FloorRequest r, FloorRequestStatus to, Instant at) {
        r.status = to;
        r.closedAt = at;
        FloorRequestView v = FloorRequestView.from(r);
        switch (to) {
            case FINISHED -> finished.fire(new FloorFinished(r.sessionId, v));
            case DECLINED -> declined.fire(new FloorDeclined(r.sessionId, v));
            case WITHDRAWN -> withdrawn.fire(new FloorWithdrawn(r.sessionId, v));
            default -> throw new IllegalArgumentException(to.name());
        }
    }

    private static final List<FloorRequestStatus> OPEN =
            List.of(FloorRequestStatus.WAITING, FloorRequestStatus.GRANTED);

    private static int nextPosition(long sessionId) {
        Integer max = FloorRequest.find("select max(position) from FloorRequest where sessionId = ?1", sessionId)
                .project(Integer.class)
                .firstResult();
        return max == null ? 1 : max + 1;
    }

    private DelegateView delegateOf(long sessionId, long delegateId) {
        DelegateView d;
        try {
            d = delegates.participant(delegateId);
        } catch (ProblemException e) {
            throw ProblemException.badRequest("floor.delegate-unknown", delegateId);
        }
        if (d.sessionId() != sessionId) throw ProblemException.badRequest("floor.delegate-unknown", delegateId);
        return d;
    }

    private void organizer() {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
    }

    private Session live(long sessionId) {
        Session s = sessions.require(sessionId);
        if (s.status != SessionStatus.LIVE) throw ProblemException.conflict("floor.session-not-live", s.status);
        return s;
    }

    private static FloorRequest require(long sessionId, long requestId) {
        FloorRequest r = FloorRequest.findById(requestId);
        if (r == null || r.sessionId != sessionId) throw ProblemException.notFound("floor-request", requestId);
        return r;
    }

    private static List<FloorRequestView> views(List<FloorRequest> rs) {
        return rs.stream().map(FloorRequestView::from).toList();
    }
}
