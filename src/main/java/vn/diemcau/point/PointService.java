package vn.diemcau.point;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.diemcau.audit.AuditService;
import vn.diemcau.common.ProblemException;
import vn.diemcau.common.Text;
import vn.diemcau.security.Access;
import vn.diemcau.session.SessionCopied;
import vn.diemcau.session.SessionService;
import vn.diemcau.unit.UnitService;
import vn.diemcau.unit.UnitView;

@ApplicationScoped
public class PointService {
    @Inject
    Clock clock;

    @Inject
    PointOperatorAssignments assignments;

    @Inject
    Access access;

    @Inject
    AuditService audit;

    @Inject
    SessionService sessions;

    @Inject
    UnitService units;

    @Inject
    Instance<PointUsage> usage;

    @Inject
    Event<PointDeleted> deleted;

    @Inject
    Event<PointsCopied> copied;

    /** The session's points: main hall first, then by sort order, then by name the Vietnamese way. */
    @Transactional
    public List<PointView> list(long sessionId) {
        access.requireRead(sessionId);
        return listUnchecked(sessionId);
    }

    /** Registration: the same list for a caller the other feature already let in (a public registration link). */
    @Transactional
    public List<PointView> listUnchecked(long sessionId) {
        sessions.require(sessionId);
        List<Point> points = Point.list("sessionId", sessionId);
        Map<Long, SessionUnit> snapshots = snapshotsById(sessionId);
        Map<Long, Long> counts = delegateCounts(points.stream().map(p -> p.id).toList());
        Collator collator = Text.collator();
        return points.stream()
                .sorted(Comparator.comparing((Point p) -> !p.mainHall)
                        .thenComparingInt(p -> p.sortOrder)
                        .thenComparing(p -> p.name, collator)
                        .thenComparing(p -> p.id))
                .map(p -> PointView.from(p, snapshots.get(p.sessionUnitId), counts.getOrDefault(p.id, 0L)))
                .toList();
    }

    @Transactional
    public PointView get(long sessionId, long pointId) {
        access.requireRead(sessionId);
        return view(require(sessionId, pointId));
    }

    /** For other features: the point of that session, or a 404 (a point of another session is not found either). */
    @Transactional
    public Point require(long sessionId, long pointId) {
        Point p = Point.findById(pointId);
        if (p == null || p.sessionId != sessionId) throw ProblemException.notFound("point", pointId);
        return p;
    }

    @Transactional
    public PointView create(long sessionId, PointRequest r) {
        sessions.requireEditable(sessionId);
        Point p = new Point();
        p.sessionId = sessionId;
        p.createdAt = Instant.now(clock);
        p.sortOrder = r.sortOrder() != null ? r.sortOrder() : nextSortOrder(sessionId);
        if (r.operators() != null) {
            p.operators.addAll(cleanOperators(r.operators()));
            assignments.changed();
        }
        apply(p, r);
        p.persist();
        audit.record(sessionId, p.id, "point.created", "point", p.id, p.name);
        return view(p);
    }

    @Transactional
    public PointView update(long sessionId, long pointId, PointRequest r) {
        sessions.requireEditable(sessionId);
        Point p = require(sessionId, pointId);
        if (r.version() != null && r.version() != p.version) throw ProblemException.conflict("stale");
        if (r.sortOrder() != null) p.sortOrder = r.sortOrder();
        if (r.operators() != null) {
            replaceOperators(p, r.operators());
            assignments.changed();
        }
        apply(p, r);
        Point.flush();
        audit.record(sessionId, p.id, "point.updated", "point", p.id, p.name);
        return view(p);
    }

    /** 409 when delegates attend there, unless {@code force}: then they are detached first (see {@link PointDeleted}). */
    @Transactional
    public void delete(long sessionId, long pointId, boolean force) {
        sessions.requireEditable(sessionId);
        Point p = require(sessionId, pointId);
        long delegates = delegateCount(p.id);
        if (delegates > 0 && !force) throw ProblemException.conflict("point.has-delegates", p.name, delegates);
        deleted.fire(new PointDeleted(sessionId, pointId));
        assignments.changed();
        audit.record(
                sessionId,
                p.id,
                "point.deleted",
                "point",
                p.id,
                p.name + (delegates > 0 ? " (" + delegates + " delegates detached)" : ""));
        p.delete();
    }

    @Transactional
    public PointView setOperators(long sessionId, long pointId, List<String> operators) {
        sessions.requireEditable(sessionId);
        Point p = require(sessionId, pointId);
        replaceOperators(p, operators);
        assignments.changed();
        p.updatedAt = Instant.now(clock);
        Point.flush();
        audit.record(
                sessionId,
                p.id,
                "point.operators",
                "point",
                p.id,
                String.join(", ", p.operators.stream().sorted().toList()));
        return view(p);
    }

    /**
     * One point per non-retired unit of the level anywhere below the parent unit, skipping units
     * that already have a point in the session; all in one transaction.
     */
    @Transactional
    // Thousands of rows (a province has ~2,000 points) outlast the default 60 s on a busy server.
    @TransactionConfiguration(timeout = 600)
    public BulkPointsResult bulk(long sessionId, BulkPointsRequest r) {
        sessions.requireEditable(sessionId);
        List<List<UnitView>> lineages = units.lineagesBelow(r.parentUnitId(), r.level());
        Set<Long> present = new HashSet<>(Point.getEntityManager()
                .createQuery("select p.unitId from Point p where p.sessionId = :s and p.unitId is not null", Long.class)
                .setParameter("s", sessionId)
                .getResultList());
        Map<Long, SessionUnit> bySource = snapshotsBySource(sessionId);
        int order = nextSortOrder(sessionId);
        Instant now = Instant.now(clock);
        int skipped = 0;
        List<PointView> created = new java.util.ArrayList<>();
        for (List<UnitView> lineage : lineages) {
            UnitView unit = lineage.get(lineage.size() - 1);
            if (!present.add(unit.id())) {
                skipped++;
                continue;
            }
            SessionUnit su = snapshot(sessionId, lineage, bySource);
            Point p = new Point();
            p.sessionId = sessionId;
            p.name = su.name;
            p.unitId = unit.id();
            p.sessionUnitId = su.id;
            p.expectedCount = r.expectedCount() == null ? 0 : r.expectedCount();
            p.sortOrder = order++;
            p.createdAt = now;
            p.updatedAt = now;
            p.persist();
            audit.record(sessionId, p.id, "point.created", "point", p.id, p.name);
            created.add(PointView.from(p, su, 0));
        }
        audit.record(
                sessionId,
                "point.bulk-created",
                "unit",
                r.parentUnitId(),
                r.level() + ": " + created.size() + " created, " + skipped + " skipped");
        return new BulkPointsResult(created, skipped);
    }

    /** Copies the points, their operators and the session's unit snapshots, in the copy's transaction. */
    @Transactional
    void onSessionCopied(@Observes SessionCopied e) {
        assignments.changed();
        Map<Long, Long> unitMap = new HashMap<>();
        // Ids grow, and a snapshot's parent is always written before it: copying in id order keeps parents first.
        for (SessionUnit src : SessionUnit.<SessionUnit>list("sessionId = ?1 order by id", e.sourceId())) {
            SessionUnit c = new SessionUnit();
            c.sessionId = e.targetId();
            c.sourceUnitId = src.sourceUnitId;
            c.parentId = src.parentId == null ? null : unitMap.get(src.parentId);
            c.code = src.code;
            c.name = src.name;
            c.level = src.level;
            c.path = src.path;
            c.createdAt = Instant.now(clock);
            c.persist();
            unitMap.put(src.id, c.id);
        }
        Map<Long, Long> pointMap = new LinkedHashMap<>();
        for (Point src : Point.<Point>list("sessionId = ?1 order by id", e.sourceId())) {
            Point c = new Point();
            c.sessionId = e.targetId();
            c.name = src.name;
            c.mainHall = src.mainHall;
            c.unitId = src.unitId;
            c.sessionUnitId = src.sessionUnitId == null ? null : unitMap.get(src.sessionUnitId);
            c.expectedCount = src.expectedCount;
            c.sortOrder = src.sortOrder;
            c.operators.addAll(src.operators);
            c.createdAt = Instant.now(clock);
            c.updatedAt = c.createdAt;
            c.persist();
            pointMap.put(src.id, c.id);
        }
        audit.record(
                e.targetId(),
                "point.copied",
                "session",
                e.targetId(),
                pointMap.size() + " points from session " + e.sourceId());
        copied.fire(new PointsCopied(e.sourceId(), e.targetId(), Map.copyOf(pointMap), e.includeRoster()));
    }

    private void apply(Point p, PointRequest r) {
        SessionUnit su = null;
        if (r.unitId() == null) {
            p.unitId = null;
            p.sessionUnitId = null;
        } else if (!r.unitId().equals(p.unitId) || p.sessionUnitId == null) {
            List<UnitView> lineage = units.lineage(r.unitId());
            UnitView unit = lineage.get(lineage.size() - 1);
            if (unit.retired()) throw ProblemException.conflict("point.unit-retired", unit.name());
            su = snapshot(p.sessionId, lineage, snapshotsBySource(p.sessionId));
            p.unitId = r.unitId();
            p.sessionUnitId = su.id;
        } else {
            su = SessionUnit.findById(p.sessionUnitId);
        }
        String name = Text.clean(r.name());
        if (name == null && su == null) throw ProblemException.badRequest("point.name-required");
        p.name = name != null ? name : su.name;
        p.mainHall = Boolean.TRUE.equals(r.mainHall());
        if (p.mainHall) {
            Point other = Point.<Point>find("sessionId = ?1 and mainHall = true", p.sessionId).stream()
                    .filter(o -> !o.id.equals(p.id))
                    .findFirst()
                    .orElse(null);
            if (other != null) throw ProblemException.conflict("point.main-hall-taken", other.name);
        }
        p.expectedCount = r.expectedCount() == null ? 0 : r.expectedCount();
        p.updatedAt = Instant.now(clock);
    }

    /**
     * The session's snapshot of the unit, made on first use together with its ancestors. A unit the
     * session already snapshotted keeps the name and place it had then, so the session's tree stays whole.
     */
    private SessionUnit snapshot(long sessionId, List<UnitView> lineage, Map<Long, SessionUnit> bySource) {
        SessionUnit parent = null;
        for (UnitView u : lineage) {
            SessionUnit su = bySource.get(u.id());
            if (su == null) {
                su = new SessionUnit();
                su.sessionId = sessionId;
                su.sourceUnitId = u.id();
                su.parentId = parent == null ? null : parent.id;
                su.code = u.code();
                su.name = u.name();
                su.level = u.level();
                su.path = parent == null ? u.name() : parent.path + " › " + u.name();
                su.createdAt = Instant.now(clock);
                su.persist();
                bySource.put(u.id(), su);
            }
            parent = su;
        }
        return parent;
    }

    private Map<Long, SessionUnit> snapshotsBySource(long sessionId) {
        return SessionUnit.<SessionUnit>list("sessionId", sessionId).stream()
                .collect(Collectors.toMap(s -> s.sourceUnitId, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private Map<Long, SessionUnit> snapshotsById(long sessionId) {
        return SessionUnit.<SessionUnit>list("sessionId", sessionId).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
    }

    private PointView view(Point p) {
        SessionUnit su = p.sessionUnitId == null ? null : SessionUnit.findById(p.sessionUnitId);
        return PointView.from(p, su, delegateCount(p.id));
    }

    private long delegateCount(long pointId) {
        return usage.isResolvable() ? usage.get().delegateCount(pointId) : 0;
    }

    private Map<Long, Long> delegateCounts(Collection<Long> pointIds) {
        return usage.isResolvable() && !pointIds.isEmpty() ? usage.get().delegateCounts(pointIds) : Map.of();
    }

    private int nextSortOrder(long sessionId) {
        Integer max = Point.getEntityManager()
                .createQuery("select max(p.sortOrder) from Point p where p.sessionId = :s", Integer.class)
                .setParameter("s", sessionId)
                .getSingleResult();
        return max == null ? 0 : max + 1;
    }

    private static void replaceOperators(Point p, List<String> operators) {
        Set<String> wanted = cleanOperators(operators);
        p.operators.retainAll(wanted);
        p.operators.addAll(wanted);
    }

    /** Trimmed, one entry per username ignoring case (the database compares them so). */
    private static Set<String> cleanOperators(List<String> operators) {
        Map<String, String> byLower = new LinkedHashMap<>();
        for (String o : operators) {
            String c = Text.clean(o);
            if (c != null) byLower.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
        }
        return new HashSet<>(byLower.values());
    }
}
