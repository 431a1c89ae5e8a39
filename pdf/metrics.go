package pdf

import (
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// inkRanges are the characters each face draws for us, whose glyphs tell
// how far its script really reaches above and below the baseline: Latin as
// far as Dutch, Polish, Turkish and Somali go, and Ukrainian Cyrillic;
// Arabic and Farsi letters, harakat and the presentation
// forms ShapeArabic makes; Ethiopic. Fonts state an ascent and descent of
// their own, but Noto Sans Arabic's (1.37 and 0.74 em) make room for
// stacked Quranic marks no plan has, and a line height of 1.35 em for every
// script lets the dots under an Arabic line run into a Dutch line beneath.
var inkRanges = map[string][][2]rune{
	"NotoSans":         {{0x20, 0x17F}, {0x400, 0x45F}, {0x490, 0x491}},
	"NotoSansArabic":   {{0x621, 0x652}, {0x660, 0x66D}, {0x670, 0x670}, {0x67E, 0x6D3}, {0xFB50, 0xFBFF}, {0xFE70, 0xFEFC}},
	"NotoSansEthiopic": {{0x1200, 0x139F}},
}

// inkExtent finds how far the glyphs of a face's characters reach above
// and below the baseline, in ems.
func inkExtent(f *sfnt.Font, ranges [][2]rune) (ascent, descent float64) {
	var buf sfnt.Buffer
	upm := fixed.I(int(f.UnitsPerEm()))
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			i, err := f.GlyphIndex(&buf, r)
			if err != nil || i == 0 {
				continue
			}
			b, _, err := f.GlyphBounds(&buf, i, upm, font.HintingNone)
			if err != nil {
				continue
			}
			// sfnt's y grows downwards.
			ascent = max(ascent, float64(-b.Min.Y)/float64(upm))
			descent = max(descent, float64(b.Max.Y)/float64(upm))
		}
	}
	return ascent, descent
}

// ptMM is a point in millimetres.
const ptMM = 25.4 / 72

// lineBox is how much room a line of text needs above its baseline and
// below it, in millimetres: as far as the ink of its scripts reaches, and
// at least the share of the style's line height that Latin text has (three
// quarters above, a quarter below). Lines stacked box on box never touch,
// whatever scripts and sizes meet.
func lineBox(text string, st style) (above, below float64) {
	lh := st.lineHeight()
	above, below = 0.75*lh, 0.25*lh
	seen := map[*face]bool{}
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		f := faceFor(r)
		if f == nil || seen[f] {
			continue
		}
		seen[f] = true
		above = max(above, f.ascent*st.size*ptMM)
		below = max(below, f.descent*st.size*ptMM)
	}
	return above, below
}
