package storage

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"
)

// settingInstallation is a laptop database's own id, made the first time
// it is copied to a team database.
const settingInstallation = "installatie"

// Transfer is what CopyToTeam did: how much it copied, and how much was
// there already from an earlier run.
type Transfer struct {
	Clients, Sessions, Values, Agreements, Cards int // copied now
	ClientsBefore, SessionsBefore                int // copied by an earlier run
}

// CopyToTeam copies every client of the laptop's database from, with every
// session, value, agreement and card, into the team database to, as the
// professional who is logged in there, in one transaction. What an earlier
// run copied is recognised by its origin and not copied again. Afterwards
// it reads everything back and checks that it is the same.
func CopyToTeam(from, to *DB) (Transfer, error) {
	var t Transfer
	if from.engine != engineSQLite || to.engine != enginePostgres {
		return t, errors.New("overzetten gaat van het bestand op een laptop naar een teamdatabase")
	}
	install, err := from.installation()
	if err != nil {
		return t, err
	}
	clients, err := from.rawClients()
	if err != nil {
		return t, err
	}
	err = to.tx(func(tx conn) error {
		for _, c := range clients {
			if err := copyClient(tx, install, c, &t); err != nil {
				return fmt.Errorf("cliënt %d (%s): %w", c.id, c.name, err)
			}
		}
		return nil
	})
	if err != nil {
		return t, fmt.Errorf("overzetten: %w", err)
	}
	for _, c := range clients {
		if err := to.checkCopy(install, c); err != nil {
			return t, fmt.Errorf("overzetten gecontroleerd: cliënt %d (%s) is niet gelijk overgekomen: %w", c.id, c.name, err)
		}
	}
	return t, nil
}

// installation returns the laptop database's id, making it the first time.
func (d *DB) installation() (string, error) {
	v, err := d.setting(settingInstallation)
	if err != nil || len(v) > 0 {
		return string(v), err
	}
	var raw [8]byte
	rand.Read(raw[:])
	id := hex.EncodeToString(raw[:])
	return id, d.setSettings(map[string][]byte{settingInstallation: []byte(id)})
}

// rawClient is a client with everything of theirs as stored, for copying.
type rawClient struct {
	id                                int64
	name, search, reference, language string
	created, last                     int64
	sessions                          []rawSession
}

type rawSession struct {
	id, previous     int64
	started, updated int64
	values           map[string]string
	agreements       []rawAgreement
	cards            []rawCard
}

type rawAgreement struct {
	position       int64
	who, what, due string
}

type rawCard struct {
	position     int64
	id, snapshot string
}

func (d *DB) rawClients() ([]rawClient, error) {
	var out []rawClient
	rows, err := d.db().Query(`SELECT id, name, search, reference, language, created_at, last_activity FROM clients ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("cliënten lezen: %w", d.describe(err))
	}
	for rows.Next() {
		var c rawClient
		if err := rows.Scan(&c.id, &c.name, &c.search, &c.reference, &c.language, &c.created, &c.last); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
	}
	rows.Close()
	for i := range out {
		if out[i].sessions, err = d.rawSessions(d.db(), "client_id = ?", out[i].id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rawSessions reads the sessions that match where, oldest first, with
// their values, agreements and cards.
func (d *DB) rawSessions(q conn, where string, arg any) ([]rawSession, error) {
	rows, err := q.Query(`SELECT id, coalesce(previous_id, 0), started_at, updated_at FROM sessions WHERE `+where+` ORDER BY id`, arg)
	if err != nil {
		return nil, fmt.Errorf("gesprekken lezen: %w", d.describe(err))
	}
	var out []rawSession
	for rows.Next() {
		var s rawSession
		if err := rows.Scan(&s.id, &s.previous, &s.started, &s.updated); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	for i := range out {
		s := &out[i]
		s.values = map[string]string{}
		vals, err := q.Query(`SELECT key, value FROM session_values WHERE session_id = ?`, s.id)
		if err != nil {
			return nil, err
		}
		for vals.Next() {
			var k, v string
			if err := vals.Scan(&k, &v); err != nil {
				vals.Close()
				return nil, err
			}
			s.values[k] = v
		}
		vals.Close()
		if s.agreements, err = scanAll(q, `SELECT position, who, what, due FROM agreements WHERE session_id = ? ORDER BY position, id`, s.id,
			func(r *sql.Rows, a *rawAgreement) error { return r.Scan(&a.position, &a.who, &a.what, &a.due) }); err != nil {
			return nil, err
		}
		if s.cards, err = scanAll(q, `SELECT position, card_id, snapshot FROM session_cards WHERE session_id = ? ORDER BY position`, s.id,
			func(r *sql.Rows, c *rawCard) error { return r.Scan(&c.position, &c.id, &c.snapshot) }); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scanAll reads every row of a query with one argument into values.
func scanAll[T any](q conn, query string, arg any, scan func(*sql.Rows, *T) error) ([]T, error) {
	rows, err := q.Query(query, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func origin(install, kind string, id int64) string {
	return install + "/" + kind + "/" + strconv.FormatInt(id, 10)
}

// copyClient copies one client and the sessions of theirs not copied yet.
func copyClient(tx conn, install string, c rawClient, t *Transfer) error {
	var id int64
	err := tx.QueryRow(`SELECT id FROM clients WHERE origin = ?`, origin(install, "client", c.id)).Scan(&id)
	if err == nil {
		t.ClientsBefore++
	} else {
		if err := tx.QueryRow(`INSERT INTO clients (name, search, reference, language, created_at, last_activity, origin) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.name, c.search, c.reference, c.language, c.created, c.last, origin(install, "client", c.id)).Scan(&id); err != nil {
			return err
		}
		t.Clients++
	}
	copied := map[int64]int64{} // laptop session → team session
	for _, s := range c.sessions {
		var sid int64
		if err := tx.QueryRow(`SELECT id FROM sessions WHERE origin = ?`, origin(install, "session", s.id)).Scan(&sid); err == nil {
			copied[s.id] = sid
			t.SessionsBefore++
			continue
		}
		var prev any
		if p, ok := copied[s.previous]; ok {
			prev = p
		}
		if err := tx.QueryRow(`INSERT INTO sessions (client_id, previous_id, started_at, updated_at, origin) VALUES (?, ?, ?, ?, ?) RETURNING id`,
			id, prev, s.started, s.updated, origin(install, "session", s.id)).Scan(&sid); err != nil {
			return err
		}
		copied[s.id] = sid
		t.Sessions++
		for k, v := range s.values {
			if _, err := tx.Exec(`INSERT INTO session_values (session_id, key, value) VALUES (?, ?, ?)`, sid, k, v); err != nil {
				return err
			}
			t.Values++
		}
		for _, a := range s.agreements {
			if _, err := tx.Exec(`INSERT INTO agreements (session_id, position, who, what, due) VALUES (?, ?, ?, ?, ?)`, sid, a.position, a.who, a.what, a.due); err != nil {
				return err
			}
			t.Agreements++
		}
		for _, k := range s.cards {
			if _, err := tx.Exec(`INSERT INTO session_cards (session_id, card_id, position, snapshot) VALUES (?, ?, ?, ?)`, sid, k.id, k.position, k.snapshot); err != nil {
				return err
			}
			t.Cards++
		}
	}
	return nil
}

// checkCopy reads a copied client back from the team database and compares
// it with the laptop's.
func (d *DB) checkCopy(install string, c rawClient) error {
	var got rawClient
	err := d.db().QueryRow(`SELECT id, name, reference, language FROM clients WHERE origin = ?`, origin(install, "client", c.id)).Scan(&got.id, &got.name, &got.reference, &got.language)
	if err != nil {
		return fmt.Errorf("niet gevonden: %w", d.describe(err))
	}
	if got.name != c.name || got.reference != c.reference || got.language != c.language {
		return fmt.Errorf("naam, kenmerk of taal verschilt")
	}
	sessions, err := d.rawSessions(d.db(), "client_id = ? AND origin IS NOT NULL", got.id)
	if err != nil {
		return err
	}
	if len(sessions) != len(c.sessions) {
		return fmt.Errorf("%d gesprekken, op de laptop %d", len(sessions), len(c.sessions))
	}
	for i, s := range c.sessions {
		g := sessions[i]
		if !maps.Equal(g.values, s.values) || g.started != s.started ||
			!slices.Equal(g.agreements, s.agreements) || !slices.Equal(g.cards, s.cards) {
			return fmt.Errorf("gesprek %d verschilt", s.id)
		}
	}
	return nil
}

// RemoveLaptopDatabase removes a laptop's database file, with its
// write-ahead log and every backup of it, once its clients are in a team
// database. It returns the files it removed.
func RemoveLaptopDatabase(path string) ([]string, error) {
	backups, err := BackupsOf(path).List()
	if err != nil {
		return nil, err
	}
	var removed []string
	files := []string{path, path + "-wal", path + "-shm", LockFileName(path)}
	for _, b := range backups {
		files = append(files, b.Path)
	}
	for _, f := range files {
		err := os.Remove(f)
		if err == nil {
			removed = append(removed, f)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return removed, fmt.Errorf("%s verwijderen: %w", f, describe(err))
		}
	}
	return removed, nil
}
