-- The main hall's roll call (điểm danh điểm cầu): the latest one per session; a point has
-- answered it when its ready_at is not before started_at.
CREATE TABLE roll_calls (
    session_id BIGINT       NOT NULL PRIMARY KEY,
    started_at DATETIME(6)  NOT NULL,
    started_by VARCHAR(200) NOT NULL,
    CONSTRAINT fk_roll_calls_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
