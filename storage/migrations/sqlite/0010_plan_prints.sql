-- In which language each plan was printed, for the anonymous figures
-- (cijfers): which languages clients take their plan home in.
CREATE TABLE plan_prints (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	lang       TEXT    NOT NULL,
	printed_at INTEGER NOT NULL
);
CREATE INDEX plan_prints_by_session ON plan_prints (session_id);
