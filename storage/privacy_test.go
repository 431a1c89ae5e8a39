package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// filesHolding returns the files under dir whose raw bytes contain s.
func filesHolding(t *testing.T, dir, s string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(s)) {
			out = append(out, filepath.Base(path))
		}
		return nil
	})
	return out
}

// TestDB_EraseClient writes a unique text into every place a client's
// data goes, makes a backup, erases the client, and finds the text in no
// byte of the database, its log or the backups; another client stays.
func TestDB_EraseClient(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DatabaseFileName)
	backups := BackupFolder{Dir: filepath.Join(dir, "reservekopieën"), Keep: 3}
	d, err := OpenWith(path, Options{Backups: &backups})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	secret := "Zeldzaam-7f3a9c"
	c, _ := d.CreateClient("Cliënt "+secret, "REF-"+secret)
	s, _ := d.CreateSession(c.ID)
	d.SetValues(s.ID, map[string]string{cards.KeyGoal: "Doel " + secret, cards.KeyNote(2): "Notitie " + secret})
	a, _ := d.AddAgreement(s.ID)
	d.SetAgreement(a.ID, cards.AgreementWhat, "Afspraak "+secret)
	card := testCard("eigen-kaart")
	card.Title = "Kaart " + secret
	d.AddOption(s.ID, card)
	follow, _ := d.CreateFollowUp(s.ID)
	keep, _ := d.CreateClient("Blijft", "")
	ks, _ := d.CreateSession(keep.ID)
	d.SetValue(ks.ID, cards.KeyGoal, "Blijft staan")
	if _, err := backups.Make(d, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := filesHolding(t, dir, secret); len(got) == 0 {
		t.Fatal("the test's text is nowhere before the erase: the search cannot fail")
	}

	erased, err := d.EraseClient(c.ID, &backups)
	if err != nil {
		t.Fatal(err)
	}
	if len(erased.Sessions) != 2 || erased.Sessions[0] != s.ID || erased.Sessions[1] != follow.ID || len(erased.StillIn) != 0 {
		t.Errorf("erased %+v", erased)
	}
	if got := filesHolding(t, dir, secret); len(got) > 0 {
		t.Errorf("after the erase the text is still in %v", got)
	}
	if _, err := d.Client(c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the client is still there: %v", err)
	}
	if got, err := d.Session(ks.ID); err != nil || got.Goal != "Blijft staan" {
		t.Errorf("the other client's session: %+v, %v", got, err)
	}
	if _, err := d.EraseClient(c.ID, &backups); !errors.Is(err, ErrNotFound) {
		t.Errorf("erasing twice: %v", err)
	}
}

func TestBackupFolder(t *testing.T) {
	d := openTest(t)
	c, _ := d.CreateClient("Reserve", "")
	b := BackupFolder{Dir: filepath.Join(t.TempDir(), "kopieën"), Keep: 2}
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	for i := range 3 {
		if _, err := b.Make(d, start.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	// A file that only ends like a backup, someone's own copy, is none.
	own := filepath.Join(b.Dir, start.Add(5*time.Hour).Format(backupStamp)+backupSuffix)
	if err := os.WriteFile(own, []byte("eigen kopie"), 0o600); err != nil {
		t.Fatal(err)
	}
	all, err := b.List()
	if err != nil || len(all) != 2 || !all[0].Time.Equal(start.Add(2*time.Hour)) || !all[1].Time.Equal(start.Add(time.Hour)) {
		t.Fatalf("backups %+v, %v; want the newest two, newest first", all, err)
	}
	os.Remove(own)
	if made, err := b.MakeIfOld(d, start.Add(20*time.Hour)); made || err != nil {
		t.Errorf("a backup 18 hours after the last: %v %v", made, err)
	}
	if made, err := b.MakeIfOld(d, start.Add(27*time.Hour)); !made || err != nil {
		t.Errorf("no backup a day after the last: %v %v", made, err)
	}
	all, _ = b.List()
	for _, bk := range all {
		if runtime.GOOS != "windows" {
			if info, _ := os.Stat(bk.Path); info.Mode().Perm() != 0o600 {
				t.Errorf("%s has mode %v", bk.Path, info.Mode().Perm())
			}
		}
		copyDB, err := Open(bk.Path)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := copyDB.Client(c.ID); err != nil || got.Name != "Reserve" {
			t.Errorf("backup %s: %+v %v", bk.Path, got, err)
		}
		copyDB.Close()
	}
}

// TestRestore: a backup, then damage, then the backup put back; the
// damaged file is kept aside, not overwritten.
func TestRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DatabaseFileName)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := d.CreateClient("Voor de schade", "")
	b := BackupsOf(path)
	bk, err := b.Make(d, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	damaged := []byte("SQLite format 3\x00 maar daarna onzin")
	os.WriteFile(path, damaged, 0o600)
	if _, err := Open(path); !errors.Is(err, ErrNotDatabase) {
		t.Fatalf("damaged database opened: %v", err)
	}
	aside, err := Restore(path, bk, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(aside); !bytes.Equal(got, damaged) {
		t.Errorf("the damaged file was not kept aside as it was: %q", got)
	}
	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got, err := d.Client(c.ID); err != nil || got.Name != "Voor de schade" {
		t.Errorf("after the restore: %+v %v", got, err)
	}
}

// TestOpenWith_BackupBeforeMigration: an older database is copied before
// its schema changes.
func TestOpenWith_BackupBeforeMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFileName)
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	all := migrations(engineSQLite)
	if err := (&DB{sql: db, path: path}).migrate(all[:1], nil); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b := BackupsOf(path)
	d, err := OpenWith(path, Options{Backups: &b})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	list, _ := b.List()
	if len(list) != 1 {
		t.Fatalf("%d backups, want 1", len(list))
	}
	if v := userVersion(t, list[0].Path); v != all[0].version {
		t.Errorf("the backup is at version %d, want %d (before the update)", v, all[0].version)
	}
}

// fillDisk makes the database's disk full: it may grow by one page more.
func fillDisk(t *testing.T, d *DB) {
	t.Helper()
	d.sql.SetMaxOpenConns(1) // the page limit below holds per connection
	var pages int
	d.sql.QueryRow(`PRAGMA page_count`).Scan(&pages)
	if _, err := d.sql.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+1)); err != nil {
		t.Fatal(err)
	}
}

// TestSetValue_DiskFull: a full disk is said in plain words, and the value
// can be written once there is room again.
func TestSetValue_DiskFull(t *testing.T) {
	d := openTest(t)
	c, _ := d.CreateClient("Vol", "")
	s, _ := d.CreateSession(c.ID)
	fillDisk(t, d)
	long := strings.Repeat("lange notitie ", 5000)
	err := d.SetValue(s.ID, cards.KeyNote(1), long)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("writing to a full disk: %v", err)
	}
	d.sql.Exec(`PRAGMA max_page_count = 1073741823`)
	if err := d.SetValue(s.ID, cards.KeyNote(1), long); err != nil {
		t.Fatal(err)
	}
}

func TestFileModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix file modes")
	}
	dir := filepath.Join(t.TempDir(), "gegevens")
	os.MkdirAll(dir, 0o755)
	d, err := Open(filepath.Join(dir, DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.CreateClient("Modus", "")
	for path, want := range map[string]fs.FileMode{dir: 0o700, d.Path(): 0o600, d.Path() + "-wal": 0o600, d.Path() + "-shm": 0o600} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v, %v; want %v", filepath.Base(path), info.Mode().Perm(), err, want)
		}
	}
}

func TestDB_ClientsSince(t *testing.T) { eachEngine(t, testDB_ClientsSince) }

func testDB_ClientsSince(t *testing.T, d *DB) {
	old, _ := d.CreateClient("Lang geleden", "")
	d.db().Exec(`UPDATE clients SET last_activity = ? WHERE id = ?`, millis(time.Now().AddDate(-3, 0, 0)), old.ID)
	d.CreateClient("Pas nog", "")
	got, err := d.ClientsSince(time.Now().AddDate(-2, 0, 0))
	if err != nil || len(got) != 1 || got[0].Name != "Lang geleden" {
		t.Errorf("clients past the retention period: %+v, %v", got, err)
	}
}

func TestDB_Retention(t *testing.T) { eachEngine(t, testDB_Retention) }

func testDB_Retention(t *testing.T, d *DB) {
	if r, err := d.Retention(); err != nil || r != DefaultRetention {
		t.Errorf("default %+v, %v", r, err)
	}
	want := Retention{Months: 36, PrintDays: 2}
	if err := d.SetRetention(want); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Retention(); r != want {
		t.Errorf("stored %+v, want %+v", r, want)
	}
	if err := d.SetRetention(Retention{Months: 0, PrintDays: 7}); err == nil {
		t.Error("a retention of 0 months was accepted")
	}
}

// TestOpen_Unreadable: a database this user may not read is said in Dutch
// and left alone.
func TestOpen_Unreadable(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("file modes do not stop this user")
	}
	path := filepath.Join(t.TempDir(), DatabaseFileName)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	os.Chmod(path, 0)
	defer os.Chmod(path, 0o600)
	if _, err := Open(path); !errors.Is(err, ErrNoAccess) {
		t.Errorf("opening an unreadable database: %v", err)
	}
}

// TestSaver_DiskFull: a write to a full disk is reported, the edit stays
// queued, and the saver writes it by itself once there is room, without
// another keystroke.
func TestSaver_DiskFull(t *testing.T) {
	d := openTest(t)
	c, _ := d.CreateClient("Vol", "")
	s, _ := d.CreateSession(c.ID)
	fillDisk(t, d)
	results := make(chan error, 10)
	saver := NewSaver(d, func(_ bool, err error) { results <- err })
	defer saver.Close()
	long := strings.Repeat("getypt op een volle schijf ", 2000)
	saver.Set(s.ID, cards.KeyNote(1), long)
	if err := <-results; !errors.Is(err, ErrDiskFull) {
		t.Fatalf("first write: %v, want the disk to be full", err)
	}
	d.sql.Exec(`PRAGMA max_page_count = 1073741823`) // room again
	for err := range results {
		if err == nil {
			break
		}
	}
	got, err := d.Session(s.ID)
	if err != nil || got.Notes[1] != long {
		t.Errorf("after the retry the note is %d characters (%v)", len(got.Notes[1]), err)
	}
}
