-- The client's language, kept with the client so that it survives a
-- restart and every conversation, follow-ups too, opens in it. Empty:
-- not chosen yet.
ALTER TABLE clients ADD COLUMN language TEXT NOT NULL DEFAULT '';
