package textdir

import (
	"slices"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// RTLPieces cuts a right-to-left run, as VisualRuns returns it, into what a
// renderer that shapes words but lays every piece out from left to right
// (Fyne) can draw: its words (letters, marks and digits, which the renderer
// shapes from right to left) and the spaces and punctuation between them,
// which it would leave in logical order. The pieces come out in visual
// order, from left to right, with punctuation reversed and mirrored.
func RTLPieces(run string) []string {
	var pieces []string
	var cur []rune
	curLetters := false
	flush := func() {
		if len(cur) > 0 {
			pieces = append(pieces, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range run {
		letter := isWordRune(r)
		if letter != curLetters {
			flush()
			curLetters = letter
		}
		if !letter {
			r = Mirror(r)
		}
		cur = append(cur, r)
	}
	flush()
	slices.Reverse(pieces)
	for i, p := range pieces {
		if rs := []rune(p); !isWordRune(rs[0]) {
			slices.Reverse(rs)
			pieces[i] = string(rs)
		}
	}
	return pieces
}

// isWordRune reports whether r belongs to a word RTLPieces leaves whole:
// letters, marks, digits, the zero-width (non-)joiner of Persian spelling,
// and punctuation that is itself right to left,
// such as the Arabic question mark ؟ and semicolon ؛, which the renderer
// orders with the word they close.
func isWordRune(r rune) bool {
	if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r) || r == '\u200c' || r == '\u200d' {
		return true // the (non-)joiners shape the word they stand in
	}
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.AL || p.Class() == bidi.R
}

// mirrored are the characters a right-to-left run shows mirrored.
var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// Mirror returns the character a right-to-left run shows for r: the other
// half of a bracket or guillemet pair, or r itself.
func Mirror(r rune) rune {
	if m, ok := mirrored[r]; ok {
		return m
	}
	return r
}
