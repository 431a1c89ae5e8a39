package textdir

import (
	"slices"
	"testing"
)

func TestRTLPieces(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"a word after a colon", ": التحضير", []string{"التحضير", " :"}},
		{"the bracket shows mirrored", "سمير علي (", []string{") ", "علي", " ", "سمير"}},
		{"spaces around a word", " وعمري ", []string{" ", "وعمري", " "}},
		{"one word", "مرحبا", []string{"مرحبا"}},
		{"Arabic comma", "،قال", []string{"قال", "،"}},
		{"guillemets", "«نعم»", []string{"«", "نعم", "»"}},
		{"harakat stay with their word", "بَيْت كبير", []string{"كبير", " ", "بَيْت"}},
		{"Persian digits stay with the word", "سن ۳۴", []string{"۳۴", " ", "سن"}},
		{"the Arabic question mark stays with its word", "می‌کشد؟ ", []string{" ", "می‌کشد؟"}},
		{"and the Arabic semicolon", "کار کنم؛", []string{"کنم؛", " ", "کار"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RTLPieces(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("RTLPieces(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMirror(t *testing.T) {
	for in, want := range map[rune]rune{'(': ')', ']': '[', '«': '»', '>': '<', 'a': 'a', '،': '،', '/': '/'} {
		if got := Mirror(in); got != want {
			t.Errorf("Mirror(%q) = %q, want %q", in, got, want)
		}
	}
}
