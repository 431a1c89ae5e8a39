-- The client's language, kept with the client so that it survives a
-- restart and every conversation, follow-ups too, opens in it, on any
-- laptop of the team. Empty: not chosen yet.
ALTER TABLE clients ADD COLUMN language text NOT NULL DEFAULT '';
