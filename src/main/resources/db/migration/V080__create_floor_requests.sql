-- Requests to speak (đăng ký phát biểu): a point asks for the floor, for one of its delegates or
-- for the point as a whole; the main hall grants them one at a time. position orders the waiting
-- queue; names are kept as they were when asked, so the record reads the same later.
CREATE TABLE floor_requests (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id     BIGINT        NOT NULL,
    point_id       BIGINT        NOT NULL,
    point_name     VARCHAR(300)  NOT NULL,
    delegate_id    BIGINT        NULL,
    delegate_name  VARCHAR(300)  NULL,
    topic          VARCHAR(500)  NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    position       INT           NOT NULL,
    requested_by   VARCHAR(200)  NOT NULL,
    requested_at   DATETIME(6)   NOT NULL,
    granted_at     DATETIME(6)   NULL,
    closed_at      DATETIME(6)   NULL,
    decided_by     VARCHAR(200)  NULL,
    decline_reason VARCHAR(500)  NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_floor_requests_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_floor_requests_session ON floor_requests (session_id, status, position);
