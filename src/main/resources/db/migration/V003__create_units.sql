-- Master data: the tree of administrative units. Levels change over time (since July 2025 the
-- district level is gone for new sessions), so a unit may be retired instead of deleted.
CREATE TABLE units (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    parent_id   BIGINT        NULL,
    code        VARCHAR(40)   NULL,
    name        VARCHAR(300)  NOT NULL,
    name_folded VARCHAR(300)  NOT NULL,
    level       VARCHAR(20)   NOT NULL,
    retired_at  DATETIME(6)   NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_units_parent FOREIGN KEY (parent_id) REFERENCES units (id),
    CONSTRAINT uq_units_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_units_parent ON units (parent_id);
CREATE INDEX ix_units_level ON units (level);
