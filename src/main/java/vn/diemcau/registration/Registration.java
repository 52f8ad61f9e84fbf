package vn.diemcau.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.diemcau.common.Text;

/** One person's registration for a session, self-made through a link or nominated by an operator. */
@Entity
@Table(name = "registrations")
public class Registration extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public long sessionId;

    @Column(name = "link_id")
    public Long linkId;

    @Column(name = "point_id")
    public Long pointId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "name_folded", nullable = false)
    public String nameFolded;

    public String position;

    @Column(name = "unit_name")
    public String unitName;

    @Column(name = "unit_folded", nullable = false)
    public String unitFolded;

    public String phone;

    public String email;

    /** Why it was rejected. */
    public String reason;

    /** The roster entry made on approval. */
    @Column(name = "delegate_id")
    public Long delegateId;

    @Column(name = "status_salt", nullable = false)
    public String statusSalt;

    @Column(name = "status_hash", nullable = false, columnDefinition = "CHAR(64)")
    public String statusHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Version
    public long version;

    void derive() {
        nameFolded = Text.fold(fullName);
        unitFolded = Text.fold(unitName);
    }
}
