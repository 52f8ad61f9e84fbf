package vn.diemcau.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/** The quick start's demo goes through the real services and yields the session demo.md describes. */
@QuarkusTest
class DemoSeederTest {
    @Inject
    DemoSeeder seeder;

    @Test
    void seedsTheTrainingConferenceOnceWithPointsRosterAndAgenda() {
        seeder.seed();
        seeder.seed(); // a second start changes nothing

        List<Integer> ids = Tokens.as(Tokens.ORGANIZER)
                .queryParam("q", "bảo vệ chính trị nội bộ năm 2026")
                .get("/api/sessions")
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.title == '" + DemoSeeder.TITLE + "' }.id");
        assertEquals(1, ids.size(), "exactly one demo session");
        long id = ids.get(0);

        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + id)
                .then()
                .body("status", equalTo("SCHEDULED"))
                .body("kind", equalTo("TRAINING"))
                .body("hostUnitName", equalTo("Ban Tổ chức Tỉnh ủy"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + id + "/points")
                .then()
                .body("size()", equalTo(11))
                .body("[0].name", equalTo(DemoSeeder.MAIN_HALL))
                .body("[0].mainHall", equalTo(true))
                .body("name", hasItem("Điểm cầu Huyện Gio Linh"));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + id + "/delegates")
                .then()
                .body("total", equalTo(152));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + id + "/agenda")
                .then()
                .body("size()", equalTo(7))
                .body("[0].title", org.hamcrest.Matchers.startsWith("Khai mạc"));
        Tokens.as(Tokens.ORGANIZER)
                .queryParam("sessionId", id)
                .queryParam("action", "session.created")
                .get("/api/audit-events")
                .then()
                .body("items[0].actor", equalTo("demo-seed"));
    }
}
