package storage

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// OutboxFileName is the outbox in the storage folder.
const OutboxFileName = "uitbak.db"

// Outbox keeps, on the laptop, edits for a team database that could not be
// sent while the server was out of reach, in the order they were typed,
// until they are sent. It is a SQLite file with the same care as the
// laptop's own database: written through on every commit, readable by
// this user only. Each batch has an id that the server records with it,
// so a batch is stored exactly once even when the laptop stops between
// sending and removing it.
type Outbox struct {
	sql *sql.DB
}

// outboxBatch is one save of a session's edits, waiting.
type outboxBatch struct {
	seq       int64
	id        string // unique; the server's applied_edits has it once sent
	login     string
	sessionID int64
	seen      int64
	values    map[string]string
}

// OpenOutbox opens (or creates) the outbox at path.
func OpenOutbox(path string) (*Outbox, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("map voor de uitbak maken: %w", describe(err))
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("uitbak %s openen: %w", path, describe(err))
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS outbox (
		seq        INTEGER PRIMARY KEY AUTOINCREMENT,
		id         TEXT    NOT NULL UNIQUE,
		login      TEXT    NOT NULL,
		session_id INTEGER NOT NULL,
		seen       INTEGER NOT NULL,
		edits      TEXT    NOT NULL -- JSON: key → value
	)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("uitbak %s openen: %w", path, describe(err))
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		os.Chmod(f, 0o600)
	}
	return &Outbox{sql: db}, nil
}

// Close closes the outbox file.
func (o *Outbox) Close() error { return o.sql.Close() }

// add keeps one batch, durably, at the end.
func (o *Outbox) add(login string, sessionID, seen int64, values map[string]string) error {
	data, err := json.Marshal(values)
	if err != nil {
		return err
	}
	var raw [16]byte
	rand.Read(raw[:])
	_, err = o.sql.Exec(`INSERT INTO outbox (id, login, session_id, seen, edits) VALUES (?, ?, ?, ?, ?)`,
		hex.EncodeToString(raw[:]), login, sessionID, seen, string(data))
	if err != nil {
		return fmt.Errorf("bewaren op deze laptop: %w", describe(err))
	}
	return nil
}

// first returns the oldest batch of a login, or nil.
func (o *Outbox) first(login string) (*outboxBatch, error) {
	var b outboxBatch
	var edits string
	err := o.sql.QueryRow(`SELECT seq, id, login, session_id, seen, edits FROM outbox WHERE login = ? ORDER BY seq LIMIT 1`, login).
		Scan(&b.seq, &b.id, &b.login, &b.sessionID, &b.seen, &edits)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("uitbak lezen: %w", describe(err))
	}
	if err := json.Unmarshal([]byte(edits), &b.values); err != nil {
		return nil, fmt.Errorf("uitbak lezen: %w", err)
	}
	return &b, nil
}

// remove drops a batch once the server has it.
func (o *Outbox) remove(seq int64) error {
	_, err := o.sql.Exec(`DELETE FROM outbox WHERE seq = ?`, seq)
	return describe(err)
}

// Len is how many batches wait, of every login.
func (o *Outbox) Len() (int, error) {
	var n int
	err := o.sql.QueryRow(`SELECT count(*) FROM outbox`).Scan(&n)
	return n, describe(err)
}
