// Package storage keeps what Samen Beslissen stores on this computer, in
// the app's storage folder: for now the municipality's catalogue. Every
// write is atomic, so a crash leaves the old file or the new one, never half.
package storage

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path through a temporary file in the same
// folder that is synced and then renamed over path.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("map %s maken: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
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
