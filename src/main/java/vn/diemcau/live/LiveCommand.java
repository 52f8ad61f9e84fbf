package vn.diemcau.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A command already answered: a resend with the same id gets this answer again. */
@Entity
@Table(name = "live_commands")
class LiveCommand extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(name = "command_id", nullable = false)
    public String commandId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String actor;

    /** JSON of the {@link Outcome}. */
    @Column(nullable = false)
    public String result;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
