package vn.diemcau.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch writer knows what each phone's row holds without reading it back when every row of its
 * insert went in; when another device's row came first, it reads what is there instead of answering
 * what it meant to write.
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

    /** On MariaDB one round trip (insert, locking read, commit), elsewhere the portable path: both here. */
    @ParameterizedTest(name = "one trip: {0}")
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
        List<CheckInWriter.Tapped> answers = writer.presentAll(List.of(
                new CheckInWriter.SelfCheckIn(f.sessionId, raced, "delegate:" + raced, at),
                new CheckInWriter.SelfCheckIn(f.sessionId, free, "delegate:" + free, at)));

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
        Object stored = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select method from check_ins where delegate_id = ?1")
                        .setParameter(1, raced)
                        .getSingleResult());
        assertEquals("OPERATOR", stored);
    }

    @ParameterizedTest(name = "one trip: {0}")
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

        List<CheckInWriter.Tapped> answers = writer.presentAll(
                List.of(new CheckInWriter.SelfCheckIn(f.sessionId, delegate, "delegate:" + delegate, Instant.now())));

        assertNull(answers.get(0).refused());
        assertEquals(AttendanceStatus.PRESENT, answers.get(0).row().status);
        Object stored = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select count(*) from check_ins where delegate_id = ?1")
                        .setParameter(1, delegate)
                        .getSingleResult());
        assertEquals(1L, ((Number) stored).longValue());
    }
}
