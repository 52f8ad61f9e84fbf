package vn.diemcau.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import vn.diemcau.agenda.AgendaItemStarted;
import vn.diemcau.session.SessionStatus;
import vn.diemcau.session.SessionStatusChanged;

/**
 * Releases documents when the agenda says so. It observes after the item's (or the session's)
 * commit and releases in a transaction of its own: a document never goes out for an item start
 * that was rolled back, and a failure here cannot undo the start.
 */
@ApplicationScoped
class DocumentReleases {
    @Inject
    DocumentService documents;

    @ActivateRequestContext
    void onItemStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgendaItemStarted e) {
        documents.releaseForItem(e.sessionId(), e.item().id());
    }

    @ActivateRequestContext
    void onSessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionStatusChanged e) {
        if (e.to() == SessionStatus.ENDED) documents.releaseAtSessionEnd(e.sessionId());
    }
}
