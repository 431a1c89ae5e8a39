-- Who may reach a client: the professional who holds them (a login role),
-- and colleagues added for a duo intake. The access policies that use
-- these columns are in access.sql.
ALTER TABLE clients ADD COLUMN holder text NOT NULL DEFAULT session_user;
CREATE INDEX clients_by_holder ON clients (holder, last_activity DESC);

CREATE TABLE client_colleagues (
	client_id    bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	professional text   NOT NULL,
	added_by     text   NOT NULL DEFAULT session_user,
	added_at     bigint NOT NULL,
	PRIMARY KEY (client_id, professional)
);
CREATE INDEX client_colleagues_by_professional ON client_colleagues (professional, client_id);

-- Hand-overs, with the note for the colleague who takes the client over.
CREATE TABLE handovers (
	id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	client_id         bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	from_professional text   NOT NULL,
	to_professional   text   NOT NULL,
	note              text   NOT NULL DEFAULT '',
	at                bigint NOT NULL
);
CREATE INDEX handovers_by_client ON handovers (client_id, at);

-- Who opened, printed, exported, handed over or erased which client, when,
-- from which computer. No foreign key: the log outlives an erased client,
-- keeping only that the erasure happened.
CREATE TABLE audit_log (
	id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at        timestamptz NOT NULL DEFAULT now(),
	who       text        NOT NULL DEFAULT session_user,
	client_id bigint      NOT NULL,
	action    text        NOT NULL,
	detail    text        NOT NULL DEFAULT '',
	computer  text        NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_client ON audit_log (client_id, at);
