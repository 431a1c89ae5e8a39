package pdf

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

func exampleDeck(t testing.TB, lang string, n int) Deck {
	t.Helper()
	tr, _ := locales.New(lang)
	cs, err := cards.ParseTOML("catalogus.toml", assets.Catalogue())
	if err != nil {
		t.Fatal(err)
	}
	translations, _ := assets.CardTranslations(lang)
	var out []cards.Card
	for len(out) < n {
		for _, c := range cs {
			if tc, ok := translations.Apply(c); ok {
				c = tc
			}
			if len(out) < n {
				out = append(out, c)
			}
		}
	}
	return Deck{Cards: out, Paper: Papers["a4"], Format: Formats["a6"], Bleed: 0,
		Context: Context{Org: cards.Organisation{Name: "Gemeente Voorbeeld"}, Lang: lang, RTL: lang == "ar", T: tr.T, Date: testDate}}
}

func TestLayout(t *testing.T) {
	tests := []struct {
		paper, format string
		bleed         float64
		perSheet      int
	}{
		{"a4", "a6", 0, 4}, {"a4", "a7", 0, 8}, {"a3", "a6", 0, 8}, {"a3", "a7", 0, 16}, {"letter", "a6", 0, 2}, {"letter", "a7", 0, 6},
		{"a4", "a6", Bleed, 2}, {"a4", "a7", Bleed, 4}, {"a3", "a6", Bleed, 4}, {"a3", "a7", Bleed, 10}, {"letter", "a6", Bleed, 2}, {"letter", "a7", Bleed, 4},
	}
	for _, tt := range tests {
		s, err := Layout(Papers[tt.paper], Formats[tt.format], tt.bleed)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Cells) != tt.perSheet {
			t.Errorf("%s on %s, bleed %.0f: %d per sheet, want %d", tt.format, tt.paper, tt.bleed, len(s.Cells), tt.perSheet)
		}
		b := tt.bleed
		for i, c := range s.Cells {
			if c.X-b < -0.01 || c.Y-b < -0.01 || c.X+c.W+b > s.Paper.W+0.01 || c.Y+c.H+b > s.Paper.H+0.01 {
				t.Errorf("%s on %s: card %v with its bleed is off the paper", tt.format, tt.paper, c)
			}
			for _, o := range s.Cells[i+1:] {
				if c.X-b < o.X+o.W+b-0.01 && o.X-b < c.X+c.W+b-0.01 && c.Y-b < o.Y+o.H+b-0.01 && o.Y-b < c.Y+c.H+b-0.01 && b > 0 {
					t.Errorf("%s on %s: the bleeds of %v and %v overlap", tt.format, tt.paper, c, o)
				}
			}
		}
	}
}

// TestSheet_BackCells checks the duplex mirror: each back is the mirror of
// its front across the sheet's vertical middle, so that after turning the
// sheet over its long edge it lies behind its front.
func TestSheet_BackCells(t *testing.T) {
	s, _ := Layout(Papers["a3"], Formats["a7"], Bleed)
	backs := s.BackCells(Size{})
	for i, f := range s.Cells {
		b := backs[i]
		if math.Abs((f.X+f.W/2)+(b.X+b.W/2)-s.Paper.W) > 0.001 || f.Y != b.Y || f.W != b.W || f.H != b.H {
			t.Errorf("card %d: front %v, back %v are not mirrored", i, f, b)
		}
	}
	shifted := s.BackCells(Size{W: 0.5, H: -1})
	if d := shifted[0].X - backs[0].X; math.Abs(d-0.5) > 1e-9 || shifted[0].Y != backs[0].Y-1 {
		t.Errorf("offset moved the back by %v", d)
	}
}

// TestCropMarks checks that every mark lies outside the cards, on a cut
// line, starting Bleed millimetres from the cards.
func TestCropMarks(t *testing.T) {
	s, _ := Layout(Papers["a4"], Formats["a7"], Bleed)
	marks := CropMarks(s.Paper, s.Cells, s.Bleed)
	if want := 2 * (2*s.Cols + 2*s.Rows); len(marks) != want {
		t.Fatalf("%d crop marks, want %d: one at each end of every cut line", len(marks), want)
	}
	block := s.Block()
	cuts := map[float64]bool{}
	for _, c := range s.Cells {
		cuts[round(c.X)], cuts[round(c.X+c.W)], cuts[round(c.Y)], cuts[round(c.Y+c.H)] = true, true, true, true
	}
	for _, m := range marks {
		vertical := m[0] == m[2]
		switch {
		case vertical && !cuts[round(m[0])], !vertical && !cuts[round(m[1])]:
			t.Errorf("mark %v is not on a cut line", m)
		case vertical && !(m[3] <= block.Y-Bleed+1e-9 || m[1] >= block.Y+block.H+Bleed-1e-9):
			t.Errorf("mark %v reaches into the bleed or the cards", m)
		case !vertical && !(m[2] <= block.X-Bleed+1e-9 || m[0] >= block.X+block.W+Bleed-1e-9):
			t.Errorf("mark %v reaches into the bleed or the cards", m)
		case vertical && math.Abs(min(math.Abs(m[3]-(block.Y-Bleed)), math.Abs(m[1]-(block.Y+block.H+Bleed)))) > 1e-9:
			t.Errorf("mark %v does not start at the bleed's edge", m)
		case m[0] < 0 || m[1] < 0 || m[2] > s.Paper.W || m[3] > s.Paper.H:
			t.Errorf("mark %v is off the paper", m)
		}
	}
	// Four A6 without bleed fill an A4: there is no room for marks.
	a4, _ := Layout(Papers["a4"], Formats["a6"], 0)
	if m := CropMarks(a4.Paper, a4.Cells, 0); len(m) != 0 {
		t.Errorf("%d crop marks on a full A4", len(m))
	}
}

func TestWriteDeck(t *testing.T) {
	dk := exampleDeck(t, "nl", 6)
	var buf bytes.Buffer
	if err := WriteDeck(&buf, dk); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes(), "-layout")
	pages := strings.Split(text, "\f")
	if n := len(pages) - 1; n != 4 {
		t.Fatalf("%d pages for 6 cards of 4 per sheet, duplex; want 4", n)
	}
	start := func(s string) string { return strings.Join(strings.Fields(s)[:2], " ") } // titles may wrap
	if !strings.Contains(pages[0], start(dk.Cards[0].Title)) || !strings.Contains(pages[1], "Voordelen") || !strings.Contains(pages[2], start(dk.Cards[4].Title)) {
		t.Error("fronts and backs are not on alternating pages")
	}
}

// TestFoldOverLayout checks that fold-over pairs stand side by side and
// that the page turns landscape when that fits more of them.
func TestFoldOverLayout(t *testing.T) {
	tests := []struct {
		paper, format string
		bleed         float64
		pairs         int
		landscape     bool
	}{
		{"a4", "a6", 0, 2, false},
		{"a4", "a6", Bleed, 1, true},
		{"a4", "a7", Bleed, 2, false},
		{"a3", "a6", Bleed, 2, false},
	}
	for _, tt := range tests {
		s, err := foldOverLayout(Papers[tt.paper], Formats[tt.format], tt.bleed)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Cells) != tt.pairs || (s.Paper.W > s.Paper.H) != tt.landscape {
			t.Errorf("%s on %s, bleed %.0f: %d pairs on %v, want %d, landscape %v", tt.format, tt.paper, tt.bleed, len(s.Cells), s.Paper, tt.pairs, tt.landscape)
		}
		if c := s.Cells[0]; c.W != 2*Formats[tt.format].W || c.H != Formats[tt.format].H {
			t.Errorf("%s on %s: a pair is %v, want front and back side by side", tt.format, tt.paper, c)
		}
	}
}

// TestSheet_Turned checks when cards lie on their side: then each face is
// drawn upright and turned, not squeezed into the cell.
func TestSheet_Turned(t *testing.T) {
	tests := []struct {
		paper, format string
		bleed         float64
		turned        bool
	}{
		{"a4", "a6", Bleed, true}, {"a4", "a7", Bleed, false}, {"a4", "a6", 0, false}, {"a4", "a7", 0, true}, {"letter", "a6", Bleed, true},
	}
	for _, tt := range tests {
		s, _ := Layout(Papers[tt.paper], Formats[tt.format], tt.bleed)
		if got := s.Turned(Formats[tt.format]); got != tt.turned {
			t.Errorf("%s on %s, bleed %.0f: turned %v, want %v", tt.format, tt.paper, tt.bleed, got, tt.turned)
		}
	}
}
