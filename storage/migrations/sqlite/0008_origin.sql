-- Where a client or session was copied from (see the team database's
-- migration 8); empty for what was made here.
ALTER TABLE clients ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX clients_by_origin ON clients (origin);
ALTER TABLE sessions ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX sessions_by_origin ON sessions (origin);
