-- How many registrations (pending and approved) a point takes. A point without a row takes any
-- number. The row is also what concurrent registrations for the point lock, so none overbooks.
CREATE TABLE registration_capacities (
    point_id    BIGINT      PRIMARY KEY,
    session_id  BIGINT      NOT NULL,
    capacity    INT         NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_registration_capacities_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE CASCADE,
    CONSTRAINT fk_registration_capacities_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_registration_capacities_session ON registration_capacities (session_id);
