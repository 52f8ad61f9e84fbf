package vn.diemcau.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.diemcau.testing.Tokens;

/** Identity is checked again on long-open sockets; refused upgrades leave no error in the log. */
@QuarkusTest
class LiveSocketRecheckTest {
    @Inject
    Vertx vertx;

    @Inject
    LiveSocket socket;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aParticipantWhoseInvitationIsRevokedIsClosedWith4401() {
        LiveFixture f = LiveFixture.scheduled();
        String revoked = LiveSocketTest.invitation(f, "Trần Thị Bích");
        String kept = LiveSocketTest.invitation(f, "Lê Văn Tám");
        try (WsClient byHeader = WsClient.connect(
                        vertx, base, f.sessionId, Map.of("Authorization", "Invitation " + revoked), null);
                WsClient byCookie =
                        WsClient.connect(vertx, base, f.sessionId, Map.of("Cookie", "dc_invitation=" + revoked), null);
                WsClient other = WsClient.connect(
                        vertx, base, f.sessionId, Map.of("Authorization", "Invitation " + kept), null)) {
            byHeader.awaitType("live.snapshot");
            byCookie.awaitType("live.snapshot");
            other.awaitType("live.snapshot");
            long delegate = delegateOf(f, revoked);
            Tokens.as(Tokens.ORGANIZER)
                    .delete("/api/sessions/" + f.sessionId + "/delegates/" + delegate + "/invitation")
                    .then()
                    .statusCode(org.hamcrest.Matchers.lessThan(300));
            // Rechecked every second in tests (diemcau.live.recheck-every).
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> byHeader.closeCode != null && byCookie.closeCode != null);
            assertEquals((short) LiveSocket.CLOSE_UNAUTHENTICATED, byHeader.closeCode);
            assertEquals((short) LiveSocket.CLOSE_UNAUTHENTICATED, byCookie.closeCode);
            // The other delegate's socket stays open and keeps following.
            LiveSocketTest.command(f, Map.of("type", "session.start", "commandId", LiveSocketTest.id()));
            other.awaitType("session.started");
            assertNull(other.closeCode);
        }
    }

    @Test
    void aStaffSocketWhoseTokenHasExpiredIsClosedWith4401() {
        LiveFixture f = LiveFixture.scheduled();
        try (WsClient staff = WsClient.connect(vertx, base, f.sessionId, Tokens.OBSERVER, null)) {
            staff.awaitType("live.snapshot");
            socket.recheck(Instant.now()); // still valid: stays open
            LiveSocketTest.command(f, Map.of("type", "session.start", "commandId", LiveSocketTest.id()));
            staff.awaitType("session.started");
            assertNull(staff.closeCode);
            // The same check once the token's lifetime has passed (the dev OIDC server's tokens last
            // minutes; a per-connection timer does this at expiry, the round is the backstop).
            socket.recheck(Instant.now().plus(Duration.ofDays(1)));
            await().atMost(Duration.ofSeconds(10)).until(() -> staff.closeCode != null);
            assertEquals((short) LiveSocket.CLOSE_UNAUTHENTICATED, staff.closeCode);
        }
    }

    @Test
    void aRefusedUpgradeLogsNoError() {
        LiveFixture f = LiveFixture.scheduled();
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(h);
        try {
            Map<String, String> forged = Map.of("Authorization", "Bearer " + Tokens.forged(Tokens.OPERATOR1));
            assertEquals(401, WsClient.refusedStatus(vertx, base, f.sessionId, forged));
            assertEquals(
                    401,
                    WsClient.refusedStatus(
                            vertx, base, f.sessionId, Map.of("Authorization", "Invitation not-a-token")));
            assertEquals(401, WsClient.refusedStatus(vertx, base, f.sessionId, Map.of()));
            // A normal request afterwards: the error (when there is one) is logged by then.
            Tokens.as(Tokens.ORGANIZER)
                    .get("/api/sessions/" + f.sessionId)
                    .then()
                    .statusCode(200);
            assertTrue(errors.isEmpty(), () -> errors.get(0).getMessage());
        } finally {
            root.removeHandler(h);
        }
    }

    static long delegateOf(LiveFixture f, String token) {
        return io.restassured.RestAssured.given()
                .header("Authorization", "Invitation " + token)
                .get("/api/participant/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("delegateId");
    }
}
