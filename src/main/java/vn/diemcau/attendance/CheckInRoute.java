package vn.diemcau.attendance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import vn.diemcau.common.Messages;
import vn.diemcau.common.Problem;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.ProblemMapper;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.security.InvitationAuthenticationMechanism;
import vn.diemcau.security.InvitationCache;
import vn.diemcau.security.InvitationDirectory;

/**
 * The check-in tap of a phone this instance already knows, answered on the event loop: when a
 * province's delegates all tap within the same minute, each tap costs a hash, a map lookup, a place
 * in the batch writer and a small JSON answer, not a pass through the REST and security layers.
 *
 * <p>Same contract as {@link ParticipantCheckInResource#checkIn()} (which OpenAPI describes): same
 * answer, same refusals as problem JSON in the client's language, same row written by the same
 * writer. Everything this route does not know — no token, a malformed, forged or revoked one, an
 * invitation not seen within the cache's time — goes on to that resource, whose full authentication
 * decides and answers.
 */
@ApplicationScoped
class CheckInRoute {
    static final String PATH = "/api/participant/check-in";
    /** Just ahead of Quarkus's HTTP authentication filter (priority 200, installed at order -200). */
    static final int BEFORE_AUTHENTICATION = -201;

    private static final Logger LOG = Logger.getLogger(CheckInRoute.class);

    @Inject
    InvitationCache invitations;

    @Inject
    AttendanceService attendance;

    @Inject
    ObjectMapper json;

    /** Writers resolved once for the two shapes this route answers (a mapper looks them up per call). */
    private ObjectWriter entryJson, problemJson;

    @PostConstruct
    void writers() {
        entryJson = json.writerFor(AttendanceEntryView.class);
        problemJson = json.writerFor(Problem.class);
    }

    void init(@Observes Router router) {
        // Ahead of REST (and of SpaRouting, which only takes GETs); the body, if any, is ignored, as
        // REST does. Ahead of Quarkus's HTTP authentication too (its filter's order is -200): a
        // known invitation is this route's authentication, anything else goes on to that filter.
        router.post(PATH).order(BEFORE_AUTHENTICATION).handler(this::checkIn);
    }

    void checkIn(RoutingContext rc) {
        InvitationDirectory.Invitation me = invitations.known(InvitationAuthenticationMechanism.token(rc));
        if (me == null) {
            rc.next();
            return;
        }
        // the delegate as the invitation tells them: the writer need not read them (it checks that
        // they are still of the session and at that point as it writes)
        DelegateService.Brief known = new DelegateService.Brief(
                me.delegateId(), me.sessionId(), me.fullName(), me.position(), me.unitName(), me.pointId());
        attendance
                .checkInSelf(me.sessionId(), me.delegateId(), me.principal(), known)
                .whenComplete((view, failure) -> {
                    if (failure == null) answer(rc, 200, "application/json;charset=UTF-8", entryJson, view, null);
                    else refuse(rc, failure instanceof CompletionException ce ? ce.getCause() : failure);
                });
    }

    private void refuse(RoutingContext rc, Throwable failure) {
        Locale l = Messages.pick(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ProblemException p;
        if (failure instanceof ProblemException known) {
            p = known;
        } else {
            LOG.errorf(failure, "Unexpected failure on %s", PATH);
            p = new ProblemException(500, "internal");
        }
        Problem body = ProblemMapper.of(p, l, PATH);
        answer(rc, p.status(), Problem.MEDIA_TYPE, problemJson, body, l);
    }

    private void answer(RoutingContext rc, int status, String type, ObjectWriter writer, Object body, Locale language) {
        HttpServerResponse r = rc.response();
        if (r.ended() || r.closed()) return; // the phone went away meanwhile: the check-in stands
        Buffer bytes;
        try {
            bytes = Buffer.buffer(writer.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
            return;
        }
        r.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type);
        if (language != null) r.putHeader("Content-Language", language.getLanguage());
        // backpressure, as the REST mapper says it: when to try again
        if (status == 503) r.putHeader("Retry-After", "1");
        r.end(bytes);
    }
}
