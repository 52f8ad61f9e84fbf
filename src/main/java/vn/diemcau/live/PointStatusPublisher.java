package vn.diemcau.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.diemcau.common.AfterTransaction;
import vn.diemcau.common.Coalescer;
import vn.diemcau.point.PointLiveService;
import vn.diemcau.point.PointLiveView;
import vn.diemcau.point.PointStatusChanged;

/**
 * Coalesces point states for the staff screens: however many points change at once (2,000 consoles
 * coming online, a sweep finding late heartbeats, a new roll call), a session's staff receive at
 * most one point.statuses_changed per {@code diemcau.live.point-statuses-every}, with the state of
 * every point that changed, read after the last of those changes committed. One frame per change
 * cost every staff screen a write per point: consoles times points frames for a wave of changes.
 */
@ApplicationScoped
class PointStatusPublisher {
    @Inject
    PointLiveService points;

    @Inject
    LiveHub hub;

    @Inject
    LiveConfig config;

    @Inject
    TransactionSynchronizationRegistry tx;

    private static final Object CHANGED = new Object();

    private Coalescer<Long> changes;

    @PostConstruct
    void init() {
        changes = new Coalescer<>("point-statuses", config.pointStatusesEvery(), (sid, pointIds) -> {
            var views = QuarkusTransaction.requiringNew().call(() -> points.statesOf(sid, pointIds));
            if (!views.isEmpty())
                hub.publish(
                        sid,
                        new ServerMessage.PointStatusesChanged(views),
                        Audience.points(views.stream().map(PointLiveView::id).toList()));
        });
    }

    /** The points one transaction changed are noted together, so they go out in the same frame. */
    void on(@Observes PointStatusChanged e) {
        AfterTransaction.collect(tx, CHANGED, e, committed -> {
            Map<Long, List<Long>> bySession = new LinkedHashMap<>();
            for (PointStatusChanged c : committed)
                bySession
                        .computeIfAbsent(c.sessionId(), k -> new ArrayList<>())
                        .add(c.point().id());
            bySession.forEach(changes::changed);
        });
    }

    void stop(@Observes ShutdownEvent e) {
        changes.close();
    }
}
