package vn.diemcau.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One delegate's answers to a form (at most one per delegate). */
@Entity
@Table(name = "feedback_responses")
public class FeedbackResponse extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "form_id", nullable = false)
    public long formId;

    @Column(name = "delegate_id", nullable = false)
    public long delegateId;

    @Column(name = "point_id")
    public Long pointId;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @ElementCollection
    @CollectionTable(name = "feedback_answers", joinColumns = @JoinColumn(name = "response_id"))
    public List<FeedbackAnswer> answers = new ArrayList<>();
}
