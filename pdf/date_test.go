package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestWrite_DatesAsOnScreen prints the plan in a left-to-right and a
// right-to-left language and a deck's backs with the catalogue's date, and
// reads the day back as the screens write it: 8-12-2026, not 8/12/2026 and,
// in Arabic, not turned round to 2026-12-8.
func TestWrite_DatesAsOnScreen(t *testing.T) {
	day := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"plan nl", func(b *bytes.Buffer) error { p := examplePlan(t, "nl"); p.Date = day; return WritePlan(b, p) }},
		{"plan ar", func(b *bytes.Buffer) error { p := examplePlan(t, "ar"); p.Date = day; return WritePlan(b, p) }},
		{"plan fa", func(b *bytes.Buffer) error { p := examplePlan(t, "fa"); p.Date = day; return WritePlan(b, p) }},
		{"plan ti", func(b *bytes.Buffer) error { p := examplePlan(t, "ti"); p.Date = day; return WritePlan(b, p) }},
		{"deck backs", func(b *bytes.Buffer) error {
			dk := exampleDeck(t, "nl", 2)
			dk.CatalogueDate = day
			return WriteDeck(b, dk)
		}},
		{"report", func(b *bytes.Buffer) error {
			r := exampleReport(t, "nl")
			r.Date, r.Session.Started = day, day
			return WriteReport(b, r)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, buf.Bytes())
			if !strings.Contains(text, "8-12-2026") {
				t.Errorf("the date does not read 8-12-2026:\n%s", text)
			}
			for _, wrong := range []string{"8/12/2026", "2026-12-8", "2026-12-08"} {
				if strings.Contains(text, wrong) {
					t.Errorf("the date reads %s", wrong)
				}
			}
		})
	}
}
