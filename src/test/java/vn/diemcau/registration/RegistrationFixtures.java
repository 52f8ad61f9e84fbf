package vn.diemcau.registration;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.diemcau.testing.Tokens;

/** Open registrations, links and registrants for the registration tests, each test making its own. */
final class RegistrationFixtures {
    private RegistrationFixtures() {}

    static String base(long sid) {
        return "/api/sessions/" + sid + "/registration";
    }

    /** Opens registration (no deadline) with the given capacities, {pointId, capacity} pairs. */
    static void open(long sid, long... pointCapacity) {
        List<Map<String, Object>> caps = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < pointCapacity.length; i += 2)
            caps.add(Map.of("pointId", pointCapacity[i], "capacity", pointCapacity[i + 1]));
        Map<String, Object> b = new HashMap<>();
        b.put("accepting", true);
        b.put("capacities", caps);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .put(base(sid))
                .then()
                .statusCode(200)
                .body("open", org.hamcrest.Matchers.equalTo(true));
    }

    /** A new link (point and unit may be null); returns its token, the last part of its URL. */
    static String link(long sid, Long pointId, String unitName) {
        Map<String, Object> b = new HashMap<>();
        b.put("pointId", pointId);
        b.put("unitName", unitName);
        String url = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(b)
                .post(base(sid) + "/links")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static Map<String, Object> person(String fullName, String unitName, Long pointId) {
        Map<String, Object> b = new HashMap<>();
        b.put("fullName", fullName);
        b.put("position", "Chuyên viên");
        b.put("unitName", unitName);
        if (pointId != null) b.put("pointId", pointId);
        return b;
    }

    /** Registers through the public link without any credentials. */
    static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/registration/links/" + token)
                .then();
    }

    static long count(long sid) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.count("sessionId", sid));
    }
}
