-- Live state of a point while the session runs: derived from heartbeats, the operator's trouble
-- report and the roll-call answer; live_status_since is the time of the last change.
ALTER TABLE points ADD COLUMN live_status VARCHAR(20) NOT NULL DEFAULT 'NOT_JOINED';
ALTER TABLE points ADD COLUMN live_status_since DATETIME(6) NULL;
ALTER TABLE points ADD COLUMN last_heartbeat_at DATETIME(6) NULL;
ALTER TABLE points ADD COLUMN trouble VARCHAR(20) NULL;
ALTER TABLE points ADD COLUMN trouble_note VARCHAR(500) NULL;
ALTER TABLE points ADD COLUMN present_count INT NULL;
ALTER TABLE points ADD COLUMN ready_at DATETIME(6) NULL;

CREATE INDEX ix_points_heartbeat ON points (live_status, last_heartbeat_at);
