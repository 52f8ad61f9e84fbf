-- The points a document is meant for; none means every point of the session.
CREATE TABLE document_points (
    document_id BIGINT NOT NULL,
    point_id    BIGINT NOT NULL,
    PRIMARY KEY (document_id, point_id),
    CONSTRAINT fk_document_points_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_document_points_point FOREIGN KEY (point_id) REFERENCES points (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
