package vn.diemcau.attendance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.diemcau.common.RouteAnswers;
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

    @Inject
    InvitationCache invitations;

    @Inject
    AttendanceService attendance;

    @Inject
    RouteAnswers answers;

    @Inject
    ObjectMapper json;

    /** Resolved once (a mapper looks the writer up on every call). */
    private ObjectWriter entryJson;

    @PostConstruct
    void writers() {
        entryJson = json.writerFor(AttendanceEntryView.class);
    }

    void init(@Observes Router router) {
        // Ahead of REST (and of SpaRouting, which only takes GETs); the body, if any, is ignored, as
        // REST does. Ahead of Quarkus's HTTP authentication too: a known invitation is this route's
        // authentication, anything else goes on to that filter.
        router.post(PATH).order(RouteAnswers.BEFORE_AUTHENTICATION).handler(this::checkIn);
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
                    if (failure == null)
                        answers.answer(rc, 200, "application/json;charset=UTF-8", entryJson, view, null);
                    else answers.refuse(rc, PATH, failure);
                });
    }
}
