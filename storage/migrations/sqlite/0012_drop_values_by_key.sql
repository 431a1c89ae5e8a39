-- The figures now read each conversation's values in one range of the
-- primary key (storage/figures.go); the index of migration 11 serves no
-- query any more.
DROP INDEX IF EXISTS session_values_by_key;
