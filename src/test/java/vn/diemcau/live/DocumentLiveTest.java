package vn.diemcau.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diemcau.document.DocumentFixtures.invited;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.document.DocumentFixtures;
import vn.diemcau.testing.Tokens;

/** Documents released by the agenda reach the right screens live (document.released). */
@QuarkusTest
class DocumentLiveTest {
    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDocumentOfAnItemIsUnavailableBeforeTheItemStartsAndReachesItsAudienceTheMomentItStarts() {
        LiveFixture f = LiveFixture.scheduled();
        String atPoint1 = invitation(f, f.point1, "Lê Thị Hoa");
        String atPoint2 = invitation(f, f.point2, "Phạm Văn Nam");
        long item = f.items.get(1);
        byte[] pdf = DocumentFixtures.pdf("Quy định 126-QĐ/TW", 1);
        long forPoint1 = DocumentFixtures.uploaded(
                f.sessionId, "quy-dinh-126.pdf", pdf, Map.of("agendaItemId", item, "pointIds", f.point1));
        long forAll = DocumentFixtures.uploaded(f.sessionId, "huong-dan-19.pdf", pdf, Map.of("agendaItemId", item));

        // before the item starts: held back from everyone but the organizers
        Tokens.as(Tokens.ORGANIZER)
                .get(path(f, forPoint1))
                .then()
                .statusCode(200)
                .body("release", org.hamcrest.Matchers.equalTo("ON_ITEM_START"))
                .body("released", org.hamcrest.Matchers.equalTo(false));
        invited(atPoint1).get(file(f, forPoint1)).then().statusCode(404);
        invited(atPoint1).get(file(f, forAll)).then().statusCode(404);
        Tokens.as(Tokens.OPERATOR1).get(file(f, forPoint1)).then().statusCode(404);
        assertEquals(
                List.of(), ids(invited(atPoint1).get(documents(f)).jsonPath().getList("id")));

        try (WsClient p1 = participant(f, atPoint1);
                WsClient p2 = participant(f, atPoint2);
                WsClient op1 = WsClient.connect(vertx, base, f.sessionId, Tokens.OPERATOR1, null)) {
            assertEquals(
                    0, p1.awaitType("live.snapshot").getJsonArray("documents").size());
            p2.awaitType("live.snapshot");
            op1.awaitType("live.snapshot");
            command(f, "session.start", null);
            command(f, "agenda.start_item", f.items.get(0));
            // the first item has no documents: nothing is released
            p1.awaitType("agenda.item_started");
            assertTrue(p1.ofType("document.released").isEmpty());
            command(f, "agenda.start_item", item);

            JsonObject released = p1.await(
                    m -> "document.released".equals(m.getString("type")) && m.getLong("documentId") == forPoint1);
            assertEquals(item, released.getLong("agendaItemId"));
            assertTrue(released.containsKey("seq"));
            op1.await(m -> "document.released".equals(m.getString("type")) && m.getLong("documentId") == forAll);
            p2.await(m -> "document.released".equals(m.getString("type")) && m.getLong("documentId") == forAll);

            // the moment the event is out, the right people have it and the others still do not
            invited(atPoint1).get(file(f, forPoint1)).then().statusCode(200);
            invited(atPoint1).get(file(f, forAll)).then().statusCode(200);
            Tokens.as(Tokens.OPERATOR1).get(file(f, forPoint1)).then().statusCode(200);
            invited(atPoint2).get(file(f, forAll)).then().statusCode(200);
            invited(atPoint2).get(file(f, forPoint1)).then().statusCode(404);
            Tokens.as(Tokens.OPERATOR2).get(file(f, forPoint1)).then().statusCode(404);
            assertEquals(
                    List.of(forAll),
                    ids(invited(atPoint2).get(documents(f)).jsonPath().getList("id")));

            // a screen that connects now finds in its snapshot what it may see, and only that
            try (WsClient late2 = participant(f, atPoint2);
                    WsClient late1 = participant(f, atPoint1)) {
                assertEquals(List.of(forAll), snapshotIds(late2));
                assertEquals(List.of(forPoint1, forAll), snapshotIds(late1));
            }

            Tokens.as(Tokens.ORGANIZER).post(path(f, forAll) + "/recall").then().statusCode(200);
            p2.await(m -> "document.recalled".equals(m.getString("type")) && m.getLong("documentId") == forAll);
            invited(atPoint2).get(file(f, forAll)).then().statusCode(404);
            // the stream moved on: a phone connecting now gets a snapshot without the recalled one
            try (WsClient after = participant(f, atPoint2)) {
                assertEquals(List.of(), snapshotIds(after));
            }
        }
        // every download above is recorded for its recipient, none for the refused ones
        assertEquals(2, DocumentFixtures.downloads(forPoint1));
        assertEquals(2, DocumentFixtures.downloads(forAll));
    }

    private WsClient participant(LiveFixture f, String token) {
        return WsClient.connect(vertx, base, f.sessionId, Map.of("Authorization", "Invitation " + token), null);
    }

    private static List<Long> snapshotIds(WsClient c) {
        return ids(c.awaitType("live.snapshot").getJsonArray("documents").stream()
                .map(o -> ((JsonObject) o).getLong("id"))
                .toList());
    }

    private static List<Long> ids(List<?> raw) {
        return raw.stream().map(o -> ((Number) o).longValue()).sorted().toList();
    }

    private static String documents(LiveFixture f) {
        return "/api/sessions/" + f.sessionId + "/documents";
    }

    private static String path(LiveFixture f, long id) {
        return documents(f) + "/" + id;
    }

    private static String file(LiveFixture f, long id) {
        return path(f, id) + "/file";
    }

    private static void command(LiveFixture f, String type, Long itemId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("commandId", "doc-" + LiveFixture.uid());
        if (itemId != null) body.put("itemId", itemId);
        Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/sessions/" + f.sessionId + "/live/commands")
                .then()
                .statusCode(200);
    }

    private static String invitation(LiveFixture f, long pointId, String fullName) {
        long delegate = Tokens.as(Tokens.ORGANIZER)
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", fullName, "unitName", "Xã " + LiveFixture.uid(), "pointId", pointId))
                .post("/api/sessions/" + f.sessionId + "/delegates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + f.sessionId + "/delegates/" + delegate + "/invitation")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }
}
