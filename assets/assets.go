// Package assets embeds the files Samen Beslissen ships with: the built-in
// catalogue of instruments, the pictograms (our own SVG drawings) and the
// app icon.
package assets

import (
	"embed"
	"io/fs"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

//go:embed catalogus.toml
var catalogue []byte

//go:embed pictograms/*.svg
var pictograms embed.FS

//go:embed translations/*.toml
var translations embed.FS

//go:embed languages.toml
var languages []byte

//go:embed fonts/*.ttf
var fonts embed.FS

// Icon is the app icon, 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// CatalogueName is how the built-in catalogue is named in messages.
const CatalogueName = "ingebouwde catalogus (catalogus.toml)"

// FallbackPictogram is shown when a card names a pictogram we do not have.
const FallbackPictogram = "gesprek"

// Catalogue returns the built-in catalogue in the canonical TOML format.
func Catalogue() []byte { return catalogue }

// Pictogram returns the SVG drawing with the given name.
func Pictogram(name string) ([]byte, bool) {
	data, err := pictograms.ReadFile("pictograms/" + name + ".svg")
	return data, err == nil
}

// Font returns an embedded Noto font (OFL, see fonts/OFL.txt) by file name
// without extension, such as "NotoSansArabic-Bold".
func Font(name string) ([]byte, bool) {
	data, err := fonts.ReadFile("fonts/" + name + ".ttf")
	return data, err == nil
}

// CardTranslations returns the card texts in a language ("en", "ar"); a
// language without a file has none, which is not an error.
func CardTranslations(lang string) (cards.Translations, error) {
	data, err := translations.ReadFile("translations/" + lang + ".toml")
	if err != nil {
		return cards.Translations{}, nil
	}
	return cards.ParseTranslations(lang+".toml", data)
}

// TranslationLanguages lists the languages there are card texts for.
func TranslationLanguages() []string { return names(translations, "translations", ".toml") }

// PictogramNames lists the pictograms there are drawings for.
func PictogramNames() []string { return names(pictograms, "pictograms", ".svg") }

// names lists the files of an embedded folder without their extension.
func names(files embed.FS, dir, ext string) []string {
	entries, _ := fs.ReadDir(files, dir)
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = strings.TrimSuffix(e.Name(), ext)
	}
	return out
}

// LanguageStatus is how a language of the client view and the printables
// was made, and whether a native speaker checked it (assets/languages.toml).
type LanguageStatus struct {
	Made    string    `toml:"gemaakt"` // "bron", "ontwikkelteam-ai" or "machine"
	Date    time.Time `toml:"datum"`   // of a machine translation
	Checked bool      `toml:"nagekeken"`
}

// LanguageStatusOf returns the status of a language; one not listed was
// made in an unknown way, which the status says.
func LanguageStatusOf(lang string) LanguageStatus {
	var all map[string]LanguageStatus
	if _, err := toml.Decode(string(languages), &all); err == nil {
		if s, ok := all[lang]; ok {
			return s
		}
	}
	return LanguageStatus{Made: "onbekend"}
}
