package vn.diemcau.bench;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.diemcau.testing.Tokens;

/**
 * A live session for load, made through the REST API like the main hall would: a main hall, points
 * operated by op1, an agenda with its first item running, and delegates with real invitations.
 */
final class BenchFixture {
    final long sessionId;
    final long itemId;
    final List<Long> points = new ArrayList<>();
    final List<String> invitations = new ArrayList<>();
    /** The server the fixture is made on; null: the {@code @QuarkusTest} app itself. */
    private final URI server;

    private String token;
    private long tokenAt;

    BenchFixture(int pointCount, int delegates) {
        this(null, pointCount, delegates);
    }

    BenchFixture(URI server, int pointCount, int delegates) {
        this.server = server;
        String uid = UUID.randomUUID().toString().substring(0, 8);
        sessionId = create(
                "/api/sessions",
                Map.of(
                        "title",
                        "Hội nghị trực tuyến toàn tỉnh " + uid,
                        "kind",
                        "CONFERENCE",
                        "startsAt",
                        "2026-12-03T08:00:00+07:00",
                        "endsAt",
                        "2026-12-03T11:30:00+07:00"));
        String operator = Tokens.username(Tokens.OPERATOR1);
        create(
                "/api/sessions/" + sessionId + "/points",
                Map.of("name", "Hội trường lớn", "mainHall", true, "expectedCount", 500, "operators", List.of()));
        for (int i = 0; i < pointCount; i++) {
            points.add(create(
                    "/api/sessions/" + sessionId + "/points",
                    Map.of(
                            "name",
                            "Điểm cầu xã " + (i + 1) + " " + uid,
                            "mainHall",
                            false,
                            "expectedCount",
                            40,
                            "operators",
                            List.of(operator))));
        }
        itemId = create(
                "/api/sessions/" + sessionId + "/agenda",
                Map.of("title", "Quán triệt Nghị quyết", "durationMinutes", 60));
        create("/api/sessions/" + sessionId + "/agenda", Map.of("title", "Thảo luận", "durationMinutes", 30));
        org().post("/api/sessions/" + sessionId + "/schedule").then().statusCode(200);
        for (int i = 0; i < delegates; i++) {
            long d = org().contentType(ContentType.JSON)
                    .body(Map.of(
                            "fullName", "Đại biểu Nguyễn Văn " + (i + 1), "pointId", points.get(i % points.size())))
                    .post("/api/sessions/" + sessionId + "/delegates")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            invitations.add(org().post("/api/sessions/" + sessionId + "/delegates/" + d + "/invitation")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("token"));
        }
        command(Map.of("type", "session.start"));
        command(Map.of("type", "agenda.start_item", "itemId", itemId));
    }

    /**
     * The organizer, with a token fetched again every minute: making a large fixture on a loaded
     * machine outlasts the dev OIDC server's token lifetime.
     */
    private RequestSpecification org() {
        if (token == null || System.currentTimeMillis() - tokenAt > 60_000) {
            token = Tokens.fresh(Tokens.ORGANIZER);
            tokenAt = System.currentTimeMillis();
        }
        RequestSpecification r = io.restassured.RestAssured.given().auth().oauth2(token);
        // the port explicitly: REST Assured's global one is the @QuarkusTest app's
        return server == null
                ? r
                : r.baseUri(server.getScheme() + "://" + server.getHost()).port(server.getPort());
    }

    private long create(String path, Map<String, ?> body) {
        return org().contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    String path() {
        return "/live/sessions/" + sessionId;
    }

    /** The main hall's action that every screen must show: the running item gets a minute more. */
    String extendBody() {
        return "{\"type\":\"agenda.extend_item\",\"commandId\":\"{uuid}\",\"itemId\":" + itemId + ",\"minutes\":1}";
    }

    String commandsPath() {
        return "/api/sessions/" + sessionId + "/live/commands";
    }

    /** Connection i: every tenth an operator (bearer token), the others participants (invitations). */
    Map<String, String> headers(int i, String operatorToken) {
        return i % 10 == 0
                ? Map.of("Authorization", "Bearer " + operatorToken)
                : Map.of("Authorization", "Invitation " + invitations.get(i % invitations.size()));
    }

    private void command(Map<String, Object> body) {
        Map<String, Object> b = new java.util.HashMap<>(body);
        b.put("commandId", UUID.randomUUID().toString());
        org().contentType(ContentType.JSON).body(b).post(commandsPath()).then().statusCode(200);
    }
}
