package vn.diemcau.point;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.diemcau.common.ProblemException;
import vn.diemcau.security.Roles;
import vn.diemcau.testing.Fixtures;
import vn.diemcau.testing.Tokens;

/**
 * Heartbeats against the real database: a heartbeat that changes no state stays in memory and its
 * time reaches the row with the flush; a change of state is written at once and told once; a
 * refused heartbeat changes nothing. The scheduled flush and sweep are paused so the test decides
 * when each happens.
 */
@QuarkusTest
class PointHeartbeatsTest {
    static final Liveness LIVENESS = new Liveness(Duration.ofSeconds(20), Duration.ofSeconds(60));

    @Inject
    PointLiveService live;

    @Inject
    Scheduler scheduler;

    @Inject
    CurrentIdentityAssociation identities;

    final ExecutorService caller = Executors.newSingleThreadExecutor();
    final String op1 = Tokens.username(Tokens.OPERATOR1);
    final String op2 = Tokens.username(Tokens.OPERATOR2);
    long sessionId, point1, point2;

    @BeforeEach
    void setUp() {
        scheduler.pause("point-heartbeat-flush");
        scheduler.pause("live-sweep");
        live.flushHeartbeats(); // whatever earlier tests left, and waits for a flush under way
        String uid = UUID.randomUUID().toString().substring(0, 8);
        sessionId = Fixtures.session(
                "Hội nghị nhịp tim " + uid, "CONFERENCE", "2026-12-03T08:00:00+07:00", "2026-12-03T11:30:00+07:00");
        Fixtures.create("/api/sessions/" + sessionId + "/points", point("Hội trường lớn", true, List.of()));
        point1 = Fixtures.create(
                "/api/sessions/" + sessionId + "/points", point("Điểm cầu Gio Linh " + uid, false, List.of(op1)));
        point2 = Fixtures.create(
                "/api/sessions/" + sessionId + "/points", point("Điểm cầu Cam Lộ " + uid, false, List.of(op2)));
        Fixtures.create("/api/sessions/" + sessionId + "/agenda", Map.of("title", "Khai mạc", "durationMinutes", 10));
        Tokens.as(Tokens.ORGANIZER)
                .post("/api/sessions/" + sessionId + "/schedule")
                .then()
                .statusCode(200);
    }

    @AfterEach
    void tearDown() {
        scheduler.resume("point-heartbeat-flush");
        scheduler.resume("live-sweep");
        caller.shutdown();
    }

    @Test
    void aPointBeatingInMemoryIsNeverSweptAndItsTimeReachesTheDatabaseWithTheFlush() {
        beat(op1, point1);
        assertEquals("ONLINE", row(point1).status());
        // The row looks an hour late, as another instance's sweeper would see it before a flush.
        setRow(point1, "ONLINE", Instant.now().minus(Duration.ofHours(1)));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        beat(op1, point1);
        Instant after = Instant.now();
        assertTrue(row(point1).lastHeartbeatAt().isBefore(before.minusSeconds(3000)), "not written at once");

        live.sweep(LIVENESS);
        assertEquals("ONLINE", row(point1).status());
        assertEquals(1, told(point1).size());

        live.flushHeartbeats();
        Instant stored = row(point1).lastHeartbeatAt();
        assertFalse(stored.isBefore(before), stored + " before " + before);
        assertFalse(stored.isAfter(after), stored + " after " + after);
        assertEquals("ONLINE", row(point1).status());
        assertEquals(1, told(point1).size());
    }

    @Test
    void aChangeOfStateIsWrittenAtOnceAndToldOnce() {
        assertEquals("NOT_JOINED", row(point1).status());
        beat(op1, point1);
        // Written before the heartbeat returns, not by the flush.
        assertEquals("ONLINE", row(point1).status());
        for (int i = 0; i < 5; i++) beat(op1, point1);
        live.flushHeartbeats();
        List<PointStatusChanged> told = told(point1);
        assertEquals(1, told.size(), told.toString());
        assertEquals(PointLiveStatus.ONLINE, told.get(0).point().status());

        // Another instance's sweeper found the row late and wrote OFFLINE; this instance still hears
        // the console: its next flush puts the point back ONLINE, once.
        setRow(point1, "OFFLINE", Instant.now().minus(Duration.ofMinutes(5)));
        beat(op1, point1);
        live.flushHeartbeats();
        live.flushHeartbeats();
        assertEquals("ONLINE", row(point1).status());
        assertEquals(2, told(point1).size());
        assertEquals(PointLiveStatus.ONLINE, told(point1).get(1).point().status());
        assertTrue(row(point1).lastHeartbeatAt().isAfter(Instant.now().minusSeconds(60)));
    }

    @Test
    void aHeartbeatForAPointOfAnotherOperatorIsRefusedAndChangesNothing() {
        // Before anything is known of point 2 here (through the database)…
        assertEquals("point.not-assigned", refused(op1, sessionId, point2, 403));
        live.flushHeartbeats();
        assertEquals("NOT_JOINED", row(point2).status());
        assertNull(row(point2).lastHeartbeatAt());
        assertTrue(told(point2).isEmpty());

        // …and once it beats here (in memory).
        beat(op2, point2);
        Instant stored = row(point2).lastHeartbeatAt();
        sleep(20);
        assertEquals("point.not-assigned", refused(op1, sessionId, point2, 403));
        live.flushHeartbeats();
        assertEquals(stored, row(point2).lastHeartbeatAt());
        assertEquals(1, told(point2).size());

        // The other answers stay as they were: an unknown point, a session not open.
        refused(op1, sessionId, 987654321L, 404);
        long draft = Fixtures.session("Nháp " + UUID.randomUUID(), "CONFERENCE", null, null);
        assertEquals("live.session-not-open", refused(op1, draft, point1, 409));
    }

    // --- helpers ---

    private static Map<String, Object> point(String name, boolean mainHall, List<String> operators) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("mainHall", mainHall);
        b.put("expectedCount", 60);
        b.put("operators", operators);
        return b;
    }

    /** A heartbeat as the socket sends it: on a thread of its own, with the operator's identity. */
    private void beat(String operator, long pointId) {
        as(operator, () -> live.heartbeat(sessionId, pointId));
    }

    private String refused(String operator, long session, long pointId, int status) {
        CompletionException e =
                assertThrows(CompletionException.class, () -> as(operator, () -> live.heartbeat(session, pointId)));
        ProblemException p = (ProblemException) e.getCause();
        assertEquals(status, p.status(), p.code());
        return p.code();
    }

    private void as(String user, Runnable work) {
        CompletableFuture.runAsync(
                        () -> {
                            ManagedContext rc = Arc.container().requestContext();
                            rc.activate();
                            try {
                                identities.setIdentity(QuarkusSecurityIdentity.builder()
                                        .setPrincipal(new QuarkusPrincipal(user))
                                        .addRole(Roles.OPERATOR)
                                        .build());
                                work.run();
                            } finally {
                                rc.terminate();
                            }
                        },
                        caller)
                .join();
    }

    record Row(String status, Instant lastHeartbeatAt) {}

    private static Row row(long pointId) {
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) Point.getEntityManager()
                .createNativeQuery("select live_status, last_heartbeat_at from points where id = ?1")
                .setParameter(1, pointId)
                .getSingleResult());
        Object t = r[1];
        Instant at = t == null
                ? null
                : t instanceof LocalDateTime l ? l.toInstant(ZoneOffset.UTC) : ((java.sql.Timestamp) t).toInstant();
        return new Row((String) r[0], at);
    }

    private static void setRow(long pointId, String status, Instant lastHeartbeatAt) {
        QuarkusTransaction.requiringNew()
                .run(() -> Point.getEntityManager()
                        .createNativeQuery("update points set live_status = ?1, last_heartbeat_at = ?2 where id = ?3")
                        .setParameter(1, status)
                        .setParameter(2, LocalDateTime.ofInstant(lastHeartbeatAt, ZoneOffset.UTC))
                        .setParameter(3, pointId)
                        .executeUpdate());
    }

    private static List<PointStatusChanged> told(long pointId) {
        return PointEvents.STATUS.stream()
                .filter(e -> e.point().id() == pointId)
                .toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
