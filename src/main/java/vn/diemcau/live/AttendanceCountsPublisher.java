package vn.diemcau.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diemcau.attendance.AttendanceChanged;
import vn.diemcau.attendance.AttendanceService;
import vn.diemcau.common.Coalescer;

/**
 * Coalesces attendance changes: however many check-ins a session gets, its screens receive at most
 * one attendance.counts_changed per interval, computed from the database after the last of them
 * committed. The first change after a quiet spell goes out at once; later ones wait for the rest
 * of the interval, and every change in the meantime rides along.
 */
@ApplicationScoped
class AttendanceCountsPublisher {
    @Inject
    AttendanceService attendance;

    @Inject
    LiveHub hub;

    @ConfigProperty(name = "diemcau.attendance.counts-interval", defaultValue = "1s")
    Duration interval;

    private Coalescer<Boolean> changes;

    @PostConstruct
    void init() {
        changes = new Coalescer<>("attendance-counts", interval, (sid, changed) -> {
            var counts = QuarkusTransaction.requiringNew().call(() -> attendance.countsOf(sid));
            hub.publish(sid, new ServerMessage.AttendanceCountsChanged(counts), Audience.OVERSEERS);
        });
    }

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttendanceChanged e) {
        changes.changed(e.sessionId(), Boolean.TRUE);
    }

    void stop(@Observes ShutdownEvent e) {
        changes.close();
    }
}
