package vn.diemcau.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A delegate's check-in or absence (one row per delegate); written with plain SQL, read here. */
@Entity
@Table(name = "check_ins")
class CheckIn extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(name = "delegate_id", nullable = false)
    public long delegateId;

    @Column(name = "point_id")
    public Long pointId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttendanceStatus status;

    @Enumerated(EnumType.STRING)
    public CheckInMethod method;

    @Column(name = "substitute_name")
    public String substituteName;

    @Column(name = "substitute_position")
    public String substitutePosition;

    @Column(name = "absence_reason")
    public String absenceReason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
