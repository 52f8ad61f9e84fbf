-- The floor of a session: whether the main hall has closed the queue to new requests to speak.
-- One row per session whose queue was ever closed; no row means open.
CREATE TABLE floor_settings (
    session_id    BIGINT       PRIMARY KEY,
    queue_closed  BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(200) NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_floor_settings_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
