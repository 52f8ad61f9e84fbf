package vn.diemcau.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A copied session gets the roster too, on the copied points; invitations are personal and stay behind. */
    void onPointsCopied(@Observes PointsCopied e) {
        if (!e.includeRoster()) return;
        List<Delegate> copies = Delegate.<Delegate>list("sessionId = ?1 order by id", e.sourceSessionId()).stream()
                .map(src -> copy(src, e.targetSessionId(), e.pointIdMap()))
                .toList();
        if (copies.isEmpty()) return;
        DelegateRows.insert(copies, Instant.now(clock));
        audit.record(
                e.targetSessionId(),
                "delegate.copied",
                "session",
                e.targetSessionId(),
                copies.size() + " from session " + e.sourceSessionId());
    }

    private static Delegate copy(Delegate src, long sessionId, Map<Long, Long> pointIdMap) {
        Delegate d = new Delegate();
        d.sessionId = sessionId;
        d.fullName = src.fullName;
        d.position = src.position;
        d.unitName = src.unitName;
        d.category = src.category;
        d.pointId = src.pointId == null ? null : pointIdMap.get(src.pointId);
        d.phone = src.phone;
        d.email = src.email;
        d.note = src.note;
        d.nameFolded = src.nameFolded;
        d.unitFolded = src.unitFolded;
        d.nameSortKey = src.nameSortKey;
        d.searchFolded = src.searchFolded;
        return d;
    }
}
