package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteDeck_Group prints the kit for group sessions in Dutch and
// Arabic, on A6 and A7, double-sided and to fold, and reads it back: the
// instruction cards come first, blank cards fill the last sheet, the
// worksheet is the last page, upright, with the overview's rows, and no
// text runs over other text or off a page.
func TestWriteDeck_Group(t *testing.T) {
	for _, lang := range []string{"nl", "ar"} {
		for _, tt := range []struct {
			format   string
			bleed    float64
			foldOver bool
		}{{"a6", 0, false}, {"a7", Bleed, false}, {"a7", Bleed, true}} { // upright on the sheet: word boxes of turned text overlap
			dk := exampleDeck(t, lang, 5)
			dk.Format, dk.Bleed, dk.FoldOver, dk.Group = Formats[tt.format], tt.bleed, tt.foldOver, true
			what := lang + " " + tt.format
			if tt.foldOver {
				what += " fold-over"
			}
			var buf bytes.Buffer
			if err := WriteDeck(&buf, dk); err != nil {
				t.Fatal(err)
			}
			sheet, _ := Layout(dk.Paper, dk.Format, dk.Bleed)
			sides := 2
			if tt.foldOver {
				sheet, _ = foldOverLayout(dk.Paper, dk.Format, dk.Bleed)
				sides = 1
			}
			per := len(sheet.Cells)
			items := 2 + 5 + 4
			for items%per != 0 {
				items++
			}
			if got, want := pages(t, buf.Bytes()), items/per*sides+1; got != want {
				t.Errorf("%s: %d pages, want %d (%d cards of %d to a sheet, and the worksheet)", what, got, want, items, per)
			}
			text := pdfText(t, buf.Bytes())
			pgs := strings.Split(text, "\f")
			has := func(page, s string) bool { return strings.Contains(bare(page), bare(s)) }
			if !has(pgs[0], dk.T("kit.how.title")) || !has(pgs[0], dk.T("kit.lead.title")) {
				t.Errorf("%s: the first sheet lacks the instruction cards", what)
			}
			if !has(text, dk.T("kit.blank.title")) || !has(text, dk.T("kit.piles.title")) {
				t.Errorf("%s: no blank cards or piles", what)
			}
			last := pgs[len(pgs)-2]
			for _, want := range []string{dk.T("kit.sheet.title"), dk.T("row.pros"), dk.T("row.cons"), dk.T("row.weighing"), dk.T("kit.sheet.next")} {
				if !has(last, want) {
					t.Errorf("%s: the worksheet lacks %q", what, want)
				}
			}
			checkInsidePages(t, buf.Bytes(), what)
			checkNoImages(t, buf.Bytes(), what)
		}
	}
}

// checkNoImages fails when a PDF holds an image: pictograms, marks and
// circles are drawn.
func checkNoImages(t *testing.T, data []byte, what string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, data, 0o600)
	out, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) > 2 {
		t.Errorf("%s: %d images:\n%s", what, len(lines)-2, out)
	}
}
