package vn.diemcau.live;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diemcau.agenda.AgendaLiveService;
import vn.diemcau.point.PointLiveService;

/**
 * Without anyone asking: points whose heartbeats stop turn DEGRADED, then OFFLINE; an item running
 * past its planned end is announced once; sessions that are over and followed by nobody are dropped
 * from memory (those that ended while followed are dropped by the hub itself).
 */
@ApplicationScoped
class LiveSweeper {
    @Inject
    PointLiveService points;

    @Inject
    LiveService live;

    @Inject
    AgendaLiveService agenda;

    @Inject
    LiveHub hub;

    @Scheduled(
            identity = "live-sweep",
            every = "${diemcau.live.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        points.sweep(live.liveness());
    }

    // Separate jobs: a failed point sweep (a heartbeat committed first) must not hold these back.
    @Scheduled(
            identity = "live-overruns",
            every = "${diemcau.live.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void overruns() {
        agenda.markOverruns();
    }

    @Scheduled(
            identity = "live-release",
            every = "${diemcau.live.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void release() {
        hub.idle().stream().filter(live::isOver).forEach(hub::release);
    }
}
