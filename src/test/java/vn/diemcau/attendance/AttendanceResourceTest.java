package vn.diemcau.attendance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diemcau.attendance.AttendanceFixture.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.diemcau.common.Downloads;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class AttendanceResourceTest {
    @Inject
    EntityManager em;

    static String base(AttendanceFixture f) {
        return "/api/sessions/" + f.sessionId + "/attendance";
    }

    static String checkIns(AttendanceFixture f, long point) {
        return base(f) + "/points/" + point + "/check-ins";
    }

    long rows(long delegateId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from check_ins where delegate_id = ?1")
                                .setParameter(1, delegateId)
                                .getSingleResult())
                        .longValue());
    }

    String status(long delegateId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> r = em.createNativeQuery("select status from check_ins where delegate_id = ?1")
                    .setParameter(1, delegateId)
                    .getResultList();
            return r.isEmpty() ? "NOT_YET" : (String) r.get(0);
        });
    }

    long count(String sql, long sessionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql)
                                .setParameter(1, sessionId)
                                .getSingleResult())
                        .longValue());
    }

    boolean checkIn(String user, AttendanceFixture f, long point, long delegateId) {
        return json(user)
                .body(Map.of("delegateId", delegateId))
                .post(checkIns(f, point))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getBoolean("changed");
    }

    /** Eight check-in taps of one delegate released at once: the organizer's console and the operator's phone, four each. */
    int tapsAtOnce(ExecutorService pool, AttendanceFixture f, long d) throws Exception {
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String user = i % 2 == 0 ? Tokens.ORGANIZER : Tokens.OPERATOR1;
            Callable<Boolean> tap = () -> {
                start.await();
                return checkIn(user, f, f.point1, d);
            };
            answers.add(pool.submit(tap));
        }
        int changed = 0;
        for (Future<Boolean> a : answers) if (a.get()) changed++;
        return changed;
    }

    @Test
    void theSameDelegateFromTwoDevicesAtOnceEndsInOneCheckIn() throws Exception {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                long d = f.d(f.point1, round);
                assertEquals(1, tapsAtOnce(pool, f, d), "exactly one of the parallel taps checked the delegate in");
                assertEquals(1, rows(d));
                assertEquals("PRESENT", status(d));
            }
        } finally {
            pool.shutdownNow();
        }
        // again later: harmless, same single row, the first time kept
        assertEquals(false, checkIn(Tokens.OPERATOR1, f, f.point1, f.d(f.point1, 0)));
        assertEquals(1, rows(f.d(f.point1, 0)));
    }

    @Test
    void anAbsentDelegateTurnedPresentFromTwoDevicesAtOnceIsOneChangeAndNoError() throws Exception {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                long d = f.d(f.point1, round);
                json(Tokens.OPERATOR1)
                        .body(Map.of("delegateId", d, "reason", "Đi công tác"))
                        .post(base(f) + "/points/" + f.point1 + "/absences")
                        .then()
                        .statusCode(200);
                assertEquals("ABSENT", status(d));
                // every tap answers 200 (checkIn asserts it): no deadlock surfaces as a 500
                assertEquals(1, tapsAtOnce(pool, f, d), "exactly one tap turned the absence into presence");
                assertEquals(1, rows(d));
                assertEquals("PRESENT", status(d));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aQueuedCommandResentIsAppliedOnce() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long d = f.d(f.point1, 0);
        String live = "/api/sessions/" + f.sessionId + "/live/commands";
        Map<String, Object> checkIn = Map.of("type", "attendance.check_in", "pointId", f.point1, "delegateId", d);
        json(Tokens.OPERATOR1)
                .header("Idempotency-Key", "q-1-" + f.uid)
                .body(checkIn)
                .post(live)
                .then()
                .statusCode(200)
                .body("type", equalTo("live.ack"));
        assertEquals("PRESENT", status(d));
        // the operator undoes it; then the offline queue resends the old check-in (lost ack)
        json(Tokens.OPERATOR1)
                .body(Map.of("type", "attendance.undo_check_in", "commandId", "q-2-" + f.uid, "delegateId", d))
                .post(live)
                .then()
                .statusCode(200);
        assertEquals("NOT_YET", status(d));
        for (int i = 0; i < 3; i++) {
            json(Tokens.OPERATOR1)
                    .header("Idempotency-Key", "q-1-" + f.uid)
                    .body(checkIn)
                    .post(live)
                    .then()
                    .statusCode(200)
                    .body("type", equalTo("live.ack"));
        }
        assertEquals("NOT_YET", status(d), "the resent command was not applied a second time");
        assertEquals(0, rows(d));

        // a walk-in resent three times is one new delegate
        long before = count("select count(*) from delegates where session_id = ?1", f.sessionId);
        for (int i = 0; i < 3; i++) {
            json(Tokens.OPERATOR1)
                    .body(Map.of(
                            "type", "attendance.walk_in",
                            "commandId", "q-3-" + f.uid,
                            "pointId", f.point1,
                            "fullName", "Đinh Văn Khách",
                            "position", "Bí thư chi bộ"))
                    .post(live)
                    .then()
                    .statusCode(200);
        }
        assertEquals(before + 1, count("select count(*) from delegates where session_id = ?1", f.sessionId));
        assertEquals(
                1,
                count(
                        "select count(*) from check_ins where session_id = ?1 and method = 'WALK_IN'"
                                + " and status = 'PRESENT'",
                        f.sessionId));
        // the undo is in the audit trail
        assertTrue(count(
                        "select count(*) from audit_events where session_id = ?1 and action = 'attendance.undone'",
                        f.sessionId)
                >= 1);
    }

    @Test
    void roleMatrix() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long d1 = f.d(f.point1, 0);
        Map<String, Object> body = Map.of("delegateId", d1);
        given().contentType("application/json")
                .body(body)
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(401);
        given().get(base(f) + "/counts").then().statusCode(401);
        given().get(base(f) + "/report.csv").then().statusCode(401);
        json(Tokens.OBSERVER).body(body).post(checkIns(f, f.point1)).then().statusCode(403);
        json(Tokens.NOBODY).body(body).post(checkIns(f, f.point1)).then().statusCode(403);
        // op2 runs point 2, not point 1
        json(Tokens.OPERATOR2)
                .body(body)
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(403)
                .body("code", equalTo("point.not-assigned"));
        json(Tokens.OPERATOR2)
                .body(Map.of("delegateId", d1, "reason", "Ốm"))
                .post(base(f) + "/points/" + f.point1 + "/absences")
                .then()
                .statusCode(403);
        json(Tokens.OPERATOR2)
                .body(Map.of("fullName", "Người lạ"))
                .post(base(f) + "/points/" + f.point1 + "/walk-ins")
                .then()
                .statusCode(403);
        json(Tokens.OPERATOR2)
                .body(Map.of("present", 30))
                .put(base(f) + "/points/" + f.point1 + "/room-count")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR2)
                .get(base(f) + "/points/" + f.point1 + "/delegates")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR2)
                .get(base(f) + "/report.csv?pointId=" + f.point1)
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR3).get(base(f) + "/counts").then().statusCode(403);
        assertEquals("NOT_YET", status(d1), "nothing changed");
        // the right operator may; op2 cannot undo op1's check-in
        assertTrue(checkIn(Tokens.OPERATOR1, f, f.point1, d1));
        Tokens.as(Tokens.OPERATOR2).delete(base(f) + "/check-ins/" + d1).then().statusCode(403);
        assertEquals("PRESENT", status(d1));
        Tokens.as(Tokens.OPERATOR1)
                .delete(base(f) + "/check-ins/" + d1)
                .then()
                .statusCode(200)
                .body("changed", equalTo(true));
        assertEquals("NOT_YET", status(d1));
        // a participant reaches only their own check-in
        String token = f.invitation(d1);
        given().header("Authorization", "Invitation " + token)
                .contentType("application/json")
                .body(body)
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(403);
        given().header("Authorization", "Invitation " + token)
                .get(base(f) + "/counts")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OPERATOR1).post("/api/participant/check-in").then().statusCode(403);
        given().post("/api/participant/check-in").then().statusCode(401);
        // organizer and observer read everything; operators their points
        Tokens.as(Tokens.OBSERVER).get(base(f) + "/counts").then().statusCode(200);
        Tokens.as(Tokens.OBSERVER).get(base(f) + "/report.csv").then().statusCode(200);
        Tokens.as(Tokens.OPERATOR1).get(base(f) + "/counts").then().statusCode(200);
    }

    @Test
    void theDelegateChecksInFromTheirInvitationAndAScannedQrChecksInAtTheOperatorsPoint() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long d = f.d(f.point2, 0);
        String token = f.invitation(d);
        given().header("Authorization", "Invitation " + token)
                .get("/api/participant/check-in")
                .then()
                .statusCode(200)
                .body("status", equalTo("NOT_YET"));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Invitation " + token)
                    .post("/api/participant/check-in")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("PRESENT"))
                    .body("method", equalTo("LINK"))
                    .body("checkedInPointId", equalTo((int) f.point2))
                    .body("recordedBy", equalTo("delegate:" + d));
        }
        assertEquals(1, rows(d));

        // op1 scans another delegate's QR (the whole link) at point 1
        long other = f.d(f.point1, 1);
        String link = "http://localhost:8080/i/" + f.invitation(other);
        json(Tokens.OPERATOR1)
                .body(Map.of("token", link))
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(200)
                .body("changed", equalTo(true));
        Tokens.as(Tokens.OPERATOR1)
                .get(base(f) + "/points/" + f.point1 + "/delegates?q=pham thi dao")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].delegateId", equalTo((int) other))
                .body("items[0].status", equalTo("PRESENT"))
                .body("items[0].method", equalTo("QR"));
        // a token of another session, a garbled one: refused, nothing changed
        AttendanceFixture g = new AttendanceFixture().scheduled();
        String foreign = g.invitation(g.d(g.point1, 0));
        for (String bad : List.of(foreign, "dci_garbled", "http://x/i/")) {
            json(Tokens.ORGANIZER)
                    .body(Map.of("token", bad))
                    .post(checkIns(f, f.point1))
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("attendance.invitation-invalid"));
        }
        assertEquals("NOT_YET", status(g.d(g.point1, 0)));
    }

    @Test
    void substituteAbsenceWalkInAndBadInputs() {
        AttendanceFixture f = new AttendanceFixture();
        long d0 = f.d(f.point1, 0);
        // not scheduled yet: refused
        json(Tokens.ORGANIZER)
                .body(Map.of("delegateId", d0))
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(409)
                .body("code", equalTo("attendance.session-not-open"));
        f.scheduled();
        String absences = base(f) + "/points/" + f.point1 + "/absences";
        json(Tokens.OPERATOR1)
                .body(Map.of("delegateId", d0, "reason", "  "))
                .post(absences)
                .then()
                .statusCode(400)
                .body("code", equalTo("attendance.reason-required"))
                .body("detail", equalTo("Cần ghi lý do vắng."));
        json(Tokens.OPERATOR1)
                .header("Accept-Language", "en")
                .body(Map.of("delegateId", d0))
                .post(absences)
                .then()
                .statusCode(400)
                .body("detail", equalTo("Give the reason for the absence."));
        json(Tokens.OPERATOR1)
                .body(Map.of("delegateId", 999_999_999L))
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(404);
        json(Tokens.OPERATOR1)
                .body(Map.of("delegateId", d0, "token", "dci_x"))
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(400)
                .body("code", equalTo("attendance.delegate-required"));
        json(Tokens.OPERATOR1)
                .body(Map.of("present", -1))
                .put(base(f) + "/points/" + f.point1 + "/room-count")
                .then()
                .statusCode(400)
                .body("code", equalTo("point.present-out-of-range"));
        json(Tokens.OPERATOR1)
                .body(Map.of("fullName", " "))
                .post(base(f) + "/points/" + f.point1 + "/walk-ins")
                .then()
                .statusCode(400)
                .body("code", equalTo("attendance.name-required"));
        assertEquals(0, count("select count(*) from check_ins where session_id = ?1", f.sessionId));

        json(Tokens.OPERATOR1)
                .body(Map.of("delegateId", d0, "reason", "Đi công tác"))
                .post(absences)
                .then()
                .statusCode(200)
                .body("changed", equalTo(true));
        assertEquals("ABSENT", status(d0));
        // then they come after all: present, reason gone
        assertTrue(checkIn(Tokens.OPERATOR1, f, f.point1, d0));
        assertEquals("PRESENT", status(d0));
        json(Tokens.OPERATOR1)
                .body(Map.of("delegateId", d0, "reason", "Ốm"))
                .post(absences)
                .then()
                .statusCode(409)
                .body("code", equalTo("attendance.already-present"));

        long d1 = f.d(f.point1, 1);
        json(Tokens.OPERATOR1)
                .body(Map.of(
                        "delegateId", d1, "substituteName", "Trần Văn Thế", "substitutePosition", "Phó trưởng ban"))
                .post(checkIns(f, f.point1))
                .then()
                .statusCode(200);
        JsonPath list = Tokens.as(Tokens.OPERATOR1)
                .get(base(f) + "/points/" + f.point1 + "/delegates?size=50")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("Trần Văn Thế", list.getString("items.find { it.delegateId == " + d1 + " }.substituteName"));

        long walkIn = json(Tokens.OPERATOR1)
                .body(Map.of("fullName", "Đinh Thị Mới", "position", "Khách mời", "unitName", "Hội Nông dân"))
                .post(base(f) + "/points/" + f.point1 + "/walk-ins")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("delegateId");
        assertEquals("PRESENT", status(walkIn));
        json(Tokens.OPERATOR1)
                .body(Map.of("present", 37))
                .put(base(f) + "/points/" + f.point1 + "/room-count")
                .then()
                .statusCode(204);
        JsonPath counts = Tokens.as(Tokens.OPERATOR1)
                .get(base(f) + "/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String p1 = "points.find { it.pointId == " + f.point1 + " }";
        assertEquals(3, counts.getInt(p1 + ".tally.present"));
        assertEquals(1, counts.getInt(p1 + ".tally.walkIns"));
        assertEquals(37, counts.getInt(p1 + ".roomCount"));
        assertEquals(5, counts.getInt(p1 + ".tally.delegates"));
        // the roll call's answer is the same number: the latest count wins
        json(Tokens.OPERATOR1)
                .body(Map.of("type", "point.ready", "commandId", "r-" + f.uid, "pointId", f.point1, "present", 41))
                .post("/api/sessions/" + f.sessionId + "/live/commands")
                .then()
                .statusCode(200);
        Tokens.as(Tokens.OPERATOR1).get(base(f) + "/counts").then().body(p1 + ".roomCount", equalTo(41));
    }

    @Test
    void countsPerPointUnitAndLevelEqualTheDatabase() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        checkIn(Tokens.ORGANIZER, f, f.hall, f.d(f.hall, 0));
        checkIn(Tokens.OPERATOR1, f, f.point1, f.d(f.point1, 0));
        checkIn(Tokens.OPERATOR1, f, f.point1, f.d(f.point1, 1));
        checkIn(Tokens.OPERATOR1, f, f.point1, f.d(f.point1, 2));
        checkIn(Tokens.OPERATOR2, f, f.point2, f.d(f.point2, 0));
        checkIn(Tokens.ORGANIZER, f, f.point3, f.d(f.point3, 0));
        json(Tokens.ORGANIZER)
                .body(Map.of("delegateId", f.d(f.point3, 1), "reason", "Nghỉ phép"))
                .post(base(f) + "/points/" + f.point3 + "/absences")
                .then()
                .statusCode(200);
        JsonPath c = Tokens.as(Tokens.ORGANIZER)
                .get(base(f) + "/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (long p : List.of(f.hall, f.point1, f.point2, f.point3)) {
            String at = "points.find { it.pointId == " + p + " }.tally";
            assertEquals(
                    count("select count(*) from check_ins where point_id = ?1 and status = 'PRESENT'", p),
                    c.getLong(at + ".present"),
                    "present at " + p);
            assertEquals(count("select count(*) from delegates where point_id = ?1", p), c.getLong(at + ".delegates"));
        }
        assertEquals(10, c.getInt("points.find { it.pointId == " + f.point2 + " }.tally.expected"));
        assertEquals(
                count("select count(*) from check_ins where session_id = ?1 and status = 'PRESENT'", f.sessionId),
                c.getLong("total.present"));
        assertEquals(6, c.getInt("total.present"));
        assertEquals(1, c.getInt("total.absent"));
        assertEquals(2 + 4 + 10 + 2, c.getInt("total.expected"));
        // roll-up: district A holds point 1 and the commune's point 2; the province everything
        String unitA = "units.find { it.name.startsWith('Huyện Gio Linh') }.tally";
        assertEquals(3 + 1, c.getInt(unitA + ".present"));
        assertEquals(4 + 10, c.getInt(unitA + ".expected"));
        assertEquals(6, c.getInt("units.find { it.level == 'PROVINCE' }.tally.present"));
        assertEquals(3 + 1 + 1, c.getInt("levels.find { it.level == 'DISTRICT' }.tally.present"));
        assertEquals(2, c.getInt("levels.find { it.level == 'DISTRICT' }.units"));
        assertEquals(1, c.getInt("levels.find { it.level == 'COMMUNE' }.tally.present"));
        // the commune point has 1 of 10 once the session is live: flagged low
        Tokens.as(Tokens.ORGANIZER)
                .contentType("application/json")
                .body(Map.of("type", "session.start", "commandId", "s-" + f.uid))
                .post("/api/sessions/" + f.sessionId + "/live/commands")
                .then()
                .statusCode(200);
        JsonPath live = Tokens.as(Tokens.ORGANIZER)
                .get(base(f) + "/counts")
                .then()
                .extract()
                .jsonPath();
        assertEquals(true, live.getBoolean("points.find { it.pointId == " + f.point2 + " }.low"));
        assertEquals(false, live.getBoolean("points.find { it.pointId == " + f.point1 + " }.low"));
    }

    @Test
    void reportsMatchTheDatabaseInVietnameseNameOrderAsCsvXlsxAndPdf() throws Exception {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        checkIn(Tokens.OPERATOR1, f, f.point1, f.d(f.point1, 0)); // Nguyễn Hữu Quất
        checkIn(Tokens.OPERATOR1, f, f.point1, f.d(f.point1, 2)); // Hoàng Văn Ân
        json(Tokens.OPERATOR1)
                .body(Map.of("delegateId", f.d(f.point1, 3), "reason", "Đi học lớp bồi dưỡng"))
                .post(base(f) + "/points/" + f.point1 + "/absences")
                .then()
                .statusCode(200);
        json(Tokens.OPERATOR2)
                .body(Map.of("delegateId", f.d(f.point2, 1), "substituteName", "Lê Thị Thủy"))
                .post(checkIns(f, f.point2))
                .then()
                .statusCode(200);

        byte[] csv = Tokens.as(Tokens.ORGANIZER)
                .get(base(f) + "/report.csv")
                .then()
                .statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .header(
                        "Content-Disposition",
                        Downloads.attachment("Báo cáo điểm danh – Hội nghị quán triệt Quy định 126 " + f.uid + ".csv"))
                .extract()
                .asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        String text = new String(csv, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        String total = lines.stream()
                .filter(l -> l.startsWith("Tổng cộng"))
                .findFirst()
                .orElseThrow();
        long present =
                count("select count(*) from check_ins where session_id = ?1 and status = 'PRESENT'", f.sessionId);
        long absent = count("select count(*) from check_ins where session_id = ?1 and status = 'ABSENT'", f.sessionId);
        long all = count("select count(*) from delegates where session_id = ?1", f.sessionId);
        String[] t = total.split(",");
        assertEquals(String.valueOf(all), t[2]);
        assertEquals(String.valueOf(present), t[3]);
        assertEquals("1", t[4]); // one substitute
        assertEquals(String.valueOf(absent), t[6]);
        assertEquals(String.valueOf(all - present - absent), t[7]);
        // point 1's named list in Vietnamese order: by given name Ân, Châu, Đào, Quất
        List<String> p1 = lines.stream()
                .filter(l -> l.contains(",Điểm cầu Gio Linh " + f.uid + ","))
                .map(l -> l.split(",")[2])
                .toList();
        assertEquals(List.of("Hoàng Văn Ân", "Đặng Minh Châu", "Phạm Thị Đào", "Nguyễn Hữu Quất"), p1);
        assertTrue(text.contains("Vắng có lý do"));
        assertTrue(text.contains("Người dự thay: Lê Thị Thủy"));

        byte[] xlsx = Tokens.as(Tokens.ORGANIZER)
                .get(base(f) + "/report.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("Tổng hợp");
            var last = s.getRow(s.getLastRowNum());
            assertEquals("Tổng cộng", last.getCell(0).getStringCellValue());
            assertEquals(present, (long) last.getCell(3).getNumericCellValue());
            assertEquals(all, wb.getSheet("Danh sách").getLastRowNum());
        }

        byte[] pdf = Tokens.as(Tokens.OPERATOR1)
                .get(base(f) + "/report.pdf")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/pdf")
                .extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String pdfText = new PDFTextStripper().getText(doc);
            assertTrue(pdfText.contains("BÁO CÁO ĐIỂM DANH ĐẠI BIỂU"), pdfText);
            assertTrue(pdfText.contains("Nguyễn Hữu Quất"), pdfText);
            assertTrue(pdfText.contains("Phạm Thị Đào"), pdfText);
            assertTrue(pdfText.contains("Đi học lớp bồi dưỡng"), pdfText);
            // an operator's report holds their points only
            assertTrue(!pdfText.contains("Võ Thị Sáu"), "op1 sees no delegate of point 2");
        }
    }
}
