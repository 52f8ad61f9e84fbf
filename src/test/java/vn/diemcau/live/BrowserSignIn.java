package vn.diemcau.live;

import static io.restassured.RestAssured.given;

import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/** A browser's sign-in through the in-process OIDC server's login page, as BrowserSignInTest walks it. */
final class BrowserSignIn {
    private static final RestAssuredConfig NO_REDIRECTS =
            RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    private BrowserSignIn() {}

    /** The browser's cookies after signing in as the login page's predefined {@code user}, as a Cookie header. */
    static String cookieHeader(String user) {
        Map<String, String> cookies = new HashMap<>();
        Response start = given().config(NO_REDIRECTS).get("/api/auth/login?next=/");
        cookies.putAll(start.getCookies());
        String provider = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String page = given().config(NO_REDIRECTS).get(start.header("Location")).asString();
        Map<String, String> form = new HashMap<>();
        Matcher hidden = Pattern.compile("name='(redirect_uri|response_type|client_id|scope)' value='([^']*)'")
                .matcher(page);
        while (hidden.find()) form.putIfAbsent(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        form.put("predefined-" + user, user);
        String next = given().config(NO_REDIRECTS)
                .formParams(form)
                .post(provider + "/login")
                .header("Location");
        for (int hop = 0; hop < 5 && next != null; hop++) {
            Response r = given().config(NO_REDIRECTS)
                    .urlEncodingEnabled(false)
                    .cookies(cookies)
                    .get(absolute(next));
            cookies.putAll(r.getCookies());
            next = r.statusCode() / 100 == 3 && !cookies.keySet().stream().anyMatch(k -> k.startsWith("q_session_web"))
                    ? r.header("Location")
                    : null;
        }
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String absolute(String location) {
        URI u = URI.create(location);
        return u.isAbsolute()
                ? location
                : io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + location;
    }
}
