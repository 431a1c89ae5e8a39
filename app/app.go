// Package app wires Samen Beslissen together: it finds the storage folder,
// loads the catalogue and the translations, and starts the window or a
// command-line subcommand. It is the only package besides main that imports
// fyne.io/fyne/v2/app, which needs cgo and a display.
package app

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/samenbeslissen/samenbeslissen/app/quiet"
	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
	"github.com/samenbeslissen/samenbeslissen/ui"
)

// ID is the application ID; FyneApp.toml has the same.
const ID = "nl.samenbeslissen.app"

const usage = `Gebruik:
  samenbeslissen [--data MAP] [--db BESTAND|postgres://…] [--taal nl|en]   open de app
  samenbeslissen catalogus controleer BESTAND   controleer een catalogus (.xlsx, .csv, .txt of .toml)
  samenbeslissen catalogus importeer BESTAND    laad een catalogus (.xlsx, .csv, .txt of .toml);
                                                de app gebruikt hem vanaf nu
  samenbeslissen catalogus exporteer BESTAND    sla de catalogus in gebruik op (.xlsx, .csv of .toml)
  samenbeslissen catalogus ingebouwd            gebruik weer de ingebouwde catalogus
  samenbeslissen catalogus vertaling exporteer --taal TAAL BESTAND.xlsx
                                                de teksten van de kaarten om te laten vertalen
  samenbeslissen catalogus vertaling importeer --taal TAAL BESTAND.xlsx
                                                laad de vertaling terug
  samenbeslissen voorbeeld                      maak een voorbeeldcliënt met een ingevuld gesprek
  samenbeslissen plan --sessie ID [--taal nl] [--tweetalig] --uit plan.pdf
                                                het plan van een gesprek, voor de cliënt;
                                                zonder --taal in de taal van de cliënt
  samenbeslissen overzicht (--sessie ID | --kaarten ID,ID) [--leeg] [--taal nl] --uit overzicht.pdf
                                                de keuzes naast elkaar; --leeg om op papier in te vullen;
                                                met --sessie en zonder --taal in de taal van de cliënt
  samenbeslissen kaarten [--taal nl] [--papier a4|a3|letter] [--formaat a6|a7] [--kaarten ID,ID]
                 [--achterkant inhoud|gedeeld] [--afloop=false] [--vouw] [--verschuiving X,Y] [--groep] --uit kaarten.pdf
                                                keuzekaarten om te drukken: voorkant en achterkant;
                                                --groep voegt uitleg, lege kaarten en een werkblad toe
  samenbeslissen gemeente [--naam N] [--contact C] [--telefoon T] [--logo logo.png|logo.jpg]
                                                de gemeente op de afdrukken
  samenbeslissen verslag --sessie ID [--taal nl|en] --uit verslag.pdf
                                                het gespreksverslag voor het dossier, met de notities
  samenbeslissen inzage --client ID --uit inzage.zip
                                                alles van één cliënt (inzage): verslagen, plannen en gegevens.json
  samenbeslissen zelftest                       controleer of alles werkt: database, mappen, catalogus,
                                                vertalingen, lettertypen en afdrukken (verandert niets)
  samenbeslissen versie                         welke versie dit is
  samenbeslissen cijfers [--van 2026-01] [--tot 2026-12] --uit cijfers.xlsx (of .pdf, .json)
                                                anonieme cijfers over het gebruik, voor beleid en kwaliteit;
                                                'samenbeslissen cijfers help' zegt meer
  samenbeslissen team inrichten|medewerker …    de teamdatabase (PostgreSQL), voor de beheerder;
                                                'samenbeslissen team' zegt meer

  --data MAP      map voor de gegevens van de app (standaard: %s)
  --db BESTAND    de database (standaard: samenbeslissen.db in die map), of de
                  teamdatabase van de gemeente: postgres://SERVER/DATABASE?user=LOGIN
  --sessie ID     open dit gesprek meteen
`

// Main runs the app with command-line arguments args (without the program
// name) and returns the exit code.
func Main(args []string) int {
	attachConsole(args)
	return run(args, os.Stdout, os.Stderr)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("samenbeslissen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", defaultDataDir(), "")
	lang := fs.String("taal", "", "") // empty: the language chosen last time
	dbPath := fs.String("db", "", "")
	session := fs.Int64("sessie", 0, "")
	fs.Usage = func() { fmt.Fprintf(stderr, usage, defaultDataDir()) }
	if err := fs.Parse(args); err != nil {
		return 2
	}
	flagSet := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { flagSet[f.Name] = true })
	store := newCatalogueStore(*dataDir)
	exe, _ := os.Executable()
	mun, munErr := loadMunicipal(municipalPaths(runtime.GOOS, filepath.Dir(exe), os.Getenv))
	if *dbPath == "" && mun != nil && mun.Database != "" {
		*dbPath = mun.Database
	}
	if *dbPath == "" {
		*dbPath = filepath.Join(*dataDir, storage.DatabaseFileName)
	}
	rest := fs.Args()
	// These change nothing and need no setup: they answer even when the
	// settings file has a mistake, and leave the shared catalogue alone.
	inspecting := len(rest) > 0 && slices.Contains([]string{"zelftest", "versie", "help", "hulp"}, rest[0])
	if munErr != nil && len(rest) > 0 && !inspecting {
		fmt.Fprintln(stderr, munErr) // nothing runs half set up; the window says it too
		return 1
	}
	if mun != nil && mun.Catalogue != "" && !inspecting {
		store.loadShared(mun.Catalogue) // once per start, before anything reads the catalogue
	}
	switch {
	case len(rest) == 0:
		return runWindow(*dataDir, store, *dbPath, *session, *lang, mun, munErr, stderr)
	case rest[0] == "zelftest":
		return selfTest{dataDir: *dataDir, dbPath: *dbPath, store: store, font: assets.Font, mun: mun, munErr: munErr}.run(stdout)
	case rest[0] == "versie":
		fmt.Fprintf(stdout, "Samen Beslissen %s\n", Version)
		return 0
	case rest[0] == "voorbeeld":
		return runExample(store, *dataDir, *dbPath, flagSet, stdout, stderr)
	case rest[0] == "plan" || rest[0] == "overzicht" || rest[0] == "kaarten" || rest[0] == "gemeente" || rest[0] == "verslag" || rest[0] == "inzage":
		// A command that prints runs for a moment: collecting garbage
		// less often makes it a fifth faster for a few megabytes more,
		// which the system gets back when it ends.
		debug.SetGCPercent(400)
		cat, notice, err := store.current()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if notice != "" {
			fmt.Fprintln(stderr, notice)
		}
		db, err := storage.Open(*dbPath)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer db.Close()
		p := printer{db: db, cat: cat, now: time.Now, mun: mun}
		switch rest[0] {
		case "gemeente":
			return runOrganisation(p, rest[1:], stdout, stderr)
		case "verslag", "inzage":
			return runReport(p, rest[0], rest[1:], stdout, stderr)
		}
		return runPrint(p, rest[0], rest[1:], stdout, stderr)
	case rest[0] == "cijfers":
		cat, _, err := store.current()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return runFigures(*dbPath, cat, mun, rest[1:], time.Now(), stdout, stderr)
	case rest[0] == "team":
		return runTeam(*dataDir, *dbPath, rest[1:], stdout, stderr)
	case rest[0] == "catalogus":
		return runCatalogue(store, rest[1:], stdout, stderr)
	case rest[0] == "help" || rest[0] == "hulp":
		fs.Usage()
		return 0
	default:
		fmt.Fprintf(stderr, "onbekende opdracht %q\n\n", rest[0])
		fs.Usage()
		return 2
	}
}

// defaultDataDir is Fyne's storage root for our app ID (its
// fyne.App.Storage().RootURI()), computed here as Fyne 2.8 does, so that
// the command line, which starts no window, uses the same folder.
func defaultDataDir() string {
	home, _ := os.UserHomeDir()
	config, err := os.UserConfigDir()
	if err != nil {
		config = filepath.Join(home, ".config")
	}
	return dataDirFor(runtime.GOOS, os.Getenv, home, config)
}

// dataDirFor is the default data folder on a system. On Windows it is in
// %LOCALAPPDATA%, never in the roaming %APPDATA% that a municipality may
// keep on a network share, where SQLite is not safe.
func dataDirFor(goos string, getenv func(string) string, home, config string) string {
	switch goos {
	case "windows":
		local := getenv("LOCALAPPDATA")
		if local == "" {
			local = filepath.Join(home, "AppData", "Local")
		}
		return filepath.Join(local, "SamenBeslissen")
	case "darwin":
		return filepath.Join(home, "Library", "Preferences", "fyne", ID)
	}
	return filepath.Join(config, "fyne", ID)
}

// windowStart is what the window needs from disk: taken and opened before
// Fyne starts, so that a copy that may not start has touched nothing.
type windowStart struct {
	release func() error // the lock on the database
	db      *storage.DB
	outbox  *storage.Outbox // a team database's edits that wait for the server; nil on a laptop
	cat     *cards.Catalogue
	notice  string
}

// startWindow takes the lock that allows one window app per database, then
// loads the catalogue and opens the database. When another copy holds the
// lock, the error wraps storage.ErrAlreadyOpen and the database is not
// opened. On any error nothing stays open or locked. With a team database
// the lock is on the storage folder, where this laptop keeps what it has
// not sent yet; the server's backups are its administrator's.
func startWindow(store catalogueStore, dbPath string) (*windowStart, error) {
	lockPath, backups := dbPath, storage.BackupsOf(dbPath)
	if storage.IsTeamURL(dbPath) {
		lockPath = filepath.Join(store.dataDir, teamLockName)
	}
	release, err := storage.Lock(lockPath)
	if err != nil {
		return nil, err
	}
	cat, notice, err := store.current()
	if err != nil {
		release()
		return nil, err
	}
	db, err := storage.OpenWith(dbPath, storage.Options{Backups: &backups})
	if err != nil {
		release()
		return nil, err
	}
	start := &windowStart{release: release, db: db, cat: cat, notice: notice}
	if db.Team() != nil {
		if start.outbox, err = storage.OpenOutbox(filepath.Join(store.dataDir, storage.OutboxFileName)); err != nil {
			db.Close()
			release()
			return nil, err
		}
	}
	return start, nil
}

// close closes the database and the outbox, then lets go of the lock.
func (s *windowStart) close() error {
	err := s.db.Close()
	if s.outbox != nil {
		if oerr := s.outbox.Close(); err == nil {
			err = oerr
		}
	}
	if rerr := s.release(); err == nil {
		err = rerr
	}
	return err
}

// runWindow opens the app's window. The lock, the catalogue and the
// database come first, before Fyne starts: when one fails, such as another
// copy holding the lock, the window says why and the exit code is 1; a
// damaged database is moved aside and the latest backup offered. What Fyne
// remembers (preferences) is kept in dataDir.
func runWindow(dataDir string, store catalogueStore, dbPath string, session int64, lang string, mun *municipal, munErr error, stderr io.Writer) int {
	quiet.Restore() // the toolkit's own messages help when a window misbehaves
	var start *windowStart
	startErr := munErr // a settings file with a mistake: the window says so, and nothing more
	if startErr == nil {
		start, startErr = startWindow(store, dbPath)
	}

	a := fyneapp.NewWithID(ID)
	prefs, err := loadPreferences(preferencesPath(dataDir), func(err error) { fmt.Fprintln(stderr, err) })
	if err != nil {
		fmt.Fprintln(stderr, err) // the app starts with default preferences
	}
	a.SetCloudProvider(dataFolder{prefs})
	defer func() {
		if err := prefs.Flush(); err != nil {
			fmt.Fprintln(stderr, err)
		}
	}()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(ui.Theme())
	w := a.NewWindow("Samen Beslissen")
	wa := &windowApp{w: w, store: store, dbPath: dbPath, lang: lang, stderr: stderr, mun: mun}
	if startErr == nil {
		startErr = wa.open(start, session)
	}
	if startErr != nil {
		fmt.Fprintln(stderr, startErr)
		if !wa.offerRecovery(startErr, session) {
			ui.ShowStartError(w, startErr)
			w.ShowAndRun()
			return 1
		}
	}
	w.ShowAndRun()
	if err := wa.close(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
