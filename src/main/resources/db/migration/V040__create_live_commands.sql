-- Commands clients sent over the live socket or REST, kept so a resend (same command id) gets the
-- same answer and changes nothing twice. result: "ok", or the problem code with its arguments.
CREATE TABLE live_commands (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id BIGINT        NOT NULL,
    command_id VARCHAR(100)  NOT NULL,
    type       VARCHAR(60)   NOT NULL,
    actor      VARCHAR(200)  NOT NULL,
    result     VARCHAR(2000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    CONSTRAINT uq_live_commands UNIQUE (session_id, command_id),
    CONSTRAINT fk_live_commands_session FOREIGN KEY (session_id) REFERENCES sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
