package storage

import (
	"errors"
	"fmt"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// ErrNotTeam is asked of the laptop's own database what only a team
// database does.
var ErrNotTeam = errors.New("dit kan alleen met een teamdatabase")

// Actions in the audit log.
const (
	ActionOpened   = "geopend"
	ActionPrinted  = "afgedrukt"
	ActionExported = "geëxporteerd"
)

// LogAction records in a team database's audit log that this login did
// something with a client: opened, printed or exported. The laptop's own
// database has one user and keeps no log.
func (d *DB) LogAction(clientID int64, action, detail string) error {
	if d.engine != enginePostgres {
		return nil
	}
	return d.call("logboek", "log_action", clientID, action, detail)
}

// call runs one of the team database's functions (access.sql), which does
// its own checks, with this computer's name as the last argument; what
// says what failed.
func (d *DB) call(what, function string, args ...any) error {
	if d.engine != enginePostgres {
		return ErrNotTeam
	}
	args = append(args, d.team.Computer)
	if _, err := d.db().Exec(`SELECT `+function+`(`+placeholders(len(args))+`)`, args...); err != nil {
		return fmt.Errorf("%s: %w", what, d.describe(err))
	}
	return nil
}

// RecordPlanPrint notes that a session's plan was printed in a language,
// for the anonymous figures: which languages plans go home in.
func (d *DB) RecordPlanPrint(sessionID int64, lang string) error {
	if _, err := d.db().Exec(`INSERT INTO plan_prints (session_id, lang, printed_at) VALUES (?, ?, ?)`, sessionID, lang, millis(time.Now())); err != nil {
		return fmt.Errorf("afdruk bijhouden: %w", d.describe(err))
	}
	return nil
}

// Login is the login this app works as on a team database; "" on the
// laptop's own database.
func (d *DB) Login() string {
	if d.team == nil {
		return ""
	}
	return d.team.User
}

// TeamLead says whether this login is a team lead of a team database.
func (d *DB) TeamLead() bool { return d.team != nil && d.team.Lead }

// Colleagues returns the other professionals of the team, by login, for
// handing over or a duo intake.
func (d *DB) Colleagues() ([]string, error) {
	if d.engine != enginePostgres {
		return nil, ErrNotTeam
	}
	// A superuser is a member of every role; it and the owner's members
	// are administrators, not colleagues.
	rows, err := d.db().Query(`SELECT rolname FROM pg_roles
		WHERE rolcanlogin AND rolname <> current_user AND NOT rolsuper AND NOT rolbypassrls
		AND pg_has_role(oid, ?, 'MEMBER') AND NOT pg_has_role(oid, ?, 'MEMBER') ORDER BY rolname`, RoleProfessional, roleOwner)
	if err != nil {
		return nil, fmt.Errorf("collega's lezen: %w", d.describe(err))
	}
	return scanStrings(rows)
}

// HandOver gives a client to a colleague with a note for them. The holder
// or a team lead may; afterwards the previous holder no longer reaches the
// client (unless added as a colleague).
func (d *DB) HandOver(clientID int64, to, note string) error {
	note, err := checkText(note)
	if err != nil {
		return err
	}
	return d.call("overdragen", "hand_over", clientID, to, note)
}

// AddColleague lets a colleague open and edit a client's conversations
// too, for a duo intake; RemoveColleague ends that.
func (d *DB) AddColleague(clientID int64, login string) error {
	return d.call("collega toevoegen", "add_colleague", clientID, login)
}

// RemoveColleague takes a colleague off a client.
func (d *DB) RemoveColleague(clientID int64, login string) error {
	return d.call("collega weghalen", "remove_colleague", clientID, login)
}

// Holders is who works with a client: the holder first, then colleagues
// added for a duo intake. The laptop's database has no logins: nil.
func (d *DB) Holders(clientID int64) ([]string, error) {
	if d.engine != enginePostgres {
		return nil, nil
	}
	rows, err := d.db().Query(`SELECT holder FROM clients WHERE id = ?
		UNION ALL SELECT * FROM (SELECT professional FROM client_colleagues WHERE client_id = ? ORDER BY added_at) k`, clientID, clientID)
	if err != nil {
		return nil, fmt.Errorf("wie met de cliënt werkt: %w", d.describe(err))
	}
	return scanStrings(rows)
}

// Handovers returns a client's hand-overs, oldest first.
func (d *DB) Handovers(clientID int64) ([]cards.Handover, error) {
	if d.engine != enginePostgres {
		return nil, nil
	}
	rows, err := d.db().Query(`SELECT from_professional, to_professional, note, at FROM handovers WHERE client_id = ? ORDER BY at, id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("overdrachten lezen: %w", d.describe(err))
	}
	defer rows.Close()
	var out []cards.Handover
	for rows.Next() {
		var h cards.Handover
		var at int64
		if err := rows.Scan(&h.From, &h.To, &h.Note, &at); err != nil {
			return nil, fmt.Errorf("overdrachten lezen: %w", d.describe(err))
		}
		h.At = fromMillis(at)
		out = append(out, h)
	}
	return out, rows.Err()
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	At                            time.Time
	Who, Action, Detail, Computer string
}

// AuditLog returns the audit log of one client, oldest first: for the
// privacy officer, to answer "who looked at my file?".
func (d *DB) AuditLog(clientID int64) ([]AuditEntry, error) {
	if d.engine != enginePostgres {
		return nil, ErrNotTeam
	}
	rows, err := d.db().Query(`SELECT at, who, action, detail, computer FROM audit_log WHERE client_id = ? ORDER BY at, id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("logboek lezen: %w", d.describe(err))
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.At, &e.Who, &e.Action, &e.Detail, &e.Computer); err != nil {
			return nil, fmt.Errorf("logboek lezen: %w", d.describe(err))
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func scanStrings(rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
