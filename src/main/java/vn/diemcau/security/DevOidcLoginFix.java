package vn.diemcau.security;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dev and test only: the in-process OIDC dev server reads the query of its /authorize request
 * without decoding it, so its login page would send the browser back to an encoded (unusable)
 * redirect_uri. We hand it the redirect_uri already decoded. Production providers never see this.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class DevOidcLoginFix {
    private static final Pattern REDIRECT_URI = Pattern.compile("([?&]redirect_uri=)([^&]*)");

    @ConfigProperty(name = "quarkus.oidc.auth-server-url", defaultValue = "")
    String provider;

    void register(@Observes Filters filters) {
        if (provider.isEmpty()) return;
        String authorize = provider + "/authorize";
        filters.register(
                rc -> {
                    rc.addHeadersEndHandler(v -> {
                        String location = rc.response().headers().get(HttpHeaders.LOCATION);
                        if (location != null && location.startsWith(authorize)) {
                            rc.response().headers().set(HttpHeaders.LOCATION, decodeRedirectUri(location));
                        }
                    });
                    rc.next();
                },
                // Ahead of the authentication handler, which is where the provider redirect is sent.
                10_000);
    }

    static String decodeRedirectUri(String location) {
        Matcher m = REDIRECT_URI.matcher(location);
        if (!m.find()) return location;
        String decoded = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        return location.substring(0, m.start(2)) + decoded + location.substring(m.end(2));
    }
}
