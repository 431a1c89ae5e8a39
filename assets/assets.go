// Package assets embeds the files Samen Beslissen ships with: the built-in
// catalogue of instruments, the pictograms (our own SVG drawings) and the
// app icon.
package assets

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed catalogus.toml
var catalogue []byte

//go:embed pictograms/*.svg
var pictograms embed.FS

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

// PictogramNames lists the pictograms there are drawings for.
func PictogramNames() []string {
	entries, _ := fs.ReadDir(pictograms, "pictograms")
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = strings.TrimSuffix(e.Name(), ".svg")
	}
	return names
}
