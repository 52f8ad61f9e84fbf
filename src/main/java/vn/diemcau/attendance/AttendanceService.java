package vn.diemcau.attendance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.Page;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.point.Point;
import vn.diemcau.point.PointLiveService;
import vn.diemcau.point.PointService;
import vn.diemcau.roster.DelegateService;
import vn.diemcau.roster.DelegateView;
import vn.diemcau.security.Access;
import vn.diemcau.security.CurrentUser;
import vn.diemcau.security.InvitationDirectory;
import vn.diemcau.security.InvitationTokens;
import vn.diemcau.security.Roles;
import vn.diemcau.session.Session;
import vn.diemcau.session.SessionService;
import vn.diemcau.session.SessionStatus;

/**
 * Who came: check-ins (by invitation link, QR scan, operator tap, walk-in, substitute), absences
 * with a reason, room counts, and the counts every screen shows. The write path is one INSERT
 * IGNORE on the delegate's unique row (plus an UPDATE only when that row already existed), so a
 * second device, a resend or a race ends in the same single check-in.
 */
@ApplicationScoped
public class AttendanceService {
    private static final String TARGET = "delegate";

    @Inject
    Clock clock;

    @Inject
    CurrentUser user;

    @Inject
    Access access;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Inject
    PointService points;

    @Inject
    PointLiveService pointLive;

    @Inject
    DelegateService delegates;

    @Inject
    InvitationDirectory invitations;

    @Inject
    EntityManager em;

    @Inject
    Event<AttendanceChanged> changed;

    @Inject
    CheckInWriter writer;

    /** Operator or organizer: checks a delegate in at {@code pointId} (by roster id or scanned invitation). */
    @Transactional
    public boolean checkIn(long sessionId, long pointId, CheckInRequest r) {
        operable(sessionId, pointId);
        String token = invitationToken(r.token());
        if ((r.delegateId() == null) == (token == null))
            throw ProblemException.badRequest("attendance.delegate-required");
        long delegateId;
        CheckInMethod method;
        if (token != null) {
            InvitationDirectory.Invitation inv = InvitationTokens.wellFormed(token)
                    ? invitations.findByTokenHash(InvitationTokens.hash(token)).orElse(null)
                    : null;
            if (inv == null || inv.sessionId() != sessionId)
                throw ProblemException.badRequest("attendance.invitation-invalid");
            delegateId = inv.delegateId();
            method = CheckInMethod.QR;
        } else {
            delegateId = r.delegateId();
            requireDelegate(sessionId, delegateId);
            method = CheckInMethod.OPERATOR;
        }
        String subName = limited(Text.clean(r.substituteName()), 200, "attendance.substitute-too-long");
        String subPosition = subName == null ? null : limited(Text.clean(r.substitutePosition()), 300, null);
        return present(sessionId, pointId, delegateId, method, subName, subPosition);
    }

    /**
     * The delegate themself, from the page their invitation opened: checked in at their own point.
     * Not one transaction of its own: the tap joins others' in the batch writer, which also makes the
     * checks (session open, delegate with a point) for the whole batch in its transaction; the answer
     * comes once that batch is committed, and no thread is held meanwhile.
     */
    public CompletionStage<AttendanceEntryView> checkInSelf() {
        CurrentUser.Invitee me = user.invitee().orElseThrow(() -> ProblemException.forbidden("forbidden"));
        return checkInSelf(me.sessionId(), me.delegateId(), user.name(), null);
    }

    /**
     * The same tap for a participant already authenticated by their invitation ({@link CheckInRoute}
     * on the event loop): completes on the caller's context once committed, or fails with the refusal.
     * {@code known}: the delegate as the invitation tells them, or null (the writer reads them).
     */
    CompletionStage<AttendanceEntryView> checkInSelf(
            long sessionId, long delegateId, String actor, DelegateService.Brief known) {
        return writer.submit(new CheckInWriter.SelfCheckIn(sessionId, delegateId, actor, Instant.now(clock), known))
                .thenCompose(t -> t.refused() != null
                        ? CompletableFuture.failedFuture(t.refused())
                        : CompletableFuture.completedFuture(entry(t.who(), t.row())));
    }

    /** The participant's own attendance. */
    @Transactional
    public AttendanceEntryView mine() {
        CurrentUser.Invitee me = user.invitee().orElseThrow(() -> ProblemException.forbidden("forbidden"));
        DelegateView d = delegates.participant(me.delegateId());
        return entry(d, CheckIn.find("delegateId", d.id()).firstResult());
    }

    /** Takes a check-in (or absence) back; nothing to undo is fine. Audited with what was undone. */
    @Transactional
    public boolean undo(long sessionId, long delegateId) {
        openSession(sessionId);
        requireDelegate(sessionId, delegateId);
        CheckIn c = CheckIn.find("delegateId", delegateId).firstResult();
        if (c == null) {
            if (!user.isOrganizer() && access.operatedPoints(sessionId).isEmpty())
                throw ProblemException.forbidden("point.not-assigned");
            return false;
        }
        if (c.pointId == null) {
            if (!user.isOrganizer()) throw ProblemException.forbidden("point.not-assigned");
        } else access.requireOperate(sessionId, c.pointId);
        c.delete();
        audit.record(
                sessionId,
                c.pointId,
                "attendance.undone",
                TARGET,
                delegateId,
                c.status + " " + (c.method == null ? "" : c.method) + " " + c.recordedAt + " " + c.recordedBy);
        changed.fire(new AttendanceChanged(sessionId, c.pointId));
        return true;
    }

    /** Vắng có lý do. A delegate already checked in must be undone first. */
    @Transactional
    public boolean markAbsent(long sessionId, long pointId, AbsenceRequest r) {
        operable(sessionId, pointId);
        requireDelegate(sessionId, r.delegateId());
        String reason = limited(Text.clean(r.reason()), 500, "attendance.reason-too-long");
        if (reason == null) throw ProblemException.badRequest("attendance.reason-required");
        Instant now = Instant.now(clock);
        int inserted =
                insert(sessionId, r.delegateId(), pointId, AttendanceStatus.ABSENT, null, null, null, reason, now);
        if (inserted == 0) {
            CheckIn c = CheckIn.find("delegateId", r.delegateId()).firstResult();
            if (c.status == AttendanceStatus.PRESENT) throw ProblemException.conflict("attendance.already-present");
            if (reason.equals(c.absenceReason) && Long.valueOf(pointId).equals(c.pointId)) return false;
            c.absenceReason = reason;
            c.pointId = pointId;
            c.recordedAt = now;
            c.recordedBy = user.name();
        }
        audit.record(sessionId, pointId, "attendance.absent", TARGET, r.delegateId(), reason);
        changed.fire(new AttendanceChanged(sessionId, pointId));
        return true;
    }

    /** Someone not on the roster: becomes a delegate of the point, checked in as WALK_IN. */
    @Transactional
    public long walkIn(long sessionId, long pointId, WalkInRequest r) {
        operable(sessionId, pointId);
        String name = Text.clean(r.fullName());
        if (name == null) throw ProblemException.badRequest("attendance.name-required");
        if (name.length() > 200) throw ProblemException.badRequest("attendance.name-too-long");
        String position = limited(Text.clean(r.position()), 300, "attendance.text-too-long");
        String unit = limited(Text.clean(r.unitName()), 300, "attendance.text-too-long");
        DelegateView d = delegates.addWalkIn(sessionId, pointId, name, position, unit);
        present(sessionId, pointId, d.id(), CheckInMethod.WALK_IN, null, null);
        return d.id();
    }

    /** The operator's headcount: the same number as the roll call's answer (the point's latest count). */
    @Transactional
    public void reportRoomCount(long sessionId, long pointId, int present) {
        pointLive.reportRoomCount(sessionId, pointId, present);
        changed.fire(new AttendanceChanged(sessionId, pointId));
    }

    /** The delegates of a point with their attendance, searched without diacritics, in name order. */
    @Transactional
    public Page<AttendanceEntryView> entries(long sessionId, long pointId, String q, int page, int size) {
        Page<DelegateView> found = delegates.list(sessionId, q, pointId, null, page, size);
        List<Long> ids = found.items().stream().map(DelegateView::id).toList();
        Map<Long, CheckIn> rows = ids.isEmpty()
                ? Map.of()
                : CheckIn.<CheckIn>list("delegateId in ?1", ids).stream()
                        .collect(Collectors.toMap(c -> c.delegateId, Function.identity()));
        return new Page<>(
                found.items().stream().map(d -> entry(d, rows.get(d.id()))).toList(),
                found.total(),
                found.page(),
                found.size());
    }

    /** Counts for a reader of the session. */
    @Transactional
    public AttendanceCounts counts(long sessionId) {
        access.requireRead(sessionId);
        return countsOf(sessionId);
    }

    /**
     * Counts by aggregate queries (three of them, whatever the number of points): for the live hub
     * and the snapshot, which have already checked who reads.
     */
    @Transactional
    public AttendanceCounts countsOf(long sessionId) {
        Session s = sessions.require(sessionId);
        Instant now = Instant.now(clock);
        boolean started = s.status == SessionStatus.LIVE
                || s.status == SessionStatus.ENDED
                || (s.startsAt != null && !now.isBefore(s.startsAt));
        Map<Long, Integer> named = new HashMap<>();
        for (Object[] row : rows(
                "select point_id, count(*) from delegates where session_id = ?1 and point_id is not null"
                        + " group by point_id",
                sessionId)) {
            named.put(num(row[0]), (int) num(row[1]));
        }
        Map<Long, int[]> att = new HashMap<>(); // present, absent, walk-ins
        for (Object[] row : rows(
                "select point_id, status, method, count(*) from check_ins where session_id = ?1"
                        + " and point_id is not null group by point_id, status, method",
                sessionId)) {
            int[] a = att.computeIfAbsent(num(row[0]), k -> new int[3]);
            int n = (int) num(row[3]);
            if (AttendanceStatus.PRESENT.name().equals(row[1])) {
                a[0] += n;
                if (CheckInMethod.WALK_IN.name().equals(row[2])) a[2] += n;
            } else a[1] += n;
        }
        List<Point> ps = Point.list("sessionId = ?1 order by mainHall desc, sortOrder, id", sessionId);
        List<AttendanceCounts.PointTally> pointTallies = new ArrayList<>();
        AttendanceCounts.Tally total = AttendanceCounts.Tally.ZERO;
        for (Point p : ps) {
            int onRoster = named.getOrDefault(p.id, 0);
            int[] a = att.getOrDefault(p.id, new int[3]);
            int room = p.presentCount == null ? 0 : p.presentCount;
            var t = new AttendanceCounts.Tally(
                    p.expectedCount > 0 ? p.expectedCount : onRoster, onRoster, a[0], a[1], a[2], room);
            boolean low = started && t.expected() > 0 && Math.max(t.present(), room) * 2 < t.expected();
            pointTallies.add(new AttendanceCounts.PointTally(
                    p.id, p.name, p.mainHall, p.sessionUnitId, t, p.presentCount, p.presentCountAt, low));
            total = total.plus(t);
        }
        List<AttendanceCounts.UnitTally> units = rollUp(sessionId, pointTallies);
        Map<vn.diemcau.unit.UnitLevel, AttendanceCounts.LevelTally> levels = new LinkedHashMap<>();
        for (var u : units) {
            levels.merge(
                    u.level(),
                    new AttendanceCounts.LevelTally(u.level(), 1, u.tally()),
                    (x, y) -> new AttendanceCounts.LevelTally(
                            x.level(), x.units() + y.units(), x.tally().plus(y.tally())));
        }
        return new AttendanceCounts(sessionId, now, total, pointTallies, units, List.copyOf(levels.values()));
    }

    /** Each point's tally added to its unit and every ancestor of it, in the session's own tree. */
    private List<AttendanceCounts.UnitTally> rollUp(long sessionId, List<AttendanceCounts.PointTally> pointTallies) {
        Map<Long, Object[]> tree = new HashMap<>();
        for (Object[] u : rows(
                "select id, parent_id, name, level from session_units where session_id = ?1 order by path, id",
                sessionId)) {
            tree.put(num(u[0]), u);
        }
        Map<Long, AttendanceCounts.Tally> sums = new LinkedHashMap<>();
        for (Object[] u : tree.values()) sums.put(num(u[0]), AttendanceCounts.Tally.ZERO);
        for (var p : pointTallies) {
            Long unit = p.unitId();
            // a cycle cannot happen in a snapshot of a tree; the bound only guards bad data
            for (int depth = 0; unit != null && depth < 64; depth++) {
                Object[] u = tree.get(unit);
                if (u == null) break;
                sums.merge(unit, p.tally(), AttendanceCounts.Tally::plus);
                unit = u[1] == null ? null : num(u[1]);
            }
        }
        List<AttendanceCounts.UnitTally> out = new ArrayList<>();
        for (var e : sums.entrySet()) {
            Object[] u = tree.get(e.getKey());
            out.add(new AttendanceCounts.UnitTally(
                    e.getKey(),
                    u[1] == null ? null : num(u[1]),
                    (String) u[2],
                    vn.diemcau.unit.UnitLevel.valueOf((String) u[3]),
                    e.getValue()));
        }
        return out;
    }

    /** The report's data: every delegate of the points the caller may read, with their attendance. */
    @Transactional
    public AttendanceReport report(long sessionId, Long pointId) {
        access.requireRead(sessionId);
        Session s = sessions.require(sessionId);
        Set<Long> visible = null;
        if (!user.isOrganizer() && !user.is(Roles.OBSERVER)) {
            if (!user.is(Roles.OPERATOR)) throw ProblemException.forbidden("forbidden");
            visible = access.operatedPoints(sessionId);
        }
        if (pointId != null) {
            points.require(sessionId, pointId);
            if (visible != null && !visible.contains(pointId)) throw ProblemException.forbidden("point.not-assigned");
            visible = Set.of(pointId);
        }
        AttendanceCounts counts = countsOf(sessionId);
        List<Object[]> rows = em.createQuery(
                        "select d.id, d.fullName, d.position, d.unitName, d.pointId, c from Delegate d"
                                + " left join CheckIn c on c.delegateId = d.id where d.sessionId = ?1",
                        Object[].class)
                .setParameter(1, sessionId)
                .getResultList();
        return AttendanceReport.of(s, counts, rows, visible, Instant.now(clock));
    }

    // --- the write path ---

    private boolean present(
            long sessionId, long pointId, long delegateId, CheckInMethod method, String subName, String subPosition) {
        Instant now = Instant.now(clock);
        // A row already there (absent, or present): decided by a plain read, without the shared
        // lock an INSERT IGNORE takes on the duplicate key — two devices turning the same absent
        // delegate present each holding that lock and waiting for the other's was a deadlock.
        CheckInWriter.RowState state = rowState(delegateId, subName);
        int n = state == CheckInWriter.RowState.NO_ROW
                ? insert(
                        sessionId,
                        delegateId,
                        pointId,
                        AttendanceStatus.PRESENT,
                        method,
                        subName,
                        subPosition,
                        null,
                        now)
                : 0;
        if (state == CheckInWriter.RowState.NEEDS_UPDATE
                || (state == CheckInWriter.RowState.NO_ROW
                        && n == 0
                        && rowState(delegateId, subName) == CheckInWriter.RowState.NEEDS_UPDATE)) {
            // Absent (or a new substitute named): becomes present. Only this rare path locks the
            // row for writing; a plain repeat of a check-in stops at the read or the INSERT IGNORE,
            // so parallel repeats from several devices never wait for each other. Parallel updates
            // queue on the row, and the later one finds nothing left to change.
            n = em.createNativeQuery("update check_ins set status = 'PRESENT', point_id = ?1, method = ?2,"
                            + " substitute_name = nullif(?3, ''), substitute_position = nullif(?4, ''),"
                            + " absence_reason = null, recorded_at = ?5, recorded_by = ?6"
                            + " where delegate_id = ?7 and (status <> 'PRESENT'"
                            + " or coalesce(substitute_name, '') <> coalesce(nullif(?3, ''), substitute_name, ''))")
                    .setParameter(1, pointId)
                    .setParameter(2, method.name())
                    .setParameter(3, subName == null ? "" : subName)
                    .setParameter(4, subPosition == null ? "" : subPosition)
                    .setParameter(5, now)
                    .setParameter(6, user.name())
                    .setParameter(7, delegateId)
                    .executeUpdate();
        }
        if (n > 0) changed.fire(new AttendanceChanged(sessionId, pointId));
        return n > 0;
    }

    /**
     * Does the delegate's row need changing to present? A plain read: NO_ROW when there is none (or,
     * after an INSERT IGNORE found one, when it is not even visible to this transaction's snapshot:
     * a concurrent request has just made it, and this one has nothing left to do).
     */
    private CheckInWriter.RowState rowState(long delegateId, String subName) {
        return CheckInWriter.RowState.of(
                CheckIn.<CheckIn>find("delegateId", delegateId).firstResult(), subName);
    }

    private int insert(
            long sessionId,
            long delegateId,
            long pointId,
            AttendanceStatus status,
            CheckInMethod method,
            String subName,
            String subPosition,
            String reason,
            Instant now) {
        return em.createNativeQuery("insert ignore into check_ins (session_id, delegate_id, point_id, status, method,"
                        + " substitute_name, substitute_position, absence_reason, recorded_at, recorded_by)"
                        + " values (?1, ?2, ?3, ?4, nullif(?5, ''), nullif(?6, ''), nullif(?7, ''), nullif(?8, ''),"
                        + " ?9, ?10)")
                .setParameter(1, sessionId)
                .setParameter(2, delegateId)
                .setParameter(3, pointId)
                .setParameter(4, status.name())
                .setParameter(5, method == null ? "" : method.name())
                .setParameter(6, subName == null ? "" : subName)
                .setParameter(7, subPosition == null ? "" : subPosition)
                .setParameter(8, reason == null ? "" : reason)
                .setParameter(9, now)
                .setParameter(10, user.name())
                .executeUpdate();
    }

    // --- checks ---

    private void operable(long sessionId, long pointId) {
        openSession(sessionId);
        points.require(sessionId, pointId);
        access.requireOperate(sessionId, pointId);
    }

    /** Attendance is taken once the session is scheduled, until it ends (reports stay readable). */
    private void openSession(long sessionId) {
        requireOpen(sessions.require(sessionId).status);
    }

    /** The one check of both paths, the single tap and the batch writer's. */
    static void requireOpen(SessionStatus status) {
        if (!status.open()) throw ProblemException.conflict("attendance.session-not-open", status);
    }

    private void requireDelegate(long sessionId, long delegateId) {
        List<?> found = em.createNativeQuery("select session_id from delegates where id = ?1")
                .setParameter(1, delegateId)
                .getResultList();
        if (found.isEmpty() || num(found.get(0)) != sessionId) throw ProblemException.notFound("delegate", delegateId);
    }

    /** A scanned QR holds the whole invitation link; the token is its last path segment. */
    static String invitationToken(String scanned) {
        String t = Text.clean(scanned);
        if (t == null) return null;
        int q = t.indexOf('?');
        if (q >= 0) t = t.substring(0, q);
        int slash = t.lastIndexOf('/');
        return slash >= 0 ? t.substring(slash + 1) : t;
    }

    private static String limited(String s, int max, String code) {
        if (s == null || s.length() <= max) return s;
        if (code == null) return s.substring(0, max);
        throw ProblemException.badRequest(code, max);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long sessionId) {
        return em.createNativeQuery(sql).setParameter(1, sessionId).getResultList();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    static AttendanceEntryView entry(DelegateView d, CheckIn c) {
        return entry(
                new DelegateService.Brief(d.id(), d.sessionId(), d.fullName(), d.position(), d.unitName(), d.pointId()),
                c);
    }

    static AttendanceEntryView entry(DelegateService.Brief d, CheckIn c) {
        return new AttendanceEntryView(
                d.id(),
                d.fullName(),
                d.position(),
                d.unitName(),
                d.pointId(),
                c == null ? AttendanceStatus.NOT_YET : c.status,
                c == null ? null : c.method,
                c == null ? null : c.pointId,
                c == null ? null : c.recordedAt,
                c == null ? null : c.recordedBy,
                c == null ? null : c.substituteName,
                c == null ? null : c.substitutePosition,
                c == null ? null : c.absenceReason);
    }
}
