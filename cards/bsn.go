package cards

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clients are pseudonymous on purpose: the app has no field for a
// burgerservicenummer (BSN), and one typed into free text by habit is
// found here so the professional can take it out, and so it is never
// printed on the client's plan.
//
// What counts as a BSN, written down so that a false alarm can be explained:
//
//   - Nine digits that pass the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is
//     a multiple of 11, and not all zeros), written as one run
//     ("123456782") or in the groups people use, with one space, dot or
//     hyphen between them: 3-3-3 ("123 456 782", "123.456.782") or 4-2-3
//     ("1234.56.782", as on a passport). The digits may be Western,
//     Arabic-Indic (٠–٩, ۰–۹) or full-width.
//   - Old eight-digit BSNs are valid with a leading zero, and are found
//     when written so, as nine digits. A standalone run of eight digits is
//     not: dates (01082024), file and phone numbers are written that way
//     far more often, and the plan removes what is found without asking.
//   - The number must stand on its own: it does not touch another digit,
//     and is not joined by a dot, comma or hyphen to more digits (a longer
//     number, a decimal, a date, an amount such as "123.456.782,00" or
//     "123.456.782,-"). A grouped form is also not joined by its own
//     separator to more digits ("020 123 456 782" is one longer number); a
//     separate number one space away is fine ("nr 2 123456782").
//   - A nine-digit run after an international prefix ("+31 612345678") is a
//     phone number. Ten-digit phone numbers (0612345678), IBANs
//     (NL91ABNA0417164300: ten digits after the letters) and postcodes
//     (1234 AB) never have nine digits in a run.
//   - Letters around the number do not matter ("BSN123456782" is found).

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// digitGroup is one run of digits in a text.
type digitGroup struct {
	start, end int   // byte offsets
	digits     []int // their values; nil when a digit is of another script
	plus       bool  // right after a '+'
}

// Links between two digit groups: the one character between them.
const (
	linkNone  = 0
	linkSpace = ' '
)

// linkOf classifies the text between two digit groups: one separator
// character, or nothing that joins them.
func linkOf(between string) byte {
	r, n := utf8.DecodeRuneInString(between)
	if n == 0 || n != len(between) {
		return linkNone
	}
	switch r {
	case ' ', '\u00A0', '\u202F': // space, no-break space, narrow no-break space
		return linkSpace
	case '.', ',', '-':
		return byte(r)
	}
	return linkNone
}

// digitValue is the value of a Western or Arabic-Indic digit.
func digitValue(r rune) (int, bool) {
	for _, zero := range []rune{'0', '\u0660', '\u06F0', '\uFF10'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero), true
		}
	}
	return 0, false
}

// digitGroups splits text into its runs of digits and the links between
// consecutive runs: links[i] joins groups[i] and groups[i+1].
func digitGroups(text string) (groups []digitGroup, links []byte) {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsDigit(r) {
			i += n
			continue
		}
		g := digitGroup{start: i, plus: i > 0 && text[i-1] == '+'}
		known := true
		for i < len(text) {
			r, n = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsDigit(r) {
				break
			}
			v, ok := digitValue(r)
			known = known && ok
			g.digits = append(g.digits, v)
			i += n
		}
		g.end = i
		if !known {
			g.digits = nil
		}
		if len(groups) > 0 {
			links = append(links, linkOf(text[groups[len(groups)-1].end:g.start]))
		}
		groups = append(groups, g)
	}
	return groups, links
}

// Elfproef reports whether nine digits pass the check every BSN passes.
func Elfproef(d []int) bool {
	if len(d) != 9 {
		return false
	}
	sum, zero := -d[8], d[8] == 0
	for k := range 8 {
		sum += (9 - k) * d[k]
		zero = zero && d[k] == 0
	}
	return !zero && sum%11 == 0
}

// groupings are the ways a BSN is written in groups, besides one run.
var groupings = [][]int{{3, 3, 3}, {4, 2, 3}}

// FindBSNs returns where text holds what looks like a BSN, in order;
// see the top of this file for what counts.
func FindBSNs(text string) []Span {
	groups, links := digitGroups(text)
	before := func(i int) byte {
		if i == 0 {
			return linkNone
		}
		return links[i-1]
	}
	after := func(i int) byte {
		if i == len(links) {
			return linkNone
		}
		return links[i]
	}
	tight := func(l byte) bool { return l == '.' || l == ',' || l == '-' }
	// phone: a group after an international prefix, "+31 612345678".
	phone := func(i int) bool { return groups[i].plus || before(i) == linkSpace && groups[i-1].plus }
	// amount: whole euros, "123.456.782,-"
	amount := func(end int) bool {
		return strings.HasPrefix(text[end:], ",-") || strings.HasPrefix(text[end:], ",–")
	}
	var out []Span
	for i := 0; i < len(groups); i++ {
		g := groups[i]
		if len(g.digits) == 9 && !tight(before(i)) && !tight(after(i)) {
			if !phone(i) && !amount(g.end) && Elfproef(g.digits) {
				out = append(out, Span{g.start, g.end})
			}
			continue
		}
		for _, lens := range groupings {
			last := i + len(lens) - 1
			if last >= len(groups) {
				continue
			}
			sep := links[i]
			if sep == linkNone || sep == ',' {
				continue
			}
			var d []int
			fits := true
			for k, n := range lens {
				gk := groups[i+k]
				fits = fits && len(gk.digits) == n && (k == 0 || links[i+k-1] == sep)
				d = append(d, gk.digits...)
			}
			alone := func(l byte) bool { return l == linkNone || l == linkSpace && sep != linkSpace }
			if fits && alone(before(i)) && alone(after(last)) && !phone(i) && !amount(groups[last].end) && Elfproef(d) {
				out = append(out, Span{g.start, groups[last].end})
				i = last
				break
			}
		}
	}
	return out
}

// RemoveBSNs returns text without what FindBSNs finds, and without the
// space that would be left doubled, or before a punctuation mark or the
// end of a line, where a number was taken out. The rest of the text is
// kept as it is.
func RemoveBSNs(text string) string {
	// Taking a number out can bring two groups of digits together into a
	// new one ("1234 123456782 56 782"), so look again until none is left;
	// every round removes digits, so this ends.
	for {
		spans := FindBSNs(text)
		if len(spans) == 0 {
			return text
		}
		for k := len(spans) - 1; k >= 0; k-- { // from the end: the earlier offsets stay right
			text = cut(text, spans[k].Start, spans[k].End)
		}
	}
}

// cut takes text[a:b] out, tidying the spaces around it.
func cut(text string, a, b int) string {
	spaceBefore := a > 0 && text[a-1] == ' '
	spaceAfter := b < len(text) && text[b] == ' '
	lineStart := a == 0 || strings.ContainsRune("\n(", rune(text[a-1]))
	lineEnd := b == len(text) || strings.ContainsRune("\n.,;:!?)", rune(text[b]))
	switch {
	case spaceBefore && (spaceAfter || lineEnd):
		a--
	case spaceAfter && lineStart:
		b++
	}
	return text[:a] + text[b:]
}

// WithoutBSNs returns a copy of the session with FindBSNs' numbers taken
// out of every text the client or the professional typed: the goal, the
// reasons, the agreements, the notes, and the rest. The session itself is
// left as it is.
func (s Session) WithoutBSNs() Session {
	c := s
	for key, field := range textFields {
		if key != KeyDecision { // a card's ID, not typed text
			p := field(&c)
			*p = RemoveBSNs(*p)
		}
	}
	c.Areas = make(map[LifeArea]Area, len(s.Areas))
	for a, area := range s.Areas {
		area.Note = RemoveBSNs(area.Note)
		c.Areas[a] = area
	}
	c.Drivers = make(map[Factor]Driver, len(s.Drivers))
	for f, d := range s.Drivers {
		d.Helps, d.HoldsBack = RemoveBSNs(d.Helps), RemoveBSNs(d.HoldsBack)
		c.Drivers[f] = d
	}
	c.Notes = make(map[int]string, len(s.Notes))
	for step, n := range s.Notes {
		c.Notes[step] = RemoveBSNs(n)
	}
	c.Agreements = slices.Clone(s.Agreements)
	for i := range c.Agreements {
		a := &c.Agreements[i]
		a.Who, a.What, a.Due = RemoveBSNs(a.Who), RemoveBSNs(a.What), RemoveBSNs(a.Due)
	}
	return c
}
