package vn.diemcau.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The floor of one session: whether its queue takes new requests (no row: it does). */
@Entity
@Table(name = "floor_settings")
public class FloorSettings extends PanacheEntityBase {
    @Id
    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "queue_closed", nullable = false)
    public boolean queueClosed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;

    static boolean closed(long sessionId) {
        FloorSettings s = findById(sessionId);
        return s != null && s.queueClosed;
    }
}
