package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestWindow_PrintGroupKit prints the card browser's cards as a group kit
// on A7 from the print dialog, as a professional does, and reads the PDF:
// the instructions, the worksheet, and the cards eight to a sheet.
func TestWindow_PrintGroupKit(t *testing.T) {
	data := t.TempDir()
	wa := openWindow(t, data)
	c := wa.w.Canvas()
	tapButton(t, c, "Kaarten")
	tapButton(t, c, "Kaarten afdrukken")
	if !strings.Contains(shown(c), "Groepsset") {
		t.Fatalf("the print dialog offers no group kit: %s", shown(c))
	}
	for _, o := range objects(c) {
		switch w := o.(type) {
		case *widget.Check:
			if strings.HasPrefix(w.Text, "Groepsset") {
				test.Tap(w)
			}
		case *widget.RadioGroup:
			for _, opt := range w.Options {
				if strings.HasPrefix(opt, "A7") {
					w.SetSelected(opt)
				}
			}
		}
	}
	tapButton(t, c, "Afdrukken")
	path := filepath.Join(wa.printsDir(), "groepsset-nl.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no group kit printed: %v; on screen: %s", err, shown(c))
	}
	pages, text := pdfInfo(t, path)
	for _, want := range []string{"Zo gebruik je de kaarten", "Voor de begeleider", "Drie stapels", "Mijn eigen idee", "Mijn kaarten", "Mijn volgende stap"} {
		if !strings.Contains(text, want) {
			t.Errorf("the kit lacks %q", want)
		}
	}
	// The catalogue's cards, 2 instruction cards and at least 4 blank
	// cards, filling sheets of four A7 cards with bleed; each sheet front
	// and back, and the worksheet.
	cat, err := builtIn()
	if err != nil {
		t.Fatal(err)
	}
	sheets := (cat.Len() + 2 + 4 + 3) / 4
	if pages != 2*sheets+1 {
		t.Errorf("the kit has %d pages, want %d", pages, 2*sheets+1)
	}
}
