package cards

import (
	"slices"
	"strings"
	"testing"
)

func TestElfproef(t *testing.T) {
	digits := func(s string) []int {
		var d []int
		for _, r := range s {
			d = append(d, int(r-'0'))
		}
		return d
	}
	tests := []struct {
		n    string
		want bool
	}{
		{"123456782", true},  // 9+16+21+24+25+24+21+16-2 = 154 = 14·11
		{"111222333", true},  // 66
		{"987654305", true},  // 319 = 29·11
		{"001082024", true},  // an old eight-digit number, 0-prefixed
		{"123456789", false}, // 147
		{"123456781", false},
		{"000000000", false}, // passes the sum, but is no number
		{"12345678", false},  // eight digits
		{"1234567820", false},
	}
	for _, tt := range tests {
		if got := Elfproef(digits(tt.n)); got != tt.want {
			t.Errorf("Elfproef(%s) = %v, want %v", tt.n, got, tt.want)
		}
	}
}

func TestFindBSNs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the texts of the spans
	}{
		// Found.
		{"alone", "123456782", []string{"123456782"}},
		{"in a sentence", "Mijn BSN is 123456782, denk ik.", []string{"123456782"}},
		{"at the start", "123456782 is het nummer", []string{"123456782"}},
		{"at the end, full stop", "Het nummer is 987654305.", []string{"987654305"}},
		{"in brackets", "(123456782)", []string{"123456782"}},
		{"in quotes", "“123456782”", []string{"123456782"}},
		{"after a colon", "BSN:123456782", []string{"123456782"}},
		{"glued to letters", "BSN123456782nr", []string{"123456782"}},
		{"leading zero", "nummer 001082024", []string{"001082024"}},
		{"spaces 3-3-3", "bsn 123 456 782 graag", []string{"123 456 782"}},
		{"dots 3-3-3", "123.456.782", []string{"123.456.782"}},
		{"hyphens 3-3-3", "nr. 123-456-782", []string{"123-456-782"}},
		{"dots 4-2-3, as on a passport", "BSN 1234.56.782.", []string{"1234.56.782"}},
		{"spaces 4-2-3", "1234 56 782", []string{"1234 56 782"}},
		{"no-break spaces", "123\u00A0456\u00A0782", []string{"123\u00A0456\u00A0782"}},
		{"two", "123456782 en 111.222.333", []string{"123456782", "111.222.333"}},
		{"two, one space apart", "123456782 111222333", []string{"123456782", "111222333"}},
		{"a separate number before it", "nr 2 123456782", []string{"123456782"}},
		{"a separate number before the dotted form", "15 123.456.782", []string{"123.456.782"}},
		{"on its own line", "Goed gesprek.\n123456782\nTot dinsdag", []string{"123456782"}},
		{"in Arabic text", "رقمي 123456782 شكرا", []string{"123456782"}},
		{"Arabic-Indic digits", "رقمي ١٢٣٤٥٦٧٨٢ شكرا", []string{"١٢٣٤٥٦٧٨٢"}},
		{"Persian digits", "۱۲۳۴۵۶۷۸۲", []string{"۱۲۳۴۵۶۷۸۲"}},
		{"with emoji", "🙂123456782🙂", []string{"123456782"}},

		// Not found.
		{"fails the elfproef", "123456789", nil},
		{"fails the elfproef, grouped", "123 456 789", nil},
		{"all zeros", "000000000", nil},
		{"mobile number", "Bel 0612345609 of 0612345640", nil}, // the last and the first nine digits pass
		{"mobile number with a hyphen", "06-12345609", nil},
		{"mobile number in pairs", "06 12 34 56 09", nil},
		{"international mobile number", "+31 612345609", nil},
		{"international, no space", "+612345609", nil},
		{"landline in groups", "020 123 456 782", nil},
		{"nine digits in a longer run", "51234567820", nil},
		{"nine digits at the end of a run", "0123456782", nil},
		{"IBAN", "NL91ABNA0417164300", nil}, // 417164300 passes
		{"IBAN in groups", "NL91 ABNA 0417 1643 00", nil},
		{"eight-digit date", "geboren 01082024", nil}, // passes with a leading zero
		{"date", "01-08-2024", nil},
		{"postcode", "1234 AB Arnhem", nil},
		{"amount with cents", "€ 123.456.782,00", nil},
		{"amount, whole euros", "€ 123.456.782,-", nil},
		{"decimal", "123456782.5", nil},
		{"longer dotted number", "1.123.456.782", nil},
		{"dotted, joined by a hyphen", "123.456.782-1", nil},
		{"mixed separators", "123 456.782", nil},
		{"two separators", "123  456  782", nil},
		{"other grouping", "12 345 6782", nil},
		{"eight digits", "12345678", nil},
		{"empty", "", nil},
		{"no digits", "Geen nummer hier", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range FindBSNs(tt.text) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindBSNs(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRemoveBSNs(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Mijn BSN is 123456782 en ik woon hier.", "Mijn BSN is en ik woon hier."},
		{"Mijn BSN is 123456782.", "Mijn BSN is."},
		{"123456782 is het nummer", "is het nummer"},
		{"123456782", ""},
		{"BSN: 123 456 782\nvolgende regel", "BSN:\nvolgende regel"},
		{"(123456782) klopt", "() klopt"},
		{"twee: 123456782 111.222.333 klaar", "twee: klaar"},
		{"BSN123456782nr", "BSNnr"},
		{"رقمي ١٢٣٤٥٦٧٨٢ شكرا", "رقمي شكرا"},
		// Taking one out brings 1234, 56 and 782 together: also a BSN.
		{"a 1234 123456782 56 782 b", "a b"},
		// Without a BSN the text stays exactly as it is, double spaces too.
		{"Bel  0612345609, niet 123456789. ", "Bel  0612345609, niet 123456789. "},
	}
	for _, tt := range tests {
		if got := RemoveBSNs(tt.text); got != tt.want {
			t.Errorf("RemoveBSNs(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSession_WithoutBSNs(t *testing.T) {
	s := NewSession()
	const bsn = "123456782"
	for key := range textFields {
		if key != KeyDecision {
			if err := s.Set(key, "tekst "+bsn); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.Decision = "werkervaringsplaats"
	s.Areas[AreaMoney] = Area{Note: "schulden, " + bsn, Mark: MarkWorry}
	s.Drivers[FactorAttitude] = Driver{Helps: bsn, HoldsBack: "niets"}
	s.Notes[3] = "notitie " + bsn
	s.Agreements = []Agreement{{ID: 7, Who: bsn, What: "bellen " + bsn, Due: "1 december"}}

	c := s.WithoutBSNs()
	for key, v := range c.Values() {
		if strings.Contains(v, bsn) {
			t.Errorf("%s still holds the BSN: %q", key, v)
		}
	}
	if a := c.Agreements[0]; a.ID != 7 || a.Who != "" || a.What != "bellen" || a.Due != "1 december" {
		t.Errorf("agreement = %+v", a)
	}
	if c.Goal != "tekst" || c.Decision != "werkervaringsplaats" || c.Areas[AreaMoney].Mark != MarkWorry {
		t.Errorf("goal %q, decision %q, mark %q", c.Goal, c.Decision, c.Areas[AreaMoney].Mark)
	}
	// The session itself is left as it was.
	if s.Goal != "tekst "+bsn || s.Areas[AreaMoney].Note != "schulden, "+bsn || s.Notes[3] != "notitie "+bsn || s.Agreements[0].Who != bsn {
		t.Error("WithoutBSNs changed the session it copies")
	}
}

// FuzzRemoveBSNs: whatever the text, nothing that looks like a BSN is left,
// the spans are in order and on rune boundaries, and a text without one is
// kept as it is.
func FuzzRemoveBSNs(f *testing.F) {
	for _, s := range []string{
		"Mijn BSN is 123456782.", "123 456 782", "1234.56.782", "a 1234 123456782 56 782 b", "NL91ABNA0417164300",
		"+31 612345609", "١٢٣٤٥٦٧٨٢", "€ 123.456.782,-", "123456782 111222333", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := FindBSNs(text)
		end := 0
		for _, s := range spans {
			if s.Start < end || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("spans %v of %q", spans, text)
			}
			end = s.End
		}
		out := RemoveBSNs(text)
		if left := FindBSNs(out); len(left) > 0 {
			t.Fatalf("RemoveBSNs(%q) = %q still holds %v", text, out, left)
		}
		if len(spans) == 0 && out != text {
			t.Fatalf("RemoveBSNs(%q) = %q without a BSN in it", text, out)
		}
	})
}
