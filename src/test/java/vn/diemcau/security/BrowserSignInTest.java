package vn.diemcau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The browser's way in, step by step as a browser does it: our login entry → the provider's login
 * page → back with a code → a session cookie → the API answers as that user; JavaScript calls
 * without a session get 401 problem JSON (not a redirect), API clients without a token get 401.
 */
@QuarkusTest
class BrowserSignInTest {
    private static final RestAssuredConfig NO_REDIRECTS =
            RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Test
    void organizerSignsInThroughTheProviderAndKeepsASessionCookie() {
        Map<String, String> cookies = new HashMap<>();
        Response start = given().config(NO_REDIRECTS).get("/api/auth/login?next=/sessions/42");
        assertEquals(302, start.statusCode());
        cookies.putAll(start.getCookies());
        String authorize = start.header("Location");
        String provider = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        assertTrue(authorize.startsWith(provider + "/authorize"), authorize);

        String page = given().config(NO_REDIRECTS)
                .get(authorize)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, String> form = new HashMap<>();
        Matcher hidden = Pattern.compile("name='(redirect_uri|response_type|client_id|scope)' value='([^']*)'")
                .matcher(page);
        while (hidden.find()) form.putIfAbsent(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        form.put("predefined-organizer", "organizer"); // the "organizer" button of the login page
        Response login = given().config(NO_REDIRECTS).formParams(form).post(provider + "/login");
        assertEquals(302, login.statusCode(), login.asString());

        // Back at the app with the code: it exchanges it, sets the session cookie and restores our path.
        String next = login.header("Location");
        for (int hop = 0; hop < 5 && next != null && !next.endsWith("/sessions/42"); hop++) {
            Response r = given().config(NO_REDIRECTS)
                    .urlEncodingEnabled(false)
                    .cookies(cookies)
                    .get(absolute(next));
            cookies.putAll(r.getCookies());
            next = r.statusCode() / 100 == 3 ? r.header("Location") : null;
        }
        assertTrue(next != null && next.endsWith("/sessions/42"), "ends on the page the user asked for: " + next);
        assertTrue(
                cookies.keySet().stream().anyMatch(k -> k.startsWith("q_session_web")),
                cookies.keySet().toString());

        given().cookies(cookies)
                .header("X-Requested-With", "JavaScript")
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(true))
                .body("roles", hasItem("organizer"));
        given().cookies(cookies)
                .header("X-Requested-With", "JavaScript")
                .get("/api/sessions")
                .then()
                .statusCode(200);
    }

    @Test
    void withoutCredentialsTheApiAnswers401AndNeverRedirects() {
        given().config(NO_REDIRECTS)
                .header("X-Requested-With", "JavaScript")
                .get("/api/sessions")
                .then()
                .statusCode(401);
        given().config(NO_REDIRECTS).get("/api/sessions").then().statusCode(401);
        // A stale session cookie from a browser: the script is told to sign in again, not redirected.
        given().config(NO_REDIRECTS)
                .cookie("q_session_web", "garbage")
                .header("X-Requested-With", "JavaScript")
                .get("/api/sessions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    private static String absolute(String location) {
        URI u = URI.create(location);
        return u.isAbsolute()
                ? location
                : io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + location;
    }
}
