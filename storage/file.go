// Package storage keeps what Samen Beslissen stores on this computer, in
// the app's storage folder: the SQLite database of clients and
// conversations, and the municipality's catalogue. Every file it writes is
// written atomically, so a crash leaves the old file or the new one, never
// half.
package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path in the storage folder, which it
// makes when it is missing, readable for this user only.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("map %s maken: %w", dir, err)
	}
	return writeAtomic(path, data, 0o600)
}

// Modes of exported files: a catalogue or a translation sheet is read by
// others as files usually are; personal data (an inzage) by this user only.
const (
	ModeShared  os.FileMode = 0o644
	ModePrivate os.FileMode = 0o600
)

// WriteExport writes a file the user asked for, such as an exported
// catalogue, with mode perm, into a folder that must exist.
func WriteExport(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return fmt.Errorf("de map %s bestaat niet. Kies een map die er al is.", dir)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is een map. Geef een naam voor het bestand in die map.", path)
	}
	err := writeAtomic(path, data, perm)
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("je mag niet schrijven in de map %s. Kies een andere map.", dir)
	}
	return err
}

// writeAtomic writes data to path through a temporary file in the same
// folder that is synced and then renamed over path, so a crash leaves the
// old file or the new one, never half.
func writeAtomic(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // makes the rename itself durable
		d.Close()
	}
	return nil
}
