package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Keys of the municipality's settings.
const (
	settingOrgName    = "gemeente"
	settingOrgContact = "contactpersoon"
	settingOrgPhone   = "telefoon"
	settingOrgLogo    = "logo"
)

// Organisation returns the municipality as the printables name it; empty
// until it is set.
func (d *DB) Organisation() (cards.Organisation, error) {
	var o cards.Organisation
	rows, err := d.db().Query(`SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?)`, settingOrgName, settingOrgContact, settingOrgPhone, settingOrgLogo)
	if err != nil {
		return o, fmt.Errorf("instellingen lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return o, fmt.Errorf("instellingen lezen: %w", err)
		}
		switch k {
		case settingOrgName:
			o.Name = string(v)
		case settingOrgContact:
			o.Contact = string(v)
		case settingOrgPhone:
			o.Phone = string(v)
		case settingOrgLogo:
			o.Logo = v
		}
	}
	return o, rows.Err()
}

// SetOrganisation stores the municipality's name, contact and logo.
func (d *DB) SetOrganisation(o cards.Organisation) error {
	return d.setSettings(map[string][]byte{
		settingOrgName: []byte(o.Name), settingOrgContact: []byte(o.Contact), settingOrgPhone: []byte(o.Phone), settingOrgLogo: append([]byte{}, o.Logo...),
	})
}

// Retention is how long the app keeps what it holds about clients.
type Retention struct {
	// Months after a client's last conversation that they are listed for
	// review and erasure; never erased automatically.
	Months int
	// PrintDays is how long printed PDFs stay in the storage folder.
	PrintDays int
}

// DefaultRetention is 24 months after the last conversation, and printed
// files for 7 days.
var DefaultRetention = Retention{Months: 24, PrintDays: 7}

const (
	settingRetentionMonths = "bewaartermijn-maanden"
	settingPrintDays       = "afdrukken-dagen"
)

// Retention returns the retention periods, the defaults where not set.
func (d *DB) Retention() (Retention, error) {
	r := DefaultRetention
	for key, dst := range map[string]*int{settingRetentionMonths: &r.Months, settingPrintDays: &r.PrintDays} {
		v, err := d.setting(key)
		if err != nil {
			return r, err
		}
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
			*dst = n
		}
	}
	return r, nil
}

// SetRetention stores the retention periods; each must be at least 1.
func (d *DB) SetRetention(r Retention) error {
	if r.Months < 1 || r.PrintDays < 1 {
		return errors.New("een bewaartermijn is minstens 1")
	}
	return d.setSettings(map[string][]byte{
		settingRetentionMonths: []byte(strconv.Itoa(r.Months)), settingPrintDays: []byte(strconv.Itoa(r.PrintDays)),
	})
}

// LanguageChecked returns when the municipality marked a language as
// checked by a native speaker; the zero time when it did not.
func (d *DB) LanguageChecked(lang string) (time.Time, error) {
	v, err := d.setting("taal-nagekeken-" + lang)
	if err != nil {
		return time.Time{}, err
	}
	t, _ := time.Parse(time.DateOnly, string(v))
	return t, nil
}

// SetLanguageChecked marks a language as checked on a day, or, with the
// zero time, no longer.
func (d *DB) SetLanguageChecked(lang string, on time.Time) error {
	var v []byte
	if !on.IsZero() {
		v = []byte(on.Format(time.DateOnly))
	}
	return d.setSettings(map[string][]byte{"taal-nagekeken-" + lang: v})
}

// setting reads one setting; nil when it is not set.
func (d *DB) setting(key string) ([]byte, error) {
	var v []byte
	err := d.db().QueryRow(`SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("instellingen lezen: %w", d.describe(err))
	}
	return v, nil
}

// setSettings stores settings in one transaction; a nil value stores an
// empty one.
func (d *DB) setSettings(kv map[string][]byte) error {
	err := d.tx(func(tx conn) error {
		for k, v := range kv {
			if v == nil {
				v = []byte{}
			}
			// In a team database each professional has settings of their
			// own, keyed by owner too.
			target := "(key)"
			if d.engine == enginePostgres {
				target = "(owner, key)"
			}
			if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT `+target+` DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("instellingen opslaan: %w", err)
	}
	return nil
}
