package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"modernc.org/sqlite"
)

// ErrDiskFull is a write that found the disk full.
var ErrDiskFull = errors.New("de schijf is vol. Wat je typte staat nog op het scherm, maar is niet opgeslagen. Maak ruimte vrij op de schijf; de app probeert het steeds opnieuw")

// ErrNoAccess is a file or folder this user may not read or write.
var ErrNoAccess = errors.New("je hebt geen toegang tot dit bestand of deze map. Vraag de beheerder om toegang, of kies met --data een eigen map")

// Result codes of SQLite that say what the user can do something about.
const (
	sqlitePerm     = 3
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// errDamaged is a database page that cannot be read.
var errDamaged = fmt.Errorf("%w: de database is beschadigd. Het bestand is niet veranderd. Zet een reservekopie terug.", ErrNotDatabase)

// describe replaces an error from SQLite or the operating system that the
// user can act on by one that says so in Dutch; others pass unchanged.
func describe(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqliteFull:
			return ErrDiskFull
		case sqlitePerm, sqliteReadOnly, sqliteCantOpen:
			return ErrNoAccess
		case sqliteCorrupt, sqliteNotADB:
			return errDamaged
		}
	}
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return ErrDiskFull
	case errors.Is(err, fs.ErrPermission):
		return ErrNoAccess
	}
	return err
}
