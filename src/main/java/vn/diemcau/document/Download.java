package vn.diemcau.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recipient's download of one version (Range continuations included). Append-only in spirit. */
@Entity
@Table(name = "document_downloads")
public class Download extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "document_id", nullable = false)
    public long documentId;

    @Column(name = "version_id", nullable = false)
    public long versionId;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "delegate_id")
    public Long delegateId;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "recipient_unit")
    public String recipientUnit;

    @Column(name = "point_id")
    public Long pointId;

    @Column(nullable = false)
    public boolean watermarked;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "last_at", nullable = false)
    public Instant lastAt;

    @Column(nullable = false)
    public int requests;
}
