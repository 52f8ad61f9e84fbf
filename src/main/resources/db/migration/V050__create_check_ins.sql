-- Attendance of delegates: at most one row per delegate (the unique key makes a second check-in
-- from another device, or a resent one, change nothing). status PRESENT or ABSENT; "not yet" is
-- no row. point_id is where they were checked in (or reported absent); method QR, LINK,
-- OPERATOR or WALK_IN; a substitute (người dự thay) attends in the delegate's place.
CREATE TABLE check_ins (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id          BIGINT       NOT NULL,
    delegate_id         BIGINT       NOT NULL,
    point_id            BIGINT       NULL,
    status              VARCHAR(20)  NOT NULL,
    method              VARCHAR(20)  NULL,
    substitute_name     VARCHAR(200) NULL,
    substitute_position VARCHAR(300) NULL,
    absence_reason      VARCHAR(500) NULL,
    recorded_at         DATETIME(6)  NOT NULL,
    recorded_by         VARCHAR(200) NOT NULL,
    CONSTRAINT uq_check_ins_delegate UNIQUE (delegate_id),
    CONSTRAINT fk_check_ins_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT fk_check_ins_delegate FOREIGN KEY (delegate_id) REFERENCES delegates (id) ON DELETE CASCADE,
    CONSTRAINT fk_check_ins_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_check_ins_session_point ON check_ins (session_id, point_id, status);
