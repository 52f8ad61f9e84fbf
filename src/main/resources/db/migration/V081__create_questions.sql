-- Written questions (câu hỏi) from participants' phones, moderated in the main hall. Author and
-- point names are kept as they were when asked.
CREATE TABLE questions (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id     BIGINT        NOT NULL,
    delegate_id    BIGINT        NOT NULL,
    author_name    VARCHAR(300)  NOT NULL,
    point_id       BIGINT        NULL,
    point_name     VARCHAR(300)  NULL,
    text           VARCHAR(2000) NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    merged_into_id BIGINT        NULL,
    asked_at       DATETIME(6)   NOT NULL,
    moderated_at   DATETIME(6)   NULL,
    moderated_by   VARCHAR(200)  NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_questions_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT fk_questions_merged_into FOREIGN KEY (merged_into_id) REFERENCES questions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_questions_session ON questions (session_id, status, asked_at);
CREATE INDEX ix_questions_delegate ON questions (delegate_id, asked_at);
