-- Clients are pseudonymous: a name or initials and an optional own
-- reference. There is no BSN column, on purpose.
CREATE TABLE clients (
	id            INTEGER PRIMARY KEY,
	name          TEXT    NOT NULL,
	search        TEXT    NOT NULL, -- name and reference in lower case without accents
	reference     TEXT    NOT NULL DEFAULT '',
	created_at    INTEGER NOT NULL, -- Unix milliseconds
	last_activity INTEGER NOT NULL  -- of the latest session, for the home list
);
CREATE INDEX clients_by_activity ON clients (last_activity DESC);

CREATE TABLE sessions (
	id          INTEGER PRIMARY KEY,
	client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	previous_id INTEGER REFERENCES sessions (id),
	started_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL
);
CREATE INDEX sessions_by_client ON sessions (client_id, started_at);

-- Everything typed or chosen in a session, one row per field (see the Key…
-- names in cards/session.go), so that each edit is one small write.
CREATE TABLE session_values (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	key        TEXT    NOT NULL,
	value      TEXT    NOT NULL,
	PRIMARY KEY (session_id, key)
) WITHOUT ROWID;
