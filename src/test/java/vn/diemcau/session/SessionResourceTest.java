package vn.diemcau.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class SessionResourceTest {

    static Map<String, Object> body(String title) {
        return Map.of(
                "title", title,
                "kind", "TRAINING",
                "location", "Hội trường lớn Tỉnh ủy",
                "startsAt", "2026-12-03T08:00:00+07:00",
                "endsAt", "2026-12-03T11:30:00+07:00",
                "videoLink", "https://bridge.example.vn/room/42");
    }

    static long create(String title) {
        return Fixtures.create("/api/sessions", body(title));
    }

    @Test
    void organizerCreatesSessionWithVietnameseTitleStoredInUtc() {
        String title = "Hội nghị tập huấn công tác bảo vệ chính trị nội bộ " + UUID.randomUUID();
        long id = create(title);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo(title))
                .body("status", equalTo("DRAFT"))
                .body("startsAt", equalTo("2026-12-03T01:00:00Z"))
                .body("nextStatuses", hasItem("SCHEDULED"))
                .body("createdBy", equalTo(Tokens.username(Tokens.ORGANIZER)));
    }

    @Test
    void onlyValidTransitionsAreAccepted() {
        long id = create("Chuyển trạng thái " + UUID.randomUUID());
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + id + "/schedule")
                .then()
                .statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + id + "/restore")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("session.invalid-transition"))
                .body("detail", containsString("SCHEDULED"));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + id + "/restore")
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void schedulingNeedsTimesAndChangesNothingOtherwise() {
        long id = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Chưa có giờ", "kind", "CONFERENCE"))
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .post("/api/sessions/" + id + "/schedule")
                .then()
                .statusCode(409)
                .body("detail", containsString("start and an end"));
        Tokens.as(Tokens.ORGANIZER).get("/api/sessions/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void badInputGetsProblemJsonInTheCallersLanguage() {
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("title", " ", "kind", "CONFERENCE"))
                .post("/api/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation"))
                .body("errors.field", hasItem("title"))
                .body("title", equalTo("Yêu cầu không hợp lệ"));
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en-US,en;q=0.9")
                .contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"kind\": \"PARTY\"}")
                .post("/api/sessions")
                .then()
                .statusCode(400)
                .body("title", equalTo("Bad request"))
                .body("detail", containsString("kind"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body("{not json")
                .post("/api/sessions")
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-json"));
        var b = new java.util.HashMap<>(body("Ngược giờ"));
        b.put("endsAt", "2026-12-03T07:00:00+07:00");
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/sessions")
                .then()
                .statusCode(400)
                .body("code", equalTo("session.ends-before-start"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/987654321")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.session"));
    }

    @Test
    void staleVersionIsRefused() {
        long id = create("Phiên bản " + UUID.randomUUID());
        var b = new java.util.HashMap<>(body("Sửa lần 1"));
        b.put("version", 0);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .put("/api/sessions/" + id)
                .then()
                .statusCode(200);
        b.put("title", "Sửa lần 2 từ bản cũ");
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .put("/api/sessions/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale"));
        Tokens.as(Tokens.ORGANIZER).get("/api/sessions/" + id).then().body("title", equalTo("Sửa lần 1"));
    }

    @Test
    void roleMatrix() {
        long id = create("Phân quyền " + UUID.randomUUID());
        given().get("/api/sessions").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forged(Tokens.OBSERVER))
                .post("/api/sessions/" + id + "/cancel")
                .then()
                .statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/sessions").then().statusCode(401);
        Tokens.as(Tokens.NOBODY).get("/api/sessions").then().statusCode(403).body("code", equalTo("forbidden"));
        Tokens.as(Tokens.OBSERVER).get("/api/sessions/" + id).then().statusCode(200);
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(body("x"))
                .post("/api/sessions")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OBSERVER)
                .post("/api/sessions/" + id + "/cancel")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(body("x"))
                .put("/api/sessions/" + id)
                .then()
                .statusCode(403);
        // An operator sees only the sessions of the points assigned to them: none here.
        Tokens.as(Tokens.OPERATOR1).get("/api/sessions/" + id).then().statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void auditRecordsWhoChangedWhat() {
        long id = create("Nhật ký " + UUID.randomUUID());
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + id + "/schedule")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", id)
                .get("/api/audit-events")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("session.created"))
                .body("items.action", hasItem("session.status.scheduled"))
                .body("items[0].actor", equalTo(Tokens.username(Tokens.ORGANIZER)))
                .body("total", equalTo(2));
        Tokens.as(Tokens.OBSERVER).get("/api/audit-events").then().statusCode(403);
    }

    @Test
    void hostUnitIsSnapshottedAndCannotBeDeletedWhileItHostsASession() {
        String name = "Ban Tổ chức Tỉnh ủy " + UUID.randomUUID();
        long unitId = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "level", "PARTY_COMMITTEE"))
                .post("/api/units")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        var b = new java.util.HashMap<>(body("Hội nghị của " + name));
        b.put("hostUnitId", unitId);
        long id = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/sessions")
                .then()
                .statusCode(201)
                .body("hostUnitName", equalTo(name))
                .extract()
                .jsonPath()
                .getLong("id");
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name + " (đổi tên)", "level", "PARTY_COMMITTEE", "version", 0))
                .put("/api/units/" + unitId)
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER).get("/api/sessions/" + id).then().body("hostUnitName", equalTo(name));
        Tokens.as(Tokens.ORGANIZER).delete("/api/units/" + unitId).then().statusCode(409);
        Tokens.as(Tokens.ORGANIZER).get("/api/units/" + unitId).then().statusCode(200);
    }

    @Test
    void meTellsWhoIsCalling() {
        given().get("/api/me").then().statusCode(200).body("authenticated", equalTo(false));
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(Tokens.username(Tokens.OPERATOR1)))
                .body("roles", hasItem("operator"))
                .body("displayName", notNullValue());
    }
}
