package vn.diemcau.floor;

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
import java.util.List;

/** A point's request to speak [đăng ký phát biểu]. */
@Entity
@Table(name = "floor_requests")
public class FloorRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(name = "point_id", nullable = false)
    public long pointId;

    @Column(name = "point_name", nullable = false)
    public String pointName;

    /** Null: the point as a whole asks. */
    @Column(name = "delegate_id")
    public Long delegateId;

    @Column(name = "delegate_name")
    public String delegateName;

    @Column(nullable = false)
    public String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FloorRequestStatus status;

    /** Place in the waiting queue (1 first); kept afterwards as it was. */
    @Column(nullable = false)
    public int position;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "granted_at")
    public Instant grantedAt;

    /** When it stopped being open: finished, declined or withdrawn. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decline_reason")
    public String declineReason;

    @Version
    public long version;

    static List<FloorRequest> waiting(long sessionId) {
        return list("sessionId = ?1 and status = ?2 order by position, id", sessionId, FloorRequestStatus.WAITING);
    }

    static FloorRequest granted(long sessionId) {
        return find("sessionId = ?1 and status = ?2", sessionId, FloorRequestStatus.GRANTED)
                .firstResult();
    }
}
