package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
	"github.com/samenbeslissen/samenbeslissen/ui"
)

// windowApp is the window with what is open in it. It can start again on
// another database file, after a backup was put back.
type windowApp struct {
	w      fyne.Window
	store  catalogueStore
	dbPath string
	lang   string
	stderr io.Writer

	start *windowStart
	saver *storage.Saver
	main  *ui.Main       // what the window shows, once open
	mun   *municipal     // what the municipality's settings file fixes, if any
	busy  sync.WaitGroup // the day's backup, which close waits for
}

// printsDir is where the window's printables go: afdrukken/ next to the
// database, or in the storage folder with a team database.
func (wa *windowApp) printsDir() string {
	if storage.IsTeamURL(wa.dbPath) {
		return filepath.Join(wa.store.dataDir, "afdrukken")
	}
	return filepath.Join(filepath.Dir(wa.dbPath), "afdrukken")
}

// open fills the window from what startWindow opened, and does the day's
// housekeeping: a backup when the last is older than a day, and printed
// files past their time removed.
func (wa *windowApp) open(start *windowStart, session int64) error {
	wa.start = start
	db := start.db
	newSaver := func(onSaved func(pending bool, err error), onChanged func(int64, []cards.Change, []cards.Change)) ui.Saver {
		wa.saver = storage.NewSaver(db, onSaved)
		wa.saver.OnChanged(onChanged)
		if start.outbox != nil {
			wa.saver.UseOutbox(start.outbox)
		}
		return wa.saver
	}
	prn := printer{db: db, cat: start.cat, now: time.Now, files: wa.printsDir(), mun: wa.mun}
	m, err := ui.NewMain(wa.w, start.cat, wa.store, db, newSaver, prn, wa.lang)
	if err != nil {
		return err
	}
	wa.main = m
	if !db.NoClients() { // else nothing to keep, erase or back up
		m.SetPrivacy(privacy{wa: wa, db: db})
	}
	if !db.NoClients() || db.CountsTeam() {
		m.SetFigures(figuresScreen{prn})
	}
	if db.Team() != nil {
		m.SetTeam(db)
	}
	m.SetSettings(prn)
	m.SetOpener(openFile)
	m.FollowFocus()
	if wa.mun != nil && wa.mun.Language != "" {
		m.SetDefaultClientLanguage(wa.mun.Language)
	}
	m.SetSelfTest(func() (string, bool) {
		var report strings.Builder
		st := selfTest{dataDir: wa.store.dataDir, dbPath: wa.dbPath, store: wa.store, font: assets.Font, mun: wa.mun}
		ok := st.run(&report) == 0
		return report.String(), ok
	})
	m.ShowNotice(start.notice)
	if r, err := db.Retention(); err == nil {
		removePrints(wa.printsDir(), time.Now().AddDate(0, 0, -r.PrintDays))
	}
	if db.Team() == nil {
		wa.busy.Add(1)
		go func() {
			defer wa.busy.Done()
			backups := storage.BackupsOf(wa.dbPath)
			if _, err := backups.MakeIfOld(db, time.Now()); err != nil {
				fyne.Do(func() { m.ShowNotice(err.Error()) })
			}
		}()
	}
	if session != 0 {
		m.OpenSession(session)
	}
	return nil
}

// close writes what the saver holds, then closes the database and lets go
// of the lock.
func (wa *windowApp) close() error {
	if wa.start == nil {
		return nil
	}
	wa.busy.Wait()
	var err error
	if wa.saver != nil {
		// Work kept in the outbox while the server is out of reach is
		// safe: it goes at the next start.
		if err = wa.saver.Close(); errors.Is(err, storage.ErrKeptOffline) {
			err = nil
		}
	}
	if cerr := wa.start.close(); err == nil {
		err = cerr
	}
	wa.start, wa.saver = nil, nil
	return err
}

// reopen starts the window again on the database file as it is now.
func (wa *windowApp) reopen() error {
	start, err := startWindow(wa.store, wa.dbPath)
	if err != nil {
		return err
	}
	return wa.open(start, 0)
}

// offerRecovery shows, for a database that is damaged or no database, what
// happened and the way back: the latest backup, or else an empty database;
// the damaged file is moved aside either way, never overwritten or
// deleted. It reports false for other errors, which it leaves to the
// caller.
func (wa *windowApp) offerRecovery(startErr error, session int64) bool {
	if !errors.Is(startErr, storage.ErrNotDatabase) {
		return false
	}
	var latest *storage.Backup
	if all, err := storage.BackupsOf(wa.dbPath).List(); err == nil && len(all) > 0 {
		latest = &all[0]
	}
	ui.ShowRecovery(wa.w, startErr, recoveryChoice(latest), func() error {
		now := time.Now()
		var err error
		if latest != nil {
			_, err = storage.Restore(wa.dbPath, *latest, now)
		} else {
			_, err = storage.MoveAside(wa.dbPath, "beschadigd", now)
		}
		if err == nil {
			err = wa.reopen()
		}
		return err
	})
	return true
}

// recoveryChoice says what the way back does, for the button.
func recoveryChoice(latest *storage.Backup) string {
	if latest == nil {
		return "Opzij zetten en beginnen met een lege database"
	}
	return fmt.Sprintf("Reservekopie van %s terugzetten", latest.Time.Format("2-1-2006 15:04"))
}

// removePrints removes printed files made before t: plans and reports of
// clients should not stay on the laptop longer than needed.
func removePrints(dir string, before time.Time) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("afdrukken opruimen: %w", err)
	}
	n := 0
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.IsDir() || !info.ModTime().Before(before) {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n, nil
}

// removeClientPrints removes the printed files of these sessions and the
// client's export: printables are named for their session (plan-12-nl.pdf).
func removeClientPrints(dir string, clientID int64, sessions []int64) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if belongsTo(e.Name(), clientID, sessions) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func belongsTo(name string, clientID int64, sessions []int64) bool {
	if name == fmt.Sprintf("inzage-%d.zip", clientID) {
		return true
	}
	parts := strings.Split(name, "-")
	for _, s := range sessions {
		if len(parts) >= 2 && parts[1] == fmt.Sprint(s) {
			return true
		}
	}
	return false
}

// privacy is what the AVG asks of the app, over the database, its backups
// and the printed files.
type privacy struct {
	wa *windowApp
	db *storage.DB
}

// backups are the laptop database's backups; nil for a team database,
// whose backups are the server administrator's.
func (p privacy) backups() *storage.BackupFolder {
	if p.db.Team() != nil {
		return nil
	}
	b := storage.BackupsOf(p.db.Path())
	return &b
}

// errTeamBackups answers asking for backups of a team database.
var errTeamBackups = errors.New("de teamdatabase heeft geen reservekopieën van de app: die maakt de beheerder van de server")

func (p privacy) EraseClient(id int64) ([]string, error) {
	erased, err := p.db.EraseClient(id, p.backups())
	if err != nil {
		return nil, err
	}
	if err := removeClientPrints(p.wa.printsDir(), id, erased.Sessions); err != nil {
		return nil, fmt.Errorf("afdrukken van de cliënt verwijderen: %w", err)
	}
	var still []string
	for _, b := range erased.StillIn {
		still = append(still, filepath.Base(b.Path))
	}
	return still, nil
}

func (p privacy) ExpiredClients() ([]cards.Client, error) {
	r, err := p.db.Retention()
	if err != nil {
		return nil, err
	}
	return p.db.ClientsSince(time.Now().AddDate(0, -r.Months, 0))
}

func (p privacy) Settings() (ui.PrivacySettings, error) {
	r, err := p.db.Retention()
	s := ui.PrivacySettings{RetentionMonths: r.Months, PrintDays: r.PrintDays}
	if b := p.backups(); b != nil {
		s.BackupDir, s.BackupKeep = b.Dir, b.Keep
	}
	return s, err
}

func (p privacy) SetSettings(s ui.PrivacySettings) error {
	if err := p.db.SetRetention(storage.Retention{Months: s.RetentionMonths, PrintDays: s.PrintDays}); err != nil {
		return err
	}
	if p.db.Team() != nil {
		return nil
	}
	return storage.SetBackupsOf(p.db.Path(), storage.BackupFolder{Dir: s.BackupDir, Keep: s.BackupKeep})
}

func (p privacy) Backups() ([]ui.BackupInfo, error) {
	b := p.backups()
	if b == nil {
		return nil, nil
	}
	all, err := b.List()
	out := make([]ui.BackupInfo, len(all))
	for i, b := range all {
		out[i] = ui.BackupInfo{Name: filepath.Base(b.Path), Time: b.Time}
	}
	return out, err
}

func (p privacy) MakeBackup() error {
	b := p.backups()
	if b == nil {
		return errTeamBackups
	}
	_, err := b.Make(p.db, time.Now())
	return err
}

func (p privacy) CleanPrints() (int, error) { return removePrints(p.wa.printsDir(), time.Now()) }

// Restore puts a backup back: everything is written and closed, the
// current file kept aside, and the window starts again on the backup.
func (p privacy) Restore(name string) (string, error) {
	b := p.backups()
	if b == nil {
		return "", errTeamBackups
	}
	all, err := b.List()
	if err != nil {
		return "", err
	}
	for _, b := range all {
		if filepath.Base(b.Path) != name {
			continue
		}
		if err := p.wa.close(); err != nil {
			return "", err
		}
		aside, err := storage.Restore(p.wa.dbPath, b, time.Now())
		if rerr := p.wa.reopen(); rerr != nil {
			// Nothing is open any more: the window says so instead of
			// showing screens over a closed database.
			ui.ShowStartError(p.wa.w, rerr)
			return "", rerr
		}
		return filepath.Base(aside), err
	}
	return "", fmt.Errorf("reservekopie %s bestaat niet meer", name)
}
