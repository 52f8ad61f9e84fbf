-- Connection points (điểm cầu) of a session: one main hall and any number of others.
CREATE TABLE points (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id     BIGINT       NOT NULL,
    name           VARCHAR(300) NOT NULL,
    main_hall      BOOLEAN      NOT NULL DEFAULT FALSE,
    unit_id        BIGINT       NULL,
    expected_count INT          NOT NULL DEFAULT 0,
    sort_order     INT          NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_points_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_points_session ON points (session_id, sort_order);
