-- The cards compared in step 5, each as it was shown (canonical TOML of one
-- instrument).
CREATE TABLE session_cards (
	session_id bigint  NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	card_id    text    NOT NULL,
	position   integer NOT NULL,
	snapshot   text    NOT NULL,
	PRIMARY KEY (session_id, card_id)
);
