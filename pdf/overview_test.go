package pdf

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/samenbeslissen/samenbeslissen/textdir"
)

func TestWriteOverview(t *testing.T) {
	for _, weighed := range []bool{true, false} {
		p := examplePlan(t, "nl")
		var buf bytes.Buffer
		err := WriteOverview(&buf, Overview{Options: p.Session.Options, Weighed: weighed, Client: "Samira", Context: p.Context})
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, buf.Bytes(), "-layout")
		for _, want := range []string{"Keuzes naast elkaar", "Wat is het?", "Voordelen", "Nadelen", "Wat weten we", "Werkervaringsplaats", "Kinderopvang regelen"} {
			if !strings.Contains(text, want) {
				t.Errorf("weighed=%v: overview lacks %q", weighed, want)
			}
		}
		if weighed != strings.Contains(text, "punten") {
			t.Errorf("weighed=%v: totals shown = %v", weighed, !weighed)
		}
	}
}

// TestWriteOverview_ListSeparator reads back the row of what a card
// yields: its goals joined as the language joins a list, with "،" in
// Arabic and Farsi.
func TestWriteOverview_ListSeparator(t *testing.T) {
	for _, tt := range []struct{ lang, sep string }{{"nl", ", "}, {"ar", "، "}, {"fa", "، "}, {"ti", "፣ "}} {
		p := examplePlan(t, tt.lang)
		p.RTL = tt.lang == "ar" || tt.lang == "fa"
		var buf bytes.Buffer
		if err := WriteOverview(&buf, Overview{Options: p.Session.Options[:1], Weighed: true, Context: p.Context}); err != nil {
			t.Fatal(err)
		}
		// Compared without spaces and invisible characters: pdftotext moves
		// spaces round punctuation in right-to-left lines, and marks them.
		bare := func(s string) string {
			return strings.Join(strings.Fields(textdir.StripInvisible(normalizeArabic(s))), "")
		}
		text := bare(norm.NFKC.String(pdfText(t, buf.Bytes())))
		goals := p.Session.Options[0].Card.Goals
		if len(goals) < 2 {
			t.Fatalf("the card has %d goals; the test needs two", len(goals))
		}
		want := bare(p.T("goal."+string(goals[0])) + tt.sep + p.T("goal."+string(goals[1])))
		if !strings.Contains(text, want) {
			t.Errorf("%s: the overview lacks %q:\n%s", tt.lang, want, text)
		}
	}
}
