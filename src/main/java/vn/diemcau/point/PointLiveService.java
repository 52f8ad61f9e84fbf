package vn.diemcau.point;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;

/**
 * The live side of points: heartbeats, trouble reports and the roll call. The state is derived in
 * one place ({@link #derive}) from the last heartbeat, the trouble report and the ready answer.
 * Heartbeats that change no state stay in memory ({@link PointHeartbeats}); their times are stored
 * in batches, and every change of state is written at once and told once.
 */
@ApplicationScoped
public class PointLiveService {
    private static final Logger LOG = Logger.getLogger(PointLiveService.class);

    private static final String TARGET = "point";

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
    Event<PointStatusChanged> statusChanged;

    @Inject
    Event<RollCallStarted> rollCallStarted;

    @Inject
    Event<RollCallAnswered> rollCallAnswered;

    @Inject
    PointHeartbeats beats;

    @Transactional
    public List<PointLiveView> states(long sessionId) {
        access.requireRead(sessionId);
        return views(sessionId, points(sessionId));
    }

    /**
     * The current state of some of a session's points (those still there), in screen order, as
     * committed now: what the live hub sends to staff screens after the changes it coalesced. No
     * access check (nobody's request); in a transaction of the caller's.
     */
    public List<PointLiveView> statesOf(long sessionId, Collection<Long> pointIds) {
        if (pointIds.isEmpty()) return List.of();
        List<Point> points = Point.<Point>list("sessionId = ?1 and id in ?2", sessionId, Set.copyOf(pointIds));
        return views(sessionId, points.stream().sorted(SCREEN_ORDER).toList());
    }

    private List<PointLiveView> views(long sessionId, List<Point> points) {
        Map<Long, SessionUnit> units = SessionUnit.<SessionUnit>list("sessionId", sessionId).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
        // The newest heartbeat heard here, which the row gets with the next flush.
        return points.stream()
                .map(p -> PointLiveView.from(
                        p,
                        p.sessionUnitId == null ? null : units.get(p.sessionUnitId),
                        PointHeartbeats.latest(p.lastHeartbeatAt, beats.last(p.id))))
                .toList();
    }

    /** The current roll call, or null when none was started. */
    @Transactional
    public RollCallView rollCall(long sessionId) {
        access.requireRead(sessionId);
        RollCall rc = RollCall.findById(sessionId);
        if (rc == null) return null;
        List<Point> called = points(sessionId).stream().filter(p -> !p.mainHall).toList();
        return new RollCallView(
                rc.startedAt,
                rc.startedBy,
                called.stream().filter(p -> answered(p, rc)).map(p -> p.id).toList(),
                called.stream().filter(p -> !answered(p, rc)).map(p -> p.id).toList());
    }

    /**
     * A point console's heartbeat. When the session and the point are known here and the heartbeat
     * changes no state, only the time in memory moves (the access check reads the cached assignments);
     * otherwise — the first heartbeat here, a point DEGRADED by late heartbeats, OFFLINE or not yet
     * joined — it is one transaction that checks everything again, writes the row and tells everyone.
     */
    public void heartbeat(long sessionId, long pointId) {
        Instant now = Instant.now(clock);
        PointHeartbeats.Beat b = beats.known(sessionId, pointId);
        if (b != null) {
            access.requireOperate(sessionId, pointId);
            b.beat(now);
            if (b.steady()) return;
            // One writer per point here: two heartbeats racing would both find the change to make.
            synchronized (b) {
                if (b.steady()) return;
                store(sessionId, pointId, now);
            }
            return;
        }
        store(sessionId, pointId, now);
    }

    private void store(long sessionId, long pointId, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            Point p = operable(sessionId, pointId);
            p.lastHeartbeatAt = PointHeartbeats.latest(now, beats.last(pointId));
            refresh(p, null, false);
        });
        beats.open(sessionId);
    }

    /**
     * Stores the heartbeat times heard since the last flush (one batch) and puts right the points whose
     * stored state those heartbeats contradict (changed meanwhile by another instance): each is then
     * written and told like a heartbeat that changes the state.
     */
    @Scheduled(
            identity = "point-heartbeat-flush",
            every = "${diemcau.point.heartbeat-flush-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flushHeartbeats() {
        List<Long> contradicted;
        try {
            contradicted = beats.flush();
        } catch (RuntimeException e) {
            // The times stay unstored here and go with the next flush.
            LOG.warnf(e, "live: heartbeat times not stored; retried with the next flush");
            return;
        }
        for (long id : contradicted) {
            try {
                reconsider(id, null);
            } catch (RuntimeException e) {
                LOG.debugf("live: point %d changed meanwhile; next flush: %s", id, e);
            }
        }
    }

    @Transactional
    public void reportTrouble(long sessionId, long pointId, PointTrouble kind, String note) {
        if (kind == null) throw ProblemException.badRequest("point.trouble-kind-required");
        Point p = operable(sessionId, pointId);
        p.lastHeartbeatAt = Instant.now(clock);
        p.trouble = kind;
        p.troubleNote = Text.clean(note);
        if (p.troubleNote != null && p.troubleNote.length() > 500) p.troubleNote = p.troubleNote.substring(0, 500);
        audit.record(sessionId, pointId, "point.trouble.reported", TARGET, pointId, kind + " " + p.troubleNote);
        refresh(p, null, true);
    }

    @Transactional
    public void clearTrouble(long sessionId, long pointId) {
        Point p = operable(sessionId, pointId);
        p.lastHeartbeatAt = Instant.now(clock);
        p.trouble = null;
        p.troubleNote = null;
        audit.record(sessionId, pointId, "point.trouble.cleared", TARGET, pointId, null);
        refresh(p, null, true);
    }

    /** The operator's answer to the roll call: ready, with the number of people in the room. */
    @Transactional
    public void ready(long sessionId, long pointId, int present) {
        if (present < 0 || present > 100_000) throw ProblemException.badRequest("point.present-out-of-range");
        Point p = operable(sessionId, pointId);
        Instant now = Instant.now(clock);
        p.lastHeartbeatAt = now;
        p.readyAt = now;
        p.presentCount = present;
        p.presentCountAt = now;
        audit.record(sessionId, pointId, "point.ready", TARGET, pointId, String.valueOf(present));
        refresh(p, null, true);
        rollCallAnswered.fire(new RollCallAnswered(sessionId, pointId, present, now));
    }

    // --- attendance: the room count is the same number the roll call's answer carries ---
    /** The operator's count of people in the room, at any time; the latest count is the point's. */
    @Transactional
    public void reportRoomCount(long sessionId, long pointId, int present) {
        if (present < 0 || present > 100_000) throw ProblemException.badRequest("point.present-out-of-range");
        Point p = operable(sessionId, pointId);
        Instant now = Instant.now(clock);
        p.lastHeartbeatAt = now;
        p.presentCount = present;
        p.presentCountAt = now;
        audit.record(sessionId, pointId, "point.room-count.reported", TARGET, pointId, String.valueOf(present));
        refresh(p, null, true);
    }
    // --- end attendance ---

    /** Organizer: asks every point again; earlier answers no longer count. */
    @Transactional
    public void startRollCall(long sessionId) {
        if (!user.isOrganizer()) throw ProblemException.forbidden("forbidden");
        openSession(sessionId);
        Instant now = Instant.now(clock);
        RollCall rc = RollCall.findById(sessionId);
        if (rc == null) {
            rc = new RollCall();
            rc.sessionId = sessionId;
            rc.startedAt = now;
            rc.startedBy = user.name();
            rc.persist();
        } else {
            rc.startedAt = now;
            rc.startedBy = user.name();
        }
        List<Point> points = points(sessionId);
        // Rows written in id order, as the heartbeat flush writes them: two writers of many rows never wait in a
        // circle.
        for (Point p : points.stream().sorted(Comparator.comparing(p -> p.id)).toList()) {
            p.readyAt = null;
            refresh(p, null, true);
        }
        audit.record(sessionId, "rollcall.started", "session", sessionId, null);
        rollCallStarted.fire(new RollCallStarted(
                sessionId,
                now,
                rc.startedBy,
                points.stream().filter(p -> !p.mainHall).map(p -> p.id).toList()));
    }

    /**
     * The scheduler's pass: points whose heartbeats stopped become DEGRADED, then OFFLINE. Each
     * change is its own event; returns how many points changed. A point whose row is late but which
     * beat here since is left alone (its time is stored with the next flush). Each point is written in
     * its own transaction: a heartbeat that updates one of them meanwhile (its row's version moved on)
     * makes that point alone wait for the next pass.
     */
    public int sweep(Liveness liveness) {
        Instant degradedBefore = Instant.now(clock).minus(liveness.degradedAfter());
        List<Long> late = QuarkusTransaction.requiringNew()
                .call(() -> Point.<Point>list(
                                "lastHeartbeatAt < ?1 and liveStatus <> ?2", degradedBefore, PointLiveStatus.OFFLINE)
                        .stream()
                        .map(p -> p.id)
                        .filter(id -> {
                            Instant heard = beats.last(id);
                            return heard == null || heard.isBefore(degradedBefore);
                        })
                        .toList());
        int changed = 0;
        for (long id : late) {
            try {
                if (reconsider(id, liveness)) changed++;
            } catch (RuntimeException e) {
                // Found at the commit, the lock failure comes wrapped (a rollback), at any depth.
                if (!changedMeanwhile(e)) throw e;
                LOG.debugf("live: point %d changed during the sweep (a heartbeat); next pass", id);
            }
        }
        return changed;
    }

    private static boolean changedMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) return true;
        return false;
    }

    /** The point's state again, in a transaction of its own, from the newest heartbeat heard (here or stored). */
    private boolean reconsider(long pointId, Liveness liveness) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Point p = Point.findById(pointId);
            if (p == null) return false;
            p.lastHeartbeatAt = PointHeartbeats.latest(p.lastHeartbeatAt, beats.last(pointId));
            return refresh(p, liveness, false);
        });
    }

    /** Recomputes the state; when it changed, records the time and tells everyone (after commit). */
    private boolean refresh(Point p, Liveness liveness, boolean detailsChanged) {
        Instant now = Instant.now(clock);
        PointLiveStatus next = derive(p, now, liveness);
        boolean changed = next != p.liveStatus;
        if (changed) {
            p.liveStatus = next;
            p.liveStatusSince = now;
        }
        beats.seen(p);
        // A plain heartbeat that changes nothing stays quiet; a new room count or trouble note is news.
        if (changed || detailsChanged) statusChanged.fire(new PointStatusChanged(p.sessionId, view(p)));
        return changed;
    }

    static PointLiveStatus derive(Point p, Instant now, Liveness liveness) {
        if (p.lastHeartbeatAt == null) return PointLiveStatus.NOT_JOINED;
        Duration age = Duration.between(p.lastHeartbeatAt, now);
        if (liveness != null && age.compareTo(liveness.offlineAfter()) > 0) return PointLiveStatus.OFFLINE;
        if (p.trouble != null || (liveness != null && age.compareTo(liveness.degradedAfter()) > 0))
            return PointLiveStatus.DEGRADED;
        return p.readyAt != null ? PointLiveStatus.READY : PointLiveStatus.ONLINE;
    }

    private Point operable(long sessionId, long pointId) {
        openSession(sessionId);
        Point p = Point.findById(pointId);
        if (p == null || p.sessionId != sessionId) throw ProblemException.notFound("point", pointId);
        access.requireOperate(sessionId, pointId);
        return p;
    }

    /** Points join and answer the roll call once the session is scheduled, until it ends. */
    private void openSession(long sessionId) {
        Session s = sessions.require(sessionId);
        if (!s.status.open()) throw ProblemException.conflict("live.session-not-open", s.status);
    }

    private static boolean answered(Point p, RollCall rc) {
        return p.readyAt != null && !p.readyAt.isBefore(rc.startedAt);
    }

    private static List<Point> points(long sessionId) {
        return Point.<Point>list("sessionId", sessionId).stream()
                .sorted(SCREEN_ORDER)
                .toList();
    }

    /** Main hall first, then the points in their order. */
    private static final Comparator<Point> SCREEN_ORDER = Comparator.<Point, Boolean>comparing(p -> !p.mainHall)
            .thenComparingInt(p -> p.sortOrder)
            .thenComparing(p -> p.id);

    private static PointLiveView view(Point p) {
        SessionUnit u = p.sessionUnitId == null ? null : SessionUnit.findById(p.sessionUnitId);
        return PointLiveView.from(p, u);
    }
}
