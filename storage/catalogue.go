package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// CatalogueFileName is the file in the storage folder that holds the
// catalogue the municipality loaded, in the canonical TOML format.
const CatalogueFileName = "catalogus.toml"

// CatalogueFile is the stored catalogue.
type CatalogueFile struct{ Path string }

// NewCatalogueFile returns the catalogue file in storage folder dir.
func NewCatalogueFile(dir string) CatalogueFile {
	return CatalogueFile{Path: filepath.Join(dir, CatalogueFileName)}
}

// Load reads the stored catalogue; found is false when there is none. A
// damaged file is reported and left as it is.
func (f CatalogueFile) Load() (cs []cards.Card, found bool, err error) {
	data, err := os.ReadFile(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, fmt.Errorf("opgeslagen catalogus lezen: %w", err)
	}
	cs, err = cards.ParseTOML(f.Path, oldSingleAge.ReplaceAll(data, []byte(`${1}${2} tot ${2}"`)))
	if err != nil {
		return nil, true, err
	}
	return cs, true, nil
}

// oldSingleAge is how the app kept a single age before a bare number was
// refused (it is what Excel makes of "27+"): "27", which now reads as
// "27 tot 27". This file is the app's own, never a spreadsheet's.
var oldSingleAge = regexp.MustCompile(`(?m)^(\s*leeftijd\s*=\s*")(\d+)"`)

// Save stores cs as the catalogue in use, replacing the previous one only
// once the new one is completely on disk.
func (f CatalogueFile) Save(cs []cards.Card) error {
	var buf bytes.Buffer
	if err := cards.WriteTOML(&buf, cs); err != nil {
		return fmt.Errorf("catalogus opslaan: %w", err)
	}
	if err := WriteFileAtomic(f.Path, buf.Bytes()); err != nil {
		return fmt.Errorf("catalogus opslaan: %w", err)
	}
	return nil
}

// Remove deletes the stored catalogue; there being none is fine.
func (f CatalogueFile) Remove() error {
	if err := os.Remove(f.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("opgeslagen catalogus verwijderen: %w", err)
	}
	return nil
}

// TranslationsDir is the folder in the storage folder that holds the
// municipality's own translations of its cards, one file per language.
const TranslationsDir = "vertalingen"

// Translations are the municipality's translations of its own cards.
type Translations struct{ Dir string }

// NewTranslations returns the translations in storage folder dir.
func NewTranslations(dir string) Translations {
	return Translations{Dir: filepath.Join(dir, TranslationsDir)}
}

func (t Translations) path(lang string) string { return filepath.Join(t.Dir, lang+".toml") }

// Load returns the translations of a language; none is not an error.
func (t Translations) Load(lang string) ([]cards.TextEntry, error) {
	data, err := os.ReadFile(t.path(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("vertaling %s lezen: %w", lang, describe(err))
	}
	return cards.ParseEntries(t.path(lang), data)
}

// Save keeps the translations of a language.
func (t Translations) Save(lang string, es []cards.TextEntry) error {
	var buf bytes.Buffer
	if err := cards.WriteEntries(&buf, es); err != nil {
		return fmt.Errorf("vertaling %s opslaan: %w", lang, err)
	}
	return WriteFileAtomic(t.path(lang), buf.Bytes())
}

// Sheet returns the translation sheet of a language for cards cs, as a
// workbook, and how many texts it lists.
func (t Translations) Sheet(lang string, cs []cards.Card) ([]byte, int, error) {
	known, err := t.Load(lang)
	if err != nil {
		return nil, 0, err
	}
	rows := cards.TranslationSheet(cs, known)
	var buf bytes.Buffer
	err = cards.WriteTranslationSheet(&buf, lang, rows)
	return buf.Bytes(), len(rows), err
}

// Import keeps what a filled-in translation sheet adds, and returns how
// many texts of cards cs are now translated and current; a sheet with
// problems changes nothing.
func (t Translations) Import(lang, name string, data []byte, cs []cards.Card) (int, error) {
	known, err := t.Load(lang)
	if err != nil {
		return 0, err
	}
	imported, err := cards.ParseTranslationSheet(name, data)
	if err != nil {
		return 0, err
	}
	merged := cards.MergeEntries(known, imported)
	if err := t.Save(lang, merged); err != nil {
		return 0, err
	}
	current := 0
	for _, r := range cards.TranslationSheet(cs, merged) {
		if r.Status == cards.StatusCurrent && r.Text != "" {
			current++
		}
	}
	return current, nil
}
