package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
	"github.com/samenbeslissen/samenbeslissen/ui"
)

// A municipality's IT department places one settings file, gemeente.toml,
// on every laptop: next to the program, or in the machine-wide folder of
// the system (municipalPaths). It fixes the municipality on the printables,
// the default client language, and a shared catalogue that the app loads at
// every start, keeping the last good copy when the shared file has
// problems.

// MunicipalFileName is the name of the settings file.
const MunicipalFileName = "gemeente.toml"

// municipal is what the settings file fixes.
type municipal struct {
	Path      string // the file it came from
	Org       cards.Organisation
	Language  string // the default client language; "" for Dutch
	Catalogue string // a catalogue file (.xlsx, .csv, .toml), often on a share
	Database  string // the team's PostgreSQL database, a postgres:// URL
	// FiguresMinimum is the smallest count the figures show, above
	// cards.MinCount if the municipality wants; it cannot be lower.
	FiguresMinimum int
}

// municipalFile is the settings file's fields, in Dutch as IT writes them.
type municipalFile struct {
	Naam      string `toml:"naam"`
	Contact   string `toml:"contact"`
	Telefoon  string `toml:"telefoon"`
	Logo      string `toml:"logo"`
	Taal      string `toml:"taal"`
	Catalogus string `toml:"catalogus"`
	Kleur     string `toml:"kleur"`
	Database  string `toml:"database"`
	Cijfers   int    `toml:"cijfers_minimum"`
}

// municipalPaths are where the settings file is looked for, first found
// first: next to the program, then the system's folder for all users.
func municipalPaths(goos, exeDir string, getenv func(string) string) []string {
	paths := []string{filepath.Join(exeDir, MunicipalFileName)}
	switch goos {
	case "windows":
		if pd := getenv("PROGRAMDATA"); pd != "" {
			paths = append(paths, filepath.Join(pd, "SamenBeslissen", MunicipalFileName))
		}
	case "darwin":
		paths = append(paths, filepath.Join("/Library", "Application Support", "SamenBeslissen", MunicipalFileName))
	default:
		paths = append(paths, filepath.Join("/etc", "samenbeslissen", MunicipalFileName))
	}
	return paths
}

// loadMunicipal reads the first settings file of paths; nil when there is
// none. A file with a mistake is an error that names it: the app does not
// start half set up.
func loadMunicipal(paths []string) (*municipal, error) {
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("instellingen van de gemeente %s lezen: %w", p, err)
		}
		return parseMunicipal(p, data)
	}
	return nil, nil
}

func parseMunicipal(path string, data []byte) (*municipal, error) {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("instellingen van de gemeente in %s: %s. Vraag de ICT-afdeling dit te verbeteren", path, fmt.Sprintf(format, a...))
	}
	var f municipalFile
	md, err := toml.Decode(string(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))), &f)
	if err != nil {
		return nil, fail("het bestand is geen geldige TOML (%v)", err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return nil, fail("onbekende instelling %q; bekend zijn naam, contact, telefoon, logo, kleur, taal, catalogus, database en cijfers_minimum", un[0].String())
	}
	m := &municipal{Path: path, Org: cards.Organisation{Name: f.Naam, Contact: f.Contact, Phone: f.Telefoon}, Catalogue: f.Catalogus}
	relative := func(p string) string {
		if p == "" || filepath.IsAbs(p) || strings.HasPrefix(p, `\\`) {
			return p
		}
		return filepath.Join(filepath.Dir(path), p)
	}
	m.Catalogue = relative(m.Catalogue)
	if f.Database != "" {
		if !storage.IsTeamURL(f.Database) {
			return nil, fail("database %q is geen adres van een teamdatabase; dat begint met postgres://", f.Database)
		}
		if u, err := url.Parse(f.Database); err != nil || u.User.String() != u.User.Username() || u.Query().Has("password") {
			return nil, fail("zet geen wachtwoord in het adres van de database; gebruik een wachtwoordbestand (PGPASSFILE) of de aanmelding van de gemeente")
		}
		m.Database = f.Database
	}
	if f.Logo != "" {
		logo, err := os.ReadFile(relative(f.Logo))
		if err != nil {
			return nil, fail("het logo %s kan niet gelezen worden", relative(f.Logo))
		}
		if err := checkLogo(logo); err != nil {
			return nil, fail("het logo %s: %v", relative(f.Logo), err)
		}
		m.Org.Logo = logo
	}
	if f.Kleur != "" {
		c, ok := cards.ParseRGB(f.Kleur)
		if !ok {
			return nil, fail("kleur %q is geen kleur als \"#1F5FAF\"", f.Kleur)
		}
		if c.ContrastWithWhite() < 4.5 {
			return nil, fail("kleur %s is te licht voor witte letters (contrast %.1f, nodig 4,5); kies een donkerder kleur", f.Kleur, c.ContrastWithWhite())
		}
		m.Org.Colour = &c
	}
	if f.Cijfers != 0 {
		if f.Cijfers < cards.MinCount {
			return nil, fail("cijfers_minimum %d is te laag: kleine aantallen worden altijd verborgen onder de %d; alleen hoger kan", f.Cijfers, cards.MinCount)
		}
		m.FiguresMinimum = f.Cijfers
	}
	if f.Taal != "" {
		if !slices.Contains(ui.ClientLanguages, f.Taal) {
			return nil, fail("taal %q ken ik niet; kies uit %s", f.Taal, strings.Join(ui.ClientLanguages, ", "))
		}
		m.Language = f.Taal
	}
	return m, nil
}

// checkLogo accepts a PNG or JPEG, as the printables draw it.
func checkLogo(data []byte) error {
	if bytes.HasPrefix(data, []byte("\x89PNG")) || bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")) {
		return nil
	}
	return errors.New("alleen PNG of JPEG")
}

// sharedCatalogue is the municipality's catalogue on a share. It is loaded
// at each start after checking it; the copy the app keeps (the catalogue
// store's file) is the last good one, used when the shared file has
// problems, which the professional is told once per version of the file.
type sharedCatalogue struct {
	path  string
	store catalogueStore
	seen  string // where the last refused version is remembered
}

func newSharedCatalogue(path string, store catalogueStore, dataDir string) sharedCatalogue {
	return sharedCatalogue{path: path, store: store, seen: filepath.Join(dataDir, "gedeelde-catalogus.json")}
}

// refused is the version of the shared file that was refused last.
type refused struct {
	Path    string `json:"pad"`
	Size    int64  `json:"grootte"`
	ModTime string `json:"gewijzigd"`
}

// update loads the shared catalogue into the store when it is good, and
// otherwise returns what to tell the professional ("" when they were told
// about this version before).
func (s sharedCatalogue) update() (notice string) {
	data, err := readUserFile(s.path, cards.MaxFileSize, "een catalogus")
	if err == nil {
		var cs []cards.Card
		if cs, _, err = cards.ParseFile(filepath.Base(s.path), data); err == nil {
			if err = s.store.Keep(cs); err == nil {
				os.Remove(s.seen)
				return ""
			}
		}
	}
	now := refused{Path: s.path}
	if info, statErr := os.Stat(s.path); statErr == nil {
		now.Size, now.ModTime = info.Size(), info.ModTime().UTC().Format("2006-01-02T15:04:05.000000000")
	}
	var before refused
	if data, readErr := os.ReadFile(s.seen); readErr == nil && json.Unmarshal(data, &before) == nil && before == now {
		return ""
	}
	if data, jsonErr := json.Marshal(now); jsonErr == nil {
		storage.WriteFileAtomic(s.seen, data)
	}
	return fmt.Sprintf("De gedeelde catalogus %s kan niet geladen worden. De app gebruikt de vorige goede catalogus. "+
		"Vraag de ICT-afdeling het bestand te verbeteren.\n\n%v", s.path, err)
}
