package vn.diemcau.poll;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "polls")
public class Poll extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(name = "agenda_item_id")
    public Long agendaItemId;

    @Column(nullable = false)
    public String question;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PollKind kind;

    @Column(name = "max_choices")
    public Integer maxChoices;

    @Column(nullable = false)
    public boolean anonymous;

    /** A voter may change their answer while the poll is open. */
    @Column(nullable = false)
    public boolean changeable;

    /** Participants see the results only once they are published. */
    @Column(name = "results_hidden", nullable = false)
    public boolean resultsHidden;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PollStatus status = PollStatus.DRAFT;

    /** Keys the ballots (voter_key); never in any view. */
    @Column(name = "voter_salt", nullable = false, columnDefinition = "CHAR(64)")
    public String voterSalt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "poll_options", joinColumns = @JoinColumn(name = "poll_id"))
    @OrderColumn(name = "position")
    @Column(name = "label", nullable = false)
    public List<String> options = new ArrayList<>();

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether participants may see the results now. */
    boolean resultsVisibleToParticipants() {
        return status == PollStatus.PUBLISHED || (!resultsHidden && status != PollStatus.DRAFT);
    }
}
