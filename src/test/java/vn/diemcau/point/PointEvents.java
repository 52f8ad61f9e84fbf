package vn.diemcau.point;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the point feature's events so tests can check what other features are told. */
@ApplicationScoped
public class PointEvents {
    static final List<PointsCopied> COPIED = new CopyOnWriteArrayList<>();
    static final List<PointDeleted> DELETED = new CopyOnWriteArrayList<>();
    static final List<PointStatusChanged> STATUS = new CopyOnWriteArrayList<>();

    void copied(@Observes PointsCopied e) {
        COPIED.add(e);
    }

    void deleted(@Observes PointDeleted e) {
        DELETED.add(e);
    }

    /** What the live hub publishes: only changes that committed. */
    void status(@Observes(during = TransactionPhase.AFTER_SUCCESS) PointStatusChanged e) {
        STATUS.add(e);
    }
}
