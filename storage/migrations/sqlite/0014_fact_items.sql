-- Nothing changes on a laptop: the team database's migration 14 keeps what
-- its server counts (postgres/0014_fact_items.sql); a laptop counts in the
-- app (storage/figures.go). The version stays the same on both engines.
SELECT 1;
