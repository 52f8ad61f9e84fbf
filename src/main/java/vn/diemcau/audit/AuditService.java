package vn.diemcau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.diemcau.common.Page;
import vn.diemcau.security.CurrentUser;

/** Records who changed what, in the same transaction as the change (so no change goes unrecorded). */
@ApplicationScoped
public class AuditService {
    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long sessionId, Long pointId, String action, String targetType, Object targetId, String detail) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = Instant.now(clock);
        e.actor = user.name();
        e.actorRole = user.mainRole();
        e.sessionId = sessionId;
        e.pointId = pointId;
        e.action = action;
        e.targetType = targetType;
        e.targetId = targetId == null ? null : targetId.toString();
        e.detail = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        e.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long sessionId, String action, String targetType, Object targetId, String detail) {
        record(sessionId, null, action, targetType, targetId, detail);
    }

    @Transactional
    public Page<AuditEventView> find(Long sessionId, String action, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (sessionId != null) {
            q.append(" and sessionId = :sessionId");
            params.put("sessionId", sessionId);
        }
        if (action != null && !action.isBlank()) {
            q.append(" and action like :action");
            params.put("action", action.strip() + "%");
        }
        var query = AuditEvent.find(q + " order by occurredAt desc, id desc", params);
        long total = query.count();
        List<AuditEventView> items = query.page(page, size).<AuditEvent>list().stream()
                .map(AuditEventView::from)
                .toList();
        return new Page<>(items, total, page, size);
    }
}
