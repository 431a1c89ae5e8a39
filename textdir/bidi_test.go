package textdir

import (
	"reflect"
	"testing"
)

func TestVisualRuns(t *testing.T) {
	tests := []struct {
		name string
		line string
		rtl  bool
		want []Run
	}{
		{"Dutch stays as it is", "Ik heet Samira en ben 34.", false, []Run{{"Ik heet Samira en ben 34.", false}}},
		{"Arabic alone is one right-to-left run", "مرحبا بك", true, []Run{{"مرحبا بك", true}}},
		{"Arabic with a Latin name and a number reads from the right",
			"اسمي Samira وعمري 34 سنة", true,
			[]Run{{" سنة", true}, {"34", false}, {" وعمري ", true}, {"Samira", false}, {"اسمي ", true}}},
		{"a date with slashes stays one run",
			"موعدك في 12/12/2026 مع Jan.", true,
			[]Run{{".", true}, {"Jan", false}, {" مع ", true}, {"12/12/2026", false}, {"موعدك في ", true}}},
		{"a date with hyphens splits, as in FriBidi and browsers",
			"موعدك في 12-12-2026 مع Jan.", true,
			[]Run{{".", true}, {"Jan", false}, {" مع ", true}, {"2026", false}, {"-", true}, {"12", false}, {"-", true}, {"12", false}, {"موعدك في ", true}}},
		{"a Latin name with two words stays in order", "مع Jan de Vries", true,
			[]Run{{"Jan de Vries", false}, {"مع ", true}}},
		{"an amount with a euro sign", "المبلغ €250 شهريا", true,
			[]Run{{" شهريا", true}, {"250", false}, {"المبلغ €", true}}},
		{"Arabic name inside a Dutch line", "Dit is سمير en hij is 34.", false,
			[]Run{{"Dit is ", false}, {"سمير", true}, {" en hij is 34.", false}}},
		{"brackets around a number after an Arabic name go with the name", "Naam: سمير علي (34)", false,
			[]Run{{"Naam: ", false}, {")", true}, {"34", false}, {"سمير علي (", true}}},
		{"Farsi with Persian digits", "سن من ۳۴ سال است", true,
			[]Run{{" سال است", true}, {"۳۴", false}, {"سن من ", true}}},
		{"empty", "", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VisualRuns(tt.line, tt.rtl); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("VisualRuns(%q) =\n  %+v\nwant\n  %+v", tt.line, got, tt.want)
			}
		})
	}
}

func TestStrongDirection(t *testing.T) {
	tests := []struct {
		s          string
		rtl, found bool
	}{
		{"مرحبا", true, true},
		{"Hallo", false, true},
		{"34 سنة", true, true},
		{"12 Jan", false, true},
		{"שלום", true, true},
		{"(34) 12/12", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if rtl, found := StrongDirection(tt.s); rtl != tt.rtl || found != tt.found {
			t.Errorf("StrongDirection(%q) = %v, %v, want %v, %v", tt.s, rtl, found, tt.rtl, tt.found)
		}
	}
}

// TestVisualRuns_MatchesFriBidi compares the characters from left to right
// with what GNU FriBidi (fribidi --nopad --nobreak) shows for the same
// lines, leaving out its Arabic letter shaping.
func TestVisualRuns_MatchesFriBidi(t *testing.T) {
	tests := []struct {
		line string
		rtl  bool
		want string
	}{
		{"اسمي Samira وعمري 34 سنة", true, "ةنس 34 يرمعو Samira يمسا"},
		{"موعدك في 12-12-2026 مع Jan.", true, ".Jan عم 2026-12-12 يف كدعوم"},
		{"المبلغ €250 شهريا", true, "ايرهش 250€ غلبملا"},
		{"Naam: سمير علي (34)", false, "Naam: (34) يلع ريمس"},
		{"مع Jan de Vries", true, "Jan de Vries عم"},
	}
	for _, tt := range tests {
		if got := visualString(VisualRuns(tt.line, tt.rtl)); got != tt.want {
			t.Errorf("%q shows as %q, want %q", tt.line, got, tt.want)
		}
	}
}

// visualString lays runs out as characters from left to right, reversing
// and mirroring right-to-left runs as a shaper does.
func visualString(runs []Run) string {
	mirror := map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{'}
	var out []rune
	for _, r := range runs {
		rs := []rune(r.Text)
		if r.RTL {
			for i := len(rs) - 1; i >= 0; i-- {
				c := rs[i]
				if m, ok := mirror[c]; ok {
					c = m
				}
				out = append(out, c)
			}
		} else {
			out = append(out, rs...)
		}
	}
	return string(out)
}

// TestVisualRuns_Isolates: a value isolated in a sentence keeps its own
// order, and the sentence around it keeps its direction.
func TestVisualRuns_Isolates(t *testing.T) {
	tests := []struct {
		name string
		line string
		rtl  bool
		want []Run
	}{
		{"a date with hyphens stays whole", "قبل " + Isolate("15-1-2027"), true,
			[]Run{{"\u2069", true}, {"15-1-2027", false}, {"قبل \u2068", true}}},
		{"a Dutch date in brackets after an Arabic word", "(قبل " + Isolate("1 februari 2027") + ")", true,
			[]Run{{"\u2069)", true}, {"1 februari 2027", false}, {"(قبل \u2068", true}}},
		{"a Dutch agreement in an Arabic line", "• " + Isolate("Samira") + ": " + Isolate("Opvang regelen"), true,
			[]Run{{"\u2069", true}, {"Opvang regelen", false}, {"\u2069: \u2068", true}, {"Samira", false}, {"• \u2068", true}}},
		{"an Arabic name isolated in Dutch", "Naam: " + Isolate("سمير") + " (34)", false,
			[]Run{{"Naam: \u2068", false}, {"سمير", true}, {"\u2069 (34)", false}}},
		{"a right-to-left isolate in a Dutch line turns its punctuation", "Zie \u2067a!\u2069", false,
			[]Run{{"Zie \u2067", false}, {"!", true}, {"a", false}, {"\u2069", false}}},
		{"an isolate left open runs to the end", "قبل \u206815-1-2027", true,
			[]Run{{"15-1-2027", false}, {"قبل \u2068", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VisualRuns(tt.line, tt.rtl); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("VisualRuns(%q) =\n  %+v\nwant\n  %+v", tt.line, got, tt.want)
			}
		})
	}
}

func TestStrongDirection_SkipsIsolates(t *testing.T) {
	if rtl, found := StrongDirection("• " + Isolate("Samira") + ": قبل"); !rtl || !found {
		t.Errorf("StrongDirection = %v, %v: the isolated Latin name decided", rtl, found)
	}
}

func TestVisibleParts(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"می\u200cخواهم", []string{"می", "خواهم"}},
		{"\u2068Samira", []string{"Samira"}},
		{"\u200f", nil},
		{"👩🏽\u200d💻 en \u200dو", []string{"👩🏽\u200d💻 en ", "و"}},
		{"kaart", []string{"kaart"}},
		{"\u0600١٢", []string{"\u0600١٢"}}, // the Arabic number sign is drawn
	}
	for _, tt := range tests {
		if got := VisibleParts(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("VisibleParts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
