package vn.diemcau.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bearer tokens (API clients, tests, other systems) go to the default "service" tenant and get a
 * 401 without one. Browsers sign in through the "web" tenant: the code flow starts at
 * {@code /api/auth/login} and afterwards its session cookie picks that tenant for every request,
 * WebSocket upgrades included (browsers cannot put headers on those).
 */
@ApplicationScoped
public class StaffTenantResolver implements TenantResolver {
    static final String WEB = "web";
    static final String SESSION_COOKIE = "q_session_" + WEB;

    @Override
    public String resolve(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String path = context.normalizedPath();
        if (path.startsWith("/api/auth/login") || path.startsWith("/api/auth/logout")) {
            return WEB;
        }
        for (Cookie c : context.request().cookies()) {
            if (c.getName().startsWith(SESSION_COOKIE)) {
                return WEB;
            }
        }
        return null;
    }
}
