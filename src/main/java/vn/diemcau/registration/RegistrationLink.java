package vn.diemcau.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A public registration link; its point and unit, when set, are fixed for whoever registers through it. */
@Entity
@Table(name = "registration_links")
public class RegistrationLink extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public long sessionId;

    @Column(name = "point_id")
    public Long pointId;

    @Column(name = "unit_name")
    public String unitName;

    public String label;

    @Column(nullable = false)
    public String salt;

    @Column(name = "token_hash", nullable = false, columnDefinition = "CHAR(64)")
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
