package vn.diemcau.participant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class ParticipantResourceTest {
    static final String COOKIE = "dc_invitation";

    record Invited(long sid, long other, long pid, long did, String token) {}

    static Invited invited() {
        long sid = RosterFixtures.session("Hội nghị của tôi " + UUID.randomUUID());
        long other = RosterFixtures.session("Hội nghị khác " + UUID.randomUUID());
        long pid = RosterFixtures.point(sid, "Điểm cầu Huyện Hướng Hóa");
        long did = RosterFixtures.addDelegate(sid, RosterFixtures.delegate("Hồ Thị Mơ", "Xã Tân Hợp", pid));
        return new Invited(sid, other, pid, did, issue(sid, did));
    }

    static String issue(long sid, long did) {
        return Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/delegates/" + did + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    static String open(String token) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/participant/session")
                .then()
                .statusCode(200)
                .extract()
                .cookie(COOKIE);
    }

    @Test
    void invitationIsTheSameUntilRevokedAndTheUrlUsesThePublicAddress() {
        Invited i = invited();
        String publicUrl = ConfigProvider.getConfig().getValue("diemcau.public-url", String.class);
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + i.sid() + "/delegates/" + i.did() + "/invitation")
                .then()
                .statusCode(200)
                .body("token", equalTo(i.token()))
                .body("url", equalTo(publicUrl + "/i/" + i.token()));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + i.sid() + "/delegates/" + i.did())
                .then()
                .body("invitationActive", equalTo(true));
        // used once: the invitation is now in the cache of recently presented ones …
        given().header("Authorization", "Invitation " + i.token())
                .get("/api/participant/me")
                .then()
                .statusCode(200);

        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + i.sid() + "/delegates/" + i.did() + "/invitation")
                .then()
                .statusCode(204);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + i.sid() + "/delegates/" + i.did())
                .then()
                .body("invitationActive", equalTo(false));
        // … which the revocation cleared: the old token stops at once, on every way of presenting it
        given().header("Authorization", "Invitation " + i.token())
                .get("/api/participant/me")
                .then()
                .statusCode(401);
        given().cookie(COOKIE, i.token()).get("/api/participant/me").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("token", i.token()))
                .post("/api/participant/session")
                .then()
                .statusCode(401)
                .body("code", equalTo("invitation.invalid"));

        String renewed = issue(i.sid(), i.did());
        assertNotEquals(i.token(), renewed);
        // a phone still holding the dead cookie opens the new link, and can always sign out
        given().cookie(COOKIE, i.token())
                .contentType(ContentType.JSON)
                .body(Map.of("token", renewed))
                .post("/api/participant/session")
                .then()
                .statusCode(200)
                .cookie(COOKIE, renewed);
        given().cookie(COOKIE, i.token()).post("/api/participant/logout").then().statusCode(204);
        given().header("Authorization", "Invitation " + renewed)
                .get("/api/participant/me")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", i.sid())
                .queryParam("action", "delegate.invitation")
                .get("/api/audit-events")
                .then()
                .body("items.action", hasItem("delegate.invitation.revoked"))
                .body("total", equalTo(4));

        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + i.sid() + "/delegates/987654321/invitation")
                .then()
                .statusCode(404);
        given().post("/api/sessions/" + i.sid() + "/delegates/" + i.did() + "/invitation")
                .then()
                .statusCode(401);
    }

    @Test
    void openingTheLinkSetsAnHttpOnlyCookieThatReachesOnlyTheOwnSession() {
        Invited i = invited();
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("token", " " + i.token() + " "))
                .post("/api/participant/session")
                .then()
                .statusCode(200)
                .body("delegateId", equalTo((int) i.did()))
                .body("fullName", equalTo("Hồ Thị Mơ"))
                .body("pointName", equalTo("Điểm cầu Huyện Hướng Hóa"))
                .body("session.id", equalTo((int) i.sid()))
                .extract();
        String setCookie = response.header("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "=" + i.token()), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertTrue(!setCookie.contains("Secure"), "cookie-secure is off in tests: " + setCookie);
        long maxAge = Long.parseLong(setCookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        // a month past the session's end (RosterFixtures: it ends 2026-12-03 11:30 +07), at least a day
        long expected = Math.max(
                24L * 3600,
                java.time.Duration.between(
                                java.time.Instant.now(),
                                java.time.OffsetDateTime.parse("2026-12-03T11:30:00+07:00")
                                        .toInstant()
                                        .plus(java.time.Duration.ofDays(30)))
                        .toSeconds());
        assertTrue(Math.abs(maxAge - expected) < 120, "lasts a month past the session's end: " + setCookie);

        String cookie = response.cookie(COOKIE);
        given().cookie(COOKIE, cookie)
                .get("/api/participant/me")
                .then()
                .statusCode(200)
                .body("delegateId", equalTo((int) i.did()))
                .body("unitName", equalTo("Xã Tân Hợp"))
                .body("session.title", startsWith("Hội nghị của tôi"));
        given().cookie(COOKIE, cookie)
                .get("/api/me")
                .then()
                .body("roles", hasItem("participant"))
                .body("sessionId", equalTo((int) i.sid()))
                .body("delegateId", equalTo((int) i.did()));
        given().cookie(COOKIE, cookie).get("/api/sessions/" + i.sid()).then().statusCode(200);
        given().cookie(COOKIE, cookie)
                .get("/api/sessions/" + i.other())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", "Invitation " + i.token())
                .get("/api/sessions/" + i.sid())
                .then()
                .statusCode(200);
        given().header("Authorization", "Invitation " + i.token())
                .get("/api/sessions/" + i.other())
                .then()
                .statusCode(403);
        // participants see no roster and change nothing
        given().cookie(COOKIE, cookie)
                .get("/api/sessions/" + i.sid() + "/delegates")
                .then()
                .statusCode(403);
        given().cookie(COOKIE, cookie)
                .get("/api/sessions/" + i.sid() + "/delegates/" + i.did())
                .then()
                .statusCode(403);
        given().cookie(COOKIE, cookie)
                .post("/api/sessions/" + i.sid() + "/delegates/" + i.did() + "/invitation")
                .then()
                .statusCode(403);
        given().cookie(COOKIE, cookie).get("/api/sessions").then().statusCode(403);

        String cleared = given().cookie(COOKIE, cookie)
                .post("/api/participant/logout")
                .then()
                .statusCode(204)
                .extract()
                .header("Set-Cookie");
        assertTrue(cleared.startsWith(COOKIE + "=;") && cleared.contains("Max-Age=0"), cleared);
    }

    @Test
    void garbledForgedAndOrphanedTokensAreRefused() {
        Invited i = invited();
        String forged = "dci_" + "A".repeat(32);
        String garbled = i.token().substring(0, i.token().length() - 1) + "?";
        String truncated = i.token().substring(0, 20);
        for (String bad : new String[] {forged, garbled, truncated, "not a token"}) {
            given().header("Authorization", "Invitation " + bad)
                    .get("/api/participant/me")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
            given().cookie(COOKIE, bad).get("/api/sessions/" + i.sid()).then().statusCode(401);
            given().contentType(ContentType.JSON)
                    .body(Map.of("token", bad))
                    .post("/api/participant/session")
                    .then()
                    .statusCode(401)
                    .header("Set-Cookie", nullValue())
                    .body("code", equalTo("invitation.invalid"));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("token", ""))
                .post("/api/participant/session")
                .then()
                .statusCode(400);
        given().get("/api/participant/me").then().statusCode(401);
        Tokens.as(Tokens.ORGANIZER).get("/api/participant/me").then().statusCode(403);

        // a delegate removed from the roster takes their invitation along
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + i.sid() + "/delegates/" + i.did())
                .then()
                .statusCode(204);
        given().header("Authorization", "Invitation " + i.token())
                .get("/api/participant/me")
                .then()
                .statusCode(401)
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void eachDelegateHasTheirOwnToken() {
        Invited i = invited();
        long second = RosterFixtures.addDelegate(i.sid(), RosterFixtures.delegate("Hồ Văn Núi", "Xã Tân Hợp", null));
        String other = issue(i.sid(), second);
        assertNotEquals(i.token(), other);
        given().header("Authorization", "Invitation " + other)
                .get("/api/participant/me")
                .then()
                .body("delegateId", equalTo((int) second))
                .body("pointId", equalTo(null));
        String cookie = open(i.token());
        assertEquals(i.token(), cookie);
    }
}
