package storage

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations
var migrationFiles embed.FS

// migration is one numbered schema change; the database's user_version is
// the number of the last one applied.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns an engine's embedded migrations in order. Their file
// names start with the version: 0001_clients_sessions.sql. Both engines
// have the same versions; a version one engine does not need is a file
// that does nothing there.
func migrations(e engine) []migration {
	dir := "migrations/" + e.String()
	entries, _ := fs.ReadDir(migrationFiles, dir)
	var ms []migration
	for _, e := range entries {
		prefix, _, _ := strings.Cut(e.Name(), "_")
		n, err := strconv.Atoi(prefix)
		if err != nil {
			continue // access.sql, applied after the migrations
		}
		data, _ := migrationFiles.ReadFile(dir + "/" + e.Name())
		ms = append(ms, migration{version: n, name: e.Name(), sql: string(data)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms
}

// SchemaVersion is the schema version this build of the app writes.
func SchemaVersion() int { ms := migrations(engineSQLite); return ms[len(ms)-1].version }

// DatabaseFileName is the database in the storage folder.
const DatabaseFileName = "samenbeslissen.db"

// DB is the app's database: the laptop's SQLite file, or a team's
// PostgreSQL database.
type DB struct {
	sql    *sql.DB
	engine engine
	path   string // the SQLite file; empty for a team database
	team   *Team  // the team database's connection; nil for SQLite
}

// Errors that Open reports in Dutch, for the user.
var (
	ErrNotDatabase = errors.New("dit bestand is geen database van Samen Beslissen")
	ErrTooNew      = errors.New("deze database is gemaakt door een nieuwere versie van Samen Beslissen")
)

// Open opens (or creates) the database at path and brings its schema up to
// date. A file that is not a SQLite database, or one made by a newer version
// of the app, is refused and left exactly as it is.
func Open(path string) (*DB, error) { return OpenWith(path, Options{}) }

// Options are what OpenWith does besides opening.
type Options struct {
	// Backups, when set, receives a backup of the database before its
	// schema is brought up to date.
	Backups *BackupFolder
	// ReadOnly opens a laptop database whose schema is current only to
	// read it, for a report: without the quick check of every page, which
	// is there so that nothing is written into a damaged file; a damaged
	// page read is reported as ErrNotDatabase. A database that is not
	// current yet is opened as usual and brought up to date first.
	ReadOnly bool
}

// OpenWith is Open with options. The database and its write-ahead log are
// readable by this user only, and so is the app's data folder (the folder
// of a samenbeslissen.db). A postgres:// URL opens a team
// database instead (see OpenTeam); it has no backups of ours.
func OpenWith(path string, o Options) (*DB, error) {
	if IsTeamURL(path) {
		return OpenTeam(context.Background(), path)
	}
	if err := refuseNetwork(path); err != nil {
		return nil, err
	}
	if o.ReadOnly {
		if d, err := openToRead(path); d != nil || err != nil {
			return d, err
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("map voor de database maken: %w", describe(err))
	}
	if err := checkExisting(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("database %s openen: %w", path, describe(err))
	}
	d := &DB{sql: db, path: path}
	if err := d.migrate(migrations(engineSQLite), o.Backups); err != nil {
		db.Close()
		return nil, err
	}
	// The app's own data folder is this user's only; a folder that merely
	// holds a database named with --db (a shared folder, /tmp) is not ours
	// to narrow.
	if filepath.Base(path) == DatabaseFileName {
		os.Chmod(dir, 0o700)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		os.Chmod(f, 0o600) // a missing -wal or -shm is fine
	}
	return d, nil
}

// OpenToRead opens a laptop database only to read it, changing nothing:
// nil, nil when there is no such file yet or its schema is not current.
func OpenToRead(path string) (*DB, error) {
	if err := refuseNetwork(path); err != nil {
		return nil, err
	}
	return openToRead(path)
}

// openToRead opens a sound database whose schema is current read-only;
// nil, nil when there is no such file yet or its schema is older.
func openToRead(path string) (*DB, error) {
	if found, err := checkHeader(path); !found || err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("database %s openen: %w", path, describe(err))
	}
	d := &DB{sql: db, path: path}
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s openen: %w", path, d.describe(err))
	}
	if version != SchemaVersion() {
		db.Close()
		if version > SchemaVersion() {
			return nil, tooNew(path, version)
		}
		return nil, nil
	}
	return d, nil
}

// dsn builds a file: URI with the pragmas every connection needs: WAL so
// readers never block the writer, foreign keys, a busy timeout instead of
// "database is locked", synchronous=FULL so a commit survives a crash or
// power cut, and secure_delete so that deleted text is overwritten, not
// left behind in free pages.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	if readOnly {
		q.Set("mode", "ro")
		q.Add("_pragma", "busy_timeout(5000)")
	} else {
		for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(5000)", "synchronous(FULL)", "secure_delete(1)"} {
			q.Add("_pragma", p)
		}
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Check reads the database at path without changing it, as Open does before
// it writes: nil when the file is a sound SQLite database whose schema this
// app knows, or when there is no file yet.
func Check(path string) error {
	if IsTeamURL(path) {
		return CheckTeam(context.Background(), path)
	}
	if err := refuseNetwork(path); err != nil {
		return err
	}
	return checkExisting(path)
}

// checkExisting refuses a file that is not a sound SQLite database, or whose
// schema is newer than ours, before anything could write to it (turning on
// WAL already writes to the file's header). It reads the file as immutable
// when there is no write-ahead log to take into account, so that not even
// a -shm file appears next to a database we refuse.
func checkExisting(path string) error {
	if found, err := checkHeader(path); !found || err != nil {
		return err
	}
	ro := dsn(path, true)
	if wal, err := os.Stat(path + "-wal"); err != nil || wal.Size() == 0 {
		ro += "&immutable=1"
	}
	db, err := sql.Open("sqlite", ro)
	if err != nil {
		return fmt.Errorf("database %s openen: %w", path, describe(err))
	}
	defer db.Close()
	var version int
	var check string
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("%s: %w", path, errDamaged)
	}
	if version > SchemaVersion() {
		return tooNew(path, version)
	}
	// quick_check reads every page: about 0.2 s for 200,000 sessions.
	if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		return fmt.Errorf("%s: %w", path, errDamaged)
	}
	return nil
}

// tooNew refuses a database whose schema version a newer app made.
func tooNew(path string, version int) error {
	return fmt.Errorf("%s: %w (schema %d; deze versie kent tot %d). Het bestand is niet veranderd. Installeer de nieuwste versie van de app.", path, ErrTooNew, version, SchemaVersion())
}

// checkHeader reads the SQLite header of the file at path: found is false
// when there is no file or an empty one (SQLite makes it a database), and a
// file that is not a SQLite database is refused.
func checkHeader(path string) (found bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("database %s openen: %w", path, describe(err))
	}
	head := make([]byte, 100) // the SQLite database header
	n, err := io.ReadFull(f, head)
	f.Close()
	if n == 0 {
		return false, nil
	}
	if err != nil || !validHeader(head) {
		return false, fmt.Errorf("%s: %w. Het bestand is niet veranderd. Kies een ander bestand, of zet een reservekopie terug.", path, ErrNotDatabase)
	}
	return true, nil
}

// validHeader checks the fixed parts of a SQLite header: the magic string,
// a page size that is a power of two from 512 to 65536, and the payload
// fractions 64, 32, 32.
func validHeader(h []byte) bool {
	if !bytes.Equal(h[:len(sqliteHeader)], sqliteHeader) || h[21] != 64 || h[22] != 32 || h[23] != 32 {
		return false
	}
	size := int(binary.BigEndian.Uint16(h[16:18]))
	if size == 1 {
		size = 65536
	}
	return size >= 512 && size&(size-1) == 0
}

// migrate applies every migration newer than the database, each in its own
// transaction together with the new user_version, so a crash leaves the
// database at one version or the next, never in between.
func (d *DB) migrate(ms []migration, backups *BackupFolder) error {
	ctx := context.Background()
	var current int
	if err := d.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("database %s lezen: %w", d.path, describe(err))
	}
	if backups != nil && current > 0 && current < ms[len(ms)-1].version {
		if _, err := backups.Make(d, time.Now()); err != nil {
			return fmt.Errorf("reservekopie voor het bijwerken: %w", err)
		}
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		tx, err := d.sql.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("database bijwerken naar versie %d: %w", m.version, err)
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("database bijwerken met %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return fmt.Errorf("database bijwerken naar versie %d: %w", m.version, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("database bijwerken naar versie %d: %w", m.version, err)
		}
	}
	return nil
}

// Path returns the database file's path; empty for a team database.
func (d *DB) Path() string { return d.path }

// Team returns the team database's connection, nil for the laptop's own
// database.
func (d *DB) Team() *Team { return d.team }

// Close closes the database.
func (d *DB) Close() error { return d.sql.Close() }

// IntegrityCheck runs PRAGMA integrity_check and returns its answer, "ok"
// for a sound database. A team database is the server's to check.
func (d *DB) IntegrityCheck() (string, error) {
	if d.engine == enginePostgres {
		return "ok", nil
	}
	var res string
	err := d.sql.QueryRow("PRAGMA integrity_check").Scan(&res)
	return res, err
}
