package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// cliText speaks the command line's messages: Dutch, with plurals as go-i18n
// gives them ("1 instrument", "2 instrumenten").
var cliText, _ = locales.New(locales.Source.String())

// catalogueStore is the catalogue in use: the one the municipality loaded,
// kept in the storage folder, or else the built-in one.
type catalogueStore struct {
	file         storage.CatalogueFile
	translations storage.Translations // the municipality's own, of its own cards
	dataDir      string
	sharedNotice string // what loading the settings file's shared catalogue at start had to say
}

func newCatalogueStore(dataDir string) catalogueStore {
	return catalogueStore{file: storage.NewCatalogueFile(dataDir), translations: storage.NewTranslations(dataDir), dataDir: dataDir}
}

// CardTexts returns the cards' texts in a language: the app's own
// translations of the built-in cards, and over them the municipality's of
// its own cards where every text of a card is translated and current.
func (s catalogueStore) CardTexts(lang string, cs []cards.Card) (cards.Translations, error) {
	out, err := assets.CardTranslations(lang)
	if err != nil {
		return nil, err
	}
	known, err := s.translations.Load(lang)
	return out.With(cs, known), err
}

// builtIn parses the embedded catalogue; its tests keep it valid.
func builtIn() (*cards.Catalogue, error) {
	cs, err := cards.ParseTOML(assets.CatalogueName, assets.Catalogue())
	if err != nil {
		return nil, fmt.Errorf("ingebouwde catalogus laden: %w", err)
	}
	return cards.NewCatalogue(cs), nil
}

// current returns the catalogue in use. When the stored one cannot be read,
// it falls back to the built-in one, leaves the file alone and says so in
// notice.
func (s catalogueStore) current() (cat *cards.Catalogue, notice string, err error) {
	if s.sharedNotice != "" {
		defer func() { notice = strings.TrimSpace(s.sharedNotice + "\n\n" + notice) }()
	}
	cs, found, err := s.file.Load()
	if found && err == nil {
		return cards.NewCatalogue(cs), "", nil
	}
	if found {
		notice = fmt.Sprintf("De catalogus van de gemeente kan niet gelezen worden. De app gebruikt nu de ingebouwde catalogus. "+
			"Het bestand %s is niet veranderd. Laad de catalogus opnieuw via Catalogus.\n\n%v", s.file.Path, err)
	}
	cat, err = builtIn()
	return cat, notice, err
}

// loadShared loads the shared catalogue at path into the store, once at
// start, and keeps what the professional should be told.
func (s *catalogueStore) loadShared(path string) {
	s.sharedNotice = newSharedCatalogue(path, *s, s.dataDir).update()
}

// Keep stores cs as the catalogue in use.
func (s catalogueStore) Keep(cs []cards.Card) error { return s.file.Save(cs) }

// Forget goes back to the built-in catalogue.
func (s catalogueStore) Forget() (*cards.Catalogue, error) {
	if err := s.file.Remove(); err != nil {
		return nil, err
	}
	return builtIn()
}

// runCatalogue runs "catalogus controleer|importeer|exporteer|ingebouwd".
func runCatalogue(s catalogueStore, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "ingebouwd" && args[0] != "vertaling" && len(args) != 2 {
		fmt.Fprintf(stderr, usage, defaultDataDir())
		return 2
	}
	switch args[0] {
	case "controleer":
		cs, code := readCatalogueFile(args[1], stdout, stderr)
		if cs == nil {
			return code
		}
		fmt.Fprintln(stdout, cliText.N("cli.catalogue.ok", len(cs), map[string]any{"File": filepath.Base(args[1])}))
		s.reportTranslations(cs, stdout)
		if notices := cards.CheckReadability(cs); len(notices) > 0 {
			fmt.Fprintf(stdout, "\nDeze teksten zijn niet eenvoudig genoeg voor cliënten (taalniveau B1: leesbaarheid minstens %d, zinnen van hoogstens %d woorden):\n", cards.MinReadability, cards.MaxSentenceWords)
			for _, n := range notices {
				fmt.Fprintln(stdout, "- "+n.String())
			}
		}
		return 0
	case "importeer":
		cs, code := readCatalogueFile(args[1], stdout, stderr)
		if cs == nil {
			return code
		}
		if err := s.Keep(cs); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintln(stdout, cliText.N("cli.catalogue.loaded", len(cs)))
		return 0
	case "exporteer":
		cat, notice, err := s.current()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if notice != "" {
			fmt.Fprintln(stderr, notice)
		}
		var buf bytes.Buffer
		err = cards.WriteFile(args[1], &buf, cat.Cards())
		if err == nil {
			err = storage.WriteExport(args[1], buf.Bytes(), storage.ModeShared)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintln(stdout, cliText.N("cli.catalogue.saved", cat.Len(), map[string]any{"File": args[1]}))
		return 0
	case "vertaling":
		return s.runTranslation(args[1:], stdout, stderr)
	case "ingebouwd":
		if _, err := s.Forget(); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintln(stdout, "De app gebruikt weer de ingebouwde catalogus.")
		return 0
	}
	fmt.Fprintf(stderr, "onbekende opdracht \"catalogus %s\"\n\n", args[0])
	fmt.Fprintf(stderr, usage, defaultDataDir())
	return 2
}

// readCatalogueFile reads and validates a catalogue file, printing every
// problem, and what the user should know of how it was read. It returns nil
// cards and an exit code when the file is not valid.
func readCatalogueFile(path string, stdout, stderr io.Writer) ([]cards.Card, int) {
	data, err := readUserFile(path, cards.MaxFileSize, "een catalogus")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, 1
	}
	cs, notes, err := cards.ParseFile(filepath.Base(path), data)
	if err != nil {
		if probs := (cards.Problems{}); errors.As(err, &probs) {
			fmt.Fprintln(stderr, cliText.N("cli.catalogue.problems", len(probs), map[string]any{"File": filepath.Base(path)}))
		}
		fmt.Fprintln(stderr, err)
		return nil, 1
	}
	for _, n := range notes {
		fmt.Fprintln(stdout, n)
	}
	return cs, 0
}

// readUserFile reads a file the user named, at most limit bytes long, or
// says in Dutch what is wrong with the name. what names the file in the
// message about its size: "een catalogus".
func readUserFile(path string, limit int64, what string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s bestaat niet. Kijk of de naam en de map goed zijn.", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s mag niet gelezen worden. Vraag toegang, of kopieer het bestand naar een eigen map.", path)
	case err != nil:
		return nil, fmt.Errorf("%s kan niet gelezen worden. Kijk of de naam en de map goed zijn.", path)
	case info.IsDir():
		return nil, fmt.Errorf("%s is een map, geen bestand. Noem het bestand in die map.", path)
	case info.Size() > limit:
		return nil, fmt.Errorf("%s is %.1f MB; %s mag hoogstens %d MB zijn.", path, float64(info.Size())/(1<<20), what, limit>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s kan niet gelezen worden. Probeer het opnieuw, of kopieer het bestand naar een eigen map.", path)
	}
	return data, nil
}
