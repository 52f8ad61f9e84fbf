package vn.diemcau.point;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

// Only the columns that changed are written: the heartbeat flush stores last_heartbeat_at beside the
// entity, and an update of other columns must not put an older time back.
@Entity
@DynamicUpdate
@Table(name = "points")
public class Point extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(nullable = false)
    public String name;

    @Column(name = "main_hall", nullable = false)
    public boolean mainHall;

    @Column(name = "unit_id")
    public Long unitId;

    /** The session's snapshot of the unit (session_units), which the point shows. */
    @Column(name = "session_unit_id")
    public Long sessionUnitId;

    /** Usernames of the operators who run this point. */
    @ElementCollection
    @CollectionTable(name = "point_operators", joinColumns = @JoinColumn(name = "point_id"))
    @Column(name = "username", nullable = false)
    @Fetch(FetchMode.SUBSELECT)
    public Set<String> operators = new HashSet<>();

    @Column(name = "expected_count", nullable = false)
    public int expectedCount;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    // Live state (V041): written by PointLiveService while the session runs.
    @Enumerated(EnumType.STRING)
    @Column(name = "live_status", nullable = false)
    public PointLiveStatus liveStatus = PointLiveStatus.NOT_JOINED;

    @Column(name = "live_status_since")
    public Instant liveStatusSince;

    @Column(name = "last_heartbeat_at")
    public Instant lastHeartbeatAt;

    @Enumerated(EnumType.STRING)
    public PointTrouble trouble;

    @Column(name = "trouble_note")
    public String troubleNote;

    /** People in the room, as the operator answered the roll call. */
    @Column(name = "present_count")
    public Integer presentCount;

    @Column(name = "ready_at")
    public Instant readyAt;

    // attendance (V051): when presentCount was last reported (roll call or room count)
    @Column(name = "present_count_at")
    public Instant presentCountAt;

    @Version
    public long version;
}
