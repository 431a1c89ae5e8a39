package textdir

import (
	"strings"
	"unicode"
)

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
