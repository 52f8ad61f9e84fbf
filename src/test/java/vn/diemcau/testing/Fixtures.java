package vn.diemcau.testing;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/** Data every feature's tests need, made through the API as an organizer would. */
public final class Fixtures {
    private Fixtures() {}

    /** POSTs {@code body} to {@code path} as the organizer, expects 201 and returns the new id. */
    public static long create(String path, Map<String, ?> body) {
        return Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** A DRAFT session; {@code startsAt}/{@code endsAt} (ISO with offset) may be null. */
    public static long session(String title, String kind, String startsAt, String endsAt) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("kind", kind);
        if (startsAt != null) b.put("startsAt", startsAt);
        if (endsAt != null) b.put("endsAt", endsAt);
        return create("/api/sessions", b);
    }

    /** A master unit; {@code parentId} and {@code code} may be null. */
    public static long unit(Long parentId, String code, String name, String level) {
        Map<String, Object> b = new HashMap<>();
        b.put("parentId", parentId);
        b.put("code", code);
        b.put("name", name);
        b.put("level", level);
        return create("/api/units", b);
    }
}
