CREATE TABLE sessions (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    title          VARCHAR(500)  NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    description    VARCHAR(4000) NULL,
    host_unit_id   BIGINT        NULL,
    host_unit_name VARCHAR(300)  NULL,
    location       VARCHAR(500)  NULL,
    starts_at      DATETIME(6)   NULL,
    ends_at        DATETIME(6)   NULL,
    video_link     VARCHAR(1000) NULL,
    status         VARCHAR(20)   NOT NULL,
    copied_from_id BIGINT        NULL,
    created_by     VARCHAR(200)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_sessions_starts_at ON sessions (starts_at);
CREATE INDEX ix_sessions_status ON sessions (status);
