package vn.diemcau.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real signed access tokens from the OIDC server the tests run against (the in-process OIDC dev
 * server; users and roles are in application.properties under %test), by the password grant.
 */
public final class Tokens {
    public static final String ORGANIZER = "organizer";
    public static final String ORGANIZER2 = "org2";
    public static final String OPERATOR1 = "op1";
    public static final String OPERATOR2 = "op2";
    public static final String OPERATOR3 = "op3";
    public static final String OBSERVER = "obs";
    /** Signed in, but with none of our roles. */
    public static final String NOBODY = "nobody";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    public static String of(String user) {
        // Refetched shortly before it expires: a full run (browser flows included) outlives the
        // provider's token lifespan, and a stale cached token made every later class fail with 401.
        return CACHE.compute(user, (u, token) -> token != null && !expiresSoon(token) ? token : fetch(u));
    }

    private static boolean expiresSoon(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        var m = java.util.regex.Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload);
        return !m.find() || Long.parseLong(m.group(1)) - System.currentTimeMillis() / 1000 < 60;
    }

    /** The username the provider puts in the token (preferred_username), as the app sees it. */
    public static String username(String user) {
        String payload = new String(Base64.getUrlDecoder().decode(of(user).split("\\.")[1]));
        var m = java.util.regex.Pattern.compile("\"preferred_username\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(payload);
        return m.find() ? m.group(1) : user;
    }

    /** A REST Assured request carrying {@code user}'s bearer token. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(of(user));
    }

    /** The same token with its payload changed to claim the organizer role: the signature no longer matches. */
    public static String forged(String user) {
        String[] parts = of(user).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String tampered = payload.replaceFirst("\"groups\":\\[[^\\]]*\\]", "\"groups\":[\"organizer\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes()) + "."
                + parts[2];
    }

    /** A new token (not the cached one), e.g. for long benchmark runs. */
    public static String fresh(String user) {
        return fetch(user);
    }

    private static String fetch(String user) {
        var cfg = ConfigProvider.getConfig();
        String server = cfg.getValue("quarkus.oidc.auth-server-url", String.class);
        String clientId = cfg.getValue("quarkus.oidc.client-id", String.class);
        String secret = cfg.getOptionalValue("quarkus.oidc.credentials.secret", String.class)
                .orElse("");
        return given().formParam("grant_type", "password")
                .formParam("username", user)
                .formParam("password", user)
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(server + "/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
