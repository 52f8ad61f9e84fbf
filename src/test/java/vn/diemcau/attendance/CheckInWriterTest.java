package vn.diemcau.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.diemcau.roster.DelegateService;

/**
 * The batch writer knows what each phone's row holds without reading it back when every row of its
 * insert went in; when another device's row came first, it reads what is there instead of answering
 * what it meant to write. On MariaDB, taps that bring their delegate as the invitation told it are
 * first written in one round trip with the checks in the statement; whatever that does not write
 * goes the full path. Both paths are tried here.
 */
@QuarkusTest
class CheckInWriterTest {
    @Inject
    CheckInWriter writer;

    @Inject
    EntityManager em;

    @AfterEach
    void mariaDbsPath() {
        writer.oneTrip(true);
    }

    /** The delegate as the invitation tells them (a tap through the route). */
    private static DelegateService.Brief told(AttendanceFixture f, long delegate, long point) {
        return new DelegateService.Brief(delegate, f.sessionId, "Đại biểu " + delegate, "Chức vụ", "Đơn vị", point);
    }

    private static CheckInWriter.SelfCheckIn tap(AttendanceFixture f, long delegate, Instant at, long toldPoint) {
        return new CheckInWriter.SelfCheckIn(
                f.sessionId, delegate, "delegate:" + delegate, at, told(f, delegate, toldPoint));
    }

    @ParameterizedTest(name = "one trip first: {0}")
    @ValueSource(booleans = {true, false})
    void aRowAnotherDeviceCommittedAfterTheBatchBeganIsWhatTheTapIsAnswered(boolean oneTrip) throws Exception {
        writer.oneTrip(oneTrip);
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long raced = f.d(f.point1, 0), free = f.d(f.point1, 1);
        Instant at = Instant.parse("2026-12-06T08:00:00.123456789Z");

        // the writer's transaction (on its own connection) takes its snapshot here: rows committed
        // later are not in its plain reads
        try (var st = writer.connection().createStatement()) {
            st.executeQuery("select count(*) from check_ins").close();
        }
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into check_ins (delegate_id, session_id, point_id,"
                                + " status, method, recorded_at, recorded_by)"
                                + " values (?1, ?2, ?3, 'PRESENT', 'OPERATOR', '2026-12-06 07:59:00', 'operator1')")
                        .setParameter(1, raced)
                        .setParameter(2, f.sessionId)
                        .setParameter(3, f.point1)
                        .executeUpdate());
        List<CheckInWriter.Tapped> answers =
                writer.presentAll(List.of(tap(f, raced, at, f.point1), tap(f, free, at, f.point1)));

        CheckIn first = answers.get(0).row();
        assertNull(answers.get(0).refused());
        assertEquals(CheckInMethod.OPERATOR, first.method);
        assertEquals("operator1", first.recordedBy);
        assertEquals(Instant.parse("2026-12-06T07:59:00Z"), first.recordedAt);

        CheckIn second = answers.get(1).row();
        assertEquals(CheckInMethod.LINK, second.method);
        assertEquals("delegate:" + free, second.recordedBy);
        // as the column keeps it, so that a later read answers the same
        assertEquals(Instant.parse("2026-12-06T08:00:00.123456Z"), second.recordedAt);
        assertEquals("OPERATOR", stored("method", raced));
    }

    @Test
    void freshTapsAreAnsweredTheRowsAsStoredAndTheDelegatesAsTheirInvitationsTold() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long a = f.d(f.point1, 2), b = f.d(f.point2, 0);
        Instant at = Instant.parse("2026-12-06T08:30:00.5Z");

        List<CheckInWriter.Tapped> answers =
                writer.presentAll(List.of(tap(f, a, at, f.point1), tap(f, b, at, f.point2), tap(f, a, at, f.point1)));

        for (int i = 0; i < 3; i++) assertNull(answers.get(i).refused());
        assertEquals("Đại biểu " + b, answers.get(1).who().fullName());
        assertEquals("Chức vụ", answers.get(1).who().position());
        CheckIn row = answers.get(1).row();
        assertEquals(f.point2, row.pointId);
        assertEquals(AttendanceStatus.PRESENT, row.status);
        // the same delegate twice in the batch: one row, both taps answered it
        assertEquals(answers.get(0).row().delegateId, answers.get(2).row().delegateId);
        assertEquals(1L, ((Number) stored("count(*)", a)).longValue());
        assertEquals("LINK", stored("method", b));
        assertEquals(String.valueOf(f.point2), String.valueOf(stored("point_id", b)));
        assertEquals("delegate:" + b, stored("recorded_by", b));
    }

    @Test
    void aDelegateMovedSinceTheInvitationWasReadIsCheckedInAtTheirPointNow() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long moved = f.d(f.point1, 3);

        // the invitation still says point 2 (another instance read it before the move)
        List<CheckInWriter.Tapped> answers = writer.presentAll(List.of(tap(f, moved, Instant.now(), f.point2)));

        assertNull(answers.get(0).refused());
        assertEquals(f.point1, answers.get(0).row().pointId);
        assertEquals(f.point1, answers.get(0).who().pointId());
        assertEquals(String.valueOf(f.point1), String.valueOf(stored("point_id", moved)));
    }

    @Test
    void aSessionEndedSinceTheInvitationWasReadTakesNoTap() {
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long late = f.d(f.point2, 1);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update sessions set status = 'ENDED' where id = ?1")
                        .setParameter(1, f.sessionId)
                        .executeUpdate());

        List<CheckInWriter.Tapped> answers = writer.presentAll(List.of(tap(f, late, Instant.now(), f.point2)));

        assertNotNull(answers.get(0).refused());
        assertEquals(409, answers.get(0).refused().status());
        assertEquals(0L, ((Number) stored("count(*)", late)).longValue());
    }

    @ParameterizedTest(name = "one trip first: {0}")
    @ValueSource(booleans = {true, false})
    void aConnectionTheServerClosedIsReplacedAndTheTapStillWritten(boolean oneTrip) throws Exception {
        writer.oneTrip(oneTrip);
        AttendanceFixture f = new AttendanceFixture().scheduled();
        long delegate = f.d(f.point2, 0);
        long id;
        try (var st = writer.connection().createStatement();
                var rs = st.executeQuery("select connection_id()")) {
            rs.next();
            id = rs.getLong(1);
        }
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("kill " + id).executeUpdate());

        List<CheckInWriter.Tapped> answers = writer.presentAll(List.of(tap(f, delegate, Instant.now(), f.point2)));

        assertNull(answers.get(0).refused());
        assertEquals(AttendanceStatus.PRESENT, answers.get(0).row().status);
        assertEquals(1L, ((Number) stored("count(*)", delegate)).longValue());
    }

    /** A column (or aggregate) of the delegate's check-in rows as committed. */
    private Object stored(String column, long delegate) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em
                        .createNativeQuery("select " + column + " from check_ins where delegate_id = ?1")
                        .setParameter(1, delegate)
                        .getResultList()
                        .stream()
                        .findFirst()
                        .orElse(null));
    }
}
