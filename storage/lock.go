package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// ErrAlreadyOpen is returned by Lock when another copy of the app holds the
// lock on the same database.
var ErrAlreadyOpen = errors.New("Samen Beslissen is al geopend met deze gegevens. Gebruik het venster dat al open is, of sluit het eerst.")

// errLocked is what lockFile returns when the lock is held elsewhere.
var errLocked = errors.New("locked by another open file")

// LockFileName returns the lock file for the database at dbPath: next to
// it, so that two copies given the same --db are caught as well.
func LockFileName(dbPath string) string { return dbPath + ".lock" }

// held keeps the locked files reachable: a file that the garbage collector
// closed would drop its lock without a word.
var held sync.Map // *os.File → struct{}

// Lock takes the lock that allows one copy of the window app per database.
// It is an operating-system lock on a file next to the database (flock on
// Unix, LockFileEx on Windows), so it lasts until release is called or the
// process ends in whatever way: a crash never leaves a stale lock. The lock
// file itself stays; it is empty and harmless.
//
// When another process, or another Lock in this process, holds the lock,
// Lock returns an error that wraps ErrAlreadyOpen and whose message is
// exactly ErrAlreadyOpen's, for the user; it creates nothing but the
// folder and the lock file, and touches no database.
func Lock(dbPath string) (release func() error, err error) {
	path := LockFileName(dbPath)
	if real, err := filepath.EvalSymlinks(dbPath); err == nil {
		path = LockFileName(real) // a link to the database takes the same lock
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("map voor de database maken: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("slot op de database %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, alreadyOpenError{path}
		}
		return nil, fmt.Errorf("slot op de database %s: %w", path, err)
	}
	held.Store(f, struct{}{})
	var once sync.Once
	return func() error {
		err := errors.New("slot al vrijgegeven: " + path)
		once.Do(func() {
			held.Delete(f)
			err = unlockFile(f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				err = fmt.Errorf("slot op de database %s vrijgeven: %w", path, err)
			}
		})
		return err
	}, nil
}

// alreadyOpenError is ErrAlreadyOpen with the lock file that refused, for
// whoever needs to know which one; its message is ErrAlreadyOpen's alone.
type alreadyOpenError struct{ path string }

func (e alreadyOpenError) Error() string { return ErrAlreadyOpen.Error() }
func (e alreadyOpenError) Unwrap() error { return ErrAlreadyOpen }
