package vn.diemcau.live;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diemcau.point.PointLiveService;

/** Points whose heartbeats stop turn DEGRADED, then OFFLINE, without anyone asking. */
@ApplicationScoped
class LiveSweeper {
    @Inject
    PointLiveService points;

    @Inject
    LiveService live;

    @Scheduled(
            identity = "live-sweep",
            every = "${diemcau.live.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        points.sweep(live.liveness());
    }
}
