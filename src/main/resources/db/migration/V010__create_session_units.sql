-- The units a session uses, frozen when its points were created: the session keeps the names,
-- levels and tree it had even when the master unit is renamed, moved or retired later.
CREATE TABLE session_units (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id     BIGINT        NOT NULL,
    source_unit_id BIGINT        NOT NULL,
    parent_id      BIGINT        NULL,
    code           VARCHAR(40)   NULL,
    name           VARCHAR(300)  NOT NULL,
    level          VARCHAR(20)   NOT NULL,
    path           VARCHAR(2000) NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    CONSTRAINT fk_session_units_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT fk_session_units_parent FOREIGN KEY (parent_id) REFERENCES session_units (id),
    CONSTRAINT uq_session_units_source UNIQUE (session_id, source_unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_session_units_source ON session_units (source_unit_id);
