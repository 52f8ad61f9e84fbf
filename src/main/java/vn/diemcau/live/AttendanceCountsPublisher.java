package vn.diemcau.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.diemcau.attendance.AttendanceChanged;
import vn.diemcau.attendance.AttendanceService;

/**
 * Coalesces attendance changes: however many check-ins a session gets, its screens receive at most
 * one attendance.counts_changed per interval, computed from the database after the last of them
 * committed. The first change after a quiet spell goes out at once; later ones wait for the rest
 * of the interval, and every change in the meantime rides along.
 */
@ApplicationScoped
class AttendanceCountsPublisher {
    private static final Logger LOG = Logger.getLogger(AttendanceCountsPublisher.class);

    @Inject
    AttendanceService attendance;

    @Inject
    LiveHub hub;

    @ConfigProperty(name = "diemcau.attendance.counts-interval", defaultValue = "1s")
    Duration interval;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attendance-counts");
        t.setDaemon(true);
        return t;
    });

    /** Sessions with a publication scheduled. */
    private final Map<Long, Boolean> scheduled = new ConcurrentHashMap<>();

    /** When each session's counts last went out (ms). */
    private final Map<Long, Long> lastSent = new ConcurrentHashMap<>();

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttendanceChanged e) {
        long sid = e.sessionId();
        if (scheduled.putIfAbsent(sid, Boolean.TRUE) != null) return;
        long wait = lastSent.getOrDefault(sid, 0L) + interval.toMillis() - System.currentTimeMillis();
        timer.schedule(() -> publish(sid), Math.max(0, wait), TimeUnit.MILLISECONDS);
    }

    private void publish(long sid) {
        // cleared before reading, so a change committed while we read schedules the next round
        scheduled.remove(sid);
        lastSent.put(sid, System.currentTimeMillis());
        try {
            var counts = QuarkusTransaction.requiringNew().call(() -> attendance.countsOf(sid));
            hub.publish(sid, new ServerMessage.AttendanceCountsChanged(counts), true);
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "attendance counts of session %d not published", sid);
        }
    }

    void stop(@Observes ShutdownEvent e) {
        timer.shutdownNow();
    }
}
