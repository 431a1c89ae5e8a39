package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// BackupFolder keeps backups of the database: whole, consistent copies
// made with VACUUM INTO while the app runs, each written under a temporary
// name and then renamed, so that a folder on a network share is fine too.
// The newest Keep are kept.
type BackupFolder struct {
	Dir  string
	Keep int
}

// Backup is one backup file.
type Backup struct {
	Path string
	Time time.Time
	Size int64
}

const (
	backupPrefix = "samenbeslissen-"
	backupStamp  = "20060102-150405.000"
	backupSuffix = ".db"
)

// DefaultBackupKeep is how many backups are kept unless set otherwise.
const DefaultBackupKeep = 10

// Make writes a backup of d, named for now, and removes the oldest beyond
// Keep.
func (b BackupFolder) Make(d *DB, now time.Time) (Backup, error) {
	if d.engine != engineSQLite {
		return Backup{}, errors.New("een teamdatabase heeft geen reservekopieën van de app; die maakt de beheerder van de server")
	}
	if err := os.MkdirAll(b.Dir, 0o700); err != nil {
		return Backup{}, fmt.Errorf("map voor reservekopieën %s: %w", b.Dir, describe(err))
	}
	final := filepath.Join(b.Dir, backupPrefix+now.Format(backupStamp)+backupSuffix)
	// A half-written backup that a crash left behind holds personal data
	// too; one older than an hour is no backup being written now.
	if leftovers, _ := filepath.Glob(filepath.Join(b.Dir, backupPrefix+"*.tmp")); len(leftovers) > 0 {
		for _, f := range leftovers {
			if info, err := os.Stat(f); err == nil && now.Sub(info.ModTime()) > time.Hour {
				os.Remove(f)
			}
		}
	}
	// VACUUM INTO needs a file that does not exist yet; two backups in the
	// same second (the daily one and one asked for) each get their own.
	tmp := fmt.Sprintf("%s.%d.tmp", final, rand.Int64())
	if _, err := d.sql.Exec("VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return Backup{}, fmt.Errorf("reservekopie maken in %s: %w", b.Dir, describe(err))
	}
	if err := syncAndRename(tmp, final); err != nil {
		os.Remove(tmp)
		return Backup{}, fmt.Errorf("reservekopie maken in %s: %w", b.Dir, describe(err))
	}
	all, err := b.List()
	if err != nil {
		return Backup{}, err
	}
	for _, old := range all[min(len(all), max(1, b.Keep)):] {
		os.Remove(old.Path)
	}
	info, err := os.Stat(final)
	if err != nil {
		return Backup{}, err
	}
	return Backup{Path: final, Time: now, Size: info.Size()}, nil
}

// syncAndRename makes a finished file durable, private and visible under
// its final name.
func syncAndRename(tmp, final string) error {
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, final)
}

// List returns the backups, newest first.
func (b BackupFolder) List() ([]Backup, error) {
	entries, err := os.ReadDir(b.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("map voor reservekopieën %s lezen: %w", b.Dir, describe(err))
	}
	var out []Backup
	for _, e := range entries {
		stamp, prefixed := strings.CutPrefix(e.Name(), backupPrefix)
		stamp, suffixed := strings.CutSuffix(stamp, backupSuffix)
		if !prefixed || !suffixed {
			continue
		}
		t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(b.Dir, e.Name()), Time: t, Size: info.Size()})
	}
	slices.SortFunc(out, func(a, b Backup) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// MakeIfOld makes a backup when the newest is older than a day, or there
// is none, and reports whether it did.
func (b BackupFolder) MakeIfOld(d *DB, now time.Time) (bool, error) {
	all, err := b.List()
	if err != nil {
		return false, err
	}
	if len(all) > 0 && now.Sub(all[0].Time) < 24*time.Hour {
		return false, nil
	}
	_, err = b.Make(d, now)
	return err == nil, err
}

// Restore puts a backup in the place of the database at dbPath, which must
// be closed. The current file, if any, is kept aside under a name that
// says when and why, and that name is returned. The backup itself is
// checked first and left as it is.
func Restore(dbPath string, backup Backup, now time.Time) (aside string, err error) {
	if err := checkExisting(backup.Path); err != nil {
		return "", fmt.Errorf("reservekopie %s: %w", filepath.Base(backup.Path), err)
	}
	aside, err = MoveAside(dbPath, "vervangen", now)
	if err != nil {
		return "", err
	}
	tmp := dbPath + ".terugzetten"
	if err := copyFile(backup.Path, tmp); err != nil {
		os.Remove(tmp)
		return aside, fmt.Errorf("reservekopie terugzetten: %w", describe(err))
	}
	if err := syncAndRename(tmp, dbPath); err != nil {
		os.Remove(tmp)
		return aside, fmt.Errorf("reservekopie terugzetten: %w", describe(err))
	}
	return aside, nil
}

// MoveAside renames the database at dbPath, with its write-ahead log, to
// a name that ends in why and when ("samenbeslissen.db.beschadigd-20261202-101500.123"),
// so that nothing is overwritten or deleted. It returns the new name of
// the database file, or "" when there was none.
func MoveAside(dbPath, why string, now time.Time) (string, error) {
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	aside := dbPath + "." + why + "-" + now.Format(backupStamp)
	for _, ext := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(dbPath+ext, aside+ext); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%s opzij zetten: %w", filepath.Base(dbPath+ext), describe(err))
		}
	}
	return aside, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// eraseFromBackups deletes a client from every backup, overwriting what
// was theirs and rewriting each file without free pages. It returns the
// backups it could not change, which still hold the client.
func (b BackupFolder) eraseFromBackups(clientID int64) []Backup {
	all, err := b.List()
	if err != nil {
		return nil
	}
	var failed []Backup
	for _, bk := range all {
		if err := eraseFromFile(bk.Path, clientID); err != nil {
			failed = append(failed, bk)
		}
	}
	return failed
}

func eraseFromFile(path string, clientID int64) error {
	q := url.Values{"_pragma": {"foreign_keys(1)", "secure_delete(1)", "journal_mode(MEMORY)"}}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(`DELETE FROM clients WHERE id = ?`, clientID); err != nil {
		return err
	}
	_, err = db.Exec("VACUUM")
	return err
}

// backupConfig is where the backups of a database go and how many are
// kept. It lives in a small file next to the database, not in it, so that
// the backups can be found when the database itself cannot be read.
type backupConfig struct {
	Dir  string `json:"map"`
	Keep int    `json:"aantal"`
}

func backupConfigPath(dbPath string) string { return dbPath + ".reservekopieen.json" }

// BackupsOf returns the backup folder of the database at dbPath: as set,
// or else the folder "reservekopieën" next to it, keeping DefaultBackupKeep.
func BackupsOf(dbPath string) BackupFolder {
	b := BackupFolder{Dir: filepath.Join(filepath.Dir(dbPath), "reservekopieën"), Keep: DefaultBackupKeep}
	data, err := os.ReadFile(backupConfigPath(dbPath))
	if err != nil {
		return b
	}
	var c backupConfig
	if json.Unmarshal(data, &c) == nil {
		if c.Dir != "" {
			b.Dir = c.Dir
		}
		if c.Keep > 0 {
			b.Keep = c.Keep
		}
	}
	return b
}

// SetBackupsOf sets where the backups of the database at dbPath go and how
// many are kept.
func SetBackupsOf(dbPath string, b BackupFolder) error {
	if b.Keep < 1 {
		return errors.New("bewaar minstens 1 reservekopie")
	}
	if err := os.MkdirAll(b.Dir, 0o700); err != nil {
		return fmt.Errorf("map voor reservekopieën %s: %w", b.Dir, describe(err))
	}
	data, _ := json.MarshalIndent(backupConfig{Dir: b.Dir, Keep: b.Keep}, "", "  ")
	return WriteFileAtomic(backupConfigPath(dbPath), data)
}
