package vn.diemcau.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import vn.diemcau.floor.FloorQueueChanged;

/**
 * Tells every screen of the session that the main hall closed or reopened the floor queue. The
 * change is the only event of its transaction, so publishing after success keeps the order.
 */
@ApplicationScoped
class FloorQueuePublisher {
    @Inject
    LiveHub hub;

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) FloorQueueChanged e) {
        hub.publish(
                e.sessionId(),
                e.closed()
                        ? new ServerMessage.FloorQueueClosed(e.by(), e.at())
                        : new ServerMessage.FloorQueueOpened(e.by(), e.at()));
    }
}
