package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// TestWrite_NoInvisibleGlyphs draws every printable in Farsi, whose
// spelling is full of zero-width non-joiners, and in Arabic, with direction
// marks and isolates in what the professional typed, and reads the text
// back: a format character that pdftotext finds was drawn as a glyph (Noto
// Sans Arabic draws U+200C as a vertical bar).
func TestWrite_NoInvisibleGlyphs(t *testing.T) {
	const typed = "نرگس\u200cها \u2067سارا\u2069 \u200Fبا\u200D \u200E14 026\u200E \u2068Jan\u2069"
	twoLanguages := func(p Plan) Plan {
		p.Dutch = examplePlan(t, "nl").T
		return p
	}
	withTyped := func(lang string) Plan {
		p := examplePlan(t, lang)
		p.Client.Name = typed
		p.Session.Goal = typed
		p.Org.Contact = typed
		return p
	}
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"plan fa", func(b *bytes.Buffer) error { return WritePlan(b, withTyped("fa")) }},
		{"plan fa-nl", func(b *bytes.Buffer) error { return WritePlan(b, twoLanguages(withTyped("fa"))) }},
		{"plan ar", func(b *bytes.Buffer) error { return WritePlan(b, withTyped("ar")) }},
		{"overview fa", func(b *bytes.Buffer) error {
			p := withTyped("fa")
			return WriteOverview(b, Overview{Options: p.Session.Options, Weighed: true, Client: typed, Context: p.Context})
		}},
		{"deck fa", func(b *bytes.Buffer) error { return WriteDeck(b, exampleDeck(t, "fa", 8)) }},
		{"kit fa", func(b *bytes.Buffer) error {
			dk := exampleDeck(t, "fa", 5)
			dk.Group = true
			return WriteDeck(b, dk)
		}},
		{"report", func(b *bytes.Buffer) error {
			r := exampleReport(t, "nl")
			r.Client.Name, r.Session.Goal = typed, typed
			return WriteReport(b, r)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.write(&buf); err != nil {
				t.Fatal(err)
			}
			text := norm.NFKC.String(pdfText(t, buf.Bytes()))
			var found []string
			for _, r := range text {
				// pdftotext marks right-to-left text with embeddings itself.
				if textdir.Invisible(r) && !(r >= '\u202A' && r <= '\u202E') {
					found = append(found, fmt.Sprintf("%U", r))
				}
			}
			if len(found) > 0 {
				t.Errorf("%d format characters drawn as glyphs: %s", len(found), strings.Join(found, " "))
			}
			if !strings.Contains(text, "ه") {
				t.Error("no Arabic-script text came back")
			}
		})
	}
}
