-- Settings of this installation, such as the municipality's name and logo
-- on the printables.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value BLOB NOT NULL
) WITHOUT ROWID;
