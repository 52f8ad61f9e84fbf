package vn.diemcau.roster;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.diemcau.roster.RosterFixtures.addDelegate;
import static vn.diemcau.roster.RosterFixtures.count;
import static vn.diemcau.roster.RosterFixtures.delegate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/** The roster following its points: counts, a deleted point, a copied session. */
@QuarkusTest
class DelegatePointsTest {

    static long copy(long sid, boolean includeRoster) {
        return Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Bản sao " + UUID.randomUUID(), "includeRoster", includeRoster))
                .post("/api/sessions/" + sid + "/copy")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void copiedSessionGetsTheRosterOnItsOwnPointsWithoutInvitations() {
        long sid = RosterFixtures.session("Hội nghị gốc " + UUID.randomUUID());
        long hall = RosterFixtures.point(sid, "Hội trường lớn");
        long district = RosterFixtures.point(sid, "Điểm cầu Huyện Cam Lộ");
        long invited = addDelegate(sid, delegate("Nguyễn Văn An", "Tỉnh ủy", hall));
        addDelegate(sid, delegate("Trần Thị Bích", "Huyện ủy Cam Lộ", district));
        addDelegate(sid, delegate("Lê Văn Cường", "Sở Nội vụ", null));
        String token = Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/delegates/" + invited + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("token");

        long target = copy(sid, true);
        var copied = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + target + "/delegates")
                .then()
                .statusCode(200)
                .body("items.fullName", contains("Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường"))
                .body("items.pointName", contains("Hội trường lớn", "Điểm cầu Huyện Cam Lộ", null))
                .body("items.sessionId", everyItem(equalTo((int) target)))
                .body("items.invitationActive", everyItem(equalTo(false)))
                .extract()
                .jsonPath();
        List<Integer> newPoints = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + target + "/points")
                .then()
                .extract()
                .jsonPath()
                .getList("id");
        assertEquals(newPoints.size(), 2);
        Integer copiedHall = copied.getInt("items[0].pointId");
        assertFalse(copiedHall == (int) hall, "the copy points at the new session's point");
        assertEquals(true, newPoints.contains(copiedHall));
        // the original invitation still opens the original session only; search works on the copies
        io.restassured.RestAssured.given()
                .header("Authorization", "Invitation " + token)
                .get("/api/participant/me")
                .then()
                .statusCode(200)
                .body("session.id", equalTo((int) sid));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "bich")
                .get("/api/sessions/" + target + "/delegates")
                .then()
                .body("total", equalTo(1));

        long bare = copy(sid, false);
        assertEquals(0, count(bare));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + bare + "/points")
                .then()
                .body("name", containsInAnyOrder("Hội trường lớn", "Điểm cầu Huyện Cam Lộ"));
        assertEquals(3, count(sid));
    }

    @Test
    void pointsCountTheirDelegatesAndAForcedDeleteLeavesThemWithoutAPoint() {
        long sid = RosterFixtures.session("Xóa điểm cầu " + UUID.randomUUID());
        long gone = RosterFixtures.point(sid, "Điểm cầu sẽ xóa");
        long kept = RosterFixtures.point(sid, "Điểm cầu còn lại");
        long a = addDelegate(sid, delegate("Phan Văn Một", "Xã A", gone));
        addDelegate(sid, delegate("Phan Văn Hai", "Xã A", gone));
        addDelegate(sid, delegate("Phan Văn Ba", "Xã B", kept));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/points/" + gone)
                .then()
                .body("delegateCount", equalTo(2));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/points")
                .then()
                .body("delegateCount", containsInAnyOrder(2, 1));

        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/points/" + gone)
                .then()
                .statusCode(409)
                .body("code", equalTo("point.has-delegates"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("force", true)
                .delete("/api/sessions/" + sid + "/points/" + gone)
                .then()
                .statusCode(204);
        assertEquals(3, count(sid));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/delegates/" + a)
                .then()
                .statusCode(200)
                .body("pointId", nullValue())
                .body("version", equalTo(1));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("pointId", kept)
                .get("/api/sessions/" + sid + "/delegates")
                .then()
                .body("items.fullName", contains("Phan Văn Ba"))
                .body("items", not(empty()));
    }
}
