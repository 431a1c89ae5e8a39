-- The cards compared in step 5, each as it was shown (canonical TOML of one
-- instrument), so that a plan printed later shows what was discussed even
-- after the catalogue changed.
CREATE TABLE session_cards (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	card_id    TEXT    NOT NULL,
	position   INTEGER NOT NULL,
	snapshot   TEXT    NOT NULL,
	PRIMARY KEY (session_id, card_id)
) WITHOUT ROWID;
