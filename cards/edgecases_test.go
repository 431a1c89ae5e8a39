package cards

import (
	"bytes"
	"strings"
	"testing"
)

// TestEdgeTexts_EveryFormat: a card with emoji, Arabic with digits, the
// right-to-left override, a long word and text that looks like a
// workbook's escape (_x0041_) is exported and read back unchanged in each
// catalogue format; control characters in the TOML format too, which
// escapes them, C1 ones (U+0080–U+009F) included.
func TestEdgeTexts_EveryFormat(t *testing.T) {
	c := sampleCard("rand", CategoryPractical, "Werk 👩🏽‍💻 ٢١٤ \u202Eomgekeerd\u202C")
	c.Summary = strings.Repeat("Lang", 40)
	c.WhatYouDo = "موعدك في 12/12/2026 الساعة 10:30 مع Jan de Vries (34)\nTekst als _x0041_x0042_ en _x005F_ blijft staan."
	c.Pros = []string{"Tekst als _x0041_ blijft staan.", "🙂 \u200b\ufeff"}
	for _, name := range []string{"c.toml", "c.csv", "c.xlsx"} {
		check := func(c Card) {
			t.Helper()
			var buf bytes.Buffer
			if err := WriteFile(name, &buf, []Card{c}); err != nil {
				t.Fatal(err)
			}
			cs, _, err := ParseFile(name, buf.Bytes())
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if got, want := canonicalTOML(t, cs), canonicalTOML(t, []Card{c}); !bytes.Equal(got, want) {
				t.Errorf("%s: read back as\n%s\nwant\n%s", name, got, want)
			}
		}
		check(c)
		if name == "c.toml" {
			c := c
			c.Clients = "Begin \x00\x01\x07\x1b\x7f\u0085\u009f\tmet tab\neinde"
			check(c)
		}
	}
}
