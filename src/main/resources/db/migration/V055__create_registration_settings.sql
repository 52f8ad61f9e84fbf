-- Registration (đăng ký tham dự) of a session: whether people may register through its links and
-- until when. One row per session that ever opened registration.
CREATE TABLE registration_settings (
    session_id  BIGINT       PRIMARY KEY,
    accepting   BOOLEAN      NOT NULL DEFAULT FALSE,
    deadline    DATETIME(6)  NULL,
    updated_at  DATETIME(6)  NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_registration_settings_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
