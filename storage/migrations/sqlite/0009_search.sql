-- Version 9 added a trigram index for searching a team database's clients.
-- A laptop's few thousand clients are read whole in milliseconds.
SELECT 1;
