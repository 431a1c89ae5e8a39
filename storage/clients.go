package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// ErrNotFound is returned for a client or session that does not exist.
var ErrNotFound = errors.New("niet gevonden")

func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms) }

// checkClient validates a name and reference, with a Dutch message.
func checkClient(name, reference string) (string, string, error) {
	name, reference = strings.TrimSpace(name), strings.TrimSpace(reference)
	var err error
	if name, err = checkText(name); err != nil {
		return "", "", err
	}
	if reference, err = checkText(reference); err != nil {
		return "", "", err
	}
	switch {
	case name == "":
		return "", "", errors.New("vul een naam of initialen in")
	case utf8.RuneCountInString(name) > cards.MaxNameLength:
		return "", "", fmt.Errorf("de naam is te lang; gebruik hoogstens %d tekens", cards.MaxNameLength)
	case utf8.RuneCountInString(reference) > cards.MaxReferenceLength:
		return "", "", fmt.Errorf("het kenmerk is te lang; gebruik hoogstens %d tekens", cards.MaxReferenceLength)
	}
	return name, reference, nil
}

// CreateClient adds a client.
func (d *DB) CreateClient(name, reference string) (cards.Client, error) {
	name, reference, err := checkClient(name, reference)
	if err != nil {
		return cards.Client{}, err
	}
	now := time.Now()
	var id int64
	if err := d.db().QueryRow(`INSERT INTO clients (name, search, reference, created_at, last_activity) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		name, searchText(name, reference), reference, millis(now), millis(now)).Scan(&id); err != nil {
		return cards.Client{}, fmt.Errorf("cliënt opslaan: %w", d.describe(err))
	}
	return cards.Client{ID: id, Name: name, Reference: reference, Created: now, LastActivity: now}, nil
}

// UpdateClient changes a client's name and reference.
func (d *DB) UpdateClient(id int64, name, reference string) error {
	name, reference, err := checkClient(name, reference)
	if err != nil {
		return err
	}
	res, err := d.db().Exec(`UPDATE clients SET name = ?, search = ?, reference = ? WHERE id = ?`, name, searchText(name, reference), reference, id)
	if err != nil {
		return fmt.Errorf("cliënt opslaan: %w", d.describe(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("cliënt %d: %w", id, ErrNotFound)
	}
	return nil
}

// SetClientLanguage keeps the language the client reads their things in,
// such as "ar"; every conversation with them, and their plan, is in it.
func (d *DB) SetClientLanguage(id int64, lang string) error {
	if t, err := language.Parse(lang); err != nil || t.String() != lang {
		return fmt.Errorf("taal %q ken ik niet; kies een taal uit de lijst", lang)
	}
	res, err := d.db().Exec(`UPDATE clients SET language = ? WHERE id = ?`, lang, id)
	if err != nil {
		return fmt.Errorf("taal van de cliënt opslaan: %w", d.describe(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("cliënt %d: %w", id, ErrNotFound)
	}
	return nil
}

const clientColumns = `c.id, c.name, c.reference, c.created_at, c.last_activity,
	(SELECT count(*) FROM sessions s WHERE s.client_id = c.id), c.language`

func scanClient(row interface{ Scan(...any) error }) (cards.Client, error) {
	var c cards.Client
	var created, last int64
	err := row.Scan(&c.ID, &c.Name, &c.Reference, &created, &last, &c.Sessions, &c.Language)
	c.Created, c.LastActivity = fromMillis(created), fromMillis(last)
	return c, err
}

// Client returns one client.
func (d *DB) Client(id int64) (cards.Client, error) {
	c, err := scanClient(d.db().QueryRow(`SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("cliënt %d: %w", id, ErrNotFound)
	}
	return c, err
}

// ListClients returns at most limit clients whose name or reference contains
// query (ignoring case and accents), most recently active first. In a team
// database a professional gets the clients they work with, a team lead
// every client of the team (the server's policies decide; the query only
// helps the planner).
func (d *DB) ListClients(ctx context.Context, query string, limit int) ([]cards.Client, error) {
	q, args := d.listQuery(query, limit)
	rows, err := d.db().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("cliënten zoeken: %w", d.describe(err))
	}
	defer rows.Close()
	var out []cards.Client
	for rows.Next() {
		c, err := scanClient(rows)
		if err != nil {
			return nil, fmt.Errorf("cliënten zoeken: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// listQuery is ListClients' query and its arguments.
func (d *DB) listQuery(query string, limit int) (string, []any) {
	q := `SELECT ` + clientColumns + ` FROM clients c`
	var where []string
	var args []any
	if d.team != nil && !d.team.Lead {
		// The professional's own few hundred, found by index, not by
		// testing the policy on every client of the team.
		where = append(where, `c.id IN (SELECT my_clients())`)
	}
	order := ` ORDER BY c.last_activity DESC, c.id DESC LIMIT ?`
	if query = strings.TrimSpace(query); query != "" {
		if d.engine == enginePostgres {
			where = append(where, `c.search LIKE ?`)
			args = append(args, "%"+likeEscape(cards.Fold(query))+"%")
		} else {
			// A search reads the table in order and sorts the few matches;
			// going through the activity index would look up every row at
			// random.
			where = append(where, `instr(c.search, ?) > 0`)
			args = append(args, cards.Fold(query))
			order = ` ORDER BY +c.last_activity DESC, c.id DESC LIMIT ?`
		}
	}
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	return q + order, append(args, limit)
}

// searchText is what a client is found by: name and reference, folded so
// that "aicha" finds "Aïcha".
func searchText(name, reference string) string {
	return cards.Fold(name) + "\n" + cards.Fold(reference)
}

// likeEscape makes % and _ in a LIKE pattern literal.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
