package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.floor.FloorFixture;
import vn.diemcau.testing.Tokens;

/** The feedback form opening and closing reaches the phones live, with real WebSocket clients. */
@QuarkusTest
class FeedbackLiveTest {
    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    @Test
    void openingAndClosingTheFormReachThePhones() {
        FloorFixture f = FloorFixture.live();
        long formId = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        "Phiếu đánh giá hội nghị",
                        "openOnEnd",
                        false,
                        "questions",
                        List.of(Map.of("kind", "RATING", "text", "Chất lượng hội nghị"))))
                .put("/api/sessions/" + f.sessionId + "/feedback")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
        try (WsClient phone =
                WsClient.connect(vertx, base, f.sessionId, Map.of("Authorization", "Invitation " + f.token1), null)) {
            phone.awaitType("live.snapshot");
            Tokens.as(Tokens.ORGANIZER)
                    .post("/api/sessions/" + f.sessionId + "/feedback/open")
                    .then()
                    .statusCode(200);
            assertEquals(formId, phone.awaitType("feedback.opened").getLong("formId"));
            Tokens.as(Tokens.ORGANIZER)
                    .post("/api/sessions/" + f.sessionId + "/feedback/close")
                    .then()
                    .statusCode(200);
            assertEquals(formId, phone.awaitType("feedback.closed").getLong("formId"));
            assertEquals(1, phone.ofType("feedback.opened").size());
        }
    }
}
