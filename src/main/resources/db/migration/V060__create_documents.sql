-- Conference materials (tài liệu): attached to the session or to one agenda item, released at once,
-- when the item starts or when the session ends, and recalled at any time. audience_roles lists who
-- besides organizers may see it (operator, observer, participant); document_points, when not empty,
-- narrows operators and participants to those points.
CREATE TABLE documents (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id      BIGINT       NOT NULL,
    agenda_item_id  BIGINT       NULL,
    title           VARCHAR(500) NOT NULL,
    classification  VARCHAR(20)  NOT NULL,
    release_mode    VARCHAR(20)  NOT NULL,
    audience_roles  VARCHAR(100) NOT NULL,
    released        BOOLEAN      NOT NULL DEFAULT FALSE,
    released_at     DATETIME(6)  NULL,
    recalled_at     DATETIME(6)  NULL,
    current_version INT          NOT NULL DEFAULT 0,
    created_by      VARCHAR(200) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_documents_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT fk_documents_agenda_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_documents_session ON documents (session_id, id);
CREATE INDEX ix_documents_agenda_item ON documents (agenda_item_id);
