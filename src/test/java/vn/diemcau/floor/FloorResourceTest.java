package vn.diemcau.floor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

@QuarkusTest
class FloorResourceTest {
    static long requests(long sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> FloorRequest.count("sessionId", sessionId));
    }

    @Test
    void theQueueKeepsRequestOrderAndGrantingTheNextFinishesTheCurrentSpeaker() {
        FloorFixture f = FloorFixture.live();
        f.request(Tokens.OPERATOR1, f.point1, f.delegate1, "Ý kiến về công tác bảo vệ chính trị nội bộ")
                .statusCode(200)
                .body("type", equalTo("live.ack"));
        f.request(Tokens.OPERATOR2, f.point2, null, "Kiến nghị của huyện Cam Lộ")
                .statusCode(200);
        f.floor(Tokens.OBSERVER)
                .statusCode(200)
                .body("speaking", nullValue())
                .body("queue.pointId", contains((int) f.point1, (int) f.point2))
                .body("queue[0].delegateName", equalTo("Nguyễn Văn Ánh"))
                .body("queue[0].topic", equalTo("Ý kiến về công tác bảo vệ chính trị nội bộ"))
                .body("queue[0].requestedAt", notNullValue())
                .body("queue[1].delegateId", nullValue())
                .body("queue.status", contains("WAITING", "WAITING"));
        long first = f.waitingOf(f.point1);
        long second = f.waitingOf(f.point2);

        f.act(Tokens.ORGANIZER, "floor.grant", first).statusCode(200);
        f.floor(Tokens.OPERATOR2)
                .statusCode(200)
                .body("speaking.id", equalTo((int) first))
                .body("speaking.status", equalTo("GRANTED"))
                .body("queue.id", contains((int) second));

        // One speaker at a time: granting the next ends the current one.
        f.act(Tokens.ORGANIZER, "floor.grant", second).statusCode(200);
        f.floor(Tokens.OPERATOR1).body("speaking.id", equalTo((int) second)).body("queue", hasSize(0));
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/floor/requests")
                .then()
                .statusCode(200)
                .body("id", contains((int) first, (int) second))
                .body("status", contains("FINISHED", "GRANTED"))
                .body("[0].closedAt", notNullValue());

        // The speaking point ends its own turn; a finished request cannot be granted again.
        f.act(Tokens.OPERATOR2, "floor.finish", second).statusCode(200);
        f.floor(Tokens.ORGANIZER).body("speaking", nullValue());
        f.act(Tokens.ORGANIZER, "floor.grant", first).statusCode(409).body("code", equalTo("floor.not-waiting"));
    }

    @Test
    void declineNeedsAReasonWithdrawIsTheOwnPointsAndNothingChangesOnRefusal() {
        FloorFixture f = FloorFixture.live();
        f.request(Tokens.OPERATOR1, f.point1, null, "Báo cáo tình hình").statusCode(200);
        f.request(Tokens.OPERATOR2, f.point2, f.delegate3, "Đề xuất bổ sung tài liệu")
                .statusCode(200);
        long a = f.waitingOf(f.point1);
        long b = f.waitingOf(f.point2);

        f.command(Tokens.ORGANIZER, Map.of("type", "floor.decline", "requestId", a, "reason", "  "), FloorFixture.id())
                .statusCode(400)
                .body("code", equalTo("floor.reason-required"))
                .body("detail", equalTo("Cần nêu lý do từ chối."));
        f.floor(Tokens.ORGANIZER).body("queue.id", contains((int) a, (int) b));

        f.command(
                        Tokens.ORGANIZER,
                        Map.of("type", "floor.decline", "requestId", a, "reason", "Hết thời gian thảo luận"),
                        FloorFixture.id())
                .statusCode(200);
        Tokens.as(Tokens.OBSERVER)
                .get("/api/sessions/" + f.sessionId + "/floor/requests")
                .then()
                .body("find { it.id == " + a + " }.status", equalTo("DECLINED"))
                .body("find { it.id == " + a + " }.declineReason", equalTo("Hết thời gian thảo luận"));

        // op1 may not withdraw point 2's request; op2 may.
        f.act(Tokens.OPERATOR1, "floor.withdraw", b).statusCode(403).body("code", equalTo("point.not-assigned"));
        f.floor(Tokens.ORGANIZER).body("queue.id", contains((int) b));
        f.act(Tokens.OPERATOR2, "floor.withdraw", b).statusCode(200);
        f.floor(Tokens.ORGANIZER).body("queue", hasSize(0));
        f.act(Tokens.OPERATOR2, "floor.withdraw", b).statusCode(409).body("code", equalTo("floor.not-waiting"));
        // A withdrawn request no longer blocks a new one for the same person.
        f.request(Tokens.OPERATOR2, f.point2, f.delegate3, "Đề xuất bổ sung tài liệu")
                .statusCode(200);
    }

    @Test
    void reorderTakesAllWaitingRequestsEachOnce() {
        FloorFixture f = FloorFixture.live();
        f.request(Tokens.OPERATOR1, f.point1, f.delegate1, "Một").statusCode(200);
        f.request(Tokens.OPERATOR1, f.point1, f.delegate2, "Hai").statusCode(200);
        f.request(Tokens.OPERATOR2, f.point2, null, "Ba").statusCode(200);
        List<Integer> ids = f.floor(Tokens.ORGANIZER).extract().jsonPath().getList("queue.id");
        long a = ids.get(0), b = ids.get(1), c = ids.get(2);

        f.command(Tokens.ORGANIZER, Map.of("type", "floor.reorder", "requestIds", List.of(c, a)), FloorFixture.id())
                .statusCode(400)
                .body("code", equalTo("floor.order-mismatch"));
        f.command(Tokens.ORGANIZER, Map.of("type", "floor.reorder", "requestIds", List.of(c, a, a)), FloorFixture.id())
                .statusCode(400);
        f.floor(Tokens.ORGANIZER).body("queue.id", contains((int) a, (int) b, (int) c));
        f.command(Tokens.OPERATOR1, Map.of("type", "floor.reorder", "requestIds", List.of(c, a, b)), FloorFixture.id())
                .statusCode(403);

        f.command(Tokens.ORGANIZER, Map.of("type", "floor.reorder", "requestIds", List.of(c, a, b)), FloorFixture.id())
                .statusCode(200);
        f.floor(Tokens.OBSERVER).body("queue.id", contains((int) c, (int) a, (int) b));
        // A request made after the reorder goes to the end.
        f.act(Tokens.ORGANIZER, "floor.grant", a).statusCode(200);
        f.request(Tokens.OPERATOR1, f.point1, f.delegate1, "Bốn")
                .statusCode(409)
                .body("code", equalTo("floor.already-requested"));
        f.request(Tokens.OPERATOR1, f.point1, null, "Bốn").statusCode(200);
        f.floor(Tokens.OBSERVER)
                .body("queue.topic", contains("Ba", "Hai", "Bốn"))
                .body("speaking.topic", equalTo("Một"));
    }

    @Test
    void aResendWithTheSameIdempotencyKeyIsAppliedOnceAndGetsTheSameAnswer() {
        FloorFixture f = FloorFixture.live();
        String key = FloorFixture.id();
        Map<String, Object> body =
                Map.of("type", "floor.request", "pointId", f.point1, "topic", "Gửi từ đường truyền yếu");
        f.command(Tokens.OPERATOR1, body, key).statusCode(200).body("commandId", equalTo(key));
        f.command(Tokens.OPERATOR1, body, key).statusCode(200).body("commandId", equalTo(key));
        f.command(Tokens.OPERATOR1, body, key).statusCode(200);
        assertEquals(1, requests(f.sessionId));
        // A refused command resent gets the same refusal, and still changes nothing.
        String bad = FloorFixture.id();
        Map<String, Object> foreign =
                Map.of("type", "floor.request", "pointId", f.point2, "topic", "Không phải điểm của tôi");
        f.command(Tokens.OPERATOR1, foreign, bad).statusCode(403).body("code", equalTo("point.not-assigned"));
        f.command(Tokens.OPERATOR1, foreign, bad).statusCode(403).body("code", equalTo("point.not-assigned"));
        assertEquals(1, requests(f.sessionId));
    }

    @Test
    void roleMatrix() {
        FloorFixture f = FloorFixture.live();
        Map<String, Object> ask = Map.of("type", "floor.request", "pointId", f.point1, "topic", "Phát biểu");
        given().contentType("application/json")
                .body(ask)
                .header("Idempotency-Key", FloorFixture.id())
                .post("/api/sessions/" + f.sessionId + "/live/commands")
                .then()
                .statusCode(401);
        given().get("/api/sessions/" + f.sessionId + "/floor").then().statusCode(401);
        f.command(Tokens.OBSERVER, ask, FloorFixture.id()).statusCode(403);
        f.command(Tokens.NOBODY, ask, FloorFixture.id()).statusCode(403);
        f.command(Tokens.OPERATOR3, ask, FloorFixture.id()).statusCode(403);
        f.command(Tokens.OPERATOR2, ask, FloorFixture.id()).statusCode(403).body("code", equalTo("point.not-assigned"));
        given().header("Authorization", "Invitation " + f.token1)
                .contentType("application/json")
                .header("Idempotency-Key", FloorFixture.id())
                .body(ask)
                .post("/api/sessions/" + f.sessionId + "/live/commands")
                .then()
                .statusCode(403);
        assertEquals(0, requests(f.sessionId));

        // The organizer may ask on behalf of any point; only the organizer grants.
        f.request(Tokens.ORGANIZER, f.point1, null, "Thay mặt điểm cầu").statusCode(200);
        long id = f.waitingOf(f.point1);
        f.act(Tokens.OPERATOR1, "floor.grant", id).statusCode(403).body("code", equalTo("forbidden"));
        f.act(Tokens.OBSERVER, "floor.grant", id).statusCode(403);
        f.floor(Tokens.ORGANIZER).body("speaking", nullValue());

        // Reading: staff of the session and its participants; not an operator of other points, not nobody.
        f.floor(Tokens.OBSERVER).statusCode(200);
        f.floor(Tokens.OPERATOR1).statusCode(200);
        f.floor(Tokens.OPERATOR3).statusCode(403);
        f.floor(Tokens.NOBODY).statusCode(403);
        given().header("Authorization", "Invitation " + f.token3)
                .get("/api/sessions/" + f.sessionId + "/floor")
                .then()
                .statusCode(200)
                .body("queue", hasSize(1));
        given().header("Authorization", "Invitation " + f.token3)
                .get("/api/sessions/" + f.sessionId + "/floor/requests")
                .then()
                .statusCode(403);
        FloorFixture other = FloorFixture.live();
        given().header("Authorization", "Invitation " + other.token1)
                .get("/api/sessions/" + f.sessionId + "/floor")
                .then()
                .statusCode(403);
    }

    @Test
    void badRequestsAreRefusedClearlyAndChangeNothing() {
        FloorFixture f = FloorFixture.live();
        f.request(Tokens.OPERATOR1, f.point1, null, " ").statusCode(400).body("code", equalTo("floor.topic-required"));
        f.request(Tokens.OPERATOR1, f.point1, null, "x".repeat(301))
                .statusCode(400)
                .body("code", equalTo("floor.topic-too-long"));
        // delegate 3 attends at point 2, not point 1
        f.request(Tokens.OPERATOR1, f.point1, f.delegate3, "Phát biểu")
                .statusCode(400)
                .body("code", equalTo("floor.delegate-not-at-point"));
        FloorFixture other = FloorFixture.live();
        f.request(Tokens.ORGANIZER, f.point1, other.delegate1, "Phát biểu")
                .statusCode(400)
                .body("code", equalTo("floor.delegate-unknown"));
        f.request(Tokens.ORGANIZER, other.point1, null, "Phát biểu").statusCode(404);
        f.act(Tokens.ORGANIZER, "floor.grant", 987654321L)
                .statusCode(404)
                .body("code", equalTo("not-found.floor-request"));
        assertEquals(0, requests(f.sessionId));

        f.request(Tokens.OPERATOR1, f.point1, f.delegate1, "Phát biểu").statusCode(200);
        f.request(Tokens.OPERATOR1, f.point1, f.delegate1, "Lần nữa")
                .statusCode(409)
                .body("code", equalTo("floor.already-requested"));
        assertEquals(1, requests(f.sessionId));

        FloorFixture scheduled = FloorFixture.scheduled();
        scheduled
                .request(Tokens.OPERATOR1, scheduled.point1, null, "Sớm quá")
                .statusCode(409)
                .body("code", equalTo("floor.session-not-live"));
        assertEquals(0, requests(scheduled.sessionId));
    }

    @Test
    void endingTheSessionEndsTheCurrentTurn() {
        FloorFixture f = FloorFixture.live();
        f.request(Tokens.OPERATOR1, f.point1, null, "Phát biểu cuối").statusCode(200);
        long id = f.waitingOf(f.point1);
        f.act(Tokens.ORGANIZER, "floor.grant", id).statusCode(200);
        f.end();
        f.floor(Tokens.ORGANIZER).body("speaking", nullValue());
        Tokens.as(Tokens.ORGANIZER)
                .get("/api/sessions/" + f.sessionId + "/floor/requests")
                .then()
                .body("[0].status", equalTo("FINISHED"));
        f.request(Tokens.OPERATOR1, f.point1, null, "Muộn").statusCode(409);
    }

    @Test
    void aClosedQueueRefusesNewRequestsKeepsTheWaitingOnesAndReopens() {
        FloorFixture f = FloorFixture.live();
        f.request(Tokens.OPERATOR1, f.point1, null, "Đã đăng ký trước khi đóng").statusCode(200);
        long waiting = f.waitingOf(f.point1);
        f.floor(Tokens.OPERATOR2).body("queueClosed", equalTo(false));

        // Only the organizer closes the queue.
        f.command(Tokens.OPERATOR1, Map.of("type", "floor.close_queue"), FloorFixture.id())
                .statusCode(403)
                .body("code", equalTo("forbidden"));
        f.command(Tokens.OBSERVER, Map.of("type", "floor.close_queue"), FloorFixture.id())
                .statusCode(403);
        f.floor(Tokens.ORGANIZER).body("queueClosed", equalTo(false));

        f.command(Tokens.ORGANIZER, Map.of("type", "floor.close_queue"), FloorFixture.id())
                .statusCode(200)
                .body("type", equalTo("live.ack"));
        f.floor(Tokens.OPERATOR2).statusCode(200).body("queueClosed", equalTo(true));
        given().header("Authorization", "Invitation " + f.token3)
                .get("/api/sessions/" + f.sessionId + "/floor")
                .then()
                .body("queueClosed", equalTo(true));

        // A request while closed is refused clearly and stores nothing, from the point or the organizer.
        f.request(Tokens.OPERATOR2, f.point2, f.delegate3, "Xin phát biểu khi đã đóng")
                .statusCode(409)
                .body("code", equalTo("floor.queue-closed"))
                .body(
                        "detail",
                        equalTo("Hội trường chính đã đóng danh sách đăng ký phát biểu: tạm thời không nhận"
                                + " đăng ký mới."));
        f.request(Tokens.ORGANIZER, f.point2, null, "Thay mặt").statusCode(409);
        assertEquals(1, requests(f.sessionId));

        // The request already waiting stays and can be granted.
        f.floor(Tokens.ORGANIZER).body("queue.id", contains((int) waiting));
        f.act(Tokens.ORGANIZER, "floor.grant", waiting).statusCode(200);
        f.floor(Tokens.ORGANIZER).body("speaking.id", equalTo((int) waiting));

        f.command(Tokens.OPERATOR1, Map.of("type", "floor.open_queue"), FloorFixture.id())
                .statusCode(403);
        f.command(Tokens.ORGANIZER, Map.of("type", "floor.open_queue"), FloorFixture.id())
                .statusCode(200);
        f.floor(Tokens.ORGANIZER).body("queueClosed", equalTo(false));
        f.request(Tokens.OPERATOR2, f.point2, f.delegate3, "Xin phát biểu sau khi mở lại")
                .statusCode(200);
        assertEquals(2, requests(f.sessionId));
        assertEquals(
                List.of("floor.queue_closed", "floor.queue_opened"),
                QuarkusTransaction.requiringNew()
                        .call(() -> vn.diemcau.audit.AuditEvent.<vn.diemcau.audit.AuditEvent>list(
                                        "sessionId = ?1 and action like 'floor.queue%' order by id", f.sessionId)
                                .stream()
                                .map(e -> e.action)
                                .toList()));
    }
}
