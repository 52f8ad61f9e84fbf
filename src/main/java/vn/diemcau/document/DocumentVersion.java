package vn.diemcau.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One uploaded file of a document; never changed once stored. */
@Entity
@Table(name = "document_versions")
public class DocumentVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "document_id", nullable = false, updatable = false)
    public long documentId;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(name = "file_name", nullable = false, updatable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long size;

    @Column(nullable = false, updatable = false, columnDefinition = "CHAR(64)")
    public String sha256;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    public Instant uploadedAt;

    static DocumentVersion of(long documentId, int number) {
        return find("documentId = ?1 and number = ?2", documentId, number).firstResult();
    }

    static List<DocumentVersion> ofDocument(long documentId) {
        return list("documentId = ?1 order by number desc", documentId);
    }
}
