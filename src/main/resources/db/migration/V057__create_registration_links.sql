-- Public registration links, one per unit or per point (or for the whole session). The token is an
-- HMAC of the id and a random salt: only the salt and the token's SHA-256 are kept.
CREATE TABLE registration_links (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT       NOT NULL,
    point_id    BIGINT       NULL,
    unit_name   VARCHAR(300) NULL,
    label       VARCHAR(300) NULL,
    salt        VARCHAR(64)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    CONSTRAINT fk_registration_links_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT fk_registration_links_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uq_registration_links_token ON registration_links (token_hash);
CREATE INDEX ix_registration_links_session ON registration_links (session_id);
