-- What the anonymous figures (cijfers) count about each conversation, kept
-- up to date by triggers as the conversation is saved, so that the figures
-- read one narrow row per conversation instead of all its values. It holds
-- card ids, answers and the keys of marked areas and noted factors, never
-- a typed text; lists are joined with the unit separator, which no stored
-- text holds (checkText drops it). The key names and the answers "ja",
-- "zorgen" and "aandacht" are those of cards/session.go. Professionals
-- cannot write it; the trigger function does, as the owner.
CREATE TABLE session_facts (
	session_id  bigint PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
	client_id   bigint NOT NULL,
	previous_id bigint NOT NULL, -- 0 when it follows up nothing
	started_at  bigint NOT NULL,
	decision    text   NOT NULL, -- the chosen card's id
	goal_right  text   NOT NULL, -- the follow-up's answer to "does the goal still fit"
	sure_yes    bigint NOT NULL, -- SURE answers "ja"
	worries     text   NOT NULL, -- keys of the areas marked "zorgen"
	attention   text   NOT NULL, -- keys of the areas marked "aandacht"
	factors     text   NOT NULL, -- keys of the factors with a note
	cards       text   NOT NULL, -- ids of the cards compared
	languages   text   NOT NULL  -- languages of the plans printed
);
CREATE INDEX session_facts_by_start ON session_facts (started_at);

-- The facts as they are now; the trigger copies one conversation's row.
CREATE VIEW session_facts_now AS
SELECT s.id AS session_id, s.client_id, coalesce(s.previous_id, 0) AS previous_id, s.started_at,
	coalesce((SELECT value FROM session_values WHERE session_id = s.id AND key = 'besluit'), '') AS decision,
	coalesce((SELECT value FROM session_values WHERE session_id = s.id AND key = 'doel-klopt'), '') AS goal_right,
	(SELECT count(*) FROM session_values WHERE session_id = s.id AND key IN ('sure/1', 'sure/2', 'sure/3', 'sure/4') AND value = 'ja') AS sure_yes,
	coalesce((SELECT string_agg(key, chr(31)) FROM session_values WHERE session_id = s.id AND key LIKE 'leefgebied/%/markering' AND value = 'zorgen'), '') AS worries,
	coalesce((SELECT string_agg(key, chr(31)) FROM session_values WHERE session_id = s.id AND key LIKE 'leefgebied/%/markering' AND value = 'aandacht'), '') AS attention,
	coalesce((SELECT string_agg(key, chr(31)) FROM session_values WHERE session_id = s.id AND key LIKE 'drijfveer/%' AND trim(value) <> ''), '') AS factors,
	coalesce((SELECT string_agg(card_id, chr(31)) FROM session_cards WHERE session_id = s.id), '') AS cards,
	coalesce((SELECT string_agg(lang, chr(31)) FROM plan_prints WHERE session_id = s.id), '') AS languages
FROM sessions s;

INSERT INTO session_facts SELECT * FROM session_facts_now;

CREATE FUNCTION refresh_session_facts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
DECLARE
	ids bigint[];
BEGIN
	IF TG_TABLE_NAME = 'sessions' THEN
		ids := ARRAY[NEW.id];
	ELSIF TG_OP = 'INSERT' THEN
		ids := ARRAY[NEW.session_id];
	ELSIF TG_OP = 'DELETE' THEN
		ids := ARRAY[OLD.session_id];
	ELSE
		ids := ARRAY[OLD.session_id, NEW.session_id];
	END IF;
	INSERT INTO session_facts SELECT * FROM session_facts_now WHERE session_id = ANY (ids)
	ON CONFLICT (session_id) DO UPDATE SET client_id = EXCLUDED.client_id, previous_id = EXCLUDED.previous_id,
		started_at = EXCLUDED.started_at, decision = EXCLUDED.decision, goal_right = EXCLUDED.goal_right,
		sure_yes = EXCLUDED.sure_yes, worries = EXCLUDED.worries, attention = EXCLUDED.attention,
		factors = EXCLUDED.factors, cards = EXCLUDED.cards, languages = EXCLUDED.languages;
	RETURN NULL;
END
$$;

-- countable_key: a value with this key changes the facts; typing a note or
-- the goal does not touch them.
CREATE FUNCTION countable_key(k text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
	SELECT k IN ('besluit', 'doel-klopt') OR k LIKE 'sure/%' OR k LIKE 'leefgebied/%/markering' OR k LIKE 'drijfveer/%'
$$;

CREATE TRIGGER facts_session AFTER INSERT OR UPDATE OF client_id, previous_id, started_at ON sessions
	FOR EACH ROW EXECUTE FUNCTION refresh_session_facts();
CREATE TRIGGER facts_value_new AFTER INSERT ON session_values
	FOR EACH ROW WHEN (countable_key(NEW.key)) EXECUTE FUNCTION refresh_session_facts();
CREATE TRIGGER facts_value_changed AFTER UPDATE ON session_values
	FOR EACH ROW WHEN (countable_key(NEW.key) OR countable_key(OLD.key)) EXECUTE FUNCTION refresh_session_facts();
CREATE TRIGGER facts_value_gone AFTER DELETE ON session_values
	FOR EACH ROW WHEN (countable_key(OLD.key)) EXECUTE FUNCTION refresh_session_facts();
CREATE TRIGGER facts_card AFTER INSERT OR UPDATE OF session_id, card_id OR DELETE ON session_cards
	FOR EACH ROW EXECUTE FUNCTION refresh_session_facts();
CREATE TRIGGER facts_print AFTER INSERT OR DELETE ON plan_prints
	FOR EACH ROW EXECUTE FUNCTION refresh_session_facts();
