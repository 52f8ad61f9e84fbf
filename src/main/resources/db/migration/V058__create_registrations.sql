-- Registrations: people who registered themselves through a link, or were nominated by a point's
-- operator; PENDING until approved (then a delegate of the roster) or rejected with a reason.
-- The registrant follows their registration with a status token (salt + SHA-256 kept, as above).
CREATE TABLE registrations (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id   BIGINT        NOT NULL,
    link_id      BIGINT        NULL,
    point_id     BIGINT        NULL,
    source       VARCHAR(20)   NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    full_name    VARCHAR(200)  NOT NULL,
    name_folded  VARCHAR(200)  NOT NULL,
    position     VARCHAR(300)  NULL,
    unit_name    VARCHAR(300)  NULL,
    unit_folded  VARCHAR(300)  NOT NULL DEFAULT '',
    phone        VARCHAR(40)   NULL,
    email        VARCHAR(254)  NULL,
    reason       VARCHAR(1000) NULL,
    delegate_id  BIGINT        NULL,
    status_salt  VARCHAR(64)   NOT NULL,
    status_hash  CHAR(64)      NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    created_by   VARCHAR(200)  NOT NULL,
    decided_at   DATETIME(6)   NULL,
    decided_by   VARCHAR(200)  NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_registrations_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT fk_registrations_link FOREIGN KEY (link_id) REFERENCES registration_links (id) ON DELETE SET NULL,
    CONSTRAINT fk_registrations_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE SET NULL,
    CONSTRAINT fk_registrations_delegate FOREIGN KEY (delegate_id) REFERENCES delegates (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uq_registrations_status ON registrations (status_hash);
CREATE INDEX ix_registrations_session ON registrations (session_id, status, created_at);
CREATE INDEX ix_registrations_point ON registrations (point_id, status);
CREATE INDEX ix_registrations_twin ON registrations (session_id, name_folded, unit_folded);
