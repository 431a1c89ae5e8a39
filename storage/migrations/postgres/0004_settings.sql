-- Settings, such as the professional's name and telephone on the plan.
-- In a team database every professional has their own.
CREATE TABLE settings (
	owner text  NOT NULL DEFAULT session_user,
	key   text  NOT NULL,
	value bytea NOT NULL,
	PRIMARY KEY (owner, key)
);
