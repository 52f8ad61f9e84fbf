-- Delegates (đại biểu) of a session. The folded columns serve diacritic-insensitive search and
-- duplicate detection; name_sort_key (Text.nameSortKey) gives the Vietnamese name order in SQL.
-- Invitations: only a per-delegate salt and the SHA-256 of the current token are kept.
CREATE TABLE delegates (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id            BIGINT          NOT NULL,
    full_name             VARCHAR(200)    NOT NULL,
    name_folded           VARCHAR(200)    NOT NULL,
    name_sort_key         VARBINARY(1024) NOT NULL,
    position              VARCHAR(300)    NULL,
    unit_name             VARCHAR(300)    NULL,
    unit_folded           VARCHAR(300)    NOT NULL DEFAULT '',
    search_folded         VARCHAR(820)    NOT NULL,
    category              VARCHAR(100)    NULL,
    point_id              BIGINT          NULL,
    phone                 VARCHAR(40)     NULL,
    email                 VARCHAR(254)    NULL,
    note                  VARCHAR(2000)   NULL,
    invitation_salt       VARCHAR(64)     NULL,
    invitation_hash       CHAR(64)        NULL,
    invitation_issued_at  DATETIME(6)     NULL,
    invitation_revoked_at DATETIME(6)     NULL,
    created_at            DATETIME(6)     NOT NULL,
    updated_at            DATETIME(6)     NOT NULL,
    version               BIGINT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_delegates_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    -- a point deleted with ?force=true leaves its delegates unassigned instead of failing
    CONSTRAINT fk_delegates_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE UNIQUE INDEX uq_delegates_invitation ON delegates (invitation_hash);
CREATE INDEX ix_delegates_session_order ON delegates (session_id, name_sort_key);
CREATE INDEX ix_delegates_session_name ON delegates (session_id, name_folded, unit_folded);
CREATE INDEX ix_delegates_point ON delegates (point_id);
