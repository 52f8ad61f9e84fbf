package vn.diemcau.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.diemcau.audit.AuditService;
import vn.diemcau.point.PointDeleted;
import vn.diemcau.point.PointUsage;
import vn.diemcau.point.PointsCopied;

/** How the roster follows its points: delegates counted per point, detached from a deleted one, copied along. */
@ApplicationScoped
class DelegatePoints implements PointUsage {
    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @Override
    public long delegateCount(long pointId) {
        return Delegate.count("pointId", pointId);
    }

    @Override
    public Map<Long, Long> delegateCounts(Collection<Long> pointIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (pointIds.isEmpty()) return counts;
        List<Object[]> rows = Delegate.getEntityManager()
                .createQuery(
                        "select d.pointId, count(d) from Delegate d where d.pointId in :ids group by d.pointId",
                        Object[].class)
                .setParameter("ids", pointIds)
                .getResultList();
        for (Object[] r : rows) counts.put((Long) r[0], (Long) r[1]);
        return counts;
    }

    /** In the deleting transaction, before the point's row goes: its delegates stay, without a point. */
    void onPointDeleted(@Observes PointDeleted e) {
        Delegate.update(
                "pointId = null, updatedAt = ?1, version = version + 1 where sessionId = ?2 and pointId = ?3",
                Instant.now(clock),
                e.sessionId(),
                e.pointId());
    }

    /**
     * A copied session gets the roster too, on the copied points; invitations are personal and stay
     * behind. Done in SQL: a large province's roster (~95,000 rows) never passes through the JVM.
     */
    void onPointsCopied(@Observes PointsCopied e) {
        if (!e.includeRoster()) return;
        EntityManager em = Delegate.getEntityManager();
        em.flush();
        int copied = em.createNativeQuery(COPY)
                .setParameter("target", e.targetSessionId())
                .setParameter("now", Instant.now(clock))
                .setParameter("source", e.sourceSessionId())
                .executeUpdate();
        if (copied == 0) return;
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE delegates SET point_id = ? WHERE point_id = ? AND session_id = ?")) {
                for (Map.Entry<Long, Long> m : e.pointIdMap().entrySet()) {
                    ps.setLong(1, m.getValue());
                    ps.setLong(2, m.getKey());
                    ps.setLong(3, e.targetSessionId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        // whatever the map missed must not point into the source session
        em.createNativeQuery("UPDATE delegates SET point_id = NULL WHERE session_id = :target"
                        + " AND point_id IN (SELECT id FROM points WHERE session_id = :source)")
                .setParameter("target", e.targetSessionId())
                .setParameter("source", e.sourceSessionId())
                .executeUpdate();
        audit.record(
                e.targetSessionId(),
                "delegate.copied",
                "session",
                e.targetSessionId(),
                copied + " from session " + e.sourceSessionId());
    }

    private static final String COPY = "INSERT INTO delegates (session_id, full_name, name_folded, name_sort_key,"
            + " position, unit_name, unit_folded, search_folded, category, point_id, phone, email, note,"
            + " created_at, updated_at, version)"
            + " SELECT :target, full_name, name_folded, name_sort_key, position, unit_name, unit_folded,"
            + " search_folded, category, point_id, phone, email, note, :now, :now, 0"
            + " FROM delegates WHERE session_id = :source ORDER BY id";
}
