-- Every save of a session counts up its revision; each value keeps the
-- revision that wrote it and who did. A save that finds a field changed
-- by someone else since the revision it knew reports a conflict instead of
-- overwriting it (storage/edits.go). On a laptop only one person writes,
-- but the schema is the same as the team's.
ALTER TABLE sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session_values ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session_values ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
