package vn.diemcau.agenda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class AgendaResourceTest {

    /** A session on 3 Dec 2026, 08:00–11:30 Hanoi time (01:00–04:30 UTC), or without times. */
    static long session(boolean withTimes) {
        return Fixtures.session(
                "Hội nghị tập huấn công tác bảo vệ chính trị nội bộ " + UUID.randomUUID(),
                "TRAINING",
                withTimes ? "2026-12-03T08:00:00+07:00" : null,
                withTimes ? "2026-12-03T11:30:00+07:00" : null);
    }

    static Map<String, Object> item(String title, String plannedStart, int minutes) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("durationMinutes", minutes);
        if (plannedStart != null) b.put("plannedStart", plannedStart);
        return b;
    }

    static JsonPath add(long sid, Map<String, Object> body) {
        return Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    static long addId(long sid, String title, String plannedStart, int minutes) {
        return add(sid, item(title, plannedStart, minutes)).getLong("id");
    }

    static JsonPath agenda(long sid) {
        return Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static List<Long> ids(long sid) {
        return agenda(sid).getList("id", Long.class);
    }

    @Test
    void itemsFollowOneAnotherFromTheSessionStartAndFixedStartsArrivingInHanoiTimeAreStoredInUtc() {
        long sid = session(true);
        Map<String, Object> opening = item("Khai mạc hội nghị", null, 15);
        opening.put("presenter", "Đồng chí Phó Bí thư Thường trực Tỉnh ủy");
        opening.put("notes", "Giới thiệu đại biểu\r\ntại Hội trường Tỉnh ủy và các điểm cầu  ");
        JsonPath created = add(sid, opening);
        assertEquals(1, created.getInt("position"));
        assertEquals("2026-12-03T01:00:00Z", created.getString("plannedStart"));
        assertEquals("2026-12-03T01:15:00Z", created.getString("plannedEnd"));
        assertEquals(true, created.getBoolean("startIsComputed"));
        assertEquals("PENDING", created.getString("status"));
        assertEquals("Đồng chí Phó Bí thư Thường trực Tỉnh ủy", created.getString("presenter"));
        assertEquals("Giới thiệu đại biểu\ntại Hội trường Tỉnh ủy và các điểm cầu", created.getString("notes"));

        addId(sid, "Phát biểu chỉ đạo", null, 20);
        addId(sid, "Chuyên đề 1: Quy định 126-QĐ/TW", "2026-12-03T08:45:00+07:00", 60);
        addId(sid, "Nghỉ giải lao", null, 15);

        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(200)
                .body("position", contains(1, 2, 3, 4))
                .body("sessionId", contains((int) sid, (int) sid, (int) sid, (int) sid))
                .body(
                        "plannedStart",
                        contains(
                                "2026-12-03T01:00:00Z",
                                "2026-12-03T01:15:00Z",
                                "2026-12-03T01:45:00Z",
                                "2026-12-03T02:45:00Z"))
                .body(
                        "plannedEnd",
                        contains(
                                "2026-12-03T01:15:00Z",
                                "2026-12-03T01:35:00Z",
                                "2026-12-03T02:45:00Z",
                                "2026-12-03T03:00:00Z"))
                .body("startIsComputed", contains(true, true, false, true))
                .body("overlapsNext", contains(false, false, false, false))
                .body("endsAfterSession", contains(false, false, false, false))
                .body("title[2]", equalTo("Chuyên đề 1: Quy định 126-QĐ/TW"));
    }

    @Test
    void editingWarnsAboutOverlapsAndOverrunsAndRefusesStaleVersions() {
        long sid = session(true);
        long speech = addId(sid, "Phát biểu chỉ đạo", null, 20);
        addId(sid, "Chuyên đề 1", "2026-12-03T08:30:00+07:00", 60);
        long discussion = addId(sid, "Thảo luận", null, 90);

        Map<String, Object> longer = item("Phát biểu chỉ đạo của Thường trực Tỉnh ủy", null, 40);
        longer.put("version", 0);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(longer)
                .put("/api/sessions/" + sid + "/agenda/" + speech)
                .then()
                .statusCode(200)
                .body("title", equalTo("Phát biểu chỉ đạo của Thường trực Tỉnh ủy"))
                .body("plannedEnd", equalTo("2026-12-03T01:40:00Z"))
                .body("overlapsNext", equalTo(true))
                .body("version", equalTo(1));
        // 09:30 + 90 min = 11:00, then 60 more runs past the 11:30 end.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(item("Thảo luận", null, 150))
                .put("/api/sessions/" + sid + "/agenda/" + discussion)
                .then()
                .statusCode(200)
                .body("plannedEnd", equalTo("2026-12-03T05:00:00Z"))
                .body("endsAfterSession", equalTo(true));

        longer.put("title", "Sửa từ bản cũ");
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(longer)
                .put("/api/sessions/" + sid + "/agenda/" + speech)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale"));
        assertEquals("Phát biểu chỉ đạo của Thường trực Tỉnh ủy", agenda(sid).getString("title[0]"));
    }

    @Test
    void withoutASessionStartOnlyFixedStartsGiveTimes() {
        long sid = session(false);
        addId(sid, "Khai mạc", null, 30);
        addId(sid, "Chuyên đề 2: Hướng dẫn 19-HD/BTCTW", "2026-12-03T09:00:00+07:00", 45);
        addId(sid, "Bế mạc", null, 15);
        JsonPath a = agenda(sid);
        assertNull(a.getString("plannedStart[0]"));
        assertNull(a.getString("plannedEnd[0]"));
        assertEquals("2026-12-03T02:45:00Z", a.getString("plannedStart[2]"));
        assertEquals(false, a.getBoolean("endsAfterSession[2]"));
    }

    @Test
    void deletingAnItemClosesTheGapAndTheNextItemMovesUp() {
        long sid = session(true);
        long a = addId(sid, "Khai mạc", null, 15);
        long b = addId(sid, "Phát biểu chỉ đạo", null, 20);
        long c = addId(sid, "Chuyên đề 1", null, 60);
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/agenda/" + b)
                .then()
                .statusCode(204);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/agenda")
                .then()
                .body("id", contains((int) a, (int) c))
                .body("position", contains(1, 2))
                .body("plannedStart[1]", equalTo("2026-12-03T01:15:00Z"));
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/agenda/" + b)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.agenda-item"));

        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .queryParam("action", "agenda.")
                .get("/api/audit-events")
                .then()
                .statusCode(200)
                .body("items.action", hasItems("agenda.item.created", "agenda.item.deleted"))
                .body("total", equalTo(4));
    }

    @Test
    void anItemIsReachedOnlyThroughItsOwnSession() {
        long sid = session(true);
        long other = session(true);
        long item = addId(sid, "Khai mạc", null, 15);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(item("Chiếm chỗ", null, 5))
                .put("/api/sessions/" + other + "/agenda/" + item)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.agenda-item"));
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + other + "/agenda/" + item)
                .then()
                .statusCode(404);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/987654321/agenda")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.session"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(item("Không có hội nghị", null, 5))
                .post("/api/sessions/987654321/agenda")
                .then()
                .statusCode(404);
        assertEquals("Khai mạc", agenda(sid).getString("title[0]"));
        assertEquals(List.of(), ids(other));
    }

    @Test
    void reorderRewritesPositionsAndRecomputesTimes() {
        long sid = session(true);
        long a = addId(sid, "Khai mạc", null, 15);
        long b = addId(sid, "Phát biểu chỉ đạo", null, 20);
        long c = addId(sid, "Chuyên đề 1", null, 60);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("itemIds", List.of(c, a, b)))
                .put("/api/sessions/" + sid + "/agenda/order")
                .then()
                .statusCode(200)
                .body("id", contains((int) c, (int) a, (int) b))
                .body("position", contains(1, 2, 3))
                .body("plannedStart", contains("2026-12-03T01:00:00Z", "2026-12-03T02:00:00Z", "2026-12-03T02:15:00Z"));
        assertEquals(List.of(c, a, b), ids(sid));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .queryParam("action", "agenda.reordered")
                .get("/api/audit-events")
                .then()
                .body("items[0].detail", equalTo(c + "," + a + "," + b));
    }

    @Test
    void reorderWithADifferentSetIsRefusedAndChangesNothing() {
        long sid = session(true);
        long other = session(true);
        long a = addId(sid, "Khai mạc", null, 15);
        long b = addId(sid, "Phát biểu chỉ đạo", null, 20);
        long c = addId(sid, "Chuyên đề 1", null, 60);
        long foreign = addId(other, "Nội dung của hội nghị khác", null, 10);
        List<List<Long>> wrong = List.of(
                List.of(c, a), // one missing
                List.of(c, a, b, foreign), // one too many
                List.of(c, a, foreign), // one swapped for another session's item
                List.of(c, a, a), // a duplicate
                List.of());
        for (List<Long> ids : wrong) {
            Tokens.as(Tokens.ORGANIZER)
                    .contentType(ContentType.JSON)
                    .body(Map.of("itemIds", ids))
                    .put("/api/sessions/" + sid + "/agenda/order")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("agenda.order-mismatch"))
                    .body(
                            "detail",
                            equalTo("Thứ tự mới phải liệt kê đúng 3 nội dung hiện có của chương trình,"
                                    + " mỗi nội dung đúng một lần."));
        }
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body("{\"itemIds\": null}")
                .put("/api/sessions/" + sid + "/agenda/order")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation"))
                .body("errors.field", hasItem("itemIds"));
        assertEquals(List.of(a, b, c), ids(sid));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/agenda")
                .then()
                .body("position", contains(1, 2, 3))
                .body("version", contains(0, 0, 0));
        assertEquals(List.of(foreign), ids(other));
    }

    @Test
    void badInputIsExplainedInTheCallersLanguageAndNothingIsCreated() {
        long sid = session(true);
        addId(sid, "Khai mạc", null, 15);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(item("  ", null, 15))
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(400)
                .body("code", equalTo("validation"))
                .body("errors.find { it.field == 'title' }.message", equalTo("không được để trống"));
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(item("  ", null, 15))
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'title' }.message", equalTo("must not be blank"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(item("x".repeat(501), null, 0))
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'title' }.message", equalTo("độ dài tối đa là 500"))
                .body("errors.find { it.field == 'durationMinutes' }.message", equalTo("phải lớn hơn hoặc bằng 1"));
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(item("Thảo luận", null, 601))
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(400)
                .body(
                        "errors.find { it.field == 'durationMinutes' }.message",
                        equalTo("must be less than or equal to 600"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Thiếu thời lượng"))
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(400)
                .body("errors.find { it.field == 'durationMinutes' }.message", equalTo("là thông tin bắt buộc"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body("{\"title\": \"Giờ sai\", \"durationMinutes\": 10, \"plannedStart\": \"8 giờ sáng\"}")
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-json.field"));
        assertEquals(1, ids(sid).size());
    }

    @Test
    void onceTheSessionIsCancelledTheAgendaCanNoLongerChange() {
        long sid = session(true);
        long a = addId(sid, "Khai mạc", null, 15);
        long b = addId(sid, "Bế mạc", null, 10);
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/cancel")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(item("Thêm sau khi hủy", null, 10))
                .post("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(409)
                .body("code", equalTo("session.not-editable"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(item("Sửa sau khi hủy", null, 10))
                .put("/api/sessions/" + sid + "/agenda/" + a)
                .then()
                .statusCode(409)
                .body("code", equalTo("session.not-editable"));
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/agenda/" + a)
                .then()
                .statusCode(409);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("itemIds", List.of(b, a)))
                .put("/api/sessions/" + sid + "/agenda/order")
                .then()
                .statusCode(409)
                .body("code", equalTo("session.not-editable"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/agenda")
                .then()
                .statusCode(200)
                .body("id", contains((int) a, (int) b))
                .body("title", contains("Khai mạc", "Bế mạc"));
    }

    @Test
    void roleMatrix() {
        long sid = session(true);
        long a = addId(sid, "Khai mạc", null, 15);
        String base = "/api/sessions/" + sid + "/agenda";
        given().get(base).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(item("Không đăng nhập", null, 5))
                .post(base)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.forged(Tokens.OBSERVER))
                .contentType(ContentType.JSON)
                .body(item("Giả mạo", null, 5))
                .post(base)
                .then()
                .statusCode(401);
        Tokens.as(Tokens.NOBODY).get(base).then().statusCode(403);
        Tokens.as(Tokens.OBSERVER).get(base).then().statusCode(200).body("title", contains("Khai mạc"));
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(item("Quan sát viên thêm", null, 5))
                .post(base)
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(item("Quan sát viên sửa", null, 5))
                .put(base + "/" + a)
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OBSERVER).delete(base + "/" + a).then().statusCode(403);
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(Map.of("itemIds", List.of(a)))
                .put(base + "/order")
                .then()
                .statusCode(403);
        // No point of this session is assigned to the operator: they may not even read it.
        Tokens.as(Tokens.OPERATOR1).get(base).then().statusCode(403).contentType("application/problem+json");
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(item("Vận hành viên thêm", null, 5))
                .post(base)
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER2)
                .contentType(ContentType.JSON)
                .body(item("Người tổ chức khác thêm", null, 5))
                .post(base)
                .then()
                .statusCode(201);
        assertEquals(2, ids(sid).size());
        assertEquals("Khai mạc", agenda(sid).getString("title[0]"));
    }

    @Test
    void copyingTheSessionCarriesTheAgendaMovedWithItsStart() {
        long sid = session(true);
        long opening = addId(sid, "Khai mạc", null, 30);
        addId(sid, "Chuyên đề 1: Quy định 126-QĐ/TW", "2026-12-03T09:00:00+07:00", 45);
        addId(sid, "Bế mạc", null, 15);
        Instant started = Instant.parse("2026-12-03T01:00:00Z");
        // The source already ran its first item: the copy must start afresh.
        QuarkusTransaction.requiringNew()
                .run(() -> AgendaItem.update(
                        "status = ?1, actualStart = ?2, actualEnd = ?3 where id = ?4",
                        AgendaItemStatus.DONE,
                        started,
                        started.plusSeconds(1800),
                        opening));

        long moved = copy(sid, "2027-01-14T07:30:00+07:00");
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + moved + "/agenda")
                .then()
                .statusCode(200)
                .body("title", contains("Khai mạc", "Chuyên đề 1: Quy định 126-QĐ/TW", "Bế mạc"))
                .body("position", contains(1, 2, 3))
                .body("status", contains("PENDING", "PENDING", "PENDING"))
                .body("startIsComputed", contains(true, false, true))
                .body("plannedStart", contains("2027-01-14T00:30:00Z", "2027-01-14T01:30:00Z", "2027-01-14T02:15:00Z"))
                .body("sessionId[0]", equalTo((int) moved));
        QuarkusTransaction.requiringNew().run(() -> {
            for (AgendaItem i : AgendaItem.ofSession(moved)) {
                assertNull(i.actualStart);
                assertNull(i.actualEnd);
            }
        });

        long undated = copy(sid, null);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + undated + "/agenda")
                .then()
                .body(
                        "plannedStart",
                        contains(nullValue(), equalTo("2026-12-03T02:00:00Z"), equalTo("2026-12-03T02:45:00Z")));

        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/agenda")
                .then()
                .body("status", contains("DONE", "PENDING", "PENDING"))
                .body("plannedStart[1]", equalTo("2026-12-03T02:00:00Z"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", moved)
                .queryParam("action", "agenda.copied")
                .get("/api/audit-events")
                .then()
                .body("items", hasSize(1));
    }

    private static long copy(long sid, String startsAt) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", "Bản sao " + UUID.randomUUID());
        if (startsAt != null) b.put("startsAt", startsAt);
        return Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/sessions/" + sid + "/copy")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
