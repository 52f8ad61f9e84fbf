package vn.diemcau.attendance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.security.InvitationCache;
import vn.diemcau.testing.Tokens;

/**
 * The participant's own tap goes through the batch writer, which makes the checks (session open,
 * delegate with a point) for the whole batch; the first phone of a session brings every invitation
 * of the session into the cache. Neither may change what a single tap would answer.
 */
@QuarkusTest
class SelfCheckInTest {
    @Inject
    EntityManager em;

    @Inject
    InvitationCache invitations;

    @Test
    void tapsOfAnOpenAndAClosedSessionInOneBurstEachGetTheirOwnAnswer() throws Exception {
        AttendanceFixture open = new AttendanceFixture().scheduled();
        AttendanceFixture draft = new AttendanceFixture();
        List<String> openTokens = new ArrayList<>();
        for (long d : open.delegates.get(open.point1)) openTokens.add(open.invitation(d));
        List<String> draftTokens = new ArrayList<>();
        for (long d : draft.delegates.get(draft.point1)) draftTokens.add(draft.invitation(d));
        long noPoint = RosterFixtures.addDelegate(
                open.sessionId, RosterFixtures.delegate("Phan Văn Không Điểm", "Ban Dân vận", null));
        String noPointToken = open.invitation(noPoint);

        // all at once, so that they share batches
        List<Callable<Response>> taps = new ArrayList<>();
        for (String t : openTokens) taps.add(() -> tap(t));
        for (String t : draftTokens) taps.add(() -> tap(t));
        taps.add(() -> tap(noPointToken));
        ExecutorService pool = Executors.newFixedThreadPool(taps.size());
        List<Response> answers = new ArrayList<>();
        try {
            for (Future<Response> f : pool.invokeAll(taps)) answers.add(f.get());
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < openTokens.size(); i++) {
            Response r = answers.get(i);
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals("PRESENT", r.path("status"));
            assertEquals((int) open.point1, (int) r.path("checkedInPointId"));
            assertEquals("Ban Tuyên giáo", r.path("unitName"));
        }
        for (int i = 0; i < draftTokens.size(); i++) {
            Response r = answers.get(openTokens.size() + i);
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals("attendance.session-not-open", r.path("code"));
        }
        Response none = answers.get(answers.size() - 1);
        assertEquals(409, none.statusCode(), none.asString());
        assertEquals("attendance.no-point", none.path("code"));

        assertEquals(openTokens.size(), rows(open.sessionId));
        assertEquals(0, rows(draft.sessionId));
        assertEquals(0, rowsOf(noPoint));
    }

    @Test
    void aSessionsInvitationsReadAtTheFirstPhoneStillFollowRevocationAndMoves() {
        AttendanceFixture f = new AttendanceFixture(); // still being prepared: delegates can be edited
        long first = f.d(f.point1, 0), revoked = f.d(f.point1, 1), moved = f.d(f.point1, 2);
        String firstToken = f.invitation(first);
        String revokedToken = f.invitation(revoked);
        String movedToken = f.invitation(moved);

        // the first phone of the session: every invitation of the session is now known here
        mine(firstToken).statusCode(200);
        mine(revokedToken).statusCode(200).body("pointId", equalTo((int) f.point1));

        // revoked after it was read: refused at once
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + f.sessionId + "/delegates/" + revoked + "/invitation")
                .then()
                .statusCode(204);
        mine(revokedToken).statusCode(401);

        // moved to another point after it was read: checked in where they are now
        Tokens.as(Tokens.ORGANIZER)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(RosterFixtures.delegate("Hoàng Văn Ân", "Ban Tuyên giáo", f.point3))
                .put("/api/sessions/" + f.sessionId + "/delegates/" + moved)
                .then()
                .statusCode(200);
        f.scheduled();
        tapOk(movedToken).body("pointId", equalTo((int) f.point3)).body("checkedInPointId", equalTo((int) f.point3));
        tap(revokedToken).then().statusCode(401);
        assertEquals(0, rowsOf(revoked));
        assertEquals(1, rows(f.sessionId));
    }

    @Test
    void aKnownPhonesTapIsAnsweredOnTheEventLoopExactlyAsTheFullPathAnswersIt() {
        AttendanceFixture f = new AttendanceFixture(); // still being prepared: taps are refused
        long coldId = f.d(f.point1, 0), warmId = f.d(f.point1, 1);
        String cold = f.invitation(coldId), warm = f.invitation(warmId);

        // an unknown phone goes on to the REST resource, whose authentication reads the session's invitations
        assertNull(invitations.known(cold));
        Response full = tapIn("en", cold);
        // so the next phone is known here and answered by CheckInRoute
        assertNotNull(invitations.known(warm));
        Response fast = tapIn("en", warm);
        for (Response r : List.of(full, fast)) {
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals("application/problem+json", r.contentType());
            assertEquals("en", r.header("Content-Language"));
        }
        assertEquals(full.jsonPath().getMap(""), fast.jsonPath().getMap(""));
        assertEquals(
                "Attendance can be taken only while the session is scheduled or live (now: DRAFT).",
                fast.path("detail"));
        assertEquals("/api/participant/check-in", fast.path("instance"));
        assertEquals(0, rows(f.sessionId));

        f.scheduled();
        AttendanceFixture other = new AttendanceFixture().scheduled();
        String otherCold = other.invitation(other.d(other.point1, 0));
        assertNull(invitations.known(otherCold));
        full = tapIn("vi", otherCold);
        fast = tapIn("vi", warm);
        for (Response r : List.of(full, fast)) {
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals("application/json;charset=UTF-8", r.contentType());
        }
        assertEquals(
                full.jsonPath().getMap("").keySet(), fast.jsonPath().getMap("").keySet());
        assertEquals((int) warmId, (int) fast.path("delegateId"));
        assertEquals("PRESENT", fast.path("status"));
        assertEquals("LINK", fast.path("method"));
        assertEquals((int) f.point1, (int) fast.path("checkedInPointId"));
        assertEquals("delegate:" + warmId, fast.path("recordedBy"));
        // the same instant format on both paths
        assertEquals(
                full.<String>path("recordedAt").length(),
                fast.<String>path("recordedAt").length());
        assertEquals(1, rowsOf(warmId));

        // a second tap changes nothing and answers the same row
        Response again = tapIn("vi", warm);
        assertEquals(200, again.statusCode());
        assertEquals(fast.<String>path("recordedAt"), again.path("recordedAt"));
        assertEquals(1, rows(f.sessionId));
    }

    private static Response tapIn(String language, String token) {
        return given().header("Authorization", "Invitation " + token)
                .header("Accept-Language", language)
                .post("/api/participant/check-in");
    }

    private static io.restassured.response.ValidatableResponse mine(String token) {
        return given().header("Authorization", "Invitation " + token)
                .get("/api/participant/check-in")
                .then();
    }

    @Test
    void forgedAndMalformedTokensAreRefusedAndWriteNothing() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        tapOk(f.invitation(f.d(f.point2, 0)));
        for (String bad : List.of("dci_" + "A".repeat(32), "dci_short", "Bearer x")) {
            given().header("Authorization", "Invitation " + bad)
                    .post("/api/participant/check-in")
                    .then()
                    .statusCode(401);
        }
        assertEquals(1, rows(f.sessionId));
    }

    private static Response tap(String token) {
        return given().header("Authorization", "Invitation " + token).post("/api/participant/check-in");
    }

    private static io.restassured.response.ValidatableResponse tapOk(String token) {
        return given().header("Authorization", "Invitation " + token)
                .post("/api/participant/check-in")
                .then()
                .statusCode(200)
                .body("status", equalTo("PRESENT"))
                .body("method", equalTo("LINK"));
    }

    private long rows(long sessionId) {
        return count("select count(*) from check_ins where session_id = ?1", sessionId);
    }

    private long rowsOf(long delegateId) {
        return count("select count(*) from check_ins where delegate_id = ?1", delegateId);
    }

    private long count(String sql, long id) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }
}
