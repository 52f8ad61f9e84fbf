package vn.diemcau.point;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class PointResourceTest {
    final String OP1 = Tokens.username(Tokens.OPERATOR1);
    final String OP2 = Tokens.username(Tokens.OPERATOR2);

    static String uid() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static long session(String title) {
        return Fixtures.session(title, "CONFERENCE", null, null);
    }

    static long unit(Long parentId, String name, String level) {
        return Fixtures.unit(parentId, "U" + uid(), name, level);
    }

    static void editUnit(long id, Long parentId, String name, String level) {
        Map<String, Object> b = new HashMap<>();
        b.put("parentId", parentId);
        b.put(
                "code",
                Tokens.as(Tokens.ORGANIZER).get("/api/units/" + id).jsonPath().getString("code"));
        b.put("name", name);
        b.put("level", level);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .put("/api/units/" + id)
                .then()
                .statusCode(200);
    }

    static JsonPath create(long sid, Map<String, ?> body) {
        return Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static JsonPath list(long sid) {
        return Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void nameDefaultsToTheUnitOneMainHallAndVietnameseOrder() {
        String u = uid();
        long province = unit(null, "Tỉnh Quảng Trị " + u, "PROVINCE");
        long commune = unit(province, "Xã Gio Mỹ " + u, "COMMUNE");
        long sid = session("Điểm cầu " + u);

        JsonPath main = create(sid, Map.of("unitId", province, "mainHall", true, "expectedCount", 120));
        assertEquals("Tỉnh Quảng Trị " + u, main.getString("name"));
        assertEquals("PROVINCE", main.getString("unitLevel"));
        assertEquals(true, main.getBoolean("mainHall"));
        assertEquals(120, main.getInt("expectedCount"));
        assertEquals(0, main.getInt("delegateCount"));
        JsonPath c = create(sid, Map.of("unitId", commune, "expectedCount", 40, "operators", List.of(" " + OP1 + " ")));
        assertEquals("Xã Gio Mỹ " + u, c.getString("unitName"));
        assertEquals("Tỉnh Quảng Trị " + u + " › Xã Gio Mỹ " + u, c.getString("unitPath"));
        assertEquals(List.of(OP1), c.getList("operators"));
        create(sid, Map.of("name", "Điểm B", "sortOrder", 2));
        create(sid, Map.of("name", "Điểm Z", "sortOrder", 5));
        create(sid, Map.of("name", "Điểm Ă", "sortOrder", 5));
        // Main hall first, then sort order, then name the Vietnamese way (Ă before Z, unlike code points).
        assertEquals(
                List.of("Tỉnh Quảng Trị " + u, "Xã Gio Mỹ " + u, "Điểm B", "Điểm Ă", "Điểm Z"),
                list(sid).getList("name"));

        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Hội trường B", "mainHall", true))
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(409)
                .body("code", equalTo("point.main-hall-taken"))
                .body("detail", containsString("Tỉnh Quảng Trị " + u));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("unitId", commune, "mainHall", true, "version", 0))
                .put("/api/sessions/" + sid + "/points/" + c.getLong("id"))
                .then()
                .statusCode(409)
                .body("code", equalTo("point.main-hall-taken"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("expectedCount", 10))
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(400)
                .body("code", equalTo("point.name-required"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Âm", "expectedCount", -1))
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("expectedCount"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("unitId", 987654321))
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.unit"));
        assertEquals(5, list(sid).getList("id").size(), "refused requests created nothing");
        assertEquals(false, list(sid).getBoolean("find { it.id == " + c.getLong("id") + " }.mainHall"));
    }

    @Test
    void editAndDeleteWithVersionsAndAudit() {
        String u = uid();
        long sid = session("Sửa điểm cầu " + u);
        long pid = create(sid, Map.of("name", "Điểm cầu Cam Lộ", "expectedCount", 60))
                .getLong("id");
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "  Điểm cầu   huyện Cam Lộ ", "expectedCount", 80, "version", 0))
                .put("/api/sessions/" + sid + "/points/" + pid)
                .then()
                .statusCode(200)
                .body("name", equalTo("Điểm cầu huyện Cam Lộ"))
                .body("expectedCount", equalTo(80))
                .body("version", equalTo(1));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Bản cũ", "version", 0))
                .put("/api/sessions/" + sid + "/points/" + pid)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale"));
        assertEquals("Điểm cầu huyện Cam Lộ", list(sid).getString("[0].name"));
        long other = session("Phiên khác " + u);
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + other + "/points/" + pid)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.point"));
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/points/" + pid)
                .then()
                .statusCode(204);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/points/" + pid)
                .then()
                .statusCode(404);
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .get("/api/audit-events")
                .then()
                .body("items.action", hasItem("point.created"))
                .body("items.action", hasItem("point.updated"))
                .body("items.action", hasItem("point.deleted"))
                .body("items.find { it.action == 'point.deleted' }.pointId", equalTo((int) pid));
    }

    @Test
    void deletingAPointWithDelegatesNeedsForce() {
        long sid = session("Có đại biểu " + uid());
        long pid = create(sid, Map.of("name", "Điểm cầu đông người")).getLong("id");
        for (String name : List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")) {
            Tokens.as(Tokens.ORGANIZER)
                    .contentType(ContentType.JSON)
                    .body(Map.of("fullName", name, "unitName", "Huyện Gio Linh", "pointId", pid))
                    .post("/api/sessions/" + sid + "/delegates")
                    .then()
                    .statusCode(201);
        }
        assertEquals(3, list(sid).getInt("[0].delegateCount"));
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/points/" + pid)
                .then()
                .statusCode(409)
                .body("code", equalTo("point.has-delegates"))
                .body("detail", containsString("3"));
        assertEquals(1, list(sid).getList("id").size());
        assertEquals(
                0, PointEvents.DELETED.stream().filter(e -> e.pointId() == pid).count());
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("force", true)
                .delete("/api/sessions/" + sid + "/points/" + pid)
                .then()
                .statusCode(204);
        assertEquals(
                List.of(new PointDeleted(sid, pid)),
                PointEvents.DELETED.stream().filter(e -> e.pointId() == pid).toList());
        assertEquals(0, list(sid).getList("id").size());
        // The delegates stay on the roster, now without a point.
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/delegates")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.pointId", everyItem(nullValue()));
    }

    @Test
    void theSessionKeepsTheUnitAsItWasWhenThePointWasCreated() {
        String u = uid();
        long province = unit(null, "Tỉnh Quảng Trị " + u, "PROVINCE");
        long district = unit(province, "Huyện Gio Linh " + u, "DISTRICT");
        long commune = unit(district, "Xã Gio Mỹ " + u, "COMMUNE");
        long before = session("Trước sắp xếp " + u);
        long pid = create(before, Map.of("unitId", commune)).getLong("id");

        // July 2025: the district goes, the commune is renamed and moves under the province.
        editUnit(commune, province, "Xã Gio Linh " + u, "COMMUNE");
        editUnit(province, null, "Tỉnh Quảng Trị (mới) " + u, "PROVINCE");
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/units/" + district + "/retire")
                .then()
                .statusCode(200);

        JsonPath old = list(before);
        assertEquals("Xã Gio Mỹ " + u, old.getString("[0].name"));
        assertEquals("Xã Gio Mỹ " + u, old.getString("[0].unitName"));
        assertEquals(
                "Tỉnh Quảng Trị " + u + " › Huyện Gio Linh " + u + " › Xã Gio Mỹ " + u, old.getString("[0].unitPath"));
        assertEquals(commune, old.getLong("[0].unitId"));
        // Editing the old point without changing its unit keeps the snapshot too.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("unitId", commune, "expectedCount", 45))
                .put("/api/sessions/" + before + "/points/" + pid)
                .then()
                .statusCode(200)
                .body("name", equalTo("Xã Gio Mỹ " + u))
                .body("unitPath", equalTo("Tỉnh Quảng Trị " + u + " › Huyện Gio Linh " + u + " › Xã Gio Mỹ " + u));

        long after = session("Sau sắp xếp " + u);
        JsonPath now = create(after, Map.of("unitId", commune));
        assertEquals("Xã Gio Linh " + u, now.getString("unitName"));
        assertEquals("Tỉnh Quảng Trị (mới) " + u + " › Xã Gio Linh " + u, now.getString("unitPath"));
        // A retired unit takes no new point.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("unitId", district))
                .post("/api/sessions/" + after + "/points")
                .then()
                .statusCode(409)
                .body("code", equalTo("point.unit-retired"));
    }

    @Test
    void bulkCreatesOnePointPerCommuneOfTheProvinceAndSkipsThoseAlreadyThere() {
        String u = uid();
        long province = unit(null, "Tỉnh " + u, "PROVINCE");
        long d1 = unit(province, "Huyện Một " + u, "DISTRICT");
        long d2 = unit(province, "Huyện Hai " + u, "DISTRICT");
        long c1 = unit(d1, "Xã An " + u, "COMMUNE");
        unit(d1, "Xã Bình " + u, "COMMUNE");
        unit(d2, "Xã Cường " + u, "COMMUNE");
        unit(province, "Phường Đông " + u, "COMMUNE");
        long retired = unit(d2, "Xã Đã Nhập " + u, "COMMUNE");
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/units/" + retired + "/retire")
                .then()
                .statusCode(200);
        long elsewhere = unit(null, "Tỉnh Khác " + u, "PROVINCE");
        unit(elsewhere, "Xã Ngoài " + u, "COMMUNE");
        long sid = session("Toàn tỉnh " + u);
        create(sid, Map.of("unitId", province, "mainHall", true));
        create(sid, Map.of("unitId", c1, "expectedCount", 30));

        Map<String, Object> bulk = Map.of("parentUnitId", province, "level", "COMMUNE", "expectedCount", 50);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(bulk)
                .post("/api/sessions/" + sid + "/points/bulk")
                .then()
                .statusCode(200)
                .body("skipped", equalTo(1))
                .body("created", hasSize(3))
                .body("created.name", equalTo(List.of("Xã Cường " + u, "Xã Bình " + u, "Phường Đông " + u)))
                .body("created.expectedCount", everyItem(equalTo(50)))
                .body("created.unitLevel", everyItem(equalTo("COMMUNE")))
                .body("created[0].unitPath", equalTo("Tỉnh " + u + " › Huyện Hai " + u + " › Xã Cường " + u));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(bulk)
                .post("/api/sessions/" + sid + "/points/bulk")
                .then()
                .statusCode(200)
                .body("created", empty())
                .body("skipped", equalTo(4));
        JsonPath all = list(sid);
        assertEquals(5, all.getList("id").size());
        assertEquals("Tỉnh " + u, all.getString("[0].name"));
        assertEquals(30, all.getInt("find { it.unitId == " + c1 + " }.expectedCount"));

        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("parentUnitId", 987654321, "level", "COMMUNE"))
                .post("/api/sessions/" + sid + "/points/bulk")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.unit"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("parentUnitId", province))
                .post("/api/sessions/" + sid + "/points/bulk")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("level"));
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(bulk)
                .post("/api/sessions/" + sid + "/points/bulk")
                .then()
                .statusCode(403);
        assertEquals(5, list(sid).getList("id").size());
    }

    @Test
    void operatorsReadTheirSessionsPointsAndChangeNothing() {
        String u = uid();
        long sid = session("Vận hành " + u);
        long a = create(sid, Map.of("name", "Điểm A " + u)).getLong("id");
        long b = create(sid, Map.of("name", "Điểm B " + u)).getLong("id");
        long other = session("Phiên của người khác " + u);
        create(other, Map.of("name", "Điểm C " + u, "operators", List.of(OP2)));

        // Before any assignment the operator sees nothing of the session (and their assignments,
        // now read, are kept a few seconds: the assignment below must clear them at once).
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("operators", List.of(OP1, " " + OP1.toUpperCase() + " ")))
                .put("/api/sessions/" + sid + "/points/" + a + "/operators")
                .then()
                .statusCode(200)
                .body("operators", equalTo(List.of(OP1)));

        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of((int) a, (int) b)))
                .body("[0].operators", equalTo(List.of(OP1)));
        Tokens.as(Tokens.OPERATOR1).get("/api/sessions/" + sid).then().statusCode(200);
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + sid + "/points/" + b)
                .then()
                .statusCode(200);
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Điểm mới"))
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Đổi tên"))
                .put("/api/sessions/" + sid + "/points/" + a)
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(Map.of("operators", List.of(OP1, OP2)))
                .put("/api/sessions/" + sid + "/points/" + a + "/operators")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .delete("/api/sessions/" + sid + "/points/" + b)
                .then()
                .statusCode(403);
        // Operators of another session, or of none, get nothing.
        Tokens.as(Tokens.OPERATOR2)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR2)
                .get("/api/sessions/" + other + "/points")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.OPERATOR3)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + other + "/points")
                .then()
                .statusCode(403);
        // Observers read everything and change nothing.
        Tokens.as(Tokens.OBSERVER)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Điểm của người xem"))
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OBSERVER)
                .delete("/api/sessions/" + sid + "/points/" + a)
                .then()
                .statusCode(403);
        given().get("/api/sessions/" + sid + "/points").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forged(Tokens.OPERATOR1))
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(401);
        Tokens.as(Tokens.NOBODY).get("/api/sessions/" + sid + "/points").then().statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/987654321/points")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.session"));
        JsonPath unchanged = list(sid);
        assertEquals(List.of("Điểm A " + u, "Điểm B " + u), unchanged.getList("name"));
        assertEquals(List.of(OP1), unchanged.getList("[0].operators"));

        // Unassigned again: the session is closed to them.
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("operators", List.of()))
                .put("/api/sessions/" + sid + "/points/" + a + "/operators")
                .then()
                .statusCode(200)
                .body("operators", empty());
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .queryParam("action", "point.operators")
                .get("/api/audit-events")
                .then()
                .body("total", equalTo(2));
    }

    @Test
    void pointsChangeOnlyWhileTheSessionIsBeingPrepared() {
        long sid = session("Đã hủy " + uid());
        long pid = create(sid, Map.of("name", "Điểm cầu")).getLong("id");
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/cancel")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Thêm"))
                .post("/api/sessions/" + sid + "/points")
                .then()
                .statusCode(409)
                .body("code", equalTo("session.not-editable"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("operators", List.of(OP1)))
                .put("/api/sessions/" + sid + "/points/" + pid + "/operators")
                .then()
                .statusCode(409);
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/points/" + pid)
                .then()
                .statusCode(409);
        JsonPath l = list(sid);
        assertEquals(List.of("Điểm cầu"), l.getList("name"));
        assertEquals(List.of(), l.getList("[0].operators"));
    }

    @Test
    void copyingASessionCarriesPointsOperatorsAndSnapshots() {
        String u = uid();
        long province = unit(null, "Tỉnh " + u, "PROVINCE");
        long commune = unit(province, "Xã Cũ " + u, "COMMUNE");
        long sid = session("Gốc " + u);
        long main = create(sid, Map.of("unitId", province, "mainHall", true, "expectedCount", 130))
                .getLong("id");
        long point = create(sid, Map.of("unitId", commune, "expectedCount", 40, "operators", List.of(OP1)))
                .getLong("id");
        editUnit(commune, province, "Xã Mới " + u, "COMMUNE");

        long copy = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Bản sao " + u, "includeRoster", false))
                .post("/api/sessions/" + sid + "/copy")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath copied = list(copy);
        assertEquals(List.of("Tỉnh " + u, "Xã Cũ " + u), copied.getList("name"));
        assertEquals(List.of(true, false), copied.getList("mainHall"));
        assertEquals(List.of(130, 40), copied.getList("expectedCount"));
        assertEquals(List.of(List.of(), List.of(OP1)), copied.getList("operators"));
        assertEquals(
                "Tỉnh " + u + " › Xã Cũ " + u, copied.getString("[1].unitPath"), "the copy keeps the session's tree");
        assertEquals(commune, copied.getLong("[1].unitId"));
        long copiedMain = copied.getLong("[0].id");
        long copiedPoint = copied.getLong("[1].id");
        assertNotEquals(point, copiedPoint);

        PointsCopied event = PointEvents.COPIED.stream()
                .filter(e -> e.targetSessionId() == copy)
                .findFirst()
                .orElseThrow();
        assertEquals(sid, event.sourceSessionId());
        assertEquals(Map.of(main, copiedMain, point, copiedPoint), event.pointIdMap());
        assertEquals(false, event.includeRoster());

        // The copied operator assignment opens the new session to its operator.
        Tokens.as(Tokens.OPERATOR1)
                .get("/api/sessions/" + copy + "/points")
                .then()
                .statusCode(200);
        // The copy is independent: changing it leaves the source alone.
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + copy + "/points/" + copiedPoint)
                .then()
                .statusCode(204);
        assertEquals(2, list(sid).getList("id").size());
    }
}
