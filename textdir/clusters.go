package textdir

import "unicode"

// Clusters cuts s into the characters a reader sees, so that a word too
// long for a line can be broken between them and never inside one: a
// letter keeps its marks (harakat, accents), and an emoji its skin tone,
// variation selector and the parts a zero-width joiner joins to it. It is
// simpler than Unicode's grapheme clusters (UAX #29) but keeps together
// what those keep in the scripts the app shows.
func Clusters(s string) []string {
	var out []string
	start, prev := 0, rune(-1)
	for i, r := range s {
		if i > 0 && !continuesCluster(prev, r) {
			out = append(out, s[start:i])
			start = i
		}
		prev = r
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// continuesCluster reports whether r belongs to the character before it,
// prev: a mark, a zero-width joiner and what it joins, a variation
// selector, an emoji modifier or tag.
func continuesCluster(prev, r rune) bool {
	return prev == 0x200D || r == 0x200D ||
		unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Variation_Selector) ||
		r >= 0x1F3FB && r <= 0x1F3FF || r >= 0xE0020 && r <= 0xE007F
}
