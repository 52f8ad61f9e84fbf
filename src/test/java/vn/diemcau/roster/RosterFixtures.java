package vn.diemcau.roster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

/** Sessions, points and operator assignments for roster tests, each test making its own. */
public final class RosterFixtures {
    private RosterFixtures() {}

    public static long session(String title) {
        return Fixtures.session(title, "CONFERENCE", "2026-12-03T08:00:00+07:00", "2026-12-03T11:30:00+07:00");
    }

    public static long point(long sessionId, String name) {
        return Fixtures.create("/api/sessions/" + sessionId + "/points", Map.of("name", name));
    }

    public static void assignOperator(String user, long sessionId, long pointId) {
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("operators", List.of(Tokens.username(user))))
                .put("/api/sessions/" + sessionId + "/points/" + pointId + "/operators")
                .then()
                .statusCode(200);
    }

    public static Map<String, Object> delegate(String fullName, String unitName, Long pointId) {
        Map<String, Object> b = new HashMap<>();
        b.put("fullName", fullName);
        b.put("unitName", unitName);
        b.put("position", "Chuyên viên");
        b.put("category", "Đại biểu chính thức");
        if (pointId != null) b.put("pointId", pointId);
        return b;
    }

    public static long addDelegate(long sessionId, Map<String, Object> body) {
        return Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/sessions/" + sessionId + "/delegates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static long count(long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> Delegate.count("sessionId", sessionId));
    }
}
