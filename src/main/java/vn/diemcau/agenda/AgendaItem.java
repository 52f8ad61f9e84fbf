package vn.diemcau.agenda;

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

@Entity
@Table(name = "agenda_items")
public class AgendaItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    /** 1-based place in the programme. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    public String presenter;

    /** Null: starts right after the previous item (or at the session start). */
    @Column(name = "planned_start")
    public Instant plannedStart;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgendaItemStatus status = AgendaItemStatus.PENDING;

    @Column(name = "actual_start")
    public Instant actualStart;

    @Column(name = "actual_end")
    public Instant actualEnd;

    /** When the item was announced as running over (agenda.item_overran), so it is announced once. */
    @Column(name = "overran_at")
    public Instant overranAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    static List<AgendaItem> ofSession(long sessionId) {
        return list("sessionId = ?1 order by position, id", sessionId);
    }
}
