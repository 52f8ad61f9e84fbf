-- The room count (people in the room) is one notion: the roll call's "ready with N present" and
-- the operator's later reports both set points.present_count; this is when it was last reported.
ALTER TABLE points ADD COLUMN present_count_at DATETIME(6) NULL;
