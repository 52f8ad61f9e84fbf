package vn.diemcau.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.diemcau.roster.RosterFixtures.addDelegate;
import static vn.diemcau.roster.RosterFixtures.count;
import static vn.diemcau.roster.RosterFixtures.delegate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class DelegateResourceTest {

    static String unique(String s) {
        return s + " " + UUID.randomUUID();
    }

    static String path(long sid) {
        return "/api/sessions/" + sid + "/delegates";
    }

    @Test
    void organizerAddsEditsAndRemovesADelegate() {
        long sid = RosterFixtures.session(unique("Hội nghị"));
        long pid = RosterFixtures.point(sid, "Điểm cầu Huyện Tân Uyên");
        Map<String, Object> b = delegate("  Nguyễn   Hữu Quất ", "Sở Nội vụ", pid);
        b.put("phone", "0912 345 678");
        b.put("email", "quat@example.vn");
        long id = addDelegate(sid, b);
        Tokens.as(Tokens.ORGANIZER)
                .get(path(sid) + "/" + id)
                .then()
                .statusCode(200)
                .body("fullName", equalTo("Nguyễn Hữu Quất"))
                .body("pointId", equalTo((int) pid))
                .body("pointName", equalTo("Điểm cầu Huyện Tân Uyên"))
                .body("phone", equalTo("0912 345 678"))
                .body("invitationActive", equalTo(false))
                .body("version", equalTo(0));

        b.put("position", "Phó Giám đốc");
        b.put("pointId", null);
        b.put("version", 0);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .put(path(sid) + "/" + id)
                .then()
                .statusCode(200)
                .body("position", equalTo("Phó Giám đốc"))
                .body("pointId", nullValue())
                .body("version", equalTo(1));
        // the same stale version again is refused and changes nothing
        b.put("position", "Giám đốc");
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .put(path(sid) + "/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale"));
        Tokens.as(Tokens.ORGANIZER).get(path(sid) + "/" + id).then().body("position", equalTo("Phó Giám đốc"));

        Tokens.as(Tokens.ORGANIZER).delete(path(sid) + "/" + id).then().statusCode(204);
        Tokens.as(Tokens.ORGANIZER)
                .get(path(sid) + "/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.delegate"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .queryParam("action", "delegate.")
                .get("/api/audit-events")
                .then()
                .body("items.action", contains("delegate.deleted", "delegate.updated", "delegate.created"))
                .body("items[2].detail", equalTo("Nguyễn Hữu Quất — Sở Nội vụ"));
    }

    @Test
    void badInputIsExplainedAndChangesNothing() {
        long sid = RosterFixtures.session(unique("Dữ liệu sai"));
        long other = RosterFixtures.session(unique("Hội nghị khác"));
        long foreignPoint = RosterFixtures.point(other, "Điểm cầu của hội nghị khác");
        Map<String, Object> b = delegate("Trần Văn Bình", "UBND xã", null);
        b.put("phone", "12ab");
        b.put("email", "binh@");
        Tokens.as(Tokens.ORGANIZER)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(b)
                .post(path(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo("delegate.invalid"))
                .body("errors.field", contains("phone", "email"))
                .body("errors[0].message", containsString("phone number"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", " "))
                .post(path(sid))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("fullName"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(delegate("Trần Văn Bình", "UBND xã", foreignPoint))
                .post(path(sid))
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.point"));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(delegate("Trần Văn Bình", "UBND xã", null))
                .post("/api/sessions/987654321/delegates")
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.session"));
        assertEquals(0, count(sid));
    }

    @Test
    void rosterIsFrozenOnceTheSessionIsNoLongerBeingPrepared() {
        long sid = RosterFixtures.session(unique("Đã hủy"));
        long id = addDelegate(sid, delegate("Lê Thị Hoa", "Huyện ủy", null));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/cancel")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(delegate("Lê Văn Nam", "Huyện ủy", null))
                .post(path(sid))
                .then()
                .statusCode(409)
                .body("code", equalTo("session.not-editable"));
        Tokens.as(Tokens.ORGANIZER)
                .delete(path(sid) + "/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("session.not-editable"));
        assertEquals(1, count(sid));
    }

    @Test
    void vietnameseNameOrderByGivenNameThenTheRest() {
        long sid = RosterFixtures.session(unique("Thứ tự tên"));
        List<String> expected = List.of(
                "Nguyễn Văn An",
                "Lê Thị An",
                "Trần Thị Ánh",
                "Phạm Văn Ân",
                "Lê Bình",
                "Vũ Văn Dũng",
                "Hoàng Minh Đạt",
                "Đỗ Thị Hà",
                "Bùi Thị Hằng",
                "Đinh Văn Ý");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled);
        for (String name : shuffled) addDelegate(sid, delegate(name, null, null));
        List<String> names = Tokens.as(Tokens.ORGANIZER)
                .queryParam("size", 100)
                .get(path(sid))
                .then()
                .statusCode(200)
                .body("total", equalTo(expected.size()))
                .extract()
                .jsonPath()
                .getList("items.fullName");
        // "Lê Thị An" < "Nguyễn Văn An": same given name, then the whole name decides
        assertEquals(
                List.of(
                        "Lê Thị An",
                        "Nguyễn Văn An",
                        "Trần Thị Ánh",
                        "Phạm Văn Ân",
                        "Lê Bình",
                        "Vũ Văn Dũng",
                        "Hoàng Minh Đạt",
                        "Đỗ Thị Hà",
                        "Bùi Thị Hằng",
                        "Đinh Văn Ý"),
                names);
        // paging keeps that order
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("page", 1)
                .queryParam("size", 3)
                .get(path(sid))
                .then()
                .body("items.fullName", contains("Phạm Văn Ân", "Lê Bình", "Vũ Văn Dũng"))
                .body("page", equalTo(1))
                .body("size", equalTo(3))
                .body("total", equalTo(10));
    }

    @Test
    void searchIgnoresDiacriticsAndCaseAcrossNameUnitAndPosition() {
        long sid = RosterFixtures.session(unique("Tìm kiếm"));
        long pa = RosterFixtures.point(sid, "Điểm cầu A");
        long pb = RosterFixtures.point(sid, "Điểm cầu B");
        addDelegate(sid, delegate("Nguyễn Hữu Quất", "Ban Tổ chức Tỉnh ủy", pa));
        Map<String, Object> other = delegate("Nguyễn Thị Quyên", "Sở Giáo dục và Đào tạo", pb);
        other.put("category", "Khách mời");
        addDelegate(sid, other);
        addDelegate(sid, delegate("Đặng Văn Đức", "Huyện ủy Đức Trọng", pb));

        search(sid, "nguyen huu quat").body("items.fullName", contains("Nguyễn Hữu Quất"));
        search(sid, "NGUYỄN quất").body("items.fullName", contains("Nguyễn Hữu Quất"));
        search(sid, "dao tao").body("items.fullName", contains("Nguyễn Thị Quyên"));
        search(sid, "duc trong").body("items.fullName", contains("Đặng Văn Đức"));
        search(sid, "nguyen").body("total", equalTo(2));
        search(sid, "100%").body("items", empty());
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("pointId", pb)
                .queryParam("category", "Khách mời")
                .get(path(sid))
                .then()
                .body("items.fullName", contains("Nguyễn Thị Quyên"));
    }

    private static io.restassured.response.ValidatableResponse search(long sid, String q) {
        return Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", q)
                .get(path(sid))
                .then()
                .statusCode(200);
    }

    @Test
    void duplicatesAreRefusedUnlessConfirmedAndListedInGroups() {
        long sid = RosterFixtures.session(unique("Trùng tên"));
        long first = addDelegate(sid, delegate("Phạm Thị Lan", "Sở Y tế", null));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(delegate("pham thi LAN", "SỞ Y TẾ", null))
                .post(path(sid))
                .then()
                .statusCode(409)
                .body("code", equalTo("delegate.duplicate"))
                .body("detail", containsString("Phạm Thị Lan"))
                .body("detail", containsString("Sở Y tế"))
                .body("detail", containsString(String.valueOf(first)));
        assertEquals(1, count(sid));
        // same name in another unit is another person
        addDelegate(sid, delegate("Phạm Thị Lan", "Sở Tài chính", null));
        long second = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .queryParam("allowDuplicate", true)
                .body(delegate("pham thi LAN", "SỞ Y TẾ", null))
                .post(path(sid))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        // renaming another delegate into a twin is caught as well
        long third = addDelegate(sid, delegate("Phạm Thị Lanh", "Sở Y tế", null));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(delegate("Phạm Thị Lan", "Sở Y tế", null))
                .put(path(sid) + "/" + third)
                .then()
                .statusCode(409)
                .body("code", equalTo("delegate.duplicate"));

        Tokens.as(Tokens.OBSERVER)
                .get(path(sid) + "/duplicates")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].key", equalTo("pham thi lan | so y te"))
                .body("[0].delegates.id", contains((int) first, (int) second));
        Tokens.as(Tokens.OPERATOR1).get(path(sid) + "/duplicates").then().statusCode(403);
    }

    @Test
    void roleMatrix() {
        long sid = RosterFixtures.session(unique("Phân quyền đại biểu"));
        long pa = RosterFixtures.point(sid, "Điểm cầu A");
        long pb = RosterFixtures.point(sid, "Điểm cầu B");
        long a = addDelegate(sid, delegate("Hồ Văn A", "Xã A", pa));
        long b = addDelegate(sid, delegate("Hồ Văn B", "Xã B", pb));
        addDelegate(sid, delegate("Hồ Văn C", "Chưa xếp điểm", null));
        RosterFixtures.assignOperator(Tokens.OPERATOR2, sid, pb);

        given().get(path(sid)).then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forged(Tokens.OBSERVER))
                .get(path(sid))
                .then()
                .statusCode(401);
        Tokens.as(Tokens.NOBODY).get(path(sid)).then().statusCode(403);
        Tokens.as(Tokens.OBSERVER).get(path(sid)).then().statusCode(200).body("total", equalTo(3));
        // an operator with no point in this session sees nothing of it
        Tokens.as(Tokens.OPERATOR1).get(path(sid)).then().statusCode(403);
        Tokens.as(Tokens.OPERATOR1).get(path(sid) + "/" + b).then().statusCode(403);
        // the operator of point B sees B's delegates only
        Tokens.as(Tokens.OPERATOR2)
                .get(path(sid))
                .then()
                .statusCode(200)
                .body("items.id", contains((int) b))
                .body("total", equalTo(1));
        Tokens.as(Tokens.OPERATOR2).get(path(sid) + "/" + b).then().statusCode(200);
        Tokens.as(Tokens.OPERATOR2)
                .get(path(sid) + "/" + a)
                .then()
                .statusCode(403)
                .body("code", equalTo("point.not-assigned"));
        Tokens.as(Tokens.OPERATOR2)
                .queryParam("pointId", pa)
                .get(path(sid))
                .then()
                .statusCode(403);
        // nobody but the organizer changes the roster
        for (String user : List.of(Tokens.OPERATOR2, Tokens.OBSERVER)) {
            Tokens.as(user)
                    .contentType(ContentType.JSON)
                    .body(delegate("Hồ Văn D", "Xã B", pb))
                    .post(path(sid))
                    .then()
                    .statusCode(403);
            Tokens.as(user)
                    .contentType(ContentType.JSON)
                    .body(delegate("Hồ Văn Bê", "Xã B", pb))
                    .put(path(sid) + "/" + b)
                    .then()
                    .statusCode(403);
            Tokens.as(user).delete(path(sid) + "/" + b).then().statusCode(403);
            Tokens.as(user).post(path(sid) + "/" + b + "/invitation").then().statusCode(403);
            Tokens.as(user).delete(path(sid) + "/" + b + "/invitation").then().statusCode(403);
        }
        given().contentType(ContentType.JSON)
                .body(delegate("Hồ Văn D", "Xã B", pb))
                .post(path(sid))
                .then()
                .statusCode(401);
        assertEquals(3, count(sid));
        Tokens.as(Tokens.ORGANIZER).get(path(sid) + "/" + b).then().body("fullName", equalTo("Hồ Văn B"));
        // a delegate of another session is not found through this one
        long other = RosterFixtures.session(unique("Hội nghị khác"));
        Tokens.as(Tokens.ORGANIZER).get(path(other) + "/" + b).then().statusCode(404);
        Tokens.as(Tokens.ORGANIZER).delete(path(other) + "/" + b).then().statusCode(404);
    }
}
