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

/** A written question [câu hỏi] a participant sent from their phone. */
@Entity
@Table(name = "questions")
public class Question extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false)
    public long sessionId;

    @Column(name = "delegate_id", nullable = false)
    public long delegateId;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(name = "point_id")
    public Long pointId;

    @Column(name = "point_name")
    public String pointName;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public QuestionStatus status;

    @Column(name = "merged_into_id")
    public Long mergedIntoId;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    @Column(name = "moderated_at")
    public Instant moderatedAt;

    @Column(name = "moderated_by")
    public String moderatedBy;

    @Version
    public long version;
}
