-- Feedback forms (phiếu đánh giá): reusable question sets (templates), a session's form copied
-- from one, and the delegates' answers (one response per delegate and form).
CREATE TABLE feedback_templates (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE feedback_template_questions (
    template_id BIGINT        NOT NULL,
    position    INT           NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    text        VARCHAR(500)  NOT NULL,
    options     VARCHAR(2000) NULL,
    PRIMARY KEY (template_id, position),
    CONSTRAINT fk_feedback_tq_template FOREIGN KEY (template_id) REFERENCES feedback_templates (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE feedback_forms (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT       NOT NULL,
    title       VARCHAR(300) NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    open_on_end BOOLEAN      NOT NULL DEFAULT TRUE,
    opens_at    DATETIME(6)  NULL,
    opened_at   DATETIME(6)  NULL,
    closed_at   DATETIME(6)  NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_feedback_forms_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT uq_feedback_forms_session UNIQUE (session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_feedback_forms_due ON feedback_forms (status, opens_at);

CREATE TABLE feedback_form_questions (
    form_id  BIGINT        NOT NULL,
    position INT           NOT NULL,
    kind     VARCHAR(10)   NOT NULL,
    text     VARCHAR(500)  NOT NULL,
    options  VARCHAR(2000) NULL,
    PRIMARY KEY (form_id, position),
    CONSTRAINT fk_feedback_fq_form FOREIGN KEY (form_id) REFERENCES feedback_forms (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE feedback_responses (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    form_id      BIGINT      NOT NULL,
    delegate_id  BIGINT      NOT NULL,
    point_id     BIGINT      NULL,
    submitted_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_feedback_responses_form FOREIGN KEY (form_id) REFERENCES feedback_forms (id) ON DELETE CASCADE,
    CONSTRAINT uq_feedback_responses_delegate UNIQUE (form_id, delegate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE feedback_answers (
    response_id BIGINT        NOT NULL,
    position    INT           NOT NULL,
    rating      INT           NULL,
    choice      INT           NULL,
    answer_text VARCHAR(2000) NULL,
    PRIMARY KEY (response_id, position),
    CONSTRAINT fk_feedback_answers_response FOREIGN KEY (response_id) REFERENCES feedback_responses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
