package textdir

import (
	"strings"
	"unicode/utf8"
)

// fpdf draws code points one glyph each and knows nothing of Arabic joining,
// so an Arabic word has to reach it already made of presentation forms: the
// isolated, initial, medial or final shape of each letter, which fonts such
// as Noto Sans Arabic map directly. ShapeArabic does that. It follows the
// joining rules of the Unicode core specification (chapter 9.2) for the
// letters in the table below; letters it has no forms for (Urdu and other
// extensions) pass unchanged and break joining, so that no neighbour is drawn
// reaching out to a letter that is not drawn reaching back.

// joining is how a character joins its neighbours.
type joining uint8

const (
	nonJoining   joining = iota // breaks joining: space, digit, Latin, ZWNJ, hamza, …
	rightJoining                // joins only the letter before it: alef, dal, reh, waw, …
	dualJoining                 // joins the letters on both sides: beh, seen, lam, …
	joinCausing                 // tatweel, ZWJ: joins both sides and keeps its own shape
	transparent                 // harakat, format characters: skipped when looking for neighbours
)

// forms are the presentation forms of a letter. A right-joining letter has
// only isol and fin; init and med are zero.
type forms struct {
	isol, fin, init, med rune
}

func (f forms) joining() joining {
	switch {
	case f.init != 0:
		return dualJoining
	case f.fin != 0:
		return rightJoining
	}
	return nonJoining
}

// pick returns the form for a letter that connects to the letter before it
// (prev) and to the one after it (next).
func (f forms) pick(prev, next bool) rune {
	switch {
	case prev && next:
		return f.med
	case prev:
		return f.fin
	case next:
		return f.init
	}
	return f.isol
}

func dual(isol rune) forms  { return forms{isol, isol + 1, isol + 2, isol + 3} }
func right(isol rune) forms { return forms{isol: isol, fin: isol + 1} }

// letterForms maps each base letter to its presentation forms: U+0621–U+064A
// to Arabic Presentation Forms-B, the Farsi letters to Forms-A. All these
// forms are in Noto Sans Arabic (see TestShapeArabicFontCoverage).
var letterForms = map[rune]forms{
	'\u0621': {isol: '\uFE80'}, // hamza, non-joining
	'\u0622': right('\uFE81'),  // alef with madda above
	'\u0623': right('\uFE83'),  // alef with hamza above
	'\u0624': right('\uFE85'),  // waw with hamza above
	'\u0625': right('\uFE87'),  // alef with hamza below
	'\u0626': dual('\uFE89'),   // yeh with hamza above
	'\u0627': right('\uFE8D'),  // alef
	'\u0628': dual('\uFE8F'),   // beh
	'\u0629': right('\uFE93'),  // teh marbuta
	'\u062A': dual('\uFE95'),   // teh
	'\u062B': dual('\uFE99'),   // theh
	'\u062C': dual('\uFE9D'),   // jeem
	'\u062D': dual('\uFEA1'),   // hah
	'\u062E': dual('\uFEA5'),   // khah
	'\u062F': right('\uFEA9'),  // dal
	'\u0630': right('\uFEAB'),  // thal
	'\u0631': right('\uFEAD'),  // reh
	'\u0632': right('\uFEAF'),  // zain
	'\u0633': dual('\uFEB1'),   // seen
	'\u0634': dual('\uFEB5'),   // sheen
	'\u0635': dual('\uFEB9'),   // sad
	'\u0636': dual('\uFEBD'),   // dad
	'\u0637': dual('\uFEC1'),   // tah
	'\u0638': dual('\uFEC5'),   // zah
	'\u0639': dual('\uFEC9'),   // ain
	'\u063A': dual('\uFECD'),   // ghain
	// U+063B–U+063F (later additions) have no presentation forms.
	'\u0641': dual('\uFED1'),  // feh
	'\u0642': dual('\uFED5'),  // qaf
	'\u0643': dual('\uFED9'),  // kaf
	'\u0644': dual('\uFEDD'),  // lam
	'\u0645': dual('\uFEE1'),  // meem
	'\u0646': dual('\uFEE5'),  // noon
	'\u0647': dual('\uFEE9'),  // heh
	'\u0648': right('\uFEED'), // waw
	'\u0649': right('\uFEEF'), // alef maksura
	'\u064A': dual('\uFEF1'),  // yeh

	'\u067E': dual('\uFB56'),  // peh پ
	'\u0686': dual('\uFB7A'),  // tcheh چ
	'\u0698': right('\uFB8A'), // jeh ژ
	'\u06A9': dual('\uFB8E'),  // keheh ک
	'\u06AF': dual('\uFB92'),  // gaf گ
	'\u06CC': dual('\uFBFC'),  // farsi yeh ی
}

const (
	lam     = '\u0644'
	tatweel = '\u0640'
	zwnj    = '\u200C' // zero-width non-joiner: breaks joining, as in Farsi "می‌خواهم"
	zwj     = '\u200D' // zero-width joiner: joins, as tatweel does, but is not drawn
)

// lamAlef maps the alef that follows a lam to the ligature of the two, which
// is right-joining: isolated, or final when the lam joins the letter before.
var lamAlef = map[rune]forms{
	'\u0622': right('\uFEF5'), // lam with alef with madda above
	'\u0623': right('\uFEF7'), // lam with alef with hamza above
	'\u0625': right('\uFEF9'), // lam with alef with hamza below
	'\u0627': right('\uFEFB'), // lam with alef
}

func isHaraka(r rune) bool {
	return r >= '\u064B' && r <= '\u065F' || r == '\u0670'
}

// unit is one character of the input, or a lam and its alef taken together.
type unit struct {
	raw   string // the input bytes, written out as they are unless shaped
	f     forms  // presentation forms; zero for characters that are not shaped
	join  joining
	extra string // harakat between a lam and its alef, written after the ligature
}

// ShapeArabic returns s with every Arabic and Farsi letter replaced by its
// contextual presentation form (isolated, initial, medial or final), and
// lam followed by alef (plain, with madda, hamza above, hamza below)
// replaced by the lam-alef ligature. Text stays in logical order; ordering
// for display is VisualRuns' job. Other characters pass unchanged.
//
// Harakat (U+064B–U+065F, U+0670) do not interrupt joining and stay where
// they are, except that harakat between a lam and its alef follow the
// ligature. Tatweel and the zero-width joiner join on both sides, the
// zero-width non-joiner breaks joining, and other invisible characters
// (Invisible) do not interrupt it; all are kept, for the drawing to leave out
// (StripInvisible). Invalid UTF-8 bytes are kept as they are and break
// joining.
func ShapeArabic(s string) string {
	if !hasShapable(s) {
		return s
	}

	var units []unit
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		u := unit{raw: s[i : i+size]}
		i += size
		if size == 1 && r == utf8.RuneError {
			units = append(units, u) // invalid byte: non-joining
			continue
		}
		switch f, ok := letterForms[r]; {
		case ok:
			u.f, u.join = f, f.joining()
		case r == tatweel || r == zwj:
			u.join = joinCausing
		case r == zwnj:
		case isHaraka(r) || Invisible(r):
			u.join = transparent
		}
		if r == lam {
			// Look past harakat for an alef.
			j := i
			for j < len(s) {
				m, msize := utf8.DecodeRuneInString(s[j:])
				if !isHaraka(m) {
					break
				}
				j += msize
			}
			if a, asize := utf8.DecodeRuneInString(s[j:]); j < len(s) {
				if lig, ok := lamAlef[a]; ok {
					u.f, u.join = lig, lig.joining()
					u.extra = s[i:j]
					i = j + asize
				}
			}
		}
		units = append(units, u)
	}

	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for k, u := range units {
		if u.f.isol == 0 {
			b.WriteString(u.raw)
			continue
		}
		prev := neighbour(units, k, -1)
		next := neighbour(units, k, +1)
		joinPrev := u.join != nonJoining && (prev == dualJoining || prev == joinCausing)
		joinNext := u.join == dualJoining &&
			(next == rightJoining || next == dualJoining || next == joinCausing)
		b.WriteRune(u.f.pick(joinPrev, joinNext))
		b.WriteString(u.extra)
	}
	return b.String()
}

// neighbour returns how the nearest unit before (dir -1) or after (dir +1)
// units[k] joins, skipping harakat; nonJoining at either end of the text.
func neighbour(units []unit, k, dir int) joining {
	for k += dir; k >= 0 && k < len(units); k += dir {
		if units[k].join != transparent {
			return units[k].join
		}
	}
	return nonJoining
}

// hasShapable reports whether s has any letter ShapeArabic would change.
func hasShapable(s string) bool {
	for _, r := range s {
		if _, ok := letterForms[r]; ok {
			return true
		}
	}
	return false
}
