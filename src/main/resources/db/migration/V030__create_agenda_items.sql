-- The programme of a session (nội dung chương trình). planned_start NULL means "right after the
-- previous item" (the session start for the first); the service derives the effective times.
-- actual_start/actual_end are filled while the session runs live.
CREATE TABLE agenda_items (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id       BIGINT        NOT NULL,
    position         INT           NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    presenter        VARCHAR(300)  NULL,
    planned_start    DATETIME(6)   NULL,
    duration_minutes INT           NOT NULL,
    notes            VARCHAR(4000) NULL,
    status           VARCHAR(20)   NOT NULL DEFAULT 'PENDING',
    actual_start     DATETIME(6)   NULL,
    actual_end       DATETIME(6)   NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_agenda_items_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_agenda_items_session ON agenda_items (session_id, position);
