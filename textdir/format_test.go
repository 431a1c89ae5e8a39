package textdir

import "testing"

func TestInvisible(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want bool
	}{
		{'\u200C', true}, {'\u200D', true}, {'\u200E', true}, {'\u200F', true}, {'\u061C', true},
		{'\u2066', true}, {'\u2067', true}, {'\u2068', true}, {'\u2069', true}, {'\u202B', true},
		{'\u2060', true}, {'\uFEFF', true}, {'\uFE0F', true}, {'\u00AD', true},
		{' ', false}, {'a', false}, {'ی', false}, {'\u0600', false}, {'\u064E', false}, {'\u200B', true}, {'\u3000', false},
	} {
		if got := Invisible(tt.r); got != tt.want {
			t.Errorf("Invisible(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestStripInvisible(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"می\u200cخواهم", "میخواهم"},
		{"\u2067سارا\u2069 \u200E14 026", "سارا 14 026"},
		{"plain", "plain"},
		{"", ""},
	} {
		if got := StripInvisible(tt.in); got != tt.want {
			t.Errorf("StripInvisible(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

// TestShapeArabic_FormatCharacters: the non-joiner breaks joining, the
// joiner makes it, and a direction mark inside a word changes nothing.
func TestShapeArabic_FormatCharacters(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"می\u200cخواهم", ShapeArabic("می") + "\u200c" + ShapeArabic("خواهم")},
		{"ب\u200D", "\uFE91\u200D"},        // initial beh, reaching to the joiner
		{"ب\u200Eب", "\uFE91\u200E\uFE90"}, // the mark is transparent
		{"\u200Dب", "\u200D\uFE90"},        // the joiner before it gives beh its final form
	} {
		if got := ShapeArabic(tt.in); got != tt.want {
			t.Errorf("ShapeArabic(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}
