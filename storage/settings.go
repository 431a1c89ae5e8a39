package storage

import (
	"database/sql"
	"fmt"

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
	rows, err := d.sql.Query(`SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?)`, settingOrgName, settingOrgContact, settingOrgPhone, settingOrgLogo)
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
	err := d.tx(func(tx *sql.Tx) error {
		for k, v := range map[string][]byte{
			settingOrgName: []byte(o.Name), settingOrgContact: []byte(o.Contact), settingOrgPhone: []byte(o.Phone), settingOrgLogo: append([]byte{}, o.Logo...),
		} {
			if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
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
