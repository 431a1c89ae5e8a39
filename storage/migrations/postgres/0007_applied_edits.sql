-- Batches of edits that a laptop kept in its outbox while the server was
-- out of reach, by their id, once stored: a batch sent again after the
-- laptop stopped between sending and forgetting it is stored only once.
CREATE TABLE applied_edits (
	id         text   PRIMARY KEY,
	session_id bigint NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	applied_at bigint NOT NULL
);
CREATE INDEX applied_edits_by_session ON applied_edits (session_id);
