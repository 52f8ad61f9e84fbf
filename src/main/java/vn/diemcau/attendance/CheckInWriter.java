package vn.diemcau.attendance;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.diemcau.common.BatchConfig;
import vn.diemcau.common.GroupCommit;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.ProblemException;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.session.SessionService;

/**
 * Self check-ins (the participant's own tap) written in batches: a thousand phones tapping at once
 * cost one transaction, not a thousand. Same semantics as {@link AttendanceService}'s single path:
 * an INSERT IGNORE on the delegate's unique row, the rare absent → present update, {@link
 * AttendanceChanged} after the commit. Never relies on per-row update counts (the driver's bulk
 * inserts answer SUCCESS_NO_INFO): what each caller gets is read back in the same transaction.
 */
@ApplicationScoped
class CheckInWriter {
    /** One tap: who (as their invitation says), by whom (the invitation's principal), when. */
    record SelfCheckIn(long sessionId, long delegateId, String actor, Instant at) {}

    /** What a tap gets after the commit: the delegate and their row, or why nothing was written. */
    record Tapped(DelegateService.Brief who, CheckIn row, ProblemException refused) {}

    /** What the delegate's row holds, from a plain read: is a write needed to make them present? */
    enum RowState {
        NO_ROW,
        NEEDS_UPDATE,
        UP_TO_DATE;

        static RowState of(CheckIn row, String subName) {
            if (row == null) return NO_ROW;
            if (row.status != AttendanceStatus.PRESENT) return NEEDS_UPDATE;
            String current = row.substituteName == null ? "" : row.substituteName;
            return subName != null && !subName.equals(current) ? NEEDS_UPDATE : UP_TO_DATE;
        }
    }

    private static final String COLUMNS = "delegate_id, session_id, point_id, status, method, substitute_name,"
            + " substitute_position, absence_reason, recorded_at, recorded_by";

    @Inject
    EntityManager em;

    @Inject
    Event<AttendanceChanged> changed;

    @Inject
    BatchConfig config;

    @Inject
    SessionService sessions;

    @Inject
    DelegateService delegates;

    private GroupCommit<SelfCheckIn, Tapped> writer;

    @PostConstruct
    void start() {
        writer = new GroupCommit<>("check-ins", config, this::presentAll);
    }

    @PreDestroy
    void stop() {
        writer.close();
    }

    /**
     * Completes once the check-in is committed with the delegate's row as it is then (a detached
     * copy), or the refusal; no thread waits meanwhile.
     */
    CompletableFuture<Tapped> submit(SelfCheckIn c) {
        return writer.submitAsync(c);
    }

    /**
     * One transaction for the whole batch (the writer opened it). The checks a single tap would make
     * before writing (session open, delegate still of it, with a point) are made here for all of
     * them at once, in the same transaction as the write.
     */
    List<Tapped> presentAll(List<SelfCheckIn> items) {
        Map<Long, DelegateService.Brief> who =
                delegates.briefs(items.stream().map(SelfCheckIn::delegateId).collect(Collectors.toSet()));
        Map<Long, ProblemException> closed = new HashMap<>();
        for (long sessionId : items.stream().map(SelfCheckIn::sessionId).collect(Collectors.toSet())) {
            try {
                AttendanceService.requireOpen(sessions.require(sessionId));
            } catch (ProblemException notOpen) {
                closed.put(sessionId, notOpen);
            }
        }
        Map<SelfCheckIn, ProblemException> refused = new HashMap<>();
        List<SelfCheckIn> valid = new ArrayList<>();
        for (SelfCheckIn c : items) {
            DelegateService.Brief d = who.get(c.delegateId());
            ProblemException p = closed.get(c.sessionId());
            if (p == null && (d == null || d.sessionId() != c.sessionId()))
                p = ProblemException.notFound("delegate", c.delegateId());
            if (p == null && d.pointId() == null) p = ProblemException.conflict("attendance.no-point");
            if (p != null) refused.put(c, p);
            else valid.add(c);
        }
        Set<Long> ids = valid.stream().map(SelfCheckIn::delegateId).collect(Collectors.toSet());
        Map<Long, CheckIn> before = rows(ids, false);
        List<SelfCheckIn> inserts = new ArrayList<>();
        List<SelfCheckIn> updates = new ArrayList<>();
        Set<Long> planned = new HashSet<>();
        for (SelfCheckIn c : valid) {
            if (!planned.add(c.delegateId())) continue; // the same delegate twice in one batch: once
            switch (RowState.of(before.get(c.delegateId()), null)) {
                case NO_ROW -> inserts.add(c);
                case NEEDS_UPDATE -> updates.add(c);
                case UP_TO_DATE -> {}
            }
        }
        if (inserts.isEmpty() && updates.isEmpty()) return answers(items, who, before, refused);
        // One order of row locks for every batch: two writers (two instances) cannot wait on each other in a circle.
        Comparator<SelfCheckIn> byDelegate = Comparator.comparingLong(SelfCheckIn::delegateId);
        inserts.sort(byDelegate);
        updates.sort(byDelegate);
        em.unwrap(Session.class).doWork(conn -> {
            if (!inserts.isEmpty()) {
                try (PreparedStatement ps = conn.prepareStatement("insert ignore into check_ins (" + COLUMNS
                        + ") values (?, ?, ?, 'PRESENT', 'LINK', null, null, null, ?, ?)")) {
                    for (SelfCheckIn c : inserts) {
                        ps.setLong(1, c.delegateId());
                        ps.setLong(2, c.sessionId());
                        ps.setLong(3, who.get(c.delegateId()).pointId());
                        ps.setObject(4, Jdbc.utc(c.at()));
                        ps.setString(5, c.actor());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!updates.isEmpty()) {
                // Absent → present: the same statement as the single path, so parallel updates of one
                // row queue on it and the later finds nothing left to change.
                try (PreparedStatement ps =
                        conn.prepareStatement("update check_ins set status = 'PRESENT', point_id = ?, method = 'LINK',"
                                + " substitute_name = null, substitute_position = null, absence_reason = null,"
                                + " recorded_at = ?, recorded_by = ? where delegate_id = ? and status <> 'PRESENT'")) {
                    for (SelfCheckIn c : updates) {
                        ps.setLong(1, who.get(c.delegateId()).pointId());
                        ps.setObject(2, Jdbc.utc(c.at()));
                        ps.setString(3, c.actor());
                        ps.setLong(4, c.delegateId());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        });
        Set<Long> written = new HashSet<>();
        inserts.forEach(c -> written.add(c.delegateId()));
        updates.forEach(c -> written.add(c.delegateId()));
        // A locking read sees rows committed after this transaction's snapshot (a concurrent device's).
        Map<Long, CheckIn> after = new HashMap<>(before);
        after.putAll(rows(written, true));
        Set<AttendanceChanged> events = new LinkedHashSet<>();
        for (SelfCheckIn c : inserts)
            events.add(
                    new AttendanceChanged(c.sessionId(), who.get(c.delegateId()).pointId()));
        for (SelfCheckIn c : updates)
            events.add(
                    new AttendanceChanged(c.sessionId(), who.get(c.delegateId()).pointId()));
        // Observed after the commit; the counts publisher coalesces them.
        events.forEach(changed::fire);
        return answers(items, who, after, refused);
    }

    private static List<Tapped> answers(
            List<SelfCheckIn> items,
            Map<Long, DelegateService.Brief> who,
            Map<Long, CheckIn> rows,
            Map<SelfCheckIn, ProblemException> refused) {
        return items.stream()
                .map(c -> refused.containsKey(c)
                        ? new Tapped(null, null, refused.get(c))
                        : new Tapped(who.get(c.delegateId()), rows.get(c.delegateId()), null))
                .toList();
    }

    private Map<Long, CheckIn> rows(Collection<Long> delegateIds, boolean locking) {
        Map<Long, CheckIn> out = new HashMap<>();
        if (delegateIds.isEmpty()) return out;
        List<Long> ids = delegateIds.stream().sorted().toList();
        String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select " + COLUMNS
                    + " from check_ins where delegate_id in (" + in + ")" + (locking ? " for update" : ""))) {
                for (int i = 0; i < ids.size(); i++) ps.setLong(i + 1, ids.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CheckIn c = new CheckIn();
                        c.delegateId = rs.getLong(1);
                        c.sessionId = rs.getLong(2);
                        long point = rs.getLong(3);
                        c.pointId = rs.wasNull() ? null : point;
                        c.status = AttendanceStatus.valueOf(rs.getString(4));
                        String method = rs.getString(5);
                        c.method = method == null ? null : CheckInMethod.valueOf(method);
                        c.substituteName = rs.getString(6);
                        c.substitutePosition = rs.getString(7);
                        c.absenceReason = rs.getString(8);
                        c.recordedAt = Jdbc.instant(rs, 9);
                        c.recordedBy = rs.getString(10);
                        out.put(c.delegateId, c);
                    }
                }
            }
        });
        return out;
    }
}
