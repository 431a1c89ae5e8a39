package storage

import (
	"fmt"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Erased is what erasing a client did.
type Erased struct {
	Sessions []int64 // the client's conversations, whose printed files the caller removes
	// StillIn are backups that could not be changed and still hold the
	// client until they are replaced by newer ones.
	StillIn []Backup
}

// EraseClient deletes a client with every session, value, agreement and
// card snapshot, so that their text is gone from the database file and its
// write-ahead log too: secure_delete overwrites what is deleted, and a
// checkpoint then empties the log. With backups set, the client is erased
// from every backup as well.
func (d *DB) EraseClient(id int64, backups *BackupFolder) (Erased, error) {
	var e Erased
	rows, err := d.db().Query(`SELECT id FROM sessions WHERE client_id = ?`, id)
	if err != nil {
		return e, fmt.Errorf("cliënt wissen: %w", d.describe(err))
	}
	for rows.Next() {
		var s int64
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return e, fmt.Errorf("cliënt wissen: %w", d.describe(err))
		}
		e.Sessions = append(e.Sessions, s)
	}
	rows.Close()
	if d.engine == enginePostgres {
		// The server's function also empties the client's audit log but for
		// the line that says they were erased.
		if _, err := d.Client(id); err != nil {
			return e, fmt.Errorf("cliënt wissen: %w", err)
		}
		return e, d.call("cliënt wissen", "erase_client", id)
	}
	res, err := d.db().Exec(`DELETE FROM clients WHERE id = ?`, id)
	if err != nil {
		return e, fmt.Errorf("cliënt wissen: %w", describe(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return e, fmt.Errorf("cliënt wissen: %w", ErrNotFound)
	}
	if _, err := d.db().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return e, fmt.Errorf("cliënt wissen: %w", describe(err))
	}
	if backups != nil {
		e.StillIn = backups.eraseFromBackups(id)
	}
	return e, nil
}

// ClientsSince returns the clients whose last conversation (or, without
// one, whose creation) was before t: those past the retention period, to
// be reviewed and erased, never automatically.
func (d *DB) ClientsSince(t time.Time) ([]cards.Client, error) {
	rows, err := d.db().Query(`SELECT `+clientColumns+` FROM clients c WHERE c.last_activity < ? ORDER BY c.last_activity`, millis(t))
	if err != nil {
		return nil, fmt.Errorf("cliënten lezen: %w", d.describe(err))
	}
	defer rows.Close()
	var out []cards.Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return nil, fmt.Errorf("cliënten lezen: %w", d.describe(err))
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
