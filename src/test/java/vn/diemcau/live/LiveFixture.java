package vn.diemcau.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

/** Test data for live tests, made through the REST API: a scheduled session, its points and agenda. */
final class LiveFixture {
    final long sessionId;
    final long mainHall;
    final long point1;
    final long point2;
    final List<Long> items;

    private LiveFixture(long sessionId, long mainHall, long point1, long point2, List<Long> items) {
        this.sessionId = sessionId;
        this.mainHall = mainHall;
        this.point1 = point1;
        this.point2 = point2;
        this.items = items;
    }

    /** A SCHEDULED session: main hall, point 1 and point 2 with their operators, three agenda items. */
    static LiveFixture scheduled() {
        return scheduled(Tokens.OPERATOR1, Tokens.OPERATOR2);
    }

    static LiveFixture scheduled(String operator1, String operator2) {
        long sid = Fixtures.session(
                "Hội nghị trực tuyến " + uid(), "CONFERENCE", "2026-12-03T08:00:00+07:00", "2026-12-03T11:30:00+07:00");
        long hall = point(sid, "Hội trường lớn", true, List.of());
        long p1 = point(sid, "Điểm cầu Huyện Gio Linh " + uid(), false, List.of(Tokens.username(operator1)));
        long p2 = point(sid, "Điểm cầu Huyện Cam Lộ " + uid(), false, List.of(Tokens.username(operator2)));
        List<Long> items = List.of(
                item(sid, "Khai mạc", 10), item(sid, "Quán triệt Quy định 126", 45), item(sid, "Thảo luận", 30));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sid + "/schedule")
                .then()
                .statusCode(200);
        return new LiveFixture(sid, hall, p1, p2, items);
    }

    static String uid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static long point(long sid, String name, boolean mainHall, List<String> operators) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("mainHall", mainHall);
        b.put("expectedCount", 60);
        b.put("operators", operators);
        return Fixtures.create("/api/sessions/" + sid + "/points", b);
    }

    private static long item(long sid, String title, int minutes) {
        return Fixtures.create("/api/sessions/" + sid + "/agenda", Map.of("title", title, "durationMinutes", minutes));
    }
}
