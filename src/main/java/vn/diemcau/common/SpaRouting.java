package vn.diemcau.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Deep links into the single-page app (/sessions/12, /i/{token}) must load index.html. Quinoa's own
 * SPA fallback never sees them: REST answers every unmatched path with a mapped 404 because
 * ProblemMapper handles WebApplicationException. So page navigations (the browser asks for HTML)
 * outside the API are sent to "/" before REST looks at them; scripts and assets (the dev server's
 * /@vite/client, /src/…) go their own way.
 */
@ApplicationScoped
public class SpaRouting {
    private static final Pattern FILE = Pattern.compile(".*/[^/]*\\.[A-Za-z0-9]+$");

    void init(@Observes Router router) {
        router.get("/*").order(-1).handler(rc -> {
            String path = rc.normalizedPath();
            String accept = rc.request().getHeader("Accept");
            if (accept == null
                    || !accept.contains("text/html")
                    || path.equals("/")
                    || path.equals("/api")
                    || path.startsWith("/api/")
                    || path.startsWith("/q/")
                    || path.startsWith("/live/")
                    || FILE.matcher(path).matches()) {
                rc.next();
            } else {
                rc.reroute("/");
            }
        });
    }
}
