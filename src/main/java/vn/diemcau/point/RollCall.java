package vn.diemcau.point;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest roll call of a session (one row per session). */
@Entity
@Table(name = "roll_calls")
class RollCall extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "started_by", nullable = false)
    public String startedBy;
}
