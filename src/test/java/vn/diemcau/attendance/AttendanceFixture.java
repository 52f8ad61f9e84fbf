package vn.diemcau.attendance;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

/**
 * A scheduled session on its own unit tree (a province with two districts and a commune under the
 * first): the main hall at the province, point 1 (op1) at district A, point 2 (op2) at the commune
 * under A, point 3 (no operator) at district B, each with delegates. Made through the API.
 */
public final class AttendanceFixture {
    public final long sessionId;
    public final long hall;
    public final long point1;
    public final long point2;
    public final long point3;
    public final long province;
    public final long districtA;
    public final long commune;
    public final long districtB;
    /** Delegates per point: hall 2, point1 4, point2 3, point3 2. */
    public final Map<Long, List<Long>> delegates = new HashMap<>();

    public final String uid = UUID.randomUUID().toString().substring(0, 8);

    public AttendanceFixture() {
        province = Fixtures.unit(null, null, "Tỉnh Quảng Trị " + uid, "PROVINCE");
        districtA = Fixtures.unit(province, null, "Huyện Gio Linh " + uid, "DISTRICT");
        commune = Fixtures.unit(districtA, null, "Xã Gio Mỹ " + uid, "COMMUNE");
        districtB = Fixtures.unit(province, null, "Huyện Cam Lộ " + uid, "DISTRICT");
        sessionId = RosterFixtures.session("Hội nghị quán triệt Quy định 126 " + uid);
        hall = point("Hội trường lớn", true, province, 0, List.of());
        point1 = point("Điểm cầu Gio Linh", false, districtA, 0, List.of(Tokens.username(Tokens.OPERATOR1)));
        point2 = point("Điểm cầu Gio Mỹ", false, commune, 10, List.of(Tokens.username(Tokens.OPERATOR2)));
        point3 = point("Điểm cầu Cam Lộ", false, districtB, 0, List.of());
        add(hall, "Lê Văn Thành", "Trần Thị Ánh");
        add(point1, "Nguyễn Hữu Quất", "Phạm Thị Đào", "Hoàng Văn Ân", "Đặng Minh Châu");
        add(point2, "Võ Thị Sáu", "Bùi Quang Dũng", "Ngô Thị Yến");
        add(point3, "Trương Công Bình", "Lương Thị Hạnh");
    }

    public AttendanceFixture scheduled() {
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sessionId + "/schedule")
                .then()
                .statusCode(200);
        return this;
    }

    public long d(long point, int i) {
        return delegates.get(point).get(i);
    }

    /** The invitation token of a delegate. */
    public String invitation(long delegateId) {
        return Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sessionId + "/delegates/" + delegateId + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("token");
    }

    private long point(String name, boolean mainHall, long unitId, int expected, List<String> operators) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name + " " + uid);
        b.put("mainHall", mainHall);
        b.put("unitId", unitId);
        b.put("expectedCount", expected);
        b.put("operators", operators);
        return Fixtures.create("/api/sessions/" + sessionId + "/points", b);
    }

    private void add(long point, String... names) {
        List<Long> ids = new ArrayList<>();
        for (String n : names) {
            ids.add(RosterFixtures.addDelegate(sessionId, RosterFixtures.delegate(n, "Ban Tuyên giáo", point)));
        }
        delegates.put(point, ids);
    }

    public static io.restassured.specification.RequestSpecification json(String user) {
        return Tokens.as(user).contentType(ContentType.JSON);
    }
}
