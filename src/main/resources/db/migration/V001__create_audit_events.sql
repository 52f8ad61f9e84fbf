-- Append-only trail of who did what, when, from which point.
CREATE TABLE audit_events (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    actor_role  VARCHAR(32)  NOT NULL,
    session_id  BIGINT       NULL,
    point_id    BIGINT       NULL,
    action      VARCHAR(80)  NOT NULL,
    target_type VARCHAR(40)  NULL,
    target_id   VARCHAR(80)  NULL,
    detail      VARCHAR(4000) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_events_session ON audit_events (session_id, occurred_at);
CREATE INDEX ix_audit_events_time ON audit_events (occurred_at);
