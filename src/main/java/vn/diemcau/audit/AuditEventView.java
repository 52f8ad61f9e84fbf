package vn.diemcau.audit;

import java.time.Instant;

public record AuditEventView(
        long id,
        Instant occurredAt,
        String actor,
        String actorRole,
        Long sessionId,
        Long pointId,
        String action,
        String targetType,
        String targetId,
        String detail) {
    static AuditEventView from(AuditEvent e) {
        return new AuditEventView(
                e.id,
                e.occurredAt,
                e.actor,
                e.actorRole,
                e.sessionId,
                e.pointId,
                e.action,
                e.targetType,
                e.targetId,
                e.detail);
    }
}
