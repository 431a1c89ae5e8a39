package ui

import (
	"bytes"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/font"

	"github.com/samenbeslissen/samenbeslissen/assets"
)

// Fyne draws a letter its bundled Noto Sans lacks with whatever font the
// operating system has, and a municipality's laptop may have none for
// Arabic, Farsi or Tigrinya. So the client view carries the Noto fonts of
// those scripts itself (assets/fonts, OFL); Latin letters and digits in
// them still come from Fyne's Noto Sans, and Cyrillic is in it too.

// scriptFonts names the font of the languages that need one of their own.
var scriptFonts = map[string]string{"ar": "NotoSansArabic", "fa": "NotoSansArabic", "ti": "NotoSansEthiopic"}

var fontCache sync.Map // file name → fyne.Resource

// scriptFont returns the font a language's text is drawn in, bold or not;
// nil means the theme's own.
func scriptFont(lang string, bold bool) fyne.Resource {
	family, ok := scriptFonts[lang]
	if !ok {
		return nil
	}
	name := family + "-Regular"
	if bold {
		name = family + "-Bold"
	}
	if r, ok := fontCache.Load(name); ok {
		return r.(fyne.Resource)
	}
	data, ok := assets.Font(name)
	if !ok {
		return nil
	}
	r := fyne.NewStaticResource(name+".ttf", data)
	fontCache.Store(name, r)
	return r
}

var faceCache sync.Map // font name → *font.Face, or nil when unreadable

// fontHas reports whether a font of ours (scriptFont) has a glyph for r.
// Only such characters are drawn in it: for the others Fyne would fall back
// to a font of the operating system, in regular weight and on a baseline of
// its own.
func fontHas(res fyne.Resource, r rune) bool {
	f, ok := faceCache.Load(res.Name())
	if !ok {
		face, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			face = nil // drawn with the theme's font instead
		}
		f, _ = faceCache.LoadOrStore(res.Name(), face)
	}
	face := f.(*font.Face)
	if face == nil {
		return false
	}
	_, has := face.NominalGlyph(r)
	return has
}
