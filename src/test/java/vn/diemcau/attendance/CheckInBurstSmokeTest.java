package vn.diemcau.attendance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Tokens;

/**
 * Self check-ins in a burst through the batch writer: many phones tapping, each several times at
 * once, one of them marked absent before. Correctness only (speed lives in bench/): every tap is
 * answered PRESENT, one row per delegate, and the counts equal the rows.
 */
@QuarkusTest
class CheckInBurstSmokeTest {
    static final int DELEGATES = 80;
    static final int TAPS = 3;

    @Inject
    EntityManager em;

    record Tap(long delegateId, int status, String attendance, String method) {}

    @Test
    void manyPhonesTappingSeveralTimesAtOnceEndInOneCheckInEachAndCountsThatMatchTheRows() throws Exception {
        String uid = UUID.randomUUID().toString().substring(0, 8);
        long sid = RosterFixtures.session("Tập huấn công tác bảo vệ chính trị nội bộ " + uid);
        long pointA = RosterFixtures.point(sid, "Điểm cầu Gio Linh " + uid);
        long pointB = RosterFixtures.point(sid, "Điểm cầu Cam Lộ " + uid);
        List<Long> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < DELEGATES; i++) {
            long d = RosterFixtures.addDelegate(
                    sid,
                    RosterFixtures.delegate(
                            "Đại biểu Phan Văn " + i + " " + uid, "Huyện Gio Linh", i % 2 == 0 ? pointA : pointB));
            ids.add(d);
            tokens.add(Tokens.as(Tokens.ORGANIZER)
                    .post("/api/sessions/" + sid + "/delegates/" + d + "/invitation")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("token"));
        }
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/schedule")
                .then()
                .statusCode(200);
        // One delegate was reported absent: their tap turns the absence into presence.
        AttendanceFixture.json(Tokens.ORGANIZER)
                .body(Map.of("delegateId", ids.get(0), "reason", "Đi công tác"))
                .post("/api/sessions/" + sid + "/attendance/points/" + pointA + "/absences")
                .then()
                .statusCode(200);

        List<Callable<Tap>> calls = new ArrayList<>();
        for (int i = 0; i < DELEGATES; i++) {
            long d = ids.get(i);
            String token = tokens.get(i);
            for (int k = 0; k < TAPS; k++)
                calls.add(() -> {
                    Response r = given().header("Authorization", "Invitation " + token)
                            .post("/api/participant/check-in");
                    return new Tap(
                            d,
                            r.statusCode(),
                            r.statusCode() == 200 ? r.jsonPath().getString("status") : r.asString(),
                            r.statusCode() == 200 ? r.jsonPath().getString("method") : null);
                });
        }
        Collections.shuffle(calls);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Tap> taps = new ArrayList<>();
        try {
            for (Future<Tap> f : pool.invokeAll(calls)) taps.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(DELEGATES * TAPS, taps.size(), "every tap was answered");
        assertTrue(
                taps.stream()
                        .allMatch(t ->
                                t.status() == 200 && "PRESENT".equals(t.attendance()) && "LINK".equals(t.method())),
                taps.toString());

        Object[] rows = QuarkusTransaction.requiringNew()
                .call(() -> (Object[]) em.createNativeQuery("select count(*), count(distinct delegate_id),"
                                + " sum(status = 'PRESENT') from check_ins where session_id = ?1")
                        .setParameter(1, sid)
                        .getSingleResult());
        assertEquals(DELEGATES, ((Number) rows[0]).intValue(), "one row per delegate");
        assertEquals(DELEGATES, ((Number) rows[1]).intValue());
        assertEquals(DELEGATES, ((Number) rows[2]).intValue(), "all present, the absent one too");

        var counts = Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/attendance/counts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(DELEGATES, counts.getInt("total.present"));
        assertEquals(0, counts.getInt("total.absent"));
        // a later tap changes nothing and still answers PRESENT
        given().header("Authorization", "Invitation " + tokens.get(1))
                .post("/api/participant/check-in")
                .then()
                .statusCode(200);
        assertEquals(
                DELEGATES,
                Tokens.as(Tokens.ORGANIZER)
                        .get("/api/sessions/" + sid + "/attendance/counts")
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("total.present"));
    }
}
