-- Who runs each point: usernames as the OIDC provider names them (preferred_username).
CREATE TABLE point_operators (
    point_id BIGINT       NOT NULL,
    username VARCHAR(200) NOT NULL,
    CONSTRAINT pk_point_operators PRIMARY KEY (point_id, username),
    CONSTRAINT fk_point_operators_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_point_operators_username ON point_operators (username);
