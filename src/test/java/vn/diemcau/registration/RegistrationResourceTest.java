package vn.diemcau.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.diemcau.registration.RegistrationFixtures.base;
import static vn.diemcau.registration.RegistrationFixtures.count;
import static vn.diemcau.registration.RegistrationFixtures.link;
import static vn.diemcau.registration.RegistrationFixtures.open;
import static vn.diemcau.registration.RegistrationFixtures.person;
import static vn.diemcau.registration.RegistrationFixtures.register;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class RegistrationResourceTest {

    static String unique(String s) {
        return s + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPersonRegistersThroughAPointLinkAndTheOperatorApprovesThemIntoTheRoster() {
        long sid = RosterFixtures.session(unique("Hội nghị tập huấn"));
        long pid = RosterFixtures.point(sid, "Điểm cầu Huyện Tân Uyên");
        RosterFixtures.assignOperator(Tokens.OPERATOR1, sid, pid);
        open(sid, pid, 40);
        String token = link(sid, pid, "UBND huyện Tân Uyên");

        // the public form: no account, the point and unit fixed by the link
        given().get("/api/registration/links/" + token)
                .then()
                .statusCode(200)
                .body("open", equalTo(true))
                .body("fixedPointId", equalTo((int) pid))
                .body("fixedPointName", equalTo("Điểm cầu Huyện Tân Uyên"))
                .body("fixedUnitName", equalTo("UBND huyện Tân Uyên"))
                .body("points", hasSize(1))
                .body("points[0].full", equalTo(false));

        Map<String, Object> me = person("  Nguyễn   Thị Hồng ", "ignored: the link fixes the unit", null);
        me.put("phone", "0912 345 678");
        JsonPath receipt = register(token, me)
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("statusUrl", containsString("/r/status/dcs_"))
                .extract()
                .jsonPath();
        String status = receipt.getString("statusToken");
        long rid = receipt.getLong("id");
        given().get("/api/registration/status/" + status)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("status", equalTo("PENDING"))
                .body("fullName", equalTo("Nguyễn Thị Hồng"))
                .body("unitName", equalTo("UBND huyện Tân Uyên"))
                .body("pointName", equalTo("Điểm cầu Huyện Tân Uyên"))
                .body("invitationUrl", nullValue());

        // the operator of that point sees it in the queue and approves it
        Tokens.as(Tokens.OPERATOR1)
                .queryParam("status", "PENDING")
                .get(base(sid) + "/entries")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].fullName", equalTo("Nguyễn Thị Hồng"))
                .body("items[0].source", equalTo("SELF"))
                .body("items[0].duplicateOnRoster", equalTo(false));
        Tokens.as(Tokens.OPERATOR1)
                .post(base(sid) + "/entries/" + rid + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("delegateId", notNullValue())
                .body("decidedBy", equalTo(Tokens.username(Tokens.OPERATOR1)))
                // its own roster entry is not a duplicate of itself
                .body("duplicateOnRoster", equalTo(false));

        // now a delegate at that point, with an invitation
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("pointId", pid)
                .get("/api/sessions/" + sid + "/delegates")
                .then()
                .body("total", equalTo(1))
                .body("items[0].fullName", equalTo("Nguyễn Thị Hồng"))
                .body("items[0].unitName", equalTo("UBND huyện Tân Uyên"))
                .body("items[0].phone", equalTo("0912 345 678"))
                .body("items[0].invitationActive", equalTo(true));
        // the registrant's status shows the decision and their personal invitation link, which works
        String invitation = given().get("/api/registration/status/" + status)
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedAt", notNullValue())
                .body("invitationUrl", containsString("/i/dci_"))
                .extract()
                .path("invitationUrl");
        given().contentType(ContentType.JSON)
                .body(Map.of("token", invitation.substring(invitation.lastIndexOf('/') + 1)))
                .post("/api/participant/session")
                .then()
                .statusCode(200)
                .body("fullName", equalTo("Nguyễn Thị Hồng"))
                .body("pointId", equalTo((int) pid));

        // a decided registration is not decided again
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Nhầm"))
                .post(base(sid) + "/entries/" + rid + "/reject")
                .then()
                .statusCode(409)
                .body("code", equalTo("registration.already-decided"));

        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", sid)
                .queryParam("action", "registration.")
                .get("/api/audit-events")
                .then()
                .body(
                        "items.action",
                        contains(
                                "registration.approved",
                                "registration.submitted",
                                "registration.link.created",
                                "registration.settings"))
                .body("items[0].actor", equalTo(Tokens.username(Tokens.OPERATOR1)))
                .body("items[1].actor", equalTo("anonymous"));
    }

    @Test
    void aRejectionCarriesItsReasonToTheRegistrantAndFreesThePlace() {
        long sid = RosterFixtures.session(unique("Lớp bồi dưỡng"));
        long pid = RosterFixtures.point(sid, "Điểm cầu Xã Mường Khoa");
        open(sid, pid, 1);
        String token = link(sid, null, null);
        String status = register(token, person("Lò Văn Pấng", "UBND xã", pid))
                .statusCode(201)
                .extract()
                .path("statusToken");
        register(token, person("Lò Thị Xuân", "UBND xã", pid))
                .statusCode(409)
                .body("code", equalTo("registration.full"))
                .body("detail", containsString("Điểm cầu Xã Mường Khoa"));
        long rid = Tokens.as(Tokens.ORGANIZER)
                .get(base(sid) + "/entries")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");

        // a reason is required; without one nothing changes
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "  "))
                .post(base(sid) + "/entries/" + rid + "/reject")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().get("/api/registration/status/" + status).then().body("status", equalTo("PENDING"));

        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Không thuộc thành phần triệu tập"))
                .post(base(sid) + "/entries/" + rid + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().get("/api/registration/status/" + status)
                .then()
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("Không thuộc thành phần triệu tập"));
        // the rejected registration no longer holds the only place
        register(token, person("Lò Thị Xuân", "UBND xã", pid)).statusCode(201);
        assertEquals(0, (int) Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/delegates")
                .then()
                .extract()
                .path("total"));
    }

    @Test
    void closedLateWrongOrRevokedLinksAreRefusedAndStoreNothing() {
        long sid = RosterFixtures.session(unique("Đăng ký đóng"));
        long pid = RosterFixtures.point(sid, "Điểm cầu Thành phố");
        String token = link(sid, null, null);
        // not opened yet: the form says so, a submission is refused
        given().get("/api/registration/links/" + token)
                .then()
                .statusCode(200)
                .body("open", equalTo(false))
                .body("closedReason", equalTo("not-open"));
        register(token, person("Trần Văn Bình", "Sở Tư pháp", pid))
                .statusCode(409)
                .body("code", equalTo("registration.closed.not-open"));

        // past the deadline
        Map<String, Object> late = new HashMap<>();
        late.put("accepting", true);
        late.put("deadline", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(late)
                .put(base(sid))
                .then()
                .statusCode(200)
                .body("open", equalTo(false))
                .body("closedReason", equalTo("deadline"));
        given().header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(person("Trần Văn Bình", "Sở Tư pháp", pid))
                .post("/api/registration/links/" + token)
                .then()
                .statusCode(409)
                .body("code", equalTo("registration.closed.deadline"))
                .body("detail", equalTo("The registration deadline has passed."));

        open(sid);
        // bad fields, all named at once
        Map<String, Object> bad = person("Trần Văn Bình", "Sở Tư pháp", null);
        bad.put("phone", "12ab");
        bad.put("email", "binh@");
        register(token, bad)
                .statusCode(400)
                .body("code", equalTo("registration.invalid"))
                .body("errors.field", contains("phone", "email", "pointId"))
                .body("errors[2].message", equalTo("Hãy chọn điểm cầu sẽ tham dự."));
        register(token, person(" ", "Sở Tư pháp", pid)).statusCode(400).body("errors.field", hasItem("fullName"));
        // a point of another session is not found
        long other = RosterFixtures.session(unique("Hội nghị khác"));
        long foreign = RosterFixtures.point(other, "Điểm cầu khác");
        register(token, person("Trần Văn Bình", "Sở Tư pháp", foreign))
                .statusCode(404)
                .body("code", equalTo("not-found.point"));
        // garbled and unknown tokens
        register("dcr_nope", person("Trần Văn Bình", "Sở Tư pháp", pid))
                .statusCode(404)
                .body("code", equalTo("registration.link-invalid"));
        given().get("/api/registration/links/dcr_" + "A".repeat(32)).then().statusCode(404);
        given().get("/api/registration/status/dcs_" + "A".repeat(32))
                .then()
                .statusCode(404)
                .body("code", equalTo("registration.status-invalid"));

        // a revoked link stops working at once
        long lid = Tokens.as(Tokens.ORGANIZER)
                .get(base(sid) + "/links")
                .then()
                .extract()
                .jsonPath()
                .getLong("[0].id");
        Tokens.as(Tokens.ORGANIZER).delete(base(sid) + "/links/" + lid).then().statusCode(204);
        Tokens.as(Tokens.ORGANIZER).get(base(sid) + "/links").then().body("[0].revoked", equalTo(true));
        register(token, person("Trần Văn Bình", "Sở Tư pháp", pid))
                .statusCode(404)
                .body("code", equalTo("registration.link-invalid"));

        // a session gone live takes no registrations through a fresh link either
        String fresh = link(sid, null, null);
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/cancel")
                .then()
                .statusCode(200);
        register(fresh, person("Trần Văn Bình", "Sở Tư pháp", pid))
                .statusCode(409)
                .body("code", equalTo("registration.closed.session"));
        assertEquals(0, count(sid));
    }

    @Test
    void duplicatesAreFlaggedAndApprovingOneNeedsConfirmation() {
        long sid = RosterFixtures.session(unique("Trùng tên"));
        long pid = RosterFixtures.point(sid, "Điểm cầu Huyện ủy");
        RosterFixtures.addDelegate(sid, RosterFixtures.delegate("Phạm Văn Đức", "Huyện ủy Bảo Lâm", pid));
        open(sid);
        String token = link(sid, pid, null);
        // same person typed without marks and in other case: still the same folded name and unit
        register(token, person("pham van duc", "HUYỆN ỦY BẢO LÂM", null)).statusCode(201);
        register(token, person("Lê Thị Mai", "Huyện ủy Bảo Lâm", null)).statusCode(201);
        register(token, person("Lê  Thị Mai", "huyen uy bao lam", null)).statusCode(201);
        JsonPath q = Tokens.as(Tokens.ORGANIZER)
                .get(base(sid) + "/entries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(true, false, false), q.getList("items.duplicateOnRoster"));
        assertEquals(List.of(false, true, true), q.getList("items.duplicateRegistration"));

        long duc = q.getLong("items[0].id");
        Tokens.as(Tokens.ORGANIZER)
                .post(base(sid) + "/entries/" + duc + "/approve")
                .then()
                .statusCode(409)
                .body("code", equalTo("delegate.duplicate"));
        Tokens.as(Tokens.ORGANIZER).get(base(sid) + "/entries/").then().body("items[0].status", equalTo("PENDING"));
        assertEquals(1, (int) Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/delegates")
                .then()
                .extract()
                .path("total"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("allowDuplicate", true)
                .post(base(sid) + "/entries/" + duc + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("duplicateOnRoster", equalTo(true));
    }

    @Test
    void operatorsNominateForTheirOwnPointsAndDecideOnlyThere() {
        long sid = RosterFixtures.session(unique("Đề cử"));
        long mine = RosterFixtures.point(sid, "Điểm cầu của op1");
        long theirs = RosterFixtures.point(sid, "Điểm cầu của op2");
        RosterFixtures.assignOperator(Tokens.OPERATOR1, sid, mine);
        RosterFixtures.assignOperator(Tokens.OPERATOR2, sid, theirs);
        open(sid);
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(person("Vàng A Sử", "UBND xã Tả Phìn", mine))
                .post(base(sid) + "/entries")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("statusToken", startsWith("dcs_"));
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(person("Giàng Thị Dợ", "UBND xã Tả Phìn", theirs))
                .post(base(sid) + "/entries")
                .then()
                .statusCode(403)
                .body("code", equalTo("point.not-assigned"));
        long theirsId = Tokens.as(Tokens.OPERATOR2)
                .contentType(ContentType.JSON)
                .body(person("Giàng Thị Dợ", "UBND xã Tả Phìn", theirs))
                .post(base(sid) + "/entries")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        // each operator sees the queue of their own points only
        Tokens.as(Tokens.OPERATOR1)
                .get(base(sid) + "/entries")
                .then()
                .body("items.fullName", contains("Vàng A Sử"))
                .body("items[0].source", equalTo("NOMINATED"));
        Tokens.as(Tokens.OPERATOR1)
                .queryParam("pointId", theirs)
                .get(base(sid) + "/entries")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .get(base(sid))
                .then()
                .statusCode(200)
                .body("points.pointId", contains((int) mine))
                .body("points[0].pending", equalTo(1));
        // and cannot decide on another point's registration
        Tokens.as(Tokens.OPERATOR1)
                .post(base(sid) + "/entries/" + theirsId + "/approve")
                .then()
                .statusCode(403)
                .body("code", equalTo("point.not-assigned"));
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x"))
                .post(base(sid) + "/entries/" + theirsId + "/reject")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("status", "PENDING")
                .get(base(sid) + "/entries")
                .then()
                .body("total", equalTo(2));
    }

    @Test
    void roleMatrix() {
        long sid = RosterFixtures.session(unique("Quyền"));
        long pid = RosterFixtures.point(sid, "Điểm cầu");
        open(sid);
        String token = link(sid, pid, null);
        long rid = register(token, person("Đinh Văn Hùng", null, null))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String settings = base(sid);
        Map<String, Object> body = Map.of("accepting", false);

        // no token: 401 everywhere on the staff side
        given().get(settings).then().statusCode(401);
        given().get(settings + "/entries").then().statusCode(401);
        given().get(settings + "/links").then().statusCode(401);
        given().post(settings + "/entries/" + rid + "/approve").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).put(settings).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.forged(Tokens.OPERATOR1))
                .get(settings)
                .then()
                .statusCode(401);

        // signed in without a role, or an operator of no point of this session
        Tokens.as(Tokens.NOBODY).get(settings).then().statusCode(403);
        Tokens.as(Tokens.OPERATOR3).get(settings + "/entries").then().statusCode(403);
        Tokens.as(Tokens.OPERATOR3)
                .post(settings + "/entries/" + rid + "/approve")
                .then()
                .statusCode(403);

        // observers read everything and change nothing
        Tokens.as(Tokens.OBSERVER).get(settings).then().statusCode(200);
        Tokens.as(Tokens.OBSERVER)
                .get(settings + "/entries")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        Tokens.as(Tokens.OBSERVER)
                .get(settings + "/links")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        Tokens.as(Tokens.OBSERVER)
                .post(settings + "/entries/" + rid + "/approve")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OBSERVER)
                .contentType(ContentType.JSON)
                .body(body)
                .put(settings)
                .then()
                .statusCode(403);

        // settings and links are the organizer's
        RosterFixtures.assignOperator(Tokens.OPERATOR1, sid, pid);
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(body)
                .put(settings)
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .contentType(ContentType.JSON)
                .body(Map.of("pointId", pid))
                .post(settings + "/links")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1)
                .get(settings + "/links")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        Tokens.as(Tokens.ORGANIZER2).get(settings).then().statusCode(200).body("open", equalTo(true));
        // nothing above changed anything
        Tokens.as(Tokens.ORGANIZER).get(settings + "/entries").then().body("items[0].status", equalTo("PENDING"));
    }

    @Test
    void settingsAreCheckedAndReadBack() {
        long sid = RosterFixtures.session(unique("Cài đặt"));
        long a = RosterFixtures.point(sid, "Điểm cầu A");
        long b = RosterFixtures.point(sid, "Điểm cầu B");
        long other = RosterFixtures.point(RosterFixtures.session(unique("Khác")), "Điểm cầu khác");
        Map<String, Object> r = new HashMap<>();
        r.put("accepting", true);
        r.put("capacities", List.of(Map.of("pointId", a, "capacity", -1)));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(r)
                .put(base(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo("validation"));
        r.put("capacities", List.of(Map.of("pointId", other, "capacity", 5)));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(r)
                .put(base(sid))
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.point"));
        r.put("capacities", List.of(Map.of("pointId", a, "capacity", 5), Map.of("pointId", a, "capacity", 6)));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(r)
                .put(base(sid))
                .then()
                .statusCode(400)
                .body("code", equalTo("registration.capacity-twice"));
        Tokens.as(Tokens.ORGANIZER)
                .get(base(sid))
                .then()
                .body("accepting", equalTo(false))
                .body("closedReason", equalTo("not-open"))
                .body("points.capacity", contains(nullValue(), nullValue()));

        r.put("capacities", List.of(Map.of("pointId", a, "capacity", 5)));
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(r)
                .put(base(sid))
                .then()
                .statusCode(200)
                .body("accepting", equalTo(true))
                .body("points.pointName", hasItems("Điểm cầu A", "Điểm cầu B"))
                .body("points.find { it.pointId == " + a + " }.capacity", equalTo(5))
                .body("points.find { it.pointId == " + b + " }.capacity", nullValue());
    }

    /** Capacity 3, twelve people pressing "Đăng ký" at the same moment: exactly three get in. */
    @Test
    void capacityHoldsUnderConcurrentRegistrations() throws Exception {
        long sid = RosterFixtures.session(unique("Đăng ký đồng thời"));
        long pid = RosterFixtures.point(sid, "Điểm cầu nhỏ");
        open(sid, pid, 3);
        String token = link(sid, pid, null);
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Map<String, Object> p = person("Người thứ " + i, "Đơn vị " + i, null);
                Callable<Integer> call = () -> {
                    start.await();
                    return given().contentType(ContentType.JSON)
                            .body(p)
                            .post("/api/registration/links/" + token)
                            .then()
                            .extract()
                            .statusCode();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : answers) codes.add(f.get());
            assertEquals(3, codes.stream().filter(c -> c == 201).count(), codes.toString());
            assertEquals(n - 3, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, count(sid));
        Tokens.as(Tokens.ORGANIZER)
                .get(base(sid))
                .then()
                .body("points[0].pending", equalTo(3))
                .body("points[0].capacity", equalTo(3));
        given().get("/api/registration/links/" + token).then().body("points[0].full", equalTo(true));
    }
}
