-- A point shows its unit as the session snapshotted it.
ALTER TABLE points ADD COLUMN session_unit_id BIGINT NULL;
ALTER TABLE points ADD CONSTRAINT fk_points_session_unit FOREIGN KEY (session_unit_id) REFERENCES session_units (id);
CREATE INDEX ix_points_unit ON points (unit_id);
