package vn.diemcau.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Participants have no accounts: they present their invitation token, either as
 * {@code Authorization: Invitation <token>} (apps, load tests) or in the HttpOnly cookie the
 * browser received when it opened its invitation link (so no token travels in a URL afterwards,
 * WebSocket upgrades included).
 */
@ApplicationScoped
public class InvitationAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String SCHEME = "Invitation";
    public static final String COOKIE = "dc_invitation";
    static final String ATTR_DELEGATE_ID = "diemcau.delegateId";
    static final String ATTR_SESSION_ID = "diemcau.sessionId";
    static final String ATTR_POINT_ID = "diemcau.pointId";
    static final String ATTR_DELEGATE_NAME = "diemcau.delegateName";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = token(context);
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new Request(token));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    @Override
    public int getPriority() {
        // Ahead of OIDC, so a participant cookie is read before the OIDC mechanism challenges.
        return 2000;
    }

    /** The invitation token the request presents (header first, then cookie); null if none. */
    public static String token(RoutingContext context) {
        String auth = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (auth != null) {
            return auth.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)
                    ? auth.substring(SCHEME.length() + 1).trim()
                    : null;
        }
        Cookie c = context.request().getCookie(COOKIE);
        return c == null ? null : c.getValue();
    }

    /** The credential: an invitation token as presented. */
    public static final class Request extends BaseAuthenticationRequest {
        final String token;

        Request(String token) {
            this.token = token;
        }
    }
}
