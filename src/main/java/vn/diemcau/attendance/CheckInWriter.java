package vn.diemcau.attendance;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.stream.Stream;
import vn.diemcau.common.BatchConfig;
import vn.diemcau.common.GroupCommit;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.OwnConnection;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.WriterConnections;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.session.SessionStatus;

/**
 * Self check-ins (the participant's own tap) written in batches: a thousand phones tapping at once
 * cost one transaction, not a thousand. Same semantics as {@link AttendanceService}'s single path:
 * an INSERT IGNORE on the delegate's unique row, the rare absent → present update, {@link
 * AttendanceChanged} after the commit. Never relies on per-row update counts (the driver's bulk
 * inserts answer SUCCESS_NO_INFO): what each caller gets is its row as written when the insert's
 * count says every row went in, read otherwise. On MariaDB, taps whose delegates their invitations
 * told are first written with no read at all ({@link #insertKnown}). The writer keeps a connection
 * of its own, outside JTA, and commits each batch on it.
 */
@ApplicationScoped
class CheckInWriter {
    /** One tap: who (as their invitation says), by whom (the invitation's principal), when. */
    record SelfCheckIn(long sessionId, long delegateId, String actor, Instant at, DelegateService.Brief known) {
        SelfCheckIn {
            at = at.truncatedTo(ChronoUnit.MICROS); // as DATETIME(6) keeps it: the answer equals a later read
        }
    }

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

    /** {@link #COLUMNS} of the check-ins joined as {@code c}. */
    private static final String JOINED_COLUMNS =
            Arrays.stream(COLUMNS.split(",")).map(c -> "c." + c.trim()).collect(Collectors.joining(", "));

    @Inject
    WriterConnections connections;

    /**
     * The writer's own connection. On MariaDB a batch of taps whose delegates the invitations told
     * is first tried in one round trip ({@link #insertKnown}); elsewhere (the demo's H2) and for
     * what that leaves open, the path of three ({@link #readCheckWrite}).
     */
    private OwnConnection own;

    @Inject
    Event<AttendanceChanged> changed;

    @Inject
    BatchConfig config;

    private GroupCommit<SelfCheckIn, Tapped> writer;

    @PostConstruct
    void start() {
        own = connections.create();
        writer = GroupCommit.committingItself("check-ins", config, this::presentAll);
    }

    @PreDestroy
    void stop() {
        writer.close();
        own.close();
    }

    /**
     * Completes once the check-in is committed with the delegate's row as it is then (a detached
     * copy), or the refusal; no thread waits meanwhile.
     */
    CompletableFuture<Tapped> submit(SelfCheckIn c) {
        return writer.submitAsync(c);
    }

    /**
     * One transaction for the whole batch, on the writer's own connection, committed here; the
     * events after the commit. A failure rolls the batch back (the writer then tries its items one by
     * one); a connection the server closed is replaced and the batch written once more, which is
     * safe: a check-in written twice is still one row (INSERT IGNORE, and the update only changes
     * what is not present yet).
     */
    List<Tapped> presentAll(List<SelfCheckIn> items) {
        Set<AttendanceChanged> events = new LinkedHashSet<>();
        List<Tapped> answers = own.write(conn -> {
            events.clear();
            return write(conn, items, events);
        });
        // no JTA transaction here: the observers (the coalesced counts) hear them now, after the commit
        events.forEach(changed::fire);
        return answers;
    }

    /** Tests try both paths on MariaDB: false takes the portable one (on a pooled connection). */
    void oneTrip(boolean on) {
        own.multiStatements(on);
    }

    /** The writer's connection, as its next batch uses it. */
    Connection connection() throws SQLException {
        return own.connection();
    }

    /**
     * The batch, committed; {@code events}: what changed, for after the commit. When every tap
     * brought its delegate as the invitation told it, one statement writes them all where the
     * checks of a single tap allow it and commits: if that wrote every row, each tap is answered its
     * row as written, with no read. Otherwise (a second tap, an absence to turn into presence, a
     * closed session, a delegate moved or removed since the invitation was read) the full path
     * decides, and it sees the rows just committed.
     */
    private List<Tapped> write(Connection conn, List<SelfCheckIn> items, Set<AttendanceChanged> events)
            throws SQLException {
        if (own.multiStatements()
                && items.stream().allMatch(c -> c.known() != null && c.known().pointId() != null)) {
            List<SelfCheckIn> taps = firstTaps(items);
            int inserted = insertKnown(conn, taps);
            if (inserted > 0)
                taps.forEach(c -> events.add(
                        new AttendanceChanged(c.sessionId(), c.known().pointId())));
            if (inserted == taps.size()) {
                Map<Long, CheckIn> rows = new HashMap<>();
                taps.forEach(c -> rows.put(c.delegateId(), present(c, c.known().pointId())));
                return items.stream()
                        .map(c -> new Tapped(c.known(), rows.get(c.delegateId()), null))
                        .toList();
            }
        }
        return readCheckWrite(conn, items, events);
    }

    /**
     * One tap per delegate (the same delegate twice in a batch is written once, both answered the
     * row), in delegate order: one order of row locks for every batch, so two writers (two
     * instances) cannot wait on each other in a circle.
     */
    private static List<SelfCheckIn> firstTaps(List<SelfCheckIn> items) {
        Map<Long, SelfCheckIn> first = new HashMap<>();
        items.forEach(c -> first.putIfAbsent(c.delegateId(), c));
        return first.values().stream()
                .sorted(Comparator.comparingLong(SelfCheckIn::delegateId))
                .toList();
    }

    /**
     * The batch in the connection's transaction, committed. The checks a single tap would make
     * before writing (session open, delegate still of it, with a point) are made here for all of
     * them at once, from one read, in the same transaction as the write.
     */
    private List<Tapped> readCheckWrite(Connection conn, List<SelfCheckIn> items, Set<AttendanceChanged> events)
            throws SQLException {
        Map<Long, Known> known =
                known(conn, items.stream().map(SelfCheckIn::delegateId).collect(Collectors.toSet()));
        Map<Long, DelegateService.Brief> who = new HashMap<>();
        Map<Long, CheckIn> rows = new HashMap<>();
        Map<Long, SessionStatus> status = new HashMap<>();
        known.forEach((id, k) -> {
            who.put(id, k.who());
            if (k.row() != null) rows.put(id, k.row());
            status.put(k.who().sessionId(), k.sessionStatus());
        });
        Map<Long, ProblemException> closed =
                closedSessions(conn, items.stream().map(SelfCheckIn::sessionId).collect(Collectors.toSet()), status);
        Map<Long, ProblemException> refused = new HashMap<>();
        List<SelfCheckIn> inserts = new ArrayList<>();
        List<SelfCheckIn> updates = new ArrayList<>();
        for (SelfCheckIn c : firstTaps(items)) {
            DelegateService.Brief d = who.get(c.delegateId());
            ProblemException p = closed.get(c.sessionId());
            if (p == null && (d == null || d.sessionId() != c.sessionId()))
                p = ProblemException.notFound("delegate", c.delegateId());
            if (p == null && d.pointId() == null) p = ProblemException.conflict("attendance.no-point");
            if (p != null) {
                refused.put(c.delegateId(), p);
                continue;
            }
            switch (RowState.of(rows.get(c.delegateId()), null)) {
                case NO_ROW -> inserts.add(c);
                case NEEDS_UPDATE -> updates.add(c);
                case UP_TO_DATE -> {}
            }
        }
        Set<Long> reread = new HashSet<>();
        if (!inserts.isEmpty()) {
            // One multi-row statement: its count says whether every row went in, so that the common
            // case needs no read afterwards (a batch's per-row counts are not reported).
            int inserted = Jdbc.insertRows(
                    conn,
                    "insert ignore into check_ins (" + COLUMNS + ")",
                    "(?, ?, ?, 'PRESENT', 'LINK', null, null, null, ?, ?)",
                    inserts,
                    (ps, i, c) -> bindTap(ps, i, c, who.get(c.delegateId()).pointId()));
            if (inserted == inserts.size()) {
                // every row went in as written: that is what each of them holds now
                inserts.forEach(c -> rows.put(
                        c.delegateId(), present(c, who.get(c.delegateId()).pointId())));
            } else {
                // a concurrent device's row came first for some of them
                inserts.forEach(c -> reread.add(c.delegateId()));
            }
        }
        if (!updates.isEmpty()) {
            // Absent → present (rare: a tap after an absence was reported): the same statement as the
            // single path, so parallel updates of one row queue on it and the later finds nothing
            // left to change.
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
            updates.forEach(c -> reread.add(c.delegateId()));
        }
        // A locking read sees rows committed after this transaction's snapshot (a concurrent device's).
        rows.putAll(lockedRows(conn, reread));
        conn.commit();
        Stream.concat(inserts.stream(), updates.stream())
                .forEach(c -> events.add(new AttendanceChanged(
                        c.sessionId(), who.get(c.delegateId()).pointId())));
        return answers(items, who, rows, refused);
    }

    /** The row a self check-in inserts. */
    private static CheckIn present(SelfCheckIn c, long pointId) {
        CheckIn row = new CheckIn();
        row.delegateId = c.delegateId();
        row.sessionId = c.sessionId();
        row.pointId = pointId;
        row.status = AttendanceStatus.PRESENT;
        row.method = CheckInMethod.LINK;
        row.recordedAt = c.at();
        row.recordedBy = c.actor();
        return row;
    }

    private static List<Tapped> answers(
            List<SelfCheckIn> items,
            Map<Long, DelegateService.Brief> who,
            Map<Long, CheckIn> rows,
            Map<Long, ProblemException> refused) {
        return items.stream()
                .map(c -> refused.containsKey(c.delegateId())
                        ? new Tapped(null, null, refused.get(c.delegateId()))
                        : new Tapped(who.get(c.delegateId()), rows.get(c.delegateId()), null))
                .toList();
    }

    /** What one read tells of a tap's delegate: who they are, their session's status, their row if any. */
    private record Known(DelegateService.Brief who, SessionStatus sessionStatus, CheckIn row) {}

    /**
     * The batch's delegates with their sessions' status and their rows, in one read: the writer's
     * time is mostly round trips to the database, and every tap of a burst waits for them.
     */
    private static Map<Long, Known> known(Connection conn, Set<Long> delegateIds) throws SQLException {
        Map<Long, Known> out = new HashMap<>();
        Jdbc.selectIn(conn, KNOWN, delegateIds, CheckInWriter::known)
                .forEach(k -> out.put(k.who().id(), k));
        return out;
    }

    /** The delegates with their sessions' status and their rows, for ids {@code in (:ids)}. */
    private static final String KNOWN = "select " + DelegateService.Brief.COLUMNS + ", s.status, "
            + JOINED_COLUMNS + " from delegates d join sessions s on s.id = d.session_id"
            + " left join check_ins c on c.delegate_id = d.id where d.id in (:ids)";

    private static Known known(ResultSet rs) throws SQLException {
        return new Known(
                DelegateService.Brief.read(rs),
                SessionStatus.valueOf(rs.getString(7)),
                rs.getObject(8) == null ? null : row(rs, 7));
    }

    /** The statuses in which a session takes check-ins ({@link SessionStatus#open}), as SQL literals. */
    private static final String OPEN_STATUSES = Arrays.stream(SessionStatus.values())
            .filter(SessionStatus::open)
            .map(st -> "'" + st.name() + "'")
            .collect(Collectors.joining(", "));

    /**
     * Taps whose delegates the invitations told, in one round trip (MariaDB, a multi-statement):
     * inserted where the checks of a single tap allow it — the session open, the delegate still of
     * it and still at the point the invitation told (so the row is what {@link #present} says), no
     * row yet — and committed. Answers how many rows went in. {@code taps}: one per delegate, in
     * delegate order.
     */
    private static int insertKnown(Connection conn, List<SelfCheckIn> taps) throws SQLException {
        return Jdbc.insertSelectCommitting(
                conn,
                "id, session_id, point_id, at, actor",
                rows -> "insert ignore into check_ins (" + COLUMNS + ")"
                        + " select t.id, t.session_id, t.point_id, 'PRESENT', 'LINK', null, null, null, t.at, t.actor"
                        + " from (" + rows + ") t"
                        + " join delegates d on d.id = t.id and d.session_id = t.session_id and d.point_id = t.point_id"
                        + " join sessions s on s.id = t.session_id where s.status in (" + OPEN_STATUSES + ")",
                taps,
                (ps, i, c) -> bindTap(ps, i, c, c.known().pointId()));
    }

    /**
     * Binds what a tap's new row takes from the tap — delegate, session, point, time, actor — from
     * parameter {@code i} on; answers the next free one.
     */
    private static int bindTap(PreparedStatement ps, int i, SelfCheckIn c, long pointId) throws SQLException {
        ps.setLong(i, c.delegateId());
        ps.setLong(i + 1, c.sessionId());
        ps.setLong(i + 2, pointId);
        ps.setObject(i + 3, Jdbc.utc(c.at()));
        ps.setString(i + 4, c.actor());
        return i + 5;
    }

    /**
     * Why a tap of each of these sessions cannot be taken now (not found, not open); the others are
     * absent. {@code known}: the statuses read already; the others (a session none of whose taps named
     * a delegate still there) are read here.
     */
    private static Map<Long, ProblemException> closedSessions(
            Connection conn, Set<Long> sessionIds, Map<Long, SessionStatus> known) throws SQLException {
        Map<Long, SessionStatus> status = new HashMap<>(known);
        Set<Long> unread = new HashSet<>(sessionIds);
        unread.removeAll(known.keySet());
        if (!unread.isEmpty())
            Jdbc.selectIn(
                            conn,
                            "select id, status from sessions where id in (:ids)",
                            unread,
                            rs -> Map.entry(rs.getLong(1), SessionStatus.valueOf(rs.getString(2))))
                    .forEach(e -> status.put(e.getKey(), e.getValue()));
        Map<Long, ProblemException> closed = new HashMap<>();
        for (long id : sessionIds) {
            try {
                SessionStatus s = status.get(id);
                if (s == null) throw ProblemException.notFound("session", id);
                AttendanceService.requireOpen(s);
            } catch (ProblemException notOpen) {
                closed.put(id, notOpen);
            }
        }
        return closed;
    }

    /** The rows as the latest commit left them, locked in delegate order. */
    private static Map<Long, CheckIn> lockedRows(Connection conn, Collection<Long> delegateIds) throws SQLException {
        Map<Long, CheckIn> out = new HashMap<>();
        if (delegateIds.isEmpty()) return out;
        Jdbc.selectIn(
                        conn,
                        "select " + COLUMNS + " from check_ins where delegate_id in (:ids) for update",
                        delegateIds.stream().sorted().toList(),
                        rs -> row(rs, 0))
                .forEach(c -> out.put(c.delegateId, c));
        return out;
    }

    /** A row of {@link #COLUMNS}, from the column after {@code offset} on. */
    private static CheckIn row(ResultSet rs, int offset) throws SQLException {
        CheckIn c = new CheckIn();
        c.delegateId = rs.getLong(offset + 1);
        c.sessionId = rs.getLong(offset + 2);
        c.pointId = Jdbc.longOrNull(rs, offset + 3);
        c.status = AttendanceStatus.valueOf(rs.getString(offset + 4));
        String method = rs.getString(offset + 5);
        c.method = method == null ? null : CheckInMethod.valueOf(method);
        c.substituteName = rs.getString(offset + 6);
        c.substitutePosition = rs.getString(offset + 7);
        c.absenceReason = rs.getString(offset + 8);
        c.recordedAt = Jdbc.instant(rs, offset + 9);
        c.recordedBy = rs.getString(offset + 10);
        return c;
    }
}
