-- Who may do what in a team database. Applied after the migrations by
-- every `samenbeslissen team inrichten`, as the owner role
-- samenbeslissen_eigenaar; each statement can run again.
--
-- Professionals log in as themselves and are members of
-- samenbeslissen_medewerker. Row-level security lets them reach only the
-- clients they hold or were added to as a colleague, and those clients'
-- conversations. A team lead (samenbeslissen_teamleider) sees which
-- clients there are and who holds each, and hands them over, but reads no
-- conversation. The privacy officer (samenbeslissen_privacy) reads the
-- audit log. Policy staff (samenbeslissen_beleid) and team leads count the
-- whole team's anonymous figures through team_figures, and read no row. The owner bypasses the policies, so the app refuses to work
-- as the owner.
--
-- Policies compare with session_user, the login role: SET ROLE to a group
-- role gains nothing. It is a name, with collation "C"; cast to text with
-- the database's collation, so the indexes on the login columns can be
-- used.

REVOKE ALL ON SCHEMA samenbeslissen FROM PUBLIC;
GRANT USAGE ON SCHEMA samenbeslissen TO samenbeslissen_medewerker, samenbeslissen_teamleider, samenbeslissen_privacy, samenbeslissen_beleid;
REVOKE ALL ON ALL TABLES IN SCHEMA samenbeslissen FROM PUBLIC;

GRANT SELECT ON schema_version TO samenbeslissen_medewerker, samenbeslissen_teamleider, samenbeslissen_privacy, samenbeslissen_beleid;
GRANT SELECT, INSERT ON clients TO samenbeslissen_medewerker;
-- Not the holder: a client changes hands only through hand_over.
GRANT UPDATE (name, search, reference, last_activity, language) ON clients TO samenbeslissen_medewerker;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, session_values, agreements, session_cards, settings TO samenbeslissen_medewerker;
GRANT SELECT ON client_colleagues, handovers TO samenbeslissen_medewerker;
GRANT SELECT, INSERT ON applied_edits, plan_prints TO samenbeslissen_medewerker;
-- Written only by its trigger, as the owner (0013_session_facts.sql).
GRANT SELECT ON session_facts TO samenbeslissen_medewerker;
GRANT SELECT ON clients, client_colleagues TO samenbeslissen_teamleider;
GRANT SELECT ON audit_log TO samenbeslissen_privacy;
-- Policy staff keep their own settings: the municipality on their reports.
GRANT SELECT, INSERT, UPDATE, DELETE ON settings TO samenbeslissen_beleid;

-- The policies call these for every row they check; in PL/pgSQL their
-- plans are kept for the connection, not made again on every call.

-- is_colleague: the login role was added to client c for a duo intake.
CREATE OR REPLACE FUNCTION is_colleague(c bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	RETURN EXISTS (SELECT 1 FROM client_colleagues WHERE client_id = c AND professional = session_user::text COLLATE "default");
END
$$;

-- reaches: the login role holds client c or is a colleague on it.
CREATE OR REPLACE FUNCTION reaches(c bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	RETURN EXISTS (SELECT 1 FROM clients WHERE id = c AND holder = session_user::text COLLATE "default")
		OR EXISTS (SELECT 1 FROM client_colleagues WHERE client_id = c AND professional = session_user::text COLLATE "default");
END
$$;

-- reaches_session: the login role reaches the client of session s.
CREATE OR REPLACE FUNCTION reaches_session(s bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	RETURN EXISTS (SELECT 1 FROM sessions x JOIN clients c ON c.id = x.client_id
		WHERE x.id = s AND (c.holder = session_user::text COLLATE "default"
			OR EXISTS (SELECT 1 FROM client_colleagues k WHERE k.client_id = c.id AND k.professional = session_user::text COLLATE "default")));
END
$$;

-- my_clients: the clients the login role holds or is a colleague on, found
-- by index; the app lists a professional's clients from these, instead of
-- testing the policy on every client of the team.
CREATE OR REPLACE FUNCTION my_clients() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER ROWS 500 SET search_path = samenbeslissen, pg_temp AS $$
	SELECT id FROM clients WHERE holder = session_user::text COLLATE "default"
	UNION ALL SELECT client_id FROM client_colleagues WHERE professional = session_user::text COLLATE "default"
$$;

-- is_professional: role r is one of the team's professionals: a member of
-- the group, and no administrator (a superuser is a member of every role).
CREATE OR REPLACE FUNCTION is_professional(r text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
	SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r AND rolcanlogin AND NOT rolsuper AND NOT rolbypassrls
		AND pg_has_role(oid, 'samenbeslissen_medewerker', 'MEMBER') AND NOT pg_has_role(oid, 'samenbeslissen_eigenaar', 'MEMBER'))
$$;

-- is_team_lead: the login role may see and hand over every client.
CREATE OR REPLACE FUNCTION is_team_lead() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
	SELECT pg_has_role(session_user, 'samenbeslissen_teamleider', 'MEMBER')
$$;

-- audit writes one line of the audit log; the trigger below fills in who
-- and when. Only the functions here call it.
CREATE OR REPLACE FUNCTION audit(c bigint, what text, extra text, computer text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
	INSERT INTO audit_log (client_id, action, detail, computer) VALUES (c, what, extra, computer)
$$;

-- log_action is how the app logs opening, printing and exporting: only for
-- a client the login role reaches. Professionals have no other way in.
CREATE OR REPLACE FUNCTION log_action(c bigint, what text, extra text, computer text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	IF NOT reaches(c) THEN
		RAISE EXCEPTION 'je hebt geen toegang tot deze cliënt' USING ERRCODE = '42501';
	END IF;
	PERFORM audit(c, what, extra, computer);
END
$$;

-- hand_over gives client c to professional to: the holder or a team lead
-- may. The note goes with it; the old holder keeps no access, unless they
-- are a colleague on the client.
CREATE OR REPLACE FUNCTION hand_over(c bigint, receiver text, note text, computer text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
DECLARE
	old text;
BEGIN
	SELECT holder INTO old FROM clients WHERE id = c FOR UPDATE;
	IF NOT FOUND OR (old <> session_user::text COLLATE "default" AND NOT is_team_lead()) THEN
		RAISE EXCEPTION 'je mag deze cliënt niet overdragen' USING ERRCODE = '42501';
	END IF;
	IF NOT is_professional(receiver) THEN
		RAISE EXCEPTION '% is geen medewerker in deze teamdatabase', receiver USING ERRCODE = '22023';
	END IF;
	UPDATE clients SET holder = receiver WHERE id = c;
	DELETE FROM client_colleagues WHERE client_id = c AND professional = receiver;
	INSERT INTO handovers (client_id, from_professional, to_professional, note, at)
		VALUES (c, old, receiver, note, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);
	PERFORM audit(c, 'overgedragen', old || ' → ' || receiver, computer);
END
$$;

-- add_colleague lets a colleague open and edit client c's conversations,
-- for a duo intake; only the holder may.
CREATE OR REPLACE FUNCTION add_colleague(c bigint, colleague text, computer text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM clients WHERE id = c AND holder = session_user::text COLLATE "default") THEN
		RAISE EXCEPTION 'alleen wie de cliënt heeft, kan een collega toevoegen' USING ERRCODE = '42501';
	END IF;
	IF colleague = session_user::text COLLATE "default" OR NOT is_professional(colleague) THEN
		RAISE EXCEPTION '% is geen andere medewerker in deze teamdatabase', colleague USING ERRCODE = '22023';
	END IF;
	INSERT INTO client_colleagues (client_id, professional, added_at)
		VALUES (c, colleague, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
		ON CONFLICT DO NOTHING;
	PERFORM audit(c, 'collega toegevoegd', colleague, computer);
END
$$;

-- remove_colleague ends a duo: the holder removes a colleague, or a
-- colleague removes themselves.
CREATE OR REPLACE FUNCTION remove_colleague(c bigint, colleague text, computer text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	IF colleague <> session_user::text COLLATE "default" AND NOT EXISTS (SELECT 1 FROM clients WHERE id = c AND holder = session_user::text COLLATE "default") THEN
		RAISE EXCEPTION 'alleen wie de cliënt heeft, kan een collega weghalen' USING ERRCODE = '42501';
	END IF;
	DELETE FROM client_colleagues WHERE client_id = c AND professional = colleague;
	PERFORM audit(c, 'collega weggehaald', colleague, computer);
END
$$;

-- erase_client erases client c with everything about them; of the audit
-- log only the line that the erasure happened remains. Only the holder may.
CREATE OR REPLACE FUNCTION erase_client(c bigint, computer text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = samenbeslissen, pg_temp AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM clients WHERE id = c AND holder = session_user::text COLLATE "default") THEN
		RAISE EXCEPTION 'alleen wie de cliënt heeft, kan die wissen' USING ERRCODE = '42501';
	END IF;
	DELETE FROM clients WHERE id = c;
	DELETE FROM audit_log WHERE client_id = c;
	PERFORM audit(c, 'gewist', '', computer);
END
$$;

-- team_figures counts the anonymous figures (cijfers) of the whole team,
-- per client, over whole months: from the month of first_month through
-- the month of last_month, in Dutch time whatever the connection's zone,
-- so that no boundary finer than a month can be asked for. Only counts
-- leave: rows (what, item, clients), as storage.DB.teamFigures reads
-- them, counted as storage.addClient counts a laptop's. They are the raw
-- counts, as a laptop's figures file holds them; the app hides small ones
-- in what it shows. ids and categories are the catalogue in use, card id
-- by card id, for counting a client once per category. Only policy staff
-- and team leads may call it (the grants below).
CREATE OR REPLACE FUNCTION team_figures(first_month date, last_month date, ids text[], categories text[])
RETURNS TABLE (what text, item text, clients bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = samenbeslissen, pg_temp SET TimeZone = 'Europe/Amsterdam' SET work_mem = '64MB' AS $$
#variable_conflict use_column
DECLARE
	start bigint := (extract(epoch FROM date_trunc('month', first_month)::timestamptz) * 1000)::bigint;
	stop bigint := (extract(epoch FROM (date_trunc('month', last_month) + interval '1 month')::timestamptz) * 1000)::bigint;
	day constant bigint := 24 * 60 * 60 * 1000;
	stale bigint[];
BEGIN
	IF first_month IS NULL OR last_month IS NULL OR last_month < first_month THEN
		RAISE EXCEPTION 'geef een periode van hele maanden, de eerste voor de laatste' USING ERRCODE = '22023';
	END IF;
	-- First the rows of the clients whose facts changed since they were made.
	WITH taken AS (DELETE FROM fact_items_stale RETURNING client_id)
	SELECT array_agg(client_id) INTO stale FROM taken;
	IF stale IS NOT NULL THEN
		DELETE FROM fact_items WHERE client_id = ANY (stale);
		INSERT INTO fact_items SELECT * FROM fact_items_now WHERE client_id = ANY (stale);
	END IF;
	RETURN QUERY
	WITH catalogue AS (
		-- A bit for each category (cards.Categories: four), to take a
		-- client's categories together.
		SELECT c.id, c.category, (1::bigint << (dense_rank() OVER (ORDER BY c.category) - 1)::int) AS bit
		FROM unnest(ids, categories) AS c (id, category)
	), grouped AS MATERIALIZED (
		-- Each client's first conversation in the period with each thing
		-- (0014_fact_items.sql), in one pass: counted by thing, and taken
		-- together by client.
		SELECT i.what, i.item, i.client_id, GROUPING(i.client_id) = 0 AS by_client, count(*) AS n,
			bit_or(c.bit) FILTER (WHERE i.what = 'compared') AS compared,
			bit_or(c.bit) FILTER (WHERE i.what = 'chosen') AS chosen,
			min(i.started_at) FILTER (WHERE i.what = 'conversation') AS first_start,
			min(i.started_at) FILTER (WHERE i.what = 'decided') AS decided_at,
			min(i.session_id) FILTER (WHERE i.what = 'decided') AS decided_session
		FROM fact_items i LEFT JOIN catalogue c ON c.id = i.item AND i.what IN ('compared', 'chosen')
		WHERE i.started_at >= start AND i.started_at < stop AND (i.before IS NULL OR i.before < start)
		GROUP BY GROUPING SETS ((i.what, i.item), (i.client_id))
	), decided AS (
		-- The first conversation with a decision: the SURE test as it stood then.
		SELECT g.client_id, g.decided_session AS session_id, g.decided_at AS started_at, g.first_start, f.sure_yes
		FROM grouped g JOIN session_facts f ON f.session_id = g.decided_session WHERE g.by_client
	), follow_ups AS MATERIALIZED (
		SELECT * FROM session_facts WHERE started_at >= start AND started_at < stop AND previous_id <> 0
	), first_follow_up AS (
		SELECT DISTINCT ON (u.client_id) u.client_id, u.started_at - d.started_at AS gap
		FROM follow_ups u JOIN decided d ON d.client_id = u.client_id
		WHERE u.session_id <> d.session_id AND u.started_at >= d.started_at
		ORDER BY u.client_id, u.started_at, u.session_id
	), category AS (
		SELECT DISTINCT c.category, c.bit FROM catalogue c
	)
	SELECT g.what, g.item, g.n FROM grouped g WHERE NOT g.by_client AND g.what NOT IN ('conversation', 'decided')
	UNION ALL SELECT 'category-compared', k.category, count(*) FROM grouped g JOIN category k ON g.compared & k.bit <> 0 WHERE g.by_client GROUP BY 2
	UNION ALL SELECT 'category-chosen', k.category, count(*) FROM grouped g JOIN category k ON g.chosen & k.bit <> 0 WHERE g.by_client GROUP BY 2
	UNION ALL SELECT 'clients', '', count(*) FROM grouped g WHERE g.by_client
	UNION ALL SELECT 'decided', '', count(*) FROM decided
	UNION ALL SELECT 'unsure', '', count(*) FROM decided WHERE sure_yes < 4 -- cards.SureReadyScore
	UNION ALL SELECT 'days-to-decision', ((started_at - first_start) / day)::text, count(*) FROM decided GROUP BY 2
	UNION ALL SELECT 'days-to-follow-up', (gap / day)::text, count(*) FROM first_follow_up GROUP BY 2
	-- Another card chosen than in the conversation followed up, when that
	-- one is in the period too.
	UNION ALL SELECT 'way-changed', '', count(DISTINCT u.client_id)
		FROM follow_ups u JOIN session_facts p ON p.session_id = u.previous_id AND p.client_id = u.client_id
		WHERE p.started_at >= start AND p.started_at < stop AND u.decision <> '' AND p.decision <> '' AND u.decision <> p.decision;
END
$$;

-- A new function may be run by anyone until this: after them all.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA samenbeslissen FROM PUBLIC;
GRANT EXECUTE ON FUNCTION is_colleague(bigint), reaches(bigint), reaches_session(bigint), is_team_lead(), my_clients()
	TO samenbeslissen_medewerker, samenbeslissen_teamleider;
GRANT EXECUTE ON FUNCTION log_action(bigint, text, text, text), add_colleague(bigint, text, text),
	remove_colleague(bigint, text, text), erase_client(bigint, text)
	TO samenbeslissen_medewerker;
GRANT EXECUTE ON FUNCTION hand_over(bigint, text, text, text) TO samenbeslissen_medewerker, samenbeslissen_teamleider;
GRANT EXECUTE ON FUNCTION team_figures(date, date, text[], text[]) TO samenbeslissen_beleid, samenbeslissen_teamleider;
-- Only the triggers' WHEN calls it, as the one who saves.
GRANT EXECUTE ON FUNCTION countable_key(text) TO samenbeslissen_medewerker;

-- The audit log takes who and when from the server, and nobody but the
-- owner (inside erase_client) changes or removes a line.
CREATE OR REPLACE FUNCTION audit_log_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.who := session_user::text COLLATE "default";
	NEW.at := clock_timestamp();
	RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF current_user <> 'samenbeslissen_eigenaar' OR TG_OP <> 'DELETE' THEN
		RAISE EXCEPTION 'het logboek kan niet veranderd worden' USING ERRCODE = '42501';
	END IF;
	RETURN OLD;
END
$$;
DROP TRIGGER IF EXISTS stamp ON audit_log;
CREATE TRIGGER stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_stamp();
DROP TRIGGER IF EXISTS append_only ON audit_log;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
DROP TRIGGER IF EXISTS no_truncate ON audit_log;
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Row-level security on every table with clients' data.
ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_values ENABLE ROW LEVEL SECURITY;
ALTER TABLE agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_cards ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_colleagues ENABLE ROW LEVEL SECURITY;
ALTER TABLE handovers ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE applied_edits ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_prints ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_facts ENABLE ROW LEVEL SECURITY;
-- No grant on these two: read through team_figures only.
ALTER TABLE fact_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE fact_items_stale ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS own ON clients;
CREATE POLICY own ON clients FOR SELECT TO samenbeslissen_medewerker
	USING (holder = session_user::text COLLATE "default" OR is_colleague(id));
DROP POLICY IF EXISTS own_new ON clients;
CREATE POLICY own_new ON clients FOR INSERT TO samenbeslissen_medewerker
	WITH CHECK (holder = session_user::text COLLATE "default");
DROP POLICY IF EXISTS own_change ON clients;
CREATE POLICY own_change ON clients FOR UPDATE TO samenbeslissen_medewerker
	USING (holder = session_user::text COLLATE "default" OR is_colleague(id));
DROP POLICY IF EXISTS team ON clients;
CREATE POLICY team ON clients FOR SELECT TO samenbeslissen_teamleider USING (true);

DROP POLICY IF EXISTS own ON sessions;
CREATE POLICY own ON sessions TO samenbeslissen_medewerker
	USING (reaches(client_id)) WITH CHECK (reaches(client_id));
DROP POLICY IF EXISTS own ON session_values;
CREATE POLICY own ON session_values TO samenbeslissen_medewerker
	USING (reaches_session(session_id)) WITH CHECK (reaches_session(session_id));
DROP POLICY IF EXISTS own ON agreements;
CREATE POLICY own ON agreements TO samenbeslissen_medewerker
	USING (reaches_session(session_id)) WITH CHECK (reaches_session(session_id));
DROP POLICY IF EXISTS own ON session_cards;
CREATE POLICY own ON session_cards TO samenbeslissen_medewerker
	USING (reaches_session(session_id)) WITH CHECK (reaches_session(session_id));
DROP POLICY IF EXISTS own ON applied_edits;
CREATE POLICY own ON applied_edits TO samenbeslissen_medewerker
	USING (reaches_session(session_id)) WITH CHECK (reaches_session(session_id));
DROP POLICY IF EXISTS own ON plan_prints;
CREATE POLICY own ON plan_prints TO samenbeslissen_medewerker
	USING (reaches_session(session_id)) WITH CHECK (reaches_session(session_id));
DROP POLICY IF EXISTS own ON session_facts;
CREATE POLICY own ON session_facts FOR SELECT TO samenbeslissen_medewerker USING (reaches(client_id));
DROP POLICY IF EXISTS own ON settings;
CREATE POLICY own ON settings TO samenbeslissen_medewerker, samenbeslissen_beleid
	USING (owner = session_user::text COLLATE "default") WITH CHECK (owner = session_user::text COLLATE "default");

DROP POLICY IF EXISTS own ON client_colleagues;
CREATE POLICY own ON client_colleagues FOR SELECT TO samenbeslissen_medewerker
	USING (professional = session_user::text COLLATE "default" OR reaches(client_id));
DROP POLICY IF EXISTS team ON client_colleagues;
CREATE POLICY team ON client_colleagues FOR SELECT TO samenbeslissen_teamleider USING (true);
DROP POLICY IF EXISTS own ON handovers;
CREATE POLICY own ON handovers FOR SELECT TO samenbeslissen_medewerker USING (reaches(client_id));

DROP POLICY IF EXISTS privacy ON audit_log;
CREATE POLICY privacy ON audit_log FOR SELECT TO samenbeslissen_privacy USING (true);
