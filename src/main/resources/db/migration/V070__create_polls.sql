-- Polls (biểu quyết / khảo sát nhanh) of a session. voter_salt never leaves the server: it keys
-- the ballots of anonymous polls, so a ballot can be replaced without storing who cast it.
CREATE TABLE polls (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id     BIGINT       NOT NULL,
    agenda_item_id BIGINT       NULL,
    question       VARCHAR(500) NOT NULL,
    kind           VARCHAR(10)  NOT NULL,
    max_choices    INT          NULL,
    anonymous      BOOLEAN      NOT NULL DEFAULT FALSE,
    changeable     BOOLEAN      NOT NULL DEFAULT FALSE,
    results_hidden BOOLEAN      NOT NULL DEFAULT FALSE,
    status         VARCHAR(10)  NOT NULL,
    voter_salt     CHAR(64)     NOT NULL,
    opened_at      DATETIME(6)  NULL,
    closed_at      DATETIME(6)  NULL,
    published_at   DATETIME(6)  NULL,
    created_by     VARCHAR(200) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_polls_session FOREIGN KEY (session_id) REFERENCES sessions (id),
    CONSTRAINT fk_polls_agenda_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_polls_session ON polls (session_id, id);

CREATE TABLE poll_options (
    poll_id  BIGINT       NOT NULL,
    position INT          NOT NULL,
    label    VARCHAR(200) NOT NULL,
    PRIMARY KEY (poll_id, position),
    CONSTRAINT fk_poll_options_poll FOREIGN KEY (poll_id) REFERENCES polls (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per voter and poll, written with one upsert. voter_key = SHA-256(voter_salt:delegate id);
-- delegate_id is kept only for named polls. choices is a bit set of option positions.
CREATE TABLE poll_ballots (
    poll_id     BIGINT       NOT NULL,
    voter_key   CHAR(64)     NOT NULL,
    delegate_id BIGINT       NULL,
    point_id    BIGINT       NULL,
    choices     BIGINT       NOT NULL DEFAULT 0,
    answer_text VARCHAR(500) NULL,
    voted_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (poll_id, voter_key),
    CONSTRAINT fk_poll_ballots_poll FOREIGN KEY (poll_id) REFERENCES polls (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The show of hands a point's operator counted in the room, per option: counted apart from phones.
CREATE TABLE poll_room_counts (
    poll_id    BIGINT      NOT NULL,
    point_id   BIGINT      NOT NULL,
    position   INT         NOT NULL,
    votes      INT         NOT NULL,
    entered_by VARCHAR(200) NOT NULL,
    entered_at DATETIME(6) NOT NULL,
    PRIMARY KEY (poll_id, point_id, position),
    CONSTRAINT fk_poll_room_counts_poll FOREIGN KEY (poll_id) REFERENCES polls (id) ON DELETE CASCADE,
    CONSTRAINT fk_poll_room_counts_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
