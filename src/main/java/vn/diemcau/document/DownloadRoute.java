package vn.diemcau.document;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import vn.diemcau.common.RouteAnswers;
import vn.diemcau.security.InvitationAuthenticationMechanism;
import vn.diemcau.security.InvitationCache;
import vn.diemcau.security.InvitationDirectory;

/**
 * A participant's download of a whole document, answered on the event loop when this instance knows
 * their invitation and holds the document: when a hall of phones fetch the agenda's papers at once,
 * each download costs a map lookup, the access rule, a place in the audit's group commit and the
 * kernel's sendfile, not a pass through the REST and security layers and a worker thread.
 *
 * <p>Same contract as {@link DocumentResource#download} (which OpenAPI describes): same headers,
 * same file, the same audit row durable before a byte goes out, the same problem JSON when the audit
 * cannot be written (503). Everything else goes on to that resource, whose full path decides and
 * answers: no token or one not seen within the cache's time, a Range request, query parameters, a
 * document this instance does not hold in memory or this participant may not have (its 404), a
 * confidential PDF (a copy stamped for the participant).
 */
@ApplicationScoped
class DownloadRoute {
    static final String PATH = "/api/sessions/:sessionId/documents/:documentId/file";

    private static final Logger LOG = Logger.getLogger(DownloadRoute.class);

    @Inject
    InvitationCache invitations;

    @Inject
    DocumentService documents;

    @Inject
    RouteAnswers answers;

    void init(@Observes Router router) {
        // Ahead of REST, of the single-page app's GET fallback and of Quarkus's HTTP authentication:
        // a known invitation is this route's authentication, anything else goes on to that filter.
        router.get(PATH).order(RouteAnswers.BEFORE_AUTHENTICATION).handler(this::download);
    }

    void download(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        CompletableFuture<DocumentService.Served> served = null;
        if (req.query() == null && !req.headers().contains("Range")) {
            InvitationDirectory.Invitation me = invitations.known(InvitationAuthenticationMechanism.token(rc));
            Long sessionId = id(rc.pathParam("sessionId")), documentId = id(rc.pathParam("documentId"));
            if (me != null && sessionId != null && documentId != null)
                served = documents.downloadKnown(me, sessionId, documentId);
        }
        if (served == null) {
            rc.next();
            return;
        }
        served.whenComplete((s, failure) -> {
            if (failure != null) {
                answers.refuse(rc, req.path(), failure);
                return;
            }
            HttpServerResponse r = rc.response();
            if (r.ended() || r.closed()) return; // the phone went away; the download stays recorded
            s.headers().forEach(r::putHeader);
            r.sendFile(s.file().toString(), 0, s.size()).onFailure(e -> {
                if (r.headWritten() || r.closed()) {
                    LOG.debugf("Download of %s not sent: %s", req.path(), e.toString());
                } else { // the stored file could not be opened: a 500 the phone sees, not a hang
                    r.headers().clear();
                    answers.refuse(rc, req.path(), e);
                }
            });
        });
    }

    /** A path's id, or null when it is not one (REST then answers as it does). */
    private static Long id(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        return Long.parseLong(s);
    }
}
