package vn.diemcau.point;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.ProblemException;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatusChanged;

/**
 * Heartbeats kept in memory. A heartbeat that changes nothing a screen shows — the point was already
 * ONLINE, READY or DEGRADED by its own trouble report — only moves the point's time here; those times
 * reach the database together, one JDBC batch every {@code diemcau.point.heartbeat-flush-every} (2 s),
 * so that the sweeper of another instance and this one after a restart see recent heartbeats. With
 * 2,000 consoles beating every few seconds, one transaction per heartbeat held hundreds of worker
 * threads and pooled connections a second for nothing.
 *
 * <p>What is kept of a point's state ({@link Beat#status}, trouble, ready) is what this instance last
 * wrote or read; another instance may have changed it since (its sweeper, a command). The flush reads
 * the state of every point it writes back and corrects a point whose heartbeats here say otherwise, so a
 * point beating here is never left DEGRADED or OFFLINE for longer than one flush interval.
 */
@ApplicationScoped
class PointHeartbeats {
    private static final Logger LOG = Logger.getLogger(PointHeartbeats.class);

    @ConfigProperty(name = "diemcau.point.heartbeat-flush-every", defaultValue = "2s")
    Duration flushEvery;

    @Inject
    SessionService sessions;

    /** What this instance knows of one point: its newest heartbeat, what of it is stored, its state. */
    static final class Beat {
        final long pointId;
        final long sessionId;
        /** The newest heartbeat (or report) heard here; null when none. */
        volatile Instant last;
        /** The newest time known to be in the point's row. */
        volatile Instant stored;

        volatile PointLiveStatus status;
        volatile boolean trouble;
        volatile boolean ready;

        Beat(long pointId, long sessionId) {
            this.pointId = pointId;
            this.sessionId = sessionId;
        }

        /** A heartbeat now would leave the state as it is: nothing to write but the time. */
        boolean steady() {
            return status
                    == (trouble ? PointLiveStatus.DEGRADED : ready ? PointLiveStatus.READY : PointLiveStatus.ONLINE);
        }

        synchronized void beat(Instant at) {
            last = latest(last, at);
        }

        boolean dirty() {
            Instant l = last;
            return l != null && (stored == null || l.isAfter(stored));
        }

        void known(PointLiveStatus status, boolean trouble, boolean ready) {
            this.status = status;
            this.trouble = trouble;
            this.ready = ready;
        }
    }

    private final Map<Long, Beat> beats = new ConcurrentHashMap<>();
    /** Sessions known to take heartbeats (SCHEDULED or LIVE), until a System.nanoTime(). */
    private final Map<Long, Long> openUntil = new ConcurrentHashMap<>();

    private final ReentrantLock flushing = new ReentrantLock();

    /**
     * The point's record when a heartbeat for it may be handled in memory: its session is known to be
     * open and the point known to be one of its points. Null sends the heartbeat to the database,
     * which gives the exact answer (404, 409) and fills what is known here.
     */
    Beat known(long sessionId, long pointId) {
        Long until = openUntil.get(sessionId);
        if (until == null || System.nanoTime() - until >= 0) return null;
        Beat b = beats.get(pointId);
        return b != null && b.sessionId == sessionId && b.status != null ? b : null;
    }

    /** The newest heartbeat heard here for the point, or null. */
    Instant last(long pointId) {
        Beat b = beats.get(pointId);
        return b == null ? null : b.last;
    }

    /** The point's row was just read or written with this state (inside its transaction). */
    void seen(Point p) {
        Beat b = beats.computeIfAbsent(p.id, id -> new Beat(id, p.sessionId));
        b.known(p.liveStatus, p.trouble != null, p.readyAt != null);
        if (p.lastHeartbeatAt != null) {
            b.beat(p.lastHeartbeatAt);
            synchronized (b) {
                b.stored = latest(b.stored, p.lastHeartbeatAt);
            }
        }
    }

    /** The session took a heartbeat through the database: it is open. */
    void open(long sessionId) {
        openUntil.put(sessionId, System.nanoTime() + sessionTtl().toNanos());
    }

    void deleted(@Observes PointDeleted e) {
        beats.remove(e.pointId());
    }

    void statusChanged(@Observes SessionStatusChanged e) {
        // Asked again through the database next time (409 once it is over, like before).
        openUntil.remove(e.sessionId());
        // Nothing of an ended session is judged any more: its points are forgotten here.
        if (!e.to().open()) beats.values().removeIf(b -> b.sessionId == e.sessionId());
    }

    /**
     * How long a session is taken as open without asking again. While its points beat, every flush
     * asks (so a session ended on another instance is noticed here within one flush interval), and one
     * ended here is forgotten at once; this bound only matters for a session nobody beats in.
     */
    private static Duration sessionTtl() {
        return Duration.ofMinutes(1);
    }

    void onStop(@Observes ShutdownEvent e) {
        try {
            flush();
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "live: heartbeat times of the last %s not stored at shutdown", flushEvery);
        }
    }

    /** A stored point's state, as the flush reads it back. */
    record Stored(long id, long sessionId, PointLiveStatus status, PointTrouble trouble, Instant readyAt) {}

    /**
     * Writes the times of every point that beat since the last flush, in one transaction, then
     * returns the points whose stored state their heartbeats contradict (for {@link PointLiveService}
     * to correct, each in its own transaction). Points gone, or of sessions that are over, are forgotten.
     */
    List<Long> flush() {
        flushing.lock();
        try {
            Map<Long, Instant> times = new HashMap<>();
            for (Beat b : beats.values()) if (b.dirty()) times.put(b.pointId, b.last);
            if (times.isEmpty()) return List.of();
            List<Long> ids = new ArrayList<>(times.keySet());
            // One lock order for every writer of many point rows (the roll call writes them by id too).
            ids.sort(Comparator.naturalOrder());
            record Read(List<Stored> points, Set<Long> open) {}
            Read read = QuarkusTransaction.requiringNew().call(() -> {
                Point.getEntityManager().unwrap(Session.class).doWork(conn -> {
                    // Never moves a time back: a command may have stored a newer one meanwhile.
                    try (PreparedStatement ps = conn.prepareStatement("update points set last_heartbeat_at = ?"
                            + " where id = ? and (last_heartbeat_at is null or last_heartbeat_at < ?)")) {
                        for (long id : ids) {
                            Object at = Jdbc.utc(times.get(id));
                            ps.setObject(1, at);
                            ps.setLong(2, id);
                            ps.setObject(3, at);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                });
                List<Stored> stored = new ArrayList<>();
                for (List<Long> part : Jdbc.inParts(ids)) {
                    for (Object[] r : Point.getEntityManager()
                            .createQuery(
                                    "select p.id, p.sessionId, p.liveStatus, p.trouble, p.readyAt from Point p"
                                            + " where p.id in :ids",
                                    Object[].class)
                            .setParameter("ids", part)
                            .getResultList()) {
                        stored.add(new Stored(
                                (Long) r[0], (Long) r[1], (PointLiveStatus) r[2], (PointTrouble) r[3], (Instant) r[4]));
                    }
                }
                Set<Long> open = new HashSet<>();
                for (long sid :
                        stored.stream().map(Stored::sessionId).distinct().toList()) {
                    try {
                        if (sessions.require(sid).status.open()) open.add(sid);
                    } catch (ProblemException gone) {
                        // deleted: its points are forgotten below
                    }
                }
                return new Read(stored, open);
            });
            Set<Long> found = new HashSet<>();
            List<Long> contradicted = new ArrayList<>();
            for (Stored s : read.points()) {
                found.add(s.id());
                Beat b = beats.get(s.id());
                if (b == null) continue;
                synchronized (b) {
                    b.stored = latest(b.stored, times.get(s.id()));
                }
                if (!read.open().contains(s.sessionId())) {
                    beats.remove(s.id());
                    continue;
                }
                b.known(s.status(), s.trouble() != null, s.readyAt() != null);
                if (!b.steady()) contradicted.add(s.id());
            }
            ids.stream().filter(id -> !found.contains(id)).forEach(beats::remove);
            long until = System.nanoTime() + sessionTtl().toNanos();
            for (Stored s : read.points()) {
                if (read.open().contains(s.sessionId())) openUntil.put(s.sessionId(), until);
                else openUntil.remove(s.sessionId());
            }
            return contradicted;
        } finally {
            flushing.unlock();
        }
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
