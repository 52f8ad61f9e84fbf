package vn.diemcau.document;

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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
@Table(name = "documents")
public class Document extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public long sessionId;

    @Column(name = "agenda_item_id")
    public Long agendaItemId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Classification classification;

    @Enumerated(EnumType.STRING)
    @Column(name = "release_mode", nullable = false)
    public ReleaseMode releaseMode;

    /** Comma-separated roles besides organizers that may see it. */
    @Column(name = "audience_roles", nullable = false)
    public String audienceRoles;

    @ElementCollection
    @CollectionTable(name = "document_points", joinColumns = @JoinColumn(name = "document_id"))
    @Column(name = "point_id", nullable = false)
    @Fetch(FetchMode.SUBSELECT)
    public Set<Long> points = new HashSet<>();

    @Column(nullable = false)
    public boolean released;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "recalled_at")
    public Instant recalledAt;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    Set<String> roles() {
        return Arrays.stream(audienceRoles.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    void roles(Set<String> roles) {
        audienceRoles = String.join(",", new TreeSet<>(roles));
    }

    static List<Document> ofSession(long sessionId) {
        return list("sessionId = ?1 order by id", sessionId);
    }
}
