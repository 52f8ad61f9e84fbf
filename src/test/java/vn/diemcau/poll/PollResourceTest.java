package vn.diemcau.poll;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.diemcau.roster.RosterFixtures;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class PollResourceTest {
    static long polls(long sid) {
        return QuarkusTransaction.requiringNew().call(() -> Poll.count("sessionId", sid));
    }

    static Map<String, Object> body(String kind, List<String> options) {
        Map<String, Object> b = new HashMap<>();
        b.put("question", "Đồng chí có tán thành dự thảo nghị quyết?");
        b.put("kind", kind);
        b.put("options", options);
        return b;
    }

    @Test
    void roleMatrix() {
        long sid = RosterFixtures.session("Hội nghị " + UUID.randomUUID());
        long point = RosterFixtures.point(sid, "Điểm cầu Huyện Đakrông");
        long poll = PollFixtures.poll(sid, "SINGLE", false, false, false, "Có", "Không");
        given().get("/api/sessions/" + sid + "/polls").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.forged(Tokens.OBSERVER))
                .get("/api/sessions/" + sid + "/polls")
                .then()
                .statusCode(401);
        for (String u : List.of(Tokens.OPERATOR1, Tokens.OBSERVER, Tokens.NOBODY))
            Tokens.as(u)
                    .contentType(ContentType.JSON)
                    .body(body("SINGLE", List.of("A", "B")))
                    .post("/api/sessions/" + sid + "/polls")
                    .then()
                    .statusCode(403);
        // An operator of no point of this session may not read its polls.
        Tokens.as(Tokens.OPERATOR3)
                .get("/api/sessions/" + sid + "/polls")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.OBSERVER).get("/api/sessions/" + sid + "/polls").then().statusCode(200);
        Tokens.as(Tokens.OBSERVER)
                .get("/api/sessions/" + sid + "/polls/" + poll + "/answers")
                .then()
                .statusCode(403);
        String token = PollFixtures.participant(sid, point, "Hoàng Văn Nam");
        // A DRAFT poll is not shown to participants.
        PollFixtures.asParticipant(token)
                .get("/api/sessions/" + sid + "/polls")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        PollFixtures.asParticipant(token)
                .get("/api/sessions/" + sid + "/polls/" + poll)
                .then()
                .statusCode(404);
        PollFixtures.asParticipant(token)
                .contentType(ContentType.JSON)
                .body(body("SINGLE", List.of("A", "B")))
                .post("/api/sessions/" + sid + "/polls")
                .then()
                .statusCode(403);
        long other = RosterFixtures.session("Hội nghị khác " + UUID.randomUUID());
        PollFixtures.asParticipant(token)
                .get("/api/sessions/" + other + "/polls")
                .then()
                .statusCode(403);
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + other + "/polls/" + poll)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-found.poll"));
        assertEquals(1, polls(sid));
    }

    @Test
    void badPollsAreRefusedAndNothingIsStored() {
        long sid = RosterFixtures.session("Hội nghị " + UUID.randomUUID());
        long otherSession = RosterFixtures.session("Hội nghị khác " + UUID.randomUUID());
        long foreignItem = Fixtures.create(
                "/api/sessions/" + otherSession + "/agenda", Map.of("title", "Khai mạc", "durationMinutes", 10));
        record Bad(Map<String, Object> body, String code) {}
        Map<String, Object> tooMany = body("MULTIPLE", List.of("A", "B", "C"));
        tooMany.put("maxChoices", 4);
        Map<String, Object> foreign = body("RATING", List.of());
        foreign.put("agendaItemId", foreignItem);
        Map<String, Object> noQuestion = body("SINGLE", List.of("A", "B"));
        noQuestion.put("question", "   ");
        for (Bad b : List.of(
                new Bad(body("SINGLE", List.of("Chỉ một")), "poll.options-count"),
                new Bad(body("SINGLE", List.of("Có", "Có")), "poll.options-duplicate"),
                new Bad(body(null, List.of("A", "B")), "poll.kind-required"),
                new Bad(noQuestion, "poll.question-required"),
                new Bad(tooMany, "poll.max-choices-range"),
                new Bad(foreign, "not-found.agenda-item"))) {
            Tokens.as(Tokens.ORGANIZER)
                    .contentType(ContentType.JSON)
                    .header("Accept-Language", "en")
                    .body(b.body())
                    .post("/api/sessions/" + sid + "/polls")
                    .then()
                    .statusCode(b.code().startsWith("not-found") ? 404 : 400)
                    .body("code", equalTo(b.code()));
        }
        assertEquals(0, polls(sid));
        // A rating poll gets 1–5 by itself; once open it can no longer be edited or removed.
        long rating = Fixtures.create("/api/sessions/" + sid + "/polls", body("RATING", List.of()));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + sid + "/polls/" + rating)
                .then()
                .body("options", equalTo(List.of("1", "2", "3", "4", "5")));
        PollFixtures.command(
                        Tokens.as(Tokens.ORGANIZER),
                        sid,
                        "cmd-" + UUID.randomUUID(),
                        Map.of("type", "poll.open", "pollId", rating))
                .then()
                .statusCode(200);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body("RATING", List.of()))
                .put("/api/sessions/" + sid + "/polls/" + rating)
                .then()
                .statusCode(409)
                .body("code", equalTo("poll.invalid-status"));
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/polls/" + rating)
                .then()
                .statusCode(409);
        PollFixtures.command(
                        Tokens.as(Tokens.ORGANIZER),
                        sid,
                        "cmd-" + UUID.randomUUID(),
                        Map.of("type", "poll.publish", "pollId", rating))
                .then()
                .statusCode(409)
                .body("code", equalTo("poll.invalid-status"));
        long draft = Fixtures.create("/api/sessions/" + sid + "/polls", body("TEXT", List.of()));
        Tokens.as(Tokens.ORGANIZER)
                .delete("/api/sessions/" + sid + "/polls/" + draft)
                .then()
                .statusCode(204);
        assertEquals(1, polls(sid));
    }
}
