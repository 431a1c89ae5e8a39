package app

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// clientLanguages are the languages of the client view besides Dutch.
func clientLanguages() []string {
	var out []string
	for _, t := range locales.Languages() {
		if l := t.String(); l != locales.Source.String() {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// reportTranslations lists, per client language, how many texts of the
// cards have no translation or an out-of-date one.
func (s catalogueStore) reportTranslations(cs []cards.Card, stdout io.Writer) {
	var lines []string
	for _, lang := range clientLanguages() {
		known, err := s.translations.Load(lang)
		if err != nil {
			lines = append(lines, fmt.Sprintf("- %s: %v", lang, err))
			continue
		}
		texts, err := s.CardTexts(lang, cs)
		if err != nil {
			continue
		}
		missing, outdated := 0, 0
		for _, r := range cards.TranslationSheet(cs, known) {
			if _, built := texts[r.ID]; built && r.Status != cards.StatusOutdated {
				continue // the app's own translation of a built-in card
			}
			switch r.Status {
			case cards.StatusMissing:
				missing++
			case cards.StatusOutdated:
				outdated++
			}
		}
		if missing+outdated > 0 {
			lines = append(lines, fmt.Sprintf("- %s: %s, %s", lang, cliText.N("cli.texts.missing", missing), cliText.N("cli.texts.outdated", outdated)))
		}
	}
	if len(lines) > 0 {
		fmt.Fprintln(stdout, "\nVertalingen (maak een vertaalbestand met: samenbeslissen catalogus vertaling exporteer --taal TAAL BESTAND.xlsx):")
		for _, l := range lines {
			fmt.Fprintln(stdout, l)
		}
	}
}

// runTranslation runs "catalogus vertaling exporteer|importeer --taal TAAL BESTAND.xlsx".
func (s catalogueStore) runTranslation(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "exporteer" && args[0] != "importeer" {
		fmt.Fprintln(stderr, "gebruik: samenbeslissen catalogus vertaling exporteer|importeer --taal TAAL BESTAND.xlsx")
		return 2
	}
	fs := flag.NewFlagSet("vertaling", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage, defaultDataDir()) } // every command, in Dutch
	lang := fs.String("taal", "", "")
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() != 1 || *lang == "" {
		fmt.Fprintln(stderr, "gebruik: samenbeslissen catalogus vertaling exporteer|importeer --taal TAAL BESTAND.xlsx")
		return 2
	}
	if !slices.Contains(clientLanguages(), *lang) {
		fmt.Fprintf(stderr, "de taal %q kent de app niet; kies uit %v\n", *lang, clientLanguages())
		return 2
	}
	path := fs.Arg(0)
	if args[0] == "exporteer" {
		data, n, err := s.TranslationSheet(*lang)
		if err == nil {
			err = storage.WriteExport(path, data, storage.ModeShared)
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		fmt.Fprintln(stdout, cliText.N("cli.translation.saved", n, map[string]any{"Lang": *lang, "File": path}))
		return 0
	}
	data, err := readUserFile(path, cards.MaxSheetSize, "een vertaling")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	current, err := s.ImportTranslation(*lang, filepath.Base(path), data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintln(stdout, cliText.N("cli.translation.loaded", current, map[string]any{"Lang": *lang}))
	return 0
}

// TranslationSheet returns the translation sheet of a language for the
// catalogue in use, as a workbook, and how many texts it lists.
func (s catalogueStore) TranslationSheet(lang string) ([]byte, int, error) {
	cat, _, err := s.current()
	if err != nil {
		return nil, 0, err
	}
	return s.translations.Sheet(lang, cat.Cards())
}

// ImportTranslation keeps what a filled-in translation sheet adds to the
// catalogue in use (see storage.Translations.Import).
func (s catalogueStore) ImportTranslation(lang, name string, data []byte) (int, error) {
	cat, _, err := s.current()
	if err != nil {
		return 0, err
	}
	return s.translations.Import(lang, name, data, cat.Cards())
}
