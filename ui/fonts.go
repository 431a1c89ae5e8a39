package ui

import (
	"sync"
	"unicode"

	"fyne.io/fyne/v2"

	"github.com/samenbeslissen/samenbeslissen/assets"
)

// Fyne draws a letter its bundled Noto Sans lacks with whatever font the
// operating system has, and a municipality's laptop may have none for
// Arabic, Farsi or Tigrinya. So the client view carries the Noto fonts of
// those scripts itself (assets/fonts, OFL); Latin letters and digits in
// them still come from Fyne's Noto Sans, and Cyrillic is in it too.

// scriptFamily is a script's font family and the letters it is drawn for.
// Only those: for Latin letters, digits and brackets it would leave the
// choice to Fyne's fallback, which takes a font of the operating system in
// regular weight, on a baseline of its own.
type scriptFamily struct {
	name    string
	letters *unicode.RangeTable
}

// scriptFonts names the font of the languages that need one of their own.
var scriptFonts = map[string]scriptFamily{
	"ar": {"NotoSansArabic", unicode.Arabic}, "fa": {"NotoSansArabic", unicode.Arabic},
	"ti": {"NotoSansEthiopic", unicode.Ethiopic},
}

// scriptLetters are the letters a language's own font draws; nil when it
// has none (scriptFont is nil).
func scriptLetters(lang string) *unicode.RangeTable { return scriptFonts[lang].letters }

var fontCache sync.Map // file name → fyne.Resource

// scriptFont returns the font a language's text is drawn in, bold or not;
// nil means the theme's own.
func scriptFont(lang string, bold bool) fyne.Resource {
	family, ok := scriptFonts[lang]
	if !ok {
		return nil
	}
	name := family.name + "-Regular"
	if bold {
		name = family.name + "-Bold"
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
