-- What the team's figures count once per client (team_figures in
-- access.sql), one row per conversation and thing: a card compared or
-- chosen, an area marked, a factor noted, a plan's language, and that the
-- conversation was held, decided, or followed up with the goal answered.
-- before is when the same client last had the same thing, in an earlier
-- conversation (NULL: never). A client had a thing in a period when one
-- of its rows falls in the period with before outside it: so the server
-- counts clients without setting each client's things apart, which for
-- 100,000 conversations took seconds. Nobody but the owner reads it.
CREATE TABLE fact_items (
	session_id bigint NOT NULL, -- no foreign key: its checks took half the time of making rows again
	client_id  bigint NOT NULL,
	started_at bigint NOT NULL,
	what       text   NOT NULL,
	item       text   NOT NULL, -- a card id, area, factor or language; '' for the conversation itself
	before     bigint
);
CREATE INDEX fact_items_by_client ON fact_items (client_id);
CREATE INDEX session_facts_by_client ON session_facts (client_id);

-- The rows as they are now, from session_facts; the keys of areas and
-- factors become their names, as storage.DB.countable reads them.
CREATE VIEW fact_items_now AS
SELECT session_id, client_id, started_at, what, item,
	lag(started_at) OVER (PARTITION BY client_id, what, item ORDER BY started_at, session_id) AS before
FROM (
	SELECT session_id, client_id, started_at, 'compared' AS what, unnest(string_to_array(cards, chr(31))) AS item FROM session_facts
	UNION ALL SELECT session_id, client_id, started_at, 'chosen', decision FROM session_facts WHERE decision <> ''
	UNION ALL SELECT session_id, client_id, started_at, 'language', unnest(string_to_array(languages, chr(31))) FROM session_facts
	UNION ALL SELECT session_id, client_id, started_at, 'worries', split_part(unnest(string_to_array(worries, chr(31))), '/', 2) FROM session_facts
	UNION ALL SELECT session_id, client_id, started_at, 'attention', split_part(unnest(string_to_array(attention, chr(31))), '/', 2) FROM session_facts
	UNION ALL SELECT session_id, client_id, started_at, 'factor', split_part(k, '/', 2)
		FROM (SELECT session_id, client_id, started_at, unnest(string_to_array(factors, chr(31))) AS k FROM session_facts) x
		WHERE k LIKE 'drijfveer/%/helpt' OR k LIKE 'drijfveer/%/remt'
	UNION ALL SELECT session_id, client_id, started_at, 'conversation', '' FROM session_facts
	UNION ALL SELECT session_id, client_id, started_at, 'decided', '' FROM session_facts WHERE decision <> ''
	UNION ALL SELECT session_id, client_id, started_at, 'followed-up', '' FROM session_facts WHERE previous_id <> 0 AND goal_right <> ''
	UNION ALL SELECT session_id, client_id, started_at, 'goal-fits', '' FROM session_facts WHERE previous_id <> 0 AND goal_right = 'ja'
) things;

INSERT INTO fact_items SELECT * FROM fact_items_now;

-- Clients whose facts changed since their rows were made: a save only
-- notes the client here, and team_figures makes their rows again before
-- it counts, so that a save costs one small insert more. A conversation
-- that is removed (or its client erased) takes its rows along at once.
CREATE TABLE fact_items_stale (client_id bigint PRIMARY KEY);

CREATE FUNCTION note_stale_items() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		INSERT INTO fact_items_stale VALUES (OLD.client_id) ON CONFLICT DO NOTHING;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO fact_items_stale VALUES (NEW.client_id) ON CONFLICT DO NOTHING;
	END IF;
	-- After the note, as team_figures takes the note before the rows, so
	-- that the two never wait for each other in turn.
	IF TG_OP = 'DELETE' THEN
		DELETE FROM fact_items WHERE client_id = OLD.client_id AND session_id = OLD.session_id;
	END IF;
	RETURN NULL;
END
$$;

CREATE TRIGGER stale_items AFTER INSERT OR UPDATE OR DELETE ON session_facts
	FOR EACH ROW EXECUTE FUNCTION note_stale_items();
