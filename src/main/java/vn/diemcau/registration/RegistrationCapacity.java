package vn.diemcau.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The most registrations (pending and approved) a point takes; registrations lock this row. */
@Entity
@Table(name = "registration_capacities")
public class RegistrationCapacity extends PanacheEntityBase {
    @Id
    @Column(name = "point_id")
    public Long pointId;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
