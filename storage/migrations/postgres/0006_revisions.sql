-- Every save of a session counts up its revision; each value keeps the
-- revision that wrote it and who did. A save that finds a field changed
-- by someone else since the revision it knew reports a conflict instead of
-- overwriting it (storage/edits.go).
ALTER TABLE sessions ADD COLUMN revision bigint NOT NULL DEFAULT 0;
ALTER TABLE session_values ADD COLUMN revision bigint NOT NULL DEFAULT 0;
ALTER TABLE session_values ADD COLUMN changed_by text NOT NULL DEFAULT session_user;
CREATE INDEX session_values_by_revision ON session_values (session_id, revision);
