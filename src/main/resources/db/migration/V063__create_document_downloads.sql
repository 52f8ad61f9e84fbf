-- Who received which version, when, from which point. A Range request that continues a download
-- updates its row (last_at, requests) instead of adding a recipient.
CREATE TABLE document_downloads (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id    BIGINT       NOT NULL,
    version_id     BIGINT       NOT NULL,
    session_id     BIGINT       NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    actor_role     VARCHAR(20)  NOT NULL,
    delegate_id    BIGINT       NULL,
    recipient_name VARCHAR(300) NOT NULL,
    recipient_unit VARCHAR(300) NULL,
    point_id       BIGINT       NULL,
    watermarked    BOOLEAN      NOT NULL DEFAULT FALSE,
    started_at     DATETIME(6)  NOT NULL,
    last_at        DATETIME(6)  NOT NULL,
    requests       INT          NOT NULL DEFAULT 1,
    CONSTRAINT fk_document_downloads_document FOREIGN KEY (document_id) REFERENCES documents (id),
    CONSTRAINT fk_document_downloads_version FOREIGN KEY (version_id) REFERENCES document_versions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_document_downloads_document ON document_downloads (document_id, actor);
CREATE INDEX ix_document_downloads_version ON document_downloads (version_id, actor);
