package vn.diemcau.floor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class QuestionResourceTest {
    static ValidatableResponse ask(FloorFixture f, String token, String text) {
        Map<String, Object> b = new HashMap<>();
        b.put("text", text);
        return given().header("Authorization", "Invitation " + token)
                .header("Accept-Language", "vi")
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/sessions/" + f.sessionId + "/questions")
                .then();
    }

    static long askId(FloorFixture f, String token, String text) {
        return ask(f, token, text).statusCode(201).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse moderate(FloorFixture f, String user, long id, String action, Long into) {
        Map<String, Object> b = new HashMap<>();
        b.put("action", action);
        if (into != null) b.put("intoId", into);
        return Tokens.as(user)
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/sessions/" + f.sessionId + "/questions/" + id + "/moderation")
                .then();
    }

    static ValidatableResponse listAsParticipant(FloorFixture f, String token) {
        return given().header("Authorization", "Invitation " + token)
                .get("/api/sessions/" + f.sessionId + "/questions")
                .then();
    }

    static long count(long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> Question.count("sessionId", sessionId));
    }

    @Test
    void participantsSeeOnlyApprovedOnesAndTheirOwnModeratorsSeeAll() {
        FloorFixture f = FloorFixture.live();
        long mine = askId(f, f.token1, "Quy định 126 áp dụng cho cán bộ cấp xã thế nào?");
        long theirs = askId(f, f.token2, "Hướng dẫn 19 có biểu mẫu kèm theo không?");
        long third = askId(f, f.token3, "Khi nào có tài liệu bản in?");

        listAsParticipant(f, f.token1)
                .statusCode(200)
                .body("id", contains((int) mine))
                .body("[0].status", equalTo("PENDING"))
                .body("[0].authorName", equalTo("Nguyễn Văn Ánh"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/questions")
                .then()
                .statusCode(200)
                .body("id", contains((int) third, (int) theirs, (int) mine));
        Tokens.as(Tokens.OBSERVER)
                .get("/api/sessions/" + f.sessionId + "/questions?status=PENDING")
                .then()
                .body("id", hasSize(3));
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + f.sessionId + "/questions")
                .then()
                .statusCode(200)
                .body("", hasSize(0));

        moderate(f, Tokens.ORGANIZER, theirs, "APPROVE", null).statusCode(200).body("status", equalTo("APPROVED"));
        moderate(f, Tokens.ORGANIZER, third, "HIDE", null).statusCode(200);
        // participant 1: their own pending one and the approved one; never the hidden one of someone else
        listAsParticipant(f, f.token1).body("id", containsInAnyOrder((int) mine, (int) theirs));
        // participant 3: the approved one, and their own even though hidden
        listAsParticipant(f, f.token3)
                .body("id", containsInAnyOrder((int) theirs, (int) third))
                .body("find { it.id == " + third + " }.status", equalTo("HIDDEN"));
        Tokens.as(Tokens.OPERATOR2)
                .get("/api/sessions/" + f.sessionId + "/questions")
                .then()
                .body("id", contains((int) theirs));

        // merge mine into the approved one, then answer it
        moderate(f, Tokens.ORGANIZER, mine, "MERGE", theirs)
                .statusCode(200)
                .body("status", equalTo("MERGED"))
                .body("mergedIntoId", equalTo((int) theirs));
        moderate(f, Tokens.ORGANIZER, theirs, "ANSWER", null).statusCode(200).body("status", equalTo("ANSWERED"));
        listAsParticipant(f, f.token2).body("id", contains((int) theirs)).body("[0].status", equalTo("ANSWERED"));
        // the big screen list in the live snapshot: the public ones only
        Tokens.as(Tokens.OBSERVER)
                .get("/api/sessions/" + f.sessionId + "/live")
                .then()
                .statusCode(200)
                .body("questions.id", contains((int) theirs));
    }

    @Test
    void moderationRulesAndRoleMatrix() {
        FloorFixture f = FloorFixture.live();
        long a = askId(f, f.token1, "Câu hỏi A");
        long b = askId(f, f.token2, "Câu hỏi B");
        given().contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE"))
                .post("/api/sessions/" + f.sessionId + "/questions/" + a + "/moderation")
                .then()
                .statusCode(401);
        moderate(f, Tokens.OBSERVER, a, "APPROVE", null).statusCode(403);
        moderate(f, Tokens.OPERATOR1, a, "APPROVE", null).statusCode(403);
        given().header("Authorization", "Invitation " + f.token1)
                .contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE"))
                .post("/api/sessions/" + f.sessionId + "/questions/" + a + "/moderation")
                .then()
                .statusCode(403);
        moderate(f, Tokens.ORGANIZER, a, "MERGE", a)
                .statusCode(400)
                .body("code", equalTo("question.merge-target-invalid"));
        moderate(f, Tokens.ORGANIZER, a, "MERGE", null).statusCode(400);
        moderate(f, Tokens.ORGANIZER, a, "MERGE", 987654321L).statusCode(400);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/sessions/" + f.sessionId + "/questions/" + a + "/moderation")
                .then()
                .statusCode(400)
                .body("code", equalTo("question.action-required"));
        moderate(f, Tokens.ORGANIZER, 987654321L, "APPROVE", null).statusCode(404);
        FloorFixture other = FloorFixture.live();
        long foreign = askId(other, other.token1, "Câu hỏi của hội nghị khác");
        moderate(f, Tokens.ORGANIZER, foreign, "APPROVE", null).statusCode(404);
        moderate(f, Tokens.ORGANIZER, a, "MERGE", foreign).statusCode(400);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/questions?status=PENDING")
                .then()
                .body("id", hasSize(2));

        moderate(f, Tokens.ORGANIZER, b, "HIDE", null).statusCode(200);
        moderate(f, Tokens.ORGANIZER, a, "MERGE", b)
                .statusCode(409)
                .body("code", equalTo("question.merge-target-closed"));
        moderate(f, Tokens.ORGANIZER, a, "APPROVE", null).statusCode(200);
        moderate(f, Tokens.ORGANIZER, a, "APPROVE", null).statusCode(409).body("code", equalTo("question.already"));
        // a hidden question may be brought back
        moderate(f, Tokens.ORGANIZER, b, "APPROVE", null).statusCode(200);

        // only participants of this session ask
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("text", "Tôi là ban tổ chức"))
                .post("/api/sessions/" + f.sessionId + "/questions")
                .then()
                .statusCode(403);
        ask(f, other.token1, "Sai hội nghị").statusCode(403).body("code", equalTo("question.participants-only"));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Không đăng nhập"))
                .post("/api/sessions/" + f.sessionId + "/questions")
                .then()
                .statusCode(401);
        assertEquals(2, count(f.sessionId));
    }

    @Test
    void lengthAndRateLimitsPerDelegate() {
        FloorFixture f = FloorFixture.live();
        ask(f, f.token1, "  ").statusCode(400).body("code", equalTo("question.text-required"));
        ask(f, f.token1, null).statusCode(400);
        ask(f, f.token1, "ơ".repeat(501))
                .statusCode(400)
                .body("code", equalTo("question.too-long"))
                .body("detail", equalTo("Câu hỏi dài quá 500 ký tự."));
        assertEquals(0, count(f.sessionId));
        ask(f, f.token1, "ơ".repeat(500)).statusCode(201);
        for (int i = 2; i <= 5; i++) ask(f, f.token1, "Câu hỏi số " + i).statusCode(201);
        ask(f, f.token1, "Câu hỏi số 6")
                .statusCode(429)
                .body("code", equalTo("question.rate-limited"))
                .body(
                        "detail",
                        equalTo("Bạn đã gửi 5 câu hỏi trong 10 phút vừa qua. Vui lòng chờ một lát rồi gửi tiếp."));
        assertEquals(5, count(f.sessionId));
        // the limit is per delegate: another one still asks
        ask(f, f.token2, "Câu hỏi của người khác").statusCode(201);
        assertEquals(6, count(f.sessionId));

        FloorFixture ended = FloorFixture.live();
        ended.end();
        ask(ended, ended.token1, "Muộn rồi").statusCode(409).body("code", equalTo("question.session-not-open"));
        assertEquals(0, count(ended.sessionId));
    }
}
