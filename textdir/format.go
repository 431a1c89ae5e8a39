package textdir

import (
	"strings"
	"unicode"
)

// The isolates of the bidi algorithm: a text between an initiator and PDI
// is ordered on its own and is one neutral character to the line around it.
const (
	lri = '\u2066' // left-to-right isolate
	rli = '\u2067' // right-to-left isolate
	fsi = '\u2068' // first strong isolate: the direction of the text's first letter
	pdi = '\u2069' // pop directional isolate: closes the last one opened
)

func isIsolateStart(r rune) bool { return r == lri || r == rli || r == fsi }

// Isolate wraps a value put into a sentence, such as a date, an amount or
// a name someone typed, so that it keeps its own order: "15-1-2027" in an
// Arabic sentence stays 15-1-2027 instead of 2027-1-15, and the sentence
// around it is not turned by the value's direction either.
func Isolate(s string) string { return string(fsi) + s + string(pdi) }

// Invisible reports whether r is a character that steers how text is shaped
// or ordered but has no glyph of its own: the zero-width (non-)joiner, the
// direction marks and isolates, the word joiner, a variation selector and
// the other default-ignorable code points of Unicode (DerivedCoreProperties:
// Default_Ignorable_Code_Point). Fonts may still map them to a visible glyph,
// as Noto Sans Arabic does for U+200C, so whoever draws text drops them once
// they have done their work (StripInvisible).
func Invisible(r rune) bool {
	switch {
	case unicode.Is(unicode.White_Space, r),
		unicode.Is(unicode.Prepended_Concatenation_Mark, r), // the Arabic number sign and the like are drawn
		r >= 0xFFF9 && r <= 0xFFFB,                          // interlinear annotation marks
		r >= 0x13430 && r <= 0x1343F:                        // Egyptian hieroglyph format controls
		return false
	}
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// StripInvisible returns s without its invisible characters (Invisible). It
// is for the text as it is drawn, after shaping (ShapeArabic) and ordering
// (VisualRuns), which need them.
func StripInvisible(s string) string {
	if strings.IndexFunc(s, Invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Invisible(r) {
			return -1
		}
		return r
	}, s)
}

// VisibleParts cuts a piece of text that is already ordered (a run of
// VisualRuns, a piece of RTLPieces) at its invisible characters and leaves
// those out, in logical order. Drawn separately, the parts keep what a
// zero-width non-joiner says: the letters on either side of it do not join.
// A zero-width joiner inside an emoji sequence (👨‍👩‍👧) and a variation
// selector stay: the emoji font draws the sequence as one picture.
func VisibleParts(s string) []string {
	if strings.IndexFunc(s, Invisible) < 0 {
		return []string{s}
	}
	var parts []string
	var b strings.Builder
	prev := rune(-1)
	for _, r := range s {
		if Invisible(r) && !unicode.Is(unicode.Variation_Selector, r) && !(r == '\u200d' && joinsEmoji(prev)) {
			if b.Len() > 0 {
				parts = append(parts, b.String())
				b.Reset()
			}
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	if b.Len() > 0 {
		parts = append(parts, b.String())
	}
	return parts
}

// joinsEmoji reports whether a zero-width joiner after r belongs to an
// emoji sequence: r is a pictograph, a skin tone or the emoji variation
// selector.
func joinsEmoji(r rune) bool {
	return unicode.Is(unicode.So, r) || r >= 0x1F3FB && r <= 0x1F3FF || r == 0xFE0F
}
