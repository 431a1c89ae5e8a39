package textdir

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShapeArabic(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"isolated beh", "ب", "\uFE8F"},
		{"beh yeh teh: initial medial final", "بيت", "\uFE91\uFEF4\uFE96"},
		{"right-joining letters break the word", "دار", "\uFEA9\uFE8D\uFEAD"},
		{"kitab", "كتاب", "\uFEDB\uFE98\uFE8E\uFE8F"},
		{"teh marbuta final", "مدرسة", "\uFEE3\uFEAA\uFEAD\uFEB3\uFE94"},
		{"alef maksura final", "على", "\uFECB\uFEE0\uFEF0"},
		{"yeh with hamza medial", "سائل", "\uFEB3\uFE8E\uFE8B\uFEDE"},
		{"waw with hamza final", "مؤمن", "\uFEE3\uFE86\uFEE3\uFEE6"},

		{"lam-alef isolated", "لا", "\uFEFB"},
		{"lam-alef final", "كلا", "\uFEDB\uFEFC"},
		{"lam-alef final, then the next letter stands alone", "سلام", "\uFEB3\uFEFC\uFEE1"},
		{"lam-alef after a right-joining letter", "ولا", "\uFEED\uFEFB"},
		{"lam-alef madda isolated", "لآ", "\uFEF5"},
		{"lam-alef madda final", "بلآ", "\uFE91\uFEF6"},
		{"lam-alef hamza above isolated", "لأ", "\uFEF7"},
		{"lam-alef hamza above final", "ملأ", "\uFEE3\uFEF8"},
		{"lam-alef hamza below isolated", "لإ", "\uFEF9"},
		{"lam-alef hamza below final", "بلإ", "\uFE91\uFEFA"},
		{"lam before a non-alef letter", "لم", "\uFEDF\uFEE2"},
		{"lam alone", "ل", "\uFEDD"},
		{"lam before alef maksura is no ligature", "لى", "\uFEDF\uFEF0"},
		{"alef with hamza above alone", "أ", "\uFE83"},
		{"alef with hamza below final", "بإ", "\uFE91\uFE88"},
		{"alef with madda final", "مآ", "\uFEE3\uFE82"},
		{"two lam-alefs", "لالا", "\uFEFB\uFEFB"},

		{"hamza alone", "ء", "\uFE80"},
		{"hamza after alef", "ماء", "\uFEE3\uFE8E\uFE80"},
		{"hamza after a dual-joining letter", "شيء", "\uFEB7\uFEF2\uFE80"},
		{"hamza between letters breaks joining", "بءب", "\uFE8F\uFE80\uFE8F"},

		{"peh dal reh", "پدر", "\uFB58\uFEAA\uFEAD"},
		{"gaf lam", "گل", "\uFB94\uFEDE"},
		{"keheh teh alef beh", "کتاب", "\uFB90\uFE98\uFE8E\uFE8F"},
		{"farsi yeh keheh", "یک", "\uFBFE\uFB8F"},
		{"tcheh alef farsi yeh", "چای", "\uFB7C\uFE8E\uFBFC"},
		{"medial tcheh, final farsi yeh", "پیچی", "\uFB58\uFBFF\uFB7D\uFBFD"},
		{"jeh final", "مژه", "\uFEE3\uFB8B\uFEE9"},
		{"jeh isolated", "ژ", "\uFB8A"},
		{"medial peh, keheh, gaf", "سپکگ", "\uFEB3\uFB59\uFB91\uFB93"},
		{"ZWNJ breaks joining", "می\u200Cخواهم",
			"\uFEE3\uFBFD\u200C\uFEA7\uFEEE\uFE8D\uFEEB\uFEE2"},

		{"harakat keep the join", "بَيْت", "\uFE91\u064E\uFEF4\u0652\uFE96"},
		{"shadda and kasra", "بِّت", "\uFE91\u0650\u0651\uFE96"},
		{"superscript alef keeps the join", "هٰذا", "\uFEEB\u0670\uFEAC\uFE8D"},
		{"haraka on the last letter", "بتُ", "\uFE91\uFE96\u064F"},
		{"haraka at the start", "\u064Eب", "\u064E\uFE8F"},
		{"harakat between lam and alef follow the ligature", "لَا", "\uFEFB\u064E"},
		{"lam with haraka, alef: final ligature", "سلَام", "\uFEB3\uFEFC\u064E\uFEE1"},

		{"tatweel joins both sides", "بـب", "\uFE91\u0640\uFE90"},
		{"leading tatweel", "ـب", "\u0640\uFE90"},
		{"trailing tatweel", "بـ", "\uFE91\u0640"},
		{"tatweel before alef", "ـا", "\u0640\uFE8E"},

		{"space breaks joining", "ب ب", "\uFE8F \uFE8F"},
		{"digit breaks joining", "ب1ب", "\uFE8F1\uFE8F"},
		{"Arabic-Indic digits pass unchanged", "بيت ٢٠٢٦", "\uFE91\uFEF4\uFE96 ٢٠٢٦"},
		{"mixed with Latin, digits and punctuation",
			"PDF 2026: سلام, world!", "PDF 2026: \uFEB3\uFEFC\uFEE1, world!"},
		{"Latin between letters", "بxب", "\uFE8Fx\uFE8F"},
		{"Arabic comma and question mark", "لماذا؟ نعم،", "\uFEDF\uFEE4\uFE8E\uFEAB\uFE8D؟ \uFEE7\uFECC\uFEE2،"},
		{"Latin only", "Samen beslissen", "Samen beslissen"},
		{"Dutch with accents", "één café", "één café"},

		{"emoji", "😀", "😀"},
		{"emoji between letters", "ب😀ب", "\uFE8F😀\uFE8F"},
		{"emoji with ZWJ", "👩\u200D💻 بيت", "👩\u200D💻 \uFE91\uFEF4\uFE96"},
		{"invalid UTF-8 alone", "\xff\xfe", "\xff\xfe"},
		{"invalid UTF-8 breaks joining", "ب\xffب", "\uFE8F\xff\uFE8F"},
		{"truncated letter after lam", "ل\xd8", "\uFEDD\xd8"},
		{"presentation forms pass unchanged", "\uFE91\uFEF4\uFE96", "\uFE91\uFEF4\uFE96"},
		{"letter without forms passes unchanged and breaks joining", "بٹب", "\uFE8Fٹ\uFE8F"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ShapeArabic(tt.in)
			if got != tt.want {
				t.Errorf("ShapeArabic(%q) = %s, want %s", tt.in, codePoints(got), codePoints(tt.want))
			}
		})
	}
}

// codePoints spells s as U+XXXX code points, to make failures readable.
func codePoints(s string) string {
	var parts []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			parts = append(parts, fmt.Sprintf("\\x%02x", s[i]))
		} else {
			parts = append(parts, fmt.Sprintf("U+%04X", r))
		}
		i += size
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// TestShapeArabicTable checks the joining table against itself: every
// Arabic letter with presentation forms is there, forms lie in the blocks
// they belong to, and only hamza is non-joining.
func TestShapeArabicTable(t *testing.T) {
	for r := rune(0x0621); r <= 0x064A; r++ {
		if r >= 0x063B && r <= 0x0640 {
			continue // no presentation forms, or tatweel
		}
		if _, ok := letterForms[r]; !ok {
			t.Errorf("U+%04X missing from letterForms", r)
		}
	}
	for r, f := range letterForms {
		lo, hi := rune(0xFE70), rune(0xFEFC) // Presentation Forms-B
		if r > 0x064A {
			lo, hi = 0xFB50, 0xFBFF // Presentation Forms-A
		}
		for _, p := range []rune{f.isol, f.fin, f.init, f.med} {
			if p != 0 && (p < lo || p > hi) {
				t.Errorf("U+%04X maps to U+%04X, outside U+%04X–U+%04X", r, p, lo, hi)
			}
		}
		if f.isol == 0 || (f.init == 0) != (f.med == 0) {
			t.Errorf("U+%04X has incomplete forms %+v", r, f)
		}
		if f.joining() == nonJoining && r != 0x0621 {
			t.Errorf("U+%04X is non-joining", r)
		}
	}
	for _, r := range []rune{0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062F,
		0x0630, 0x0631, 0x0632, 0x0648, 0x0649, 0x0698} {
		if j := letterForms[r].joining(); j != rightJoining {
			t.Errorf("U+%04X joining = %d, want right-joining", r, j)
		}
	}
}

// TestShapeArabicFontCoverage checks that the font embedded in the PDF has
// a glyph for every presentation form ShapeArabic produces.
func TestShapeArabicFontCoverage(t *testing.T) {
	var fonts []string
	for _, name := range []string{"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"} {
		for _, dir := range []string{"../assets/fonts", "/usr/share/fonts/truetype/noto"} {
			if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
				fonts = append(fonts, filepath.Join(dir, name))
			}
		}
	}
	if len(fonts) == 0 {
		t.Skip("Noto Sans Arabic not found")
	}
	var want []rune
	for _, tab := range []map[rune]forms{letterForms, lamAlef} {
		for _, f := range tab {
			for _, p := range []rune{f.isol, f.fin, f.init, f.med} {
				if p != 0 {
					want = append(want, p)
				}
			}
		}
	}
	for _, path := range fonts {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		has, err := cmapCoverage(data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, p := range want {
			if !has(p) {
				t.Errorf("%s has no glyph for U+%04X", path, p)
			}
		}
	}
}

// cmapCoverage reads the Unicode cmap (format 12 or 4) of a TrueType font
// and returns a function reporting whether a code point has a glyph.
func cmapCoverage(font []byte) (func(rune) bool, error) {
	be := binary.BigEndian
	errShort := fmt.Errorf("font file too short or malformed")
	if len(font) < 12 {
		return nil, errShort
	}
	var cmap []byte
	for i, n := 0, int(be.Uint16(font[4:])); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, errShort
		}
		if string(font[rec:rec+4]) == "cmap" {
			off, length := int(be.Uint32(font[rec+8:])), int(be.Uint32(font[rec+12:]))
			if off+length > len(font) {
				return nil, errShort
			}
			cmap = font[off : off+length]
		}
	}
	if len(cmap) < 4 {
		return nil, fmt.Errorf("no cmap table")
	}
	var f4, f12 []byte
	for i, n := 0, int(be.Uint16(cmap[2:])); i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, errShort
		}
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if off+4 > len(cmap) || (platform != 0 && platform != 3) || (platform == 3 && encoding != 1 && encoding != 10) {
			continue
		}
		switch be.Uint16(cmap[off:]) {
		case 4:
			f4 = cmap[off:]
		case 12:
			f12 = cmap[off:]
		}
	}
	switch {
	case len(f12) >= 16:
		n := int(be.Uint32(f12[12:]))
		if 16+12*n > len(f12) {
			return nil, errShort
		}
		return func(r rune) bool {
			for g := 0; g < n; g++ {
				grp := f12[16+12*g:]
				start, end, glyph := rune(be.Uint32(grp)), rune(be.Uint32(grp[4:])), be.Uint32(grp[8:])
				if r >= start && r <= end {
					return glyph+uint32(r-start) != 0
				}
			}
			return false
		}, nil
	case len(f4) >= 14:
		seg := int(be.Uint16(f4[6:])) / 2
		ends, starts, deltas, ranges := 14, 16+2*seg, 16+4*seg, 16+6*seg
		if ranges+2*seg > len(f4) {
			return nil, errShort
		}
		return func(r rune) bool {
			if r > 0xFFFF {
				return false
			}
			c := uint16(r)
			for i := 0; i < seg; i++ {
				if c > be.Uint16(f4[ends+2*i:]) {
					continue
				}
				start := be.Uint16(f4[starts+2*i:])
				if c < start {
					return false
				}
				delta := be.Uint16(f4[deltas+2*i:])
				ro := int(be.Uint16(f4[ranges+2*i:]))
				if ro == 0 {
					return c+delta != 0
				}
				at := ranges + 2*i + ro + 2*int(c-start)
				if at+2 > len(f4) {
					return false
				}
				g := be.Uint16(f4[at:])
				return g != 0 && g+delta != 0
			}
			return false
		}, nil
	}
	return nil, fmt.Errorf("no Unicode cmap of format 4 or 12")
}

// FuzzShapeArabic checks that ShapeArabic never panics, keeps valid UTF-8
// valid, never adds characters and leaves text without Arabic letters alone.
func FuzzShapeArabic(f *testing.F) {
	for _, s := range []string{"", "بيت", "سلام", "لَا", "ل", "لـا", "ب\xffب", "ل\xd8", "😀ب", "پدر گل", "\u064E\u064E"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ShapeArabic(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("ShapeArabic(%q) = %q, not valid UTF-8", s, got)
		}
		if utf8.RuneCountInString(got) > utf8.RuneCountInString(s) {
			t.Errorf("ShapeArabic(%q) = %q has more characters", s, got)
		}
		if !hasShapable(s) && got != s {
			t.Errorf("ShapeArabic(%q) = %q, want unchanged", s, got)
		}
	})
}
