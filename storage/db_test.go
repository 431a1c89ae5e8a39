package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

func openTest(t testing.TB) *DB {
	t.Helper()
	d, err := Open(filepath.Join(t.TempDir(), DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestOpen_NewDatabase(t *testing.T) {
	d := openTest(t)
	if v := userVersion(t, d.Path()); v != SchemaVersion() || v < 3 {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion())
	}
	var mode string
	var fk, sync, timeout int
	d.sql.QueryRow("PRAGMA journal_mode").Scan(&mode)
	d.sql.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	d.sql.QueryRow("PRAGMA synchronous").Scan(&sync)
	d.sql.QueryRow("PRAGMA busy_timeout").Scan(&timeout)
	if mode != "wal" || fk != 1 || sync != 2 || timeout != 5000 {
		t.Errorf("journal_mode=%s foreign_keys=%d synchronous=%d busy_timeout=%d", mode, fk, sync, timeout)
	}
	if res, err := d.IntegrityCheck(); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
}

// TestOpen_MigratesEveryOlderVersion makes a database at each older schema
// version, with a client and a session in it, and opens it with the app.
func TestOpen_MigratesEveryOlderVersion(t *testing.T) {
	all := migrations(engineSQLite)
	for n := 1; n < len(all); n++ {
		t.Run(all[n-1].name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), DatabaseFileName)
			db, err := sql.Open("sqlite", dsn(path, false))
			if err != nil {
				t.Fatal(err)
			}
			old := &DB{sql: db, path: path}
			if err := old.migrate(all[:n], nil); err != nil {
				t.Fatal(err)
			}
			mustExec(t, db, `INSERT INTO clients (id, name, search, created_at, last_activity) VALUES (7, 'Aïcha B.', 'aicha b.', 1, 1)`)
			mustExec(t, db, `INSERT INTO sessions (id, client_id, started_at, updated_at) VALUES (3, 7, 1, 1)`)
			mustExec(t, db, `INSERT INTO session_values (session_id, key, value) VALUES (3, 'doel', 'Werk in de zorg')`)
			mustExec(t, db, `INSERT INTO session_values (session_id, key, value) VALUES (3, 'besluit', 'werkfit')`)
			db.Close()
			if v := userVersion(t, path); v != all[n-1].version {
				t.Fatalf("old database at version %d, want %d", v, all[n-1].version)
			}

			d, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			if v := userVersion(t, path); v != SchemaVersion() {
				t.Errorf("after Open: version %d, want %d", v, SchemaVersion())
			}
			s, err := d.Session(3)
			if err != nil || s.Goal != "Werk in de zorg" || s.ClientID != 7 {
				t.Errorf("session after migration: %+v, %v", s, err)
			}
			if _, err := d.AddAgreement(3); err != nil {
				t.Errorf("new table unusable after migration: %v", err)
			}
			// The figures count what was there before they were kept.
			month := cards.MonthOf(time.UnixMilli(1))
			if f, err := d.Figures(month, month, nil); err != nil || f.Instruments["werkfit"].Chosen != 1 {
				t.Errorf("figures after migration: %+v, %v", f, err)
			}
		})
	}
}

func mustExec(t *testing.T, db *sql.DB, q string) {
	t.Helper()
	if _, err := db.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func TestOpen_RefusesNewerDatabase(t *testing.T) {
	d := openTest(t)
	path := d.Path()
	mustExec(t, d.sql, "PRAGMA user_version = 999")
	d.Close()
	before, _ := os.ReadFile(path)

	_, err := Open(path)
	if !errors.Is(err, ErrTooNew) || !strings.Contains(err.Error(), "Installeer de nieuwste versie") {
		t.Fatalf("Open(newer) = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the newer database was changed")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("a %s file appeared next to the refused database", side)
		}
	}
}

func TestOpen_RefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	// A real database whose pages after the first are overwritten.
	d := openTest(t)
	c, _ := d.CreateClient("A", "")
	s, _ := d.CreateSession(c.ID)
	d.SetValue(s.ID, "doel", strings.Repeat("x", 20000))
	d.Close()
	broken, _ := os.ReadFile(d.Path())
	for i := 4096; i < len(broken); i++ {
		broken[i] = byte(i * 7)
	}
	tests := map[string][]byte{
		"broken pages": broken,
		"text":         []byte("Dit is een boodschappenlijst.\n"),
		"truncated":    []byte("SQLite forma"),
		"damaged":      append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xFF}, 4000)...),
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".db")
			os.WriteFile(path, content, 0o600)
			_, err := Open(path)
			if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "Het bestand is niet veranderd") {
				t.Fatalf("Open = %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, content) {
				t.Error("the file was changed")
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Error("a WAL file was made next to it")
			}
		})
	}
}

// TestOpenWith_ReadOnly: a report opens the database only to read it.
// Nothing is written to a current database, a damaged one gets the Dutch
// message when its pages are read, and an older one is brought up to date
// as usual first.
func TestOpenWith_ReadOnly(t *testing.T) {
	month := cards.MonthOf(time.Now())
	sound := openTest(t)
	c, _ := sound.CreateClient("A", "")
	s, _ := sound.CreateSession(c.ID)
	sound.SetValue(s.ID, cards.KeyDecision, "werkfit")
	sound.SetValue(s.ID, cards.KeyGoal, strings.Repeat("x", 20000))
	sound.Close()
	good, _ := os.ReadFile(sound.Path())

	t.Run("current", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), DatabaseFileName)
		os.WriteFile(path, good, 0o600)
		d, err := OpenWith(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		f, err := d.Figures(month, month, nil)
		if err != nil || f.Instruments["werkfit"].Chosen != 1 {
			t.Errorf("figures: %+v, %v", f, err)
		}
		if err := d.SetValue(s.ID, cards.KeyGoal, "ander doel"); err == nil {
			t.Error("a read-only database took a write")
		}
		d.Close()
		if after, _ := os.ReadFile(path); !bytes.Equal(after, good) {
			t.Error("the file was changed")
		}
	})
	t.Run("damaged pages", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), DatabaseFileName)
		broken := bytes.Clone(good)
		for i := 4096; i < len(broken); i++ {
			broken[i] = byte(i * 7)
		}
		os.WriteFile(path, broken, 0o600)
		d, err := OpenWith(path, Options{ReadOnly: true})
		if err == nil {
			_, err = d.Figures(month, month, nil)
			d.Close()
		}
		if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), "beschadigd") {
			t.Errorf("figures of a damaged database: %v", err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, broken) {
			t.Error("the file was changed")
		}
	})
	t.Run("older", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), DatabaseFileName)
		db, err := sql.Open("sqlite", dsn(path, false))
		if err != nil {
			t.Fatal(err)
		}
		all := migrations(engineSQLite)
		if err := (&DB{sql: db, path: path}).migrate(all[:len(all)-1], nil); err != nil {
			t.Fatal(err)
		}
		db.Close()
		d, err := OpenWith(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if v := userVersion(t, path); v != SchemaVersion() {
			t.Errorf("version %d, want %d", v, SchemaVersion())
		}
	})
}

// TestOpen_Permissions: the database is this user's only, and so is the
// app's data folder; a folder that merely holds a database named with
// --db keeps its permissions.
func TestOpen_Permissions(t *testing.T) {
	tests := []struct {
		name       string
		file       string
		folderMode os.FileMode
	}{
		{"the app's data folder", DatabaseFileName, 0o700},
		{"a folder holding a named database", "team.db", 0o755},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "map")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			os.Chmod(dir, 0o755) // whatever the umask
			d, err := Open(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			d.Close()
			if info, _ := os.Stat(dir); info.Mode().Perm() != tc.folderMode {
				t.Errorf("folder mode %v, want %v", info.Mode().Perm(), tc.folderMode)
			}
			if info, _ := os.Stat(filepath.Join(dir, tc.file)); info.Mode().Perm() != 0o600 {
				t.Errorf("file mode %v, want 0600", info.Mode().Perm())
			}
		})
	}
}
