package storage

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
)

// What the professional sets on their own laptop: their name and phone on
// the client's plan, and a PIN to leave the client view instead of holding
// the gear. The PIN is stored salted and hashed, never as typed.

const (
	settingProfName  = "klantmanager"
	settingProfPhone = "klantmanager_telefoon"
	settingBackPIN   = "terug_pin" // 16 bytes of salt, then SHA-256 of salt and PIN
)

// Professional returns the professional's name and phone for the plan;
// empty until set.
func (d *DB) Professional() (name, phone string, err error) {
	n, err := d.setting(settingProfName)
	if err != nil {
		return "", "", err
	}
	p, err := d.setting(settingProfPhone)
	return string(n), string(p), err
}

// SetProfessional stores the professional's name and phone for the plan.
func (d *DB) SetProfessional(name, phone string) error {
	return d.setSettings(map[string][]byte{settingProfName: []byte(name), settingProfPhone: []byte(phone)})
}

// SetBackPIN sets the PIN that leaves the client view; "" goes back to
// holding the gear.
func (d *DB) SetBackPIN(pin string) error {
	if pin == "" {
		return d.setSettings(map[string][]byte{settingBackPIN: nil})
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	sum := sha256.Sum256(append(append([]byte{}, salt...), pin...))
	return d.setSettings(map[string][]byte{settingBackPIN: append(salt, sum[:]...)})
}

// HasBackPIN reports whether leaving the client view asks for a PIN.
func (d *DB) HasBackPIN() (bool, error) {
	v, err := d.setting(settingBackPIN)
	return len(v) == 16+sha256.Size, err
}

// CheckBackPIN reports whether pin is the PIN that was set.
func (d *DB) CheckBackPIN(pin string) (bool, error) {
	v, err := d.setting(settingBackPIN)
	if err != nil || len(v) != 16+sha256.Size {
		return false, err
	}
	sum := sha256.Sum256(append(append([]byte{}, v[:16]...), pin...))
	return subtle.ConstantTimeCompare(sum[:], v[16:]) == 1, nil
}
