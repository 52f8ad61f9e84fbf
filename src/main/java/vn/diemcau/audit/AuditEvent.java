package vn.diemcau.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the append-only audit trail. */
@Entity
@Table(name = "audit_events")
public class AuditEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false, updatable = false)
    public String actorRole;

    @Column(name = "session_id", updatable = false)
    public Long sessionId;

    @Column(name = "point_id", updatable = false)
    public Long pointId;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "target_type", updatable = false)
    public String targetType;

    @Column(name = "target_id", updatable = false)
    public String targetId;

    @Column(updatable = false)
    public String detail;
}
