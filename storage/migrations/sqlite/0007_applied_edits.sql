-- Batches of edits from a laptop's outbox, by id, once stored (see the
-- team database's migration 7). A laptop's own database has no outbox, but
-- the schema stays the same on both engines.
CREATE TABLE applied_edits (
	id         TEXT    PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	applied_at INTEGER NOT NULL
) WITHOUT ROWID;
