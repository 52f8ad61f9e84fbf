package vn.diemcau.point;

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
import vn.diemcau.unit.UnitLevel;

/**
 * A unit as a session saw it when it first used it (with its ancestors, for roll-ups along the
 * tree). Never updated: renaming or moving the master unit leaves the session's history alone.
 */
@Entity
@Table(name = "session_units")
public class SessionUnit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(name = "source_unit_id", nullable = false)
    public long sourceUnitId;

    @Column(name = "parent_id")
    public Long parentId;

    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitLevel level;

    @Column(nullable = false)
    public String path;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
