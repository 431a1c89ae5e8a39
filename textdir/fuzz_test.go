package textdir

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// Fuzz targets for bidi ordering and for cutting right-to-left runs into
// pieces (FuzzShapeArabic is in arabic_test.go). `make test` runs each for
// a few seconds, `make fuzz` longer; testdata/fuzz holds the seed corpus.

// bidiSeeds are lines that mix directions, digits, brackets and the
// explicit formatting characters this line-level algorithm treats as
// neutral.
var bidiSeeds = []string{
	"", "Ik heet Samira en ben 34.", "مرحبا بك", "اسمي Samira وعمري 34 سنة",
	"موعدك في 12-12-2026 مع Jan.", "Naam: سمير علي (34)", "سن من ۳۴ سال است", "المبلغ €250 شهريا",
	"\u202Eomgekeerd\u202C en \u2067عربي\u2069", "((([[{", "a)b(c", "٣٤ 56 ab عربي\u064E\u064E",
	"שלום 👩🏽\u200d💻 x", "\x00\t\n\r\u0085\u2028", "12,5% van 3.000", "\xff\xfe ab",
	strings.Repeat("س", 200), strings.Repeat("ab 12 عربي ", 20),
}

// logicalOrder reports whether the runs' texts, in some order, concatenate
// to line: VisualRuns keeps every character and only moves whole runs.
// Runs with equal texts are interchangeable, so each text is tried once at
// a position; budget bounds the search.
func logicalOrder(line string, runs []Run) bool {
	used := make([]bool, len(runs))
	budget := 100_000
	var match func(pos, left int) bool
	match = func(pos, left int) bool {
		if left == 0 {
			return pos == len(line)
		}
		if budget--; budget < 0 {
			return true // too many equal pieces to decide; the other checks still hold
		}
		tried := map[string]bool{}
		for i, r := range runs {
			if used[i] || tried[r.Text] || !strings.HasPrefix(line[pos:], r.Text) {
				continue
			}
			tried[r.Text] = true
			used[i] = true
			if match(pos+len(r.Text), left-1) {
				return true
			}
			used[i] = false
		}
		return false
	}
	return match(0, len(runs))
}

// hasClass reports whether s has a character whose bidi class (as
// VisualRuns reads it) is one of cs.
func hasClass(s string, cs ...bidi.Class) bool {
	for _, r := range s {
		if slices.Contains(cs, class(r)) {
			return true
		}
	}
	return false
}

func hasIsolate(s string) bool { return strings.ContainsAny(s, string([]rune{lri, rli, fsi})) }

func FuzzVisualRuns(f *testing.F) {
	for _, s := range bidiSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, line string, rtl bool) {
		runs := VisualRuns(line, rtl)
		StrongDirection(line)
		// Invalid UTF-8 is read as U+FFFD, one per bad byte.
		valid := string([]rune(line))
		if valid == "" {
			if runs != nil {
				t.Fatalf("VisualRuns(%q) = %+v, want none", line, runs)
			}
			return
		}
		for _, r := range runs {
			if r.Text == "" {
				t.Fatalf("VisualRuns(%q, %v) has an empty run: %+v", line, rtl, runs)
			}
		}
		if !logicalOrder(valid, runs) {
			t.Fatalf("VisualRuns(%q, %v) = %+v: the runs do not make up the line", line, rtl, runs)
		}
		// A line without right-to-left letters or Arabic digits in a
		// left-to-right paragraph stays as it is; so does a line without
		// left-to-right letters or digits in a right-to-left one. An
		// isolate of the other direction turns what it holds, as it should;
		// one of the same direction may make more runs, all one way.
		oneWay := func(rtl bool) bool {
			for _, r := range runs {
				if r.RTL != rtl {
					return false
				}
			}
			return true
		}
		if !rtl && !hasClass(valid, bidi.R, bidi.AL, bidi.AN) && !strings.ContainsRune(valid, rli) &&
			(!oneWay(false) || len(runs) != 1 && !hasIsolate(valid)) {
			t.Errorf("VisualRuns(%q, false) = %+v, want one left-to-right run", line, runs)
		}
		if rtl && !hasClass(valid, bidi.L, bidi.EN, bidi.AN) && !strings.ContainsAny(valid, string([]rune{lri, fsi})) &&
			(!oneWay(true) || len(runs) != 1 && !hasIsolate(valid)) {
			t.Errorf("VisualRuns(%q, true) = %+v, want one right-to-left run", line, runs)
		}
		for _, r := range runs {
			if r.RTL {
				RTLPieces(r.Text)
			}
		}
	})
}

func FuzzRTLPieces(f *testing.F) {
	for _, s := range bidiSeeds {
		f.Add(s)
	}
	f.Add(" سنة (34) «نعم» ")
	f.Add("ـ\u064E)")
	f.Fuzz(func(t *testing.T, run string) {
		pieces := RTLPieces(run)
		valid := string([]rune(run))
		// Undone: the pieces back in logical order, punctuation turned
		// back and mirrored back, give the run.
		var back []string
		for i := len(pieces) - 1; i >= 0; i-- {
			rs := []rune(pieces[i])
			if len(rs) == 0 {
				t.Fatalf("RTLPieces(%q) = %q has an empty piece", run, pieces)
			}
			if !isWordRune(rs[0]) {
				slices.Reverse(rs)
				for k, r := range rs {
					rs[k] = Mirror(r)
				}
			}
			back = append(back, string(rs))
		}
		if got := strings.Join(back, ""); got != valid {
			t.Fatalf("RTLPieces(%q) = %q, undone %q", run, pieces, got)
		}
		// Words and what lies between them alternate.
		for i := 1; i < len(pieces); i++ {
			a, b := []rune(pieces[i-1]), []rune(pieces[i])
			if isWordRune(a[0]) == isWordRune(b[0]) {
				t.Errorf("RTLPieces(%q) = %q: pieces %d and %d are both words or both not", run, pieces, i-1, i)
			}
			for _, p := range [][]rune{a, b} {
				for _, r := range p {
					if isWordRune(r) != isWordRune(p[0]) {
						t.Errorf("RTLPieces(%q) = %q: piece %q mixes letters and punctuation", run, pieces, string(p))
					}
				}
			}
		}
	})
}
