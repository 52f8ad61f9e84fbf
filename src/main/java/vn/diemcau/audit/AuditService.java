package vn.diemcau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.Session;
import vn.diemcau.common.Jdbc;
import vn.diemcau.common.Page;
import vn.diemcau.security.CurrentUser;

/** Records who changed what, in the same transaction as the change (so no change goes unrecorded). */
@ApplicationScoped
public class AuditService {
    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /**
     * One row, written at once on the transaction's connection (one JDBC statement: the trail is only
     * ever appended to and read by queries, so it needs no entity in the persistence context).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long sessionId, Long pointId, String action, String targetType, Object targetId, String detail) {
        LocalDateTime at = Jdbc.utc(Instant.now(clock));
        String actor = user.name(), role = user.mainRole();
        String target = targetId == null ? null : targetId.toString();
        String text = detail == null ? null : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
                ps.setObject(1, at);
                ps.setString(2, actor);
                ps.setString(3, role);
                ps.setObject(4, sessionId, Types.BIGINT);
                ps.setObject(5, pointId, Types.BIGINT);
                ps.setString(6, action);
                ps.setString(7, targetType);
                ps.setString(8, target);
                ps.setString(9, text);
                ps.executeUpdate();
            }
        });
    }

    private static final int MAX_DETAIL = 4000;

    private static final String INSERT = "insert into audit_events (occurred_at, actor, actor_role, session_id,"
            + " point_id, action, target_type, target_id, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
