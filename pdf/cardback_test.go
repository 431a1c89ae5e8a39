package pdf

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestWriteDeck_Backs prints every card of the catalogue, and one with
// more points than a back holds, on A7 and A6, in Dutch and Arabic, and reads its back as a client would: each pro
// and con is there whole or not at all, and when something is left out the
// back says "zie de app"; no text but the id and date is smaller than 8 pt;
// the id and the catalogue's date are in the corner; the panels are green
// and red; nothing lies over anything else.
func TestWriteDeck_Backs(t *testing.T) {
	date := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	for _, lang := range []string{"nl", "ar"} {
		for _, format := range []string{"a7", "a6"} {
			all := exampleDeck(t, lang, catalogueSize(t))
			// A card with more points than any back holds.
			many := all.Cards[0]
			many.ID = "veel-punten"
			many.Pros, many.Cons = nil, nil
			numbers := strings.Fields("een twee drie vier vijf zes zeven acht")
			pro, con := "Voordeel %s: je leert veel nieuwe dingen over werk.", "Nadeel %s: het kost je elke week een paar uur."
			if lang == "ar" {
				numbers = strings.Fields("واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية")
				pro, con = "ميزة %s: تتعلم أشياء جديدة كثيرة عن العمل.", "عيب %s: يأخذ منك بضع ساعات كل أسبوع."
			}
			for _, n := range numbers {
				many.Pros = append(many.Pros, fmt.Sprintf(pro, n))
				many.Cons = append(many.Cons, fmt.Sprintf(con, n))
			}
			// One card to a sheet of its own size: one PDF, read back at once,
			// each card's back on the page after its front.
			dk := all
			dk.Cards = append(all.Cards, many)
			dk.Format, dk.Paper, dk.Bleed, dk.CatalogueDate = Formats[format], Formats[format], 0, date
			dk.Org.Name = "Gemeente Voorbeeld aan de Lange Rivier"
			var buf bytes.Buffer
			if err := WriteDeck(&buf, dk); err != nil {
				t.Fatal(err)
			}
			pages := strings.Split(pdfText(t, buf.Bytes()), "\f")
			boxes := pageWords(t, buf.Bytes())
			shortened := 0
			for i, c := range dk.Cards {
				what := lang + " " + format + " " + c.ID
				back := pages[2*i+1]
				if !strings.Contains(squeezed(back), squeezed(dk.Org.Name)) {
					t.Errorf("%s: the foot does not read %q", what, dk.Org.Name)
				}
				if checkBack(t, what, back, c, dk.T("deck.seeapp"), lang) {
					shortened++
				}
				checkBackSizes(t, what, boxes[2*i+1], c.ID)
			}
			checkInsidePages(t, buf.Bytes(), lang+" "+format)
			t.Logf("%s %s: %d of %d backs leave something to the app", lang, format, shortened, len(dk.Cards))
			if format == "a6" && shortened > 1 {
				t.Errorf("%s: %d A6 backs leave something out; an A6 back has room for any card of the catalogue", lang, shortened)
			}
		}
	}
}

// catalogueSize is how many cards the built-in catalogue has.
func catalogueSize(t *testing.T) int {
	cs, err := cards.ParseTOML("catalogus.toml", assets.Catalogue())
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

// bare is text as pdftotext reads it back, comparable in any script:
// squeezed, and of a text with Arabic only its Arabic letters (pdftotext
// moves a Latin word in an Arabic line, and the brackets and commas around
// it, elsewhere in the line).
func bare(s string) string {
	s = squeezed(normalizeArabic(s))
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

// checkBack checks the points of c on its back and reports whether the
// back left some out.
func checkBack(t *testing.T, what, back string, c cards.Card, seeApp, lang string) bool {
	t.Helper()
	page := bare(back)
	has := func(s string) bool {
		if lang != "ar" {
			return strings.Contains(page, bare(s))
		}
		// pdftotext may read a Latin word in an Arabic line, with the
		// word after it, out of order: every Arabic word must be there.
		for _, w := range strings.Fields(s) {
			arabic := strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Arabic, r) })
			if arabic && !strings.Contains(page, bare(w)) {
				return false
			}
		}
		return true
	}
	short := !has(c.WhatYouDo)
	for _, list := range [][]string{c.Pros, c.Cons} {
		shown := 0
		for i, p := range list {
			if has(p) {
				if shown != i {
					t.Errorf("%s: point %q shows after a point left out", what, p)
				}
				shown++
				continue
			}
			// Left out: not even its start is there.
			if words := strings.Fields(p); len(words) >= 3 && has(strings.Join(words[:3], " ")) {
				t.Errorf("%s: point %q is cut", what, p)
			}
			short = true
		}
		if shown == 0 {
			t.Errorf("%s: no point of %q is shown", what, list)
		}
	}
	if short != has(seeApp) {
		t.Errorf("%s: something left out is %v, but %q on the back is %v", what, short, seeApp, has(seeApp))
	}
	if raw := squeezed(back); !strings.Contains(raw, c.ID+"·5-10-2026") {
		t.Errorf("%s: the back lacks the id %q and the catalogue's date", what, c.ID)
	}
	for _, glyph := range []string{"✓", "✗", "+", "–"} {
		if strings.Contains(back, glyph) {
			t.Errorf("%s: the marks are text (%q), not drawn", what, glyph)
		}
	}
	if lang == "nl" && !has("Voordelen") {
		t.Errorf("%s: no Voordelen", what)
	}
	return short
}

var bboxHeight = regexp.MustCompile(`yMin="([-0-9.]+)" xMax="[-0-9.]+" yMax="([-0-9.]+)">([^<]*)</word>`)

// pageWords returns each page's words as pdftotext -bbox gives them.
func pageWords(t *testing.T, data []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, data, 0o600)
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	return strings.Split(string(out), "<page ")[1:]
}

// checkBackSizes fails on a word of a back's page, other than the id and
// date, set smaller than minBackSize: Noto's word boxes are 1.36 times the
// size.
func checkBackSizes(t *testing.T, what, page, id string) {
	t.Helper()
	for _, m := range bboxHeight.FindAllStringSubmatch(page, -1) {
		y0, _ := strconv.ParseFloat(m[1], 64)
		y1, _ := strconv.ParseFloat(m[2], 64)
		word := m[3]
		if strings.Contains(id, word) || strings.Contains("5-10-2026 ·", word) {
			continue
		}
		if size := (y1 - y0) / 1.36; size < minBackSize-0.3 {
			t.Errorf("%s: %q is set at %.1f pt, under %.0f pt", what, word, size, minBackSize)
		}
	}
}

// TestWriteDeck_BackPanels renders a back and finds the green of the pros
// and the red of the cons on it, as the card screen shows them.
func TestWriteDeck_BackPanels(t *testing.T) {
	dk := exampleDeck(t, "nl", 1)
	var buf bytes.Buffer
	if err := WriteDeck(&buf, dk); err != nil {
		t.Fatal(err)
	}
	img := renderPage(t, buf.Bytes(), 2)
	for name, want := range map[string]cards.RGB{"pros": cards.ProColour, "cons": cards.ConColour, "effect": dk.Cards[0].Effect.Level.Colour()} {
		if n := countColour(img, want); n < 200 {
			t.Errorf("the back has %d pixels in the colour of the %s, want a panel's worth", n, name)
		}
	}
}

// renderPage renders one page at 50 dpi with pdftoppm.
func renderPage(t *testing.T, data []byte, page int) image.Image {
	t.Helper()
	return renderAt(t, data, page, 50)
}

// countColour counts the pixels within a little of c.
func countColour(img image.Image, c cards.RGB) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			near := func(v uint32, w uint8) bool { d := int(v>>8) - int(w); return d > -6 && d < 6 }
			if near(r, c[0]) && near(g, c[1]) && near(bl, c[2]) {
				n++
			}
		}
	}
	return n
}

// TestWriteDeck_Copies checks that a deck with each card twice, whose
// faces are drawn once and placed twice, prints the same sheets as a deck
// with each card once, in every way a deck is laid out.
func TestWriteDeck_Copies(t *testing.T) {
	for _, tt := range []struct {
		name     string
		bleed    float64
		foldOver bool
		lang     string
	}{{"bleed", Bleed, false, "nl"}, {"no bleed, turned", 0, false, "nl"}, {"fold-over", Bleed, true, "ar"}} {
		sheet, _ := Layout(Papers["a4"], Formats["a7"], tt.bleed)
		if tt.foldOver {
			sheet, _ = foldOverLayout(Papers["a4"], Formats["a7"], tt.bleed)
		}
		once := exampleDeck(t, tt.lang, len(sheet.Cells)) // one sheet, whose copies follow on the next
		once.Format, once.Bleed, once.FoldOver = Formats["a7"], tt.bleed, tt.foldOver
		twice := once
		twice.Cards = append(append([]cards.Card{}, once.Cards...), once.Cards...)
		var a, b bytes.Buffer
		if err := WriteDeck(&a, once); err != nil {
			t.Fatal(err)
		}
		if err := WriteDeck(&b, twice); err != nil {
			t.Fatal(err)
		}
		for page := 1; page <= pages(t, a.Bytes()); page++ {
			ia, ib := renderPage(t, a.Bytes(), page), renderPage(t, b.Bytes(), page)
			if n := differentPixels(ia, ib); n > 200 {
				t.Errorf("%s: page %d differs in %d pixels between a card drawn in place and placed as a form", tt.name, page, n)
			}
		}
	}
}

// differentPixels counts the pixels that differ by more than antialiasing.
func differentPixels(a, b image.Image) int {
	n := 0
	r := a.Bounds().Intersect(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			d := max(absDiff(r1, r2), absDiff(g1, g2), absDiff(b1, b2)) >> 8
			if d > 60 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
