-- The anonymous figures (storage/figures.go) read one kind of value across
-- all conversations: the decisions, the marked life areas, the factors.
CREATE INDEX session_values_by_key ON session_values (key, session_id);
