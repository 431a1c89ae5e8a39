-- Where a client or session was copied from by 'team overzetten': the
-- laptop's installation id and its own id there. Copying again finds what
-- it copied before and copies nothing twice.
ALTER TABLE clients ADD COLUMN origin text;
CREATE UNIQUE INDEX clients_by_origin ON clients (origin);
ALTER TABLE sessions ADD COLUMN origin text;
CREATE UNIQUE INDEX sessions_by_origin ON sessions (origin);
