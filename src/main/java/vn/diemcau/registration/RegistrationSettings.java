package vn.diemcau.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Whether a session takes registrations, and until when. */
@Entity
@Table(name = "registration_settings")
public class RegistrationSettings extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public Long sessionId;

    @Column(nullable = false)
    public boolean accepting;

    public Instant deadline;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
