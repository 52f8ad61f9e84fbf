package vn.diemcau.floor;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

/**
 * A LIVE session made through the API: main hall, point 1 (op1) and point 2 (op2), two delegates
 * at point 1 and one at point 2, each with an invitation token; two agenda items.
 */
public final class FloorFixture {
    public final long sessionId;
    public final long mainHall;
    public final long point1;
    public final long point2;
    public final long delegate1;
    public final long delegate2;
    public final long delegate3;
    public final String token1;
    public final String token2;
    public final String token3;
    public final List<Long> items;

    private FloorFixture(boolean start) {
        sessionId = Fixtures.session(
                "Hội nghị quán triệt Quy định 126 " + uid(),
                "CONFERENCE",
                "2026-12-03T08:00:00+07:00",
                "2026-12-03T11:30:00+07:00");
        mainHall = point("Hội trường lớn", true, List.of());
        point1 = point("Điểm cầu Huyện Gio Linh " + uid(), false, List.of(Tokens.username(Tokens.OPERATOR1)));
        point2 = point("Điểm cầu Huyện Cam Lộ " + uid(), false, List.of(Tokens.username(Tokens.OPERATOR2)));
        delegate1 =
                RosterFixtures.addDelegate(sessionId, RosterFixtures.delegate("Nguyễn Văn Ánh", "Xã Gio Mai", point1));
        delegate2 = RosterFixtures.addDelegate(sessionId, RosterFixtures.delegate("Lê Thị Bích", "Xã Gio Hải", point1));
        delegate3 = RosterFixtures.addDelegate(
                sessionId, RosterFixtures.delegate("Trần Quốc Cường", "Xã Cam Hiếu", point2));
        token1 = invitation(delegate1);
        token2 = invitation(delegate2);
        token3 = invitation(delegate3);
        items = List.of(item("Khai mạc hội nghị", 10), item("Quán triệt Quy định 126-QĐ/TW", 45));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sessionId + "/schedule")
                .then()
                .statusCode(200);
        if (start)
            command(Tokens.ORGANIZER, Map.of("type", "session.start"), id()).statusCode(200);
    }

    /** A session that is LIVE. */
    public static FloorFixture live() {
        return new FloorFixture(true);
    }

    /** A session that is only SCHEDULED. */
    public static FloorFixture scheduled() {
        return new FloorFixture(false);
    }

    public static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String id() {
        return "cmd-" + UUID.randomUUID();
    }

    /** POSTs a live command over REST as {@code user}, with {@code key} as Idempotency-Key. */
    public ValidatableResponse command(String user, Map<String, ?> body, String key) {
        return Tokens.as(user)
                .contentType(ContentType.JSON)
                .header("Accept-Language", "vi")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/sessions/" + sessionId + "/live/commands")
                .then();
    }

    public ValidatableResponse request(String user, long pointId, Long delegateId, String topic) {
        Map<String, Object> b = new HashMap<>();
        b.put("type", "floor.request");
        b.put("pointId", pointId);
        if (delegateId != null) b.put("delegateId", delegateId);
        b.put("topic", topic);
        return command(user, b, id());
    }

    public ValidatableResponse act(String user, String type, long requestId) {
        return command(user, Map.of("type", type, "requestId", requestId), id());
    }

    public ValidatableResponse floor(String user) {
        return Tokens.as(user).get("/api/sessions/" + sessionId + "/floor").then();
    }

    /** The id of the only waiting request of {@code pointId}. */
    public long waitingOf(long pointId) {
        List<Integer> ids = floor(Tokens.ORGANIZER)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("queue.findAll { it.pointId == " + pointId + " }.id");
        if (ids.size() != 1) throw new IllegalStateException("waiting of " + pointId + ": " + ids);
        return ids.get(0);
    }

    public void end() {
        command(Tokens.ORGANIZER, Map.of("type", "session.end"), id()).statusCode(200);
    }

    private long point(String name, boolean hall, List<String> operators) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("mainHall", hall);
        b.put("expectedCount", hall ? 120 : 60);
        b.put("operators", operators);
        return Fixtures.create("/api/sessions/" + sessionId + "/points", b);
    }

    private long item(String title, int minutes) {
        return Fixtures.create(
                "/api/sessions/" + sessionId + "/agenda", Map.of("title", title, "durationMinutes", minutes));
    }

    private String invitation(long delegateId) {
        return Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sessionId + "/delegates/" + delegateId + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }
}
