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

// IsFormat reports whether r is a format character: the joiners (ZWNJ,
// ZWJ), the direction marks (LRM, RLM, ALM), embeddings, overrides,
// isolates and the like, which steer shaping and order but have no glyph
// of their own. Some fonts still draw one (Noto Sans Arabic a bar for
// ZWNJ), so they are never drawn. Signs that are format characters but are
// drawn, such as the Arabic number sign, are not counted.
func IsFormat(r rune) bool {
	return unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Prepended_Concatenation_Mark, r) &&
		!(r >= 0xFFF9 && r <= 0xFFFB) && !(r >= 0x13430 && r <= 0x1343F)
}

// VisibleParts cuts a piece of text that is already ordered (a run of
// VisualRuns, a piece of RTLPieces) at its format characters and leaves
// those out, in logical order. Drawn separately, the parts keep what a
// zero-width non-joiner says: the letters on either side of it do not join.
// A zero-width joiner inside an emoji sequence (👨‍👩‍👧) stays: there the
// emoji font draws the sequence as one picture.
func VisibleParts(s string) []string {
	if strings.IndexFunc(s, IsFormat) < 0 {
		return []string{s}
	}
	var parts []string
	var b strings.Builder
	prev := rune(-1)
	for _, r := range s {
		if IsFormat(r) && !(r == '\u200d' && joinsEmoji(prev)) {
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
