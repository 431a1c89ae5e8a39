-- The action plan of step 6: who does what before when.
CREATE TABLE agreements (
	id         INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	who        TEXT    NOT NULL DEFAULT '',
	what       TEXT    NOT NULL DEFAULT '',
	due        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX agreements_by_session ON agreements (session_id, position);
