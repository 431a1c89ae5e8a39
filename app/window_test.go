package app

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/storage"
)

// snapshot reads every file under dir, by path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// A second window app on the same database is refused before Fyne starts,
// in Dutch, and leaves the data folder byte for byte as it was.
func TestStartWindow_RefusedWhileLocked(t *testing.T) {
	data := t.TempDir()
	if code, _, stderr := cli(t, data, "voorbeeld"); code != 0 {
		t.Fatal(stderr)
	}
	dbPath := filepath.Join(data, storage.DatabaseFileName)
	release, err := storage.Lock(dbPath) // the first copy
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, data)

	start, err := startWindow(newCatalogueStore(data), dbPath)
	if !errors.Is(err, storage.ErrAlreadyOpen) {
		if start != nil {
			start.close()
		}
		t.Fatalf("startWindow while another copy holds the lock: %v", err)
	}
	if err.Error() != "Samen Beslissen is al geopend met deze gegevens. Gebruik het venster dat al open is, of sluit het eerst." {
		t.Errorf("message = %q", err)
	}
	if after := snapshot(t, data); !maps.Equal(before, after) {
		t.Errorf("the refused copy changed the data folder:\nbefore %v\nafter  %v", keys(before), keys(after))
	}

	// Once the first copy is gone, the window starts and holds the lock.
	if err := release(); err != nil {
		t.Fatal(err)
	}
	start, err = startWindow(newCatalogueStore(data), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := storage.Lock(dbPath); !errors.Is(err, storage.ErrAlreadyOpen) {
		if r != nil {
			r()
		}
		t.Errorf("a started window does not hold the lock: %v", err)
	}
	if c, err := start.db.ListClients(context.Background(), "", 10); err != nil || len(c) != 1 {
		t.Errorf("clients = %v, %v", c, err)
	}
	if err := start.close(); err != nil {
		t.Fatal(err)
	}
	if r, err := storage.Lock(dbPath); err != nil {
		t.Errorf("the lock outlives close: %v", err)
	} else {
		r()
	}
}

// Command-line subcommands take no lock: they work while the window is open.
func TestSubcommandsWhileWindowOpen(t *testing.T) {
	data := t.TempDir()
	dbPath := filepath.Join(data, storage.DatabaseFileName)
	release, err := storage.Lock(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if code, _, stderr := cli(t, data, "voorbeeld"); code != 0 {
		t.Fatalf("voorbeeld while the window is open: %s", stderr)
	}
	if code, _, stderr := cli(t, data, "plan", "--sessie", "1", "--uit", filepath.Join(t.TempDir(), "plan.pdf")); code != 0 {
		t.Fatalf("plan while the window is open: %s", stderr)
	}
}

// An error in starting lets go of the lock.
func TestStartWindow_ErrorReleasesLock(t *testing.T) {
	data := t.TempDir()
	dbPath := filepath.Join(data, storage.DatabaseFileName)
	if err := os.WriteFile(dbPath, []byte("geen database, maar wel lang genoeg om als kop gelezen te worden........"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := startWindow(newCatalogueStore(data), dbPath); !errors.Is(err, storage.ErrNotDatabase) {
		t.Fatalf("startWindow on a file that is no database: %v", err)
	}
	r, err := storage.Lock(dbPath)
	if err != nil {
		t.Fatalf("the failed start kept the lock: %v", err)
	}
	r()
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, filepath.Base(k))
	}
	return ks
}
