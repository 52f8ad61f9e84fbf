package vn.diemcau.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import vn.diemcau.feedback.FeedbackFormChanged;
import vn.diemcau.feedback.FeedbackFormStatus;

/**
 * Tells the session's screens that its feedback form opened or closed, so phones show it without a
 * reload. Published after the change committed (the form is read over REST right after).
 */
@ApplicationScoped
class FeedbackFormPublisher {
    @Inject
    LiveHub hub;

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedbackFormChanged e) {
        hub.publish(
                e.sessionId(),
                e.status() == FeedbackFormStatus.OPEN
                        ? new ServerMessage.FeedbackOpened(e.formId(), e.at())
                        : new ServerMessage.FeedbackClosed(e.formId(), e.at()));
    }
}
