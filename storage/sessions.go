package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// MaxValueLength bounds one typed value; far above any real note, it keeps a
// pasted book from filling the database.
const MaxValueLength = 100_000

// CreateSession starts a new conversation with a client, at step 1.
func (d *DB) CreateSession(clientID int64) (cards.Session, error) {
	s := cards.NewSession()
	err := d.tx(func(tx conn) error {
		id, err := insertSession(tx, clientID, 0)
		s.ID, s.ClientID = id, clientID
		return err
	})
	if err != nil {
		return cards.Session{}, fmt.Errorf("gesprek beginnen: %w", err)
	}
	return d.Session(s.ID)
}

func insertSession(tx conn, clientID, previousID int64) (int64, error) {
	now := millis(time.Now())
	var prev any
	if previousID != 0 {
		prev = previousID
	}
	var id int64
	if err := tx.QueryRow(`INSERT INTO sessions (client_id, previous_id, started_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`, clientID, prev, now, now).Scan(&id); err != nil {
		return 0, err
	}
	_, err := tx.Exec(`UPDATE clients SET last_activity = ? WHERE id = ?`, now, clientID)
	return id, err
}

// CreateFollowUp starts a follow-up of session prevID (step 7): a new
// session with everything of the previous one carried over, which itself
// stays unchanged.
func (d *DB) CreateFollowUp(prevID int64) (cards.Session, error) {
	prev, err := d.Session(prevID)
	if err != nil {
		return cards.Session{}, err
	}
	var id int64
	err = d.tx(func(tx conn) error {
		if id, err = insertSession(tx, prev.ClientID, prevID); err != nil {
			return err
		}
		for _, q := range []string{
			`INSERT INTO session_values (session_id, key, value) SELECT ?, key, value FROM session_values WHERE session_id = ?`,
			`INSERT INTO agreements (session_id, position, who, what, due) SELECT ?, position, who, what, due FROM agreements WHERE session_id = ?`,
			`INSERT INTO session_cards (session_id, card_id, position, snapshot) SELECT ?, card_id, position, snapshot FROM session_cards WHERE session_id = ?`,
		} {
			if _, err := tx.Exec(q, id, prevID); err != nil {
				return err
			}
		}
		// The evaluation of how it went is new in each follow-up.
		if _, err := tx.Exec(`DELETE FROM session_values WHERE session_id = ? AND key IN (?, ?)`, id, cards.KeyReview, cards.KeyGoalStillRight); err != nil {
			return err
		}
		return d.setValue(tx, id, 0, cards.KeyStep, strconv.Itoa(cards.StepEvaluate))
	})
	if err != nil {
		return cards.Session{}, fmt.Errorf("vervolggesprek beginnen: %w", err)
	}
	return d.Session(id)
}

// Session loads a whole session.
func (d *DB) Session(id int64) (cards.Session, error) {
	s := cards.NewSession()
	var prev sql.NullInt64
	var started, updated int64
	err := d.db().QueryRow(`SELECT id, client_id, previous_id, started_at, updated_at, revision FROM sessions WHERE id = ?`, id).
		Scan(&s.ID, &s.ClientID, &prev, &started, &updated, &s.Revision)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("gesprek %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("gesprek %d lezen: %w", id, err)
	}
	s.PreviousID, s.Started, s.Updated = prev.Int64, fromMillis(started), fromMillis(updated)

	if s.Options, err = d.options(id); err != nil {
		return s, err
	}
	rows, err := d.db().Query(`SELECT key, value FROM session_values WHERE session_id = ?`, id)
	if err != nil {
		return s, fmt.Errorf("gesprek %d lezen: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return s, fmt.Errorf("gesprek %d lezen: %w", id, err)
		}
		// A value that no longer fits (a weight of a card taken off the
		// comparison) is skipped; the rest of the session still opens.
		_ = s.Set(k, v)
	}
	if err := rows.Err(); err != nil {
		return s, err
	}
	s.Agreements, err = d.agreements(id)
	return s, err
}

// Sessions returns a client's sessions, oldest first.
func (d *DB) Sessions(clientID int64) ([]cards.SessionSummary, error) {
	rows, err := d.db().Query(`SELECT s.id, coalesce(s.previous_id, 0), s.started_at, s.updated_at,
		coalesce((SELECT value FROM session_values v WHERE v.session_id = s.id AND v.key = ?), '1'),
		coalesce((SELECT value FROM session_values v WHERE v.session_id = s.id AND v.key = ?), '')
		FROM sessions s WHERE s.client_id = ? ORDER BY s.started_at, s.id`, cards.KeyStep, cards.KeyGoal, clientID)
	if err != nil {
		return nil, fmt.Errorf("gesprekken lezen: %w", err)
	}
	defer rows.Close()
	var out []cards.SessionSummary
	for rows.Next() {
		var s cards.SessionSummary
		var started, updated int64
		var step string
		if err := rows.Scan(&s.ID, &s.PreviousID, &started, &updated, &step, &s.Goal); err != nil {
			return nil, fmt.Errorf("gesprekken lezen: %w", err)
		}
		s.Started, s.Updated = fromMillis(started), fromMillis(updated)
		s.Step, _ = strconv.Atoi(step)
		out = append(out, s)
	}
	return out, rows.Err()
}

// SetValue stores one value of a session; an empty value removes it.
func (d *DB) SetValue(sessionID int64, key, value string) error {
	return d.SetValues(sessionID, map[string]string{key: value})
}

// SetValues stores several values of one session in one transaction.
func (d *DB) SetValues(sessionID int64, values map[string]string) error {
	_, err := d.saveEdits("", sessionID, -1, values)
	return err
}

// checkText readies one typed text for storing. A NUL character is not
// text and PostgreSQL cannot hold it, so both engines drop it, as they do
// the unit and record separators, which the figures use between values
// (figures.go);
// a text that is not valid UTF-8 is refused rather than stored garbled.
func checkText(value string) (string, error) {
	if len(value) > MaxValueLength {
		return "", fmt.Errorf("de tekst is te lang (%d tekens); houd hem onder de %d", len(value), MaxValueLength)
	}
	if !utf8.ValidString(value) {
		return "", errors.New("de tekst bevat tekens die niet goed zijn overgekomen; typ hem opnieuw")
	}
	return notText.Replace(value), nil
}

// notText removes what checkText drops, made once: every save goes through it.
var notText = strings.NewReplacer("\x00", "", unit, "", record, "")

// setValue stores one value at a revision of its session, as written by
// this login. An empty value is kept as an empty row, so that clearing a
// field is a change others see like any other.
func (d *DB) setValue(tx conn, sessionID, revision int64, key, value string) error {
	value, err := checkText(value)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO session_values (session_id, key, value, revision, changed_by) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (session_id, key) DO UPDATE SET value = excluded.value, revision = excluded.revision, changed_by = excluded.changed_by`,
		sessionID, key, value, revision, d.Login())
	return err
}

// touch marks a session, and its client, as just changed, and returns the
// session's new revision. In a team database it also holds the session's
// row until the transaction ends, so saves of one session take turns.
func touch(tx conn, sessionID int64) (int64, error) {
	now := millis(time.Now())
	var rev int64
	var err error
	if tx.e == enginePostgres {
		// One statement: a save waits for one round trip to the server less.
		err = tx.QueryRow(`WITH s AS (UPDATE sessions SET updated_at = ?, revision = revision + 1 WHERE id = ? RETURNING client_id, revision),
			c AS (UPDATE clients SET last_activity = ? WHERE id = (SELECT client_id FROM s))
			SELECT revision FROM s`, now, sessionID, now).Scan(&rev)
	} else {
		err = tx.QueryRow(`UPDATE sessions SET updated_at = ?, revision = revision + 1 WHERE id = ? RETURNING revision`, now, sessionID).Scan(&rev)
		if err == nil {
			_, err = tx.Exec(`UPDATE clients SET last_activity = ? WHERE id = (SELECT client_id FROM sessions WHERE id = ?)`, now, sessionID)
		}
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("gesprek %d: %w", sessionID, ErrNotFound)
	}
	return rev, err
}

// AddOption puts a card among the options compared in step 5, keeping a
// snapshot of the card as shown now. A card already there keeps its first
// snapshot.
func (d *DB) AddOption(sessionID int64, c cards.Card) error {
	var snap bytes.Buffer
	if err := cards.WriteTOML(&snap, []cards.Card{c}); err != nil {
		return fmt.Errorf("kaart bewaren: %w", err)
	}
	err := d.tx(func(tx conn) error {
		if _, err := tx.Exec(`INSERT INTO session_cards (session_id, card_id, position, snapshot)
			VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM session_cards WHERE session_id = ?), ?)
			ON CONFLICT DO NOTHING`, sessionID, c.ID, sessionID, snap.String()); err != nil {
			return err
		}
		_, err := touch(tx, sessionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("kaart toevoegen: %w", err)
	}
	return nil
}

// RemoveOption takes a card off the comparison, with the client's weights
// for it.
func (d *DB) RemoveOption(sessionID int64, cardID string) error {
	err := d.tx(func(tx conn) error {
		if _, err := tx.Exec(`DELETE FROM session_cards WHERE session_id = ? AND card_id = ?`, sessionID, cardID); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM session_values WHERE session_id = ? AND key LIKE ? ESCAPE '\'`,
			sessionID, "weging/"+likeEscape(cardID)+"/%"); err != nil {
			return err
		}
		_, err := touch(tx, sessionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("kaart weghalen: %w", err)
	}
	return nil
}

func (d *DB) options(sessionID int64) ([]cards.Option, error) {
	rows, err := d.db().Query(`SELECT card_id, snapshot FROM session_cards WHERE session_id = ? ORDER BY position`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("kaarten van gesprek %d lezen: %w", sessionID, err)
	}
	defer rows.Close()
	var out []cards.Option
	for rows.Next() {
		var id, snap string
		if err := rows.Scan(&id, &snap); err != nil {
			return nil, err
		}
		cs, err := cards.ParseTOML("kaart "+id, []byte(snap))
		if err != nil || len(cs) != 1 {
			return nil, fmt.Errorf("kaart %s van gesprek %d lezen: %w", id, sessionID, err)
		}
		out = append(out, cards.NewOption(cs[0]))
	}
	return out, rows.Err()
}

// AddAgreement adds an empty row to a session's action plan.
func (d *DB) AddAgreement(sessionID int64) (cards.Agreement, error) {
	var a cards.Agreement
	err := d.tx(func(tx conn) error {
		if err := tx.QueryRow(`INSERT INTO agreements (session_id, position)
			VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM agreements WHERE session_id = ?)) RETURNING id`, sessionID, sessionID).Scan(&a.ID); err != nil {
			return err
		}
		_, err := touch(tx, sessionID)
		return err
	})
	if err != nil {
		return a, fmt.Errorf("afspraak toevoegen: %w", err)
	}
	return a, nil
}

// SetAgreement changes one field of an agreement.
func (d *DB) SetAgreement(id int64, field cards.AgreementField, value string) error {
	if field != cards.AgreementWho && field != cards.AgreementWhat && field != cards.AgreementDue {
		return fmt.Errorf("onbekend veld %q van een afspraak", field)
	}
	value, err := checkText(value)
	if err != nil {
		return err
	}
	err = d.tx(func(tx conn) error {
		var sessionID int64
		if err := tx.QueryRow(`UPDATE agreements SET `+string(field)+` = ? WHERE id = ? RETURNING session_id`, value, id).Scan(&sessionID); err != nil {
			return err
		}
		_, err := touch(tx, sessionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("afspraak opslaan: %w", err)
	}
	return nil
}

// DeleteAgreement removes a row of the action plan.
func (d *DB) DeleteAgreement(id int64) error {
	err := d.tx(func(tx conn) error {
		var sessionID int64
		if err := tx.QueryRow(`DELETE FROM agreements WHERE id = ? RETURNING session_id`, id).Scan(&sessionID); err != nil {
			return err
		}
		_, err := touch(tx, sessionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("afspraak weghalen: %w", err)
	}
	return nil
}

func (d *DB) agreements(sessionID int64) ([]cards.Agreement, error) {
	rows, err := d.db().Query(`SELECT id, who, what, due FROM agreements WHERE session_id = ? ORDER BY position`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("afspraken lezen: %w", err)
	}
	defer rows.Close()
	var out []cards.Agreement
	for rows.Next() {
		var a cards.Agreement
		if err := rows.Scan(&a.ID, &a.Who, &a.What, &a.Due); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
