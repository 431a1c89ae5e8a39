package textdir

import (
	"slices"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// Text in Arabic or Farsi runs right to left, and a line may mix it with
// digits and Latin names. Neither Fyne nor fpdf orders such a line, so we do
// it with the Unicode Bidirectional Algorithm (UAX #9) for one line with
// isolates (Isolate) but without the older embeddings and overrides: the
// character classes come from golang.org/x/text/unicode/bidi, whose
// Paragraph resolves runs but does not reorder them; the rules W1–W7,
// N0–N2, I1–I2 and L2 are applied here. The results match GNU FriBidi for
// the lines in the tests. Note that by these rules a date written 12-12-2026
// in an Arabic sentence shows as 2026-12-12, as in any browser, unless it is
// isolated; 12/12/2026 keeps its order.

// Run is a piece of a line in one direction. Its Text stays in logical
// order; whoever draws it shapes a right-to-left run from right to left.
type Run struct {
	Text string
	RTL  bool
}

// StrongDirection finds the first letter of s with a strong direction and
// reports whether it is right-to-left (Arabic, Hebrew, …); found is false
// when s has no such letter, only digits and punctuation, say. The text
// of an isolate (Isolate) is skipped.
func StrongDirection(s string) (rtl, found bool) {
	depth := 0 // the text of an isolate does not count (rule P2)
	for _, r := range s {
		switch {
		case isIsolateStart(r):
			depth++
			continue
		case r == pdi && depth > 0:
			depth--
			continue
		case depth > 0:
			continue
		}
		switch class(r) {
		case bidi.R, bidi.AL:
			return true, true
		case bidi.L:
			return false, true
		}
	}
	return false, false
}

// plainLTR reports whether s is valid UTF-8 without a character that may
// run right to left: a right-to-left letter, an Arabic digit or a
// right-to-left isolate, whose neutral characters do.
func plainLTR(s string) bool {
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if r == rli {
			return false
		}
		switch class(r) {
		case bidi.R, bidi.AL, bidi.AN:
			return false
		}
		if r == utf8.RuneError {
			return false
		}
	}
	return true
}

// VisualRuns splits one line into runs of one direction and returns them in
// the order they appear from left to right. rtl is the paragraph's
// direction.
func VisualRuns(line string, rtl bool) []Run {
	if line == "" {
		return nil
	}
	if !rtl && plainLTR(line) {
		return []Run{{Text: line}} // most lines: nothing to reorder
	}
	rs := []rune(line)
	baseLevel := 0
	if rtl {
		baseLevel = 1
	}
	levels := make([]int, len(rs))
	resolveLevels(rs, levels, baseLevel)

	// Runs of one level, in logical order.
	type levelRun struct {
		start, end, level int
	}
	var runs []levelRun
	for i := range rs {
		if len(runs) > 0 && runs[len(runs)-1].level == levels[i] {
			runs[len(runs)-1].end = i + 1
		} else {
			runs = append(runs, levelRun{i, i + 1, levels[i]})
		}
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// sequence of runs at that level or higher. Characters within a run are
	// not reversed: the shaper draws an odd-level run right to left.
	maxLevel := 0
	for _, r := range runs {
		maxLevel = max(maxLevel, r.level)
	}
	for lvl := maxLevel; lvl >= 1; lvl-- {
		for i := 0; i < len(runs); {
			if runs[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(runs) && runs[j].level >= lvl {
				j++
			}
			slices.Reverse(runs[i:j])
			i = j
		}
	}
	out := make([]Run, len(runs))
	for i, r := range runs {
		out[i] = Run{Text: string(rs[r.start:r.end]), RTL: r.level%2 == 1}
	}
	return out
}

// maxIsolateLevel is the deepest embedding level an isolate may open; the
// algorithm's limit is 125, and an initiator beyond it is neutral.
const maxIsolateLevel = 125

// resolveLevels sets the embedding level of each character of rs, a line or
// the text of an isolate, at the level base (X1–X10 for isolates, W1–I2).
// An isolate's initiator and its closing PDI count as neutral characters of
// the text around it, its text is skipped there and resolved on its own, at
// the next level of its direction, so that a date or a name inside never
// takes its order from the sentence around it.
func resolveLevels(rs []rune, levels []int, base int) {
	type isolate struct {
		start, end int // the text, between initiator and PDI
		rtl        bool
	}
	var outer []int // what the line holds outside its isolates
	var isolates []isolate
	for i := 0; i < len(rs); i++ {
		outer = append(outer, i)
		if !isIsolateStart(rs[i]) || base+2 > maxIsolateLevel {
			continue
		}
		end := closingPDI(rs, i)
		rtl := rs[i] == rli
		if rs[i] == fsi {
			rtl, _ = StrongDirection(string(rs[i+1 : end]))
		}
		isolates = append(isolates, isolate{i + 1, end, rtl})
		if end < len(rs) {
			outer = append(outer, end)
		}
		i = end
	}

	dir := bidi.L
	if base%2 == 1 {
		dir = bidi.R
	}
	ors := make([]rune, len(outer))
	types := make([]bidi.Class, len(outer))
	for k, i := range outer {
		ors[k], types[k] = rs[i], class(rs[i])
	}
	resolveWeak(types, dir)
	resolveBrackets(ors, types, dir)
	resolveNeutral(types, dir)
	// I1–I2: embedding levels.
	for k, t := range types {
		l := base
		switch {
		case base%2 == 0 && t == bidi.R:
			l = base + 1
		case base%2 == 0 && (t == bidi.EN || t == bidi.AN):
			l = base + 2
		case base%2 == 1 && (t == bidi.L || t == bidi.EN || t == bidi.AN):
			l = base + 1
		}
		levels[outer[k]] = l
	}

	for _, is := range isolates {
		l := base + 1 // the next odd level for right to left, even for left to right
		if (l%2 == 1) != is.rtl {
			l++
		}
		resolveLevels(rs[is.start:is.end], levels[is.start:is.end], l)
	}
}

// closingPDI returns the index of the PDI that closes the isolate opened
// at rs[open], or len(rs) when none does: the isolate then runs to the end.
func closingPDI(rs []rune, open int) int {
	depth := 0
	for i := open + 1; i < len(rs); i++ {
		switch {
		case isIsolateStart(rs[i]):
			depth++
		case rs[i] == pdi && depth == 0:
			return i
		case rs[i] == pdi:
			depth--
		}
	}
	return len(rs)
}

// class returns the bidi class of r, with explicit formatting characters,
// which this line-level algorithm does not support, treated as neutral.
func class(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	switch c {
	case bidi.LRO, bidi.RLO, bidi.LRE, bidi.RLE, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI, bidi.BN:
		return bidi.ON
	case bidi.B, bidi.S:
		return bidi.WS
	}
	return c
}

func isStrong(c bidi.Class) bool { return c == bidi.L || c == bidi.R || c == bidi.AL }

// resolveWeak applies the rules W1–W7 for weak types such as numbers.
func resolveWeak(t []bidi.Class, sos bidi.Class) {
	// W1: a non-spacing mark takes the type of the character before it.
	for i := range t {
		if t[i] == bidi.NSM {
			t[i] = sos
			if i > 0 {
				t[i] = t[i-1]
			}
		}
	}
	// W2: a European number after Arabic letters is an Arabic number.
	// W3: Arabic letters are right-to-left.
	last := sos
	for i := range t {
		switch {
		case isStrong(t[i]):
			last = t[i]
		case t[i] == bidi.EN && last == bidi.AL:
			t[i] = bidi.AN
		}
	}
	for i := range t {
		if t[i] == bidi.AL {
			t[i] = bidi.R
		}
	}
	// W4: one separator between two numbers of a type joins them: 12-12-2026, 3,5.
	for i := 1; i+1 < len(t); i++ {
		switch {
		case t[i] == bidi.ES && t[i-1] == bidi.EN && t[i+1] == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && t[i-1] == bidi.EN && t[i+1] == bidi.EN:
			t[i] = bidi.EN
		case t[i] == bidi.CS && t[i-1] == bidi.AN && t[i+1] == bidi.AN:
			t[i] = bidi.AN
		}
	}
	// W5: terminators (€, %) next to European numbers become numbers.
	for i := range t {
		if t[i] != bidi.ET {
			continue
		}
		j := i
		for j < len(t) && t[j] == bidi.ET {
			j++
		}
		if (i > 0 && t[i-1] == bidi.EN) || (j < len(t) && t[j] == bidi.EN) {
			for k := i; k < j; k++ {
				t[k] = bidi.EN
			}
		}
	}
	// W6: remaining separators and terminators are neutral.
	for i := range t {
		if t[i] == bidi.ES || t[i] == bidi.ET || t[i] == bidi.CS {
			t[i] = bidi.ON
		}
	}
	// W7: a European number after left-to-right text is left-to-right.
	last = sos
	for i := range t {
		switch {
		case t[i] == bidi.L || t[i] == bidi.R:
			last = t[i]
		case t[i] == bidi.EN && last == bidi.L:
			t[i] = bidi.L
		}
	}
}

// brackets pairs opening and closing brackets for rule N0.
var brackets = map[rune]rune{'(': ')', '[': ']', '{': '}'}

// resolveBrackets applies N0: a pair of brackets takes the direction of the
// text inside it, so that "(34)" after an Arabic name stays one unit.
func resolveBrackets(rs []rune, t []bidi.Class, base bidi.Class) {
	strong := func(c bidi.Class) bidi.Class {
		switch c {
		case bidi.L:
			return bidi.L
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R
		}
		return bidi.ON
	}
	var stack []int
	for i, r := range rs {
		if _, open := brackets[r]; open && t[i] == bidi.ON {
			stack = append(stack, i)
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			o := stack[k]
			if brackets[rs[o]] != r || t[i] != bidi.ON {
				continue
			}
			stack = stack[:k]
			found := bidi.ON
			for j := o + 1; j < i; j++ {
				if d := strong(t[j]); d == base {
					found = base
					break
				} else if d != bidi.ON {
					found = d
				}
			}
			if found == bidi.ON {
				break // nothing strong inside: N1 decides
			}
			if found != base {
				// Opposite direction inside: it wins only if the text before
				// the opening bracket has that direction too.
				before := base
				for j := o - 1; j >= 0; j-- {
					if d := strong(t[j]); d != bidi.ON {
						before = d
						break
					}
				}
				if before != found {
					found = base
				}
			}
			t[o], t[i] = found, found
			break
		}
	}
}

// resolveNeutral applies N1–N2: neutrals between text of one direction take
// that direction (numbers count as right-to-left), others the paragraph's.
func resolveNeutral(t []bidi.Class, base bidi.Class) {
	dir := func(c bidi.Class) bidi.Class {
		if c == bidi.EN || c == bidi.AN {
			return bidi.R
		}
		return c
	}
	for i := 0; i < len(t); {
		if t[i] != bidi.WS && t[i] != bidi.ON {
			i++
			continue
		}
		j := i
		for j < len(t) && (t[j] == bidi.WS || t[j] == bidi.ON) {
			j++
		}
		before, after := base, base
		if i > 0 {
			before = dir(t[i-1])
		}
		if j < len(t) {
			after = dir(t[j])
		}
		resolved := base
		if before == after {
			resolved = before
		}
		for k := i; k < j; k++ {
			t[k] = resolved
		}
		i = j
	}
}
