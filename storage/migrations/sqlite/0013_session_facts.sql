-- What the anonymous figures (cijfers) count about each conversation, kept
-- up to date by triggers as the conversation is saved, so that the figures
-- read one narrow row per conversation instead of all its values. It holds
-- card ids, answers and the keys of marked areas and noted factors, never
-- a typed text; lists are joined with the unit separator, which no stored
-- text holds (checkText drops it). The key names and the answers "ja",
-- "zorgen" and "aandacht" are those of cards/session.go.
CREATE TABLE session_facts (
	session_id  INTEGER NOT NULL UNIQUE REFERENCES sessions (id) ON DELETE CASCADE,
	client_id   INTEGER NOT NULL,
	previous_id INTEGER NOT NULL, -- 0 when it follows up nothing
	started_at  INTEGER NOT NULL,
	decision    TEXT    NOT NULL, -- the chosen card's id
	goal_right  TEXT    NOT NULL, -- the follow-up's answer to "does the goal still fit"
	sure_yes    INTEGER NOT NULL, -- SURE answers "ja"
	worries     TEXT    NOT NULL, -- keys of the areas marked "zorgen"
	attention   TEXT    NOT NULL, -- keys of the areas marked "aandacht"
	factors     TEXT    NOT NULL, -- keys of the factors with a note
	cards       TEXT    NOT NULL, -- ids of the cards compared
	languages   TEXT    NOT NULL, -- languages of the plans printed
	-- Stored in the order of time, so a period is read in one sweep,
	-- not row by row through an index.
	PRIMARY KEY (started_at, session_id)
) WITHOUT ROWID;

-- The facts as they are now; the triggers copy one conversation's row.
-- (Delete, then insert: an outer INSERT OR IGNORE would turn a trigger's
-- INSERT OR REPLACE into one that ignores.)
CREATE VIEW session_facts_now AS
SELECT s.id AS session_id, s.client_id, coalesce(s.previous_id, 0) AS previous_id, s.started_at,
	coalesce((SELECT value FROM session_values WHERE session_id = s.id AND key = 'besluit'), '') AS decision,
	coalesce((SELECT value FROM session_values WHERE session_id = s.id AND key = 'doel-klopt'), '') AS goal_right,
	(SELECT count(*) FROM session_values WHERE session_id = s.id AND key IN ('sure/1', 'sure/2', 'sure/3', 'sure/4') AND value = 'ja') AS sure_yes,
	coalesce((SELECT group_concat(key, char(31)) FROM session_values WHERE session_id = s.id AND key LIKE 'leefgebied/%/markering' AND value = 'zorgen'), '') AS worries,
	coalesce((SELECT group_concat(key, char(31)) FROM session_values WHERE session_id = s.id AND key LIKE 'leefgebied/%/markering' AND value = 'aandacht'), '') AS attention,
	coalesce((SELECT group_concat(key, char(31)) FROM session_values WHERE session_id = s.id AND key LIKE 'drijfveer/%' AND trim(value) <> ''), '') AS factors,
	coalesce((SELECT group_concat(card_id, char(31)) FROM session_cards WHERE session_id = s.id), '') AS cards,
	coalesce((SELECT group_concat(lang, char(31)) FROM plan_prints WHERE session_id = s.id), '') AS languages
FROM sessions s;

INSERT INTO session_facts SELECT * FROM session_facts_now;

CREATE TRIGGER facts_session_new AFTER INSERT ON sessions BEGIN
	DELETE FROM session_facts WHERE session_id = NEW.id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = NEW.id;
END;
CREATE TRIGGER facts_session_changed AFTER UPDATE OF client_id, previous_id, started_at ON sessions BEGIN
	DELETE FROM session_facts WHERE session_id = NEW.id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = NEW.id;
END;
-- Only a value that is counted changes the facts; typing a note or the
-- goal does not touch them.
CREATE TRIGGER facts_value_new AFTER INSERT ON session_values
WHEN NEW.key IN ('besluit', 'doel-klopt') OR NEW.key LIKE 'sure/%' OR NEW.key LIKE 'leefgebied/%/markering' OR NEW.key LIKE 'drijfveer/%' BEGIN
	DELETE FROM session_facts WHERE session_id = NEW.session_id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER facts_value_changed AFTER UPDATE ON session_values
WHEN NEW.key IN ('besluit', 'doel-klopt') OR NEW.key LIKE 'sure/%' OR NEW.key LIKE 'leefgebied/%/markering' OR NEW.key LIKE 'drijfveer/%'
	OR OLD.key IN ('besluit', 'doel-klopt') OR OLD.key LIKE 'sure/%' OR OLD.key LIKE 'leefgebied/%/markering' OR OLD.key LIKE 'drijfveer/%' BEGIN
	DELETE FROM session_facts WHERE session_id IN (OLD.session_id, NEW.session_id);
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id IN (OLD.session_id, NEW.session_id);
END;
CREATE TRIGGER facts_value_gone AFTER DELETE ON session_values
WHEN OLD.key IN ('besluit', 'doel-klopt') OR OLD.key LIKE 'sure/%' OR OLD.key LIKE 'leefgebied/%/markering' OR OLD.key LIKE 'drijfveer/%' BEGIN
	DELETE FROM session_facts WHERE session_id = OLD.session_id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = OLD.session_id;
END;
CREATE TRIGGER facts_card_new AFTER INSERT ON session_cards BEGIN
	DELETE FROM session_facts WHERE session_id = NEW.session_id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER facts_card_changed AFTER UPDATE OF session_id, card_id ON session_cards BEGIN
	DELETE FROM session_facts WHERE session_id IN (OLD.session_id, NEW.session_id);
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id IN (OLD.session_id, NEW.session_id);
END;
CREATE TRIGGER facts_card_gone AFTER DELETE ON session_cards BEGIN
	DELETE FROM session_facts WHERE session_id = OLD.session_id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = OLD.session_id;
END;
CREATE TRIGGER facts_print_new AFTER INSERT ON plan_prints BEGIN
	DELETE FROM session_facts WHERE session_id = NEW.session_id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = NEW.session_id;
END;
CREATE TRIGGER facts_print_gone AFTER DELETE ON plan_prints BEGIN
	DELETE FROM session_facts WHERE session_id = OLD.session_id;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = OLD.session_id;
END;
