package cards

import (
	"fmt"
	"strings"
	"unicode"
)

// Readability of Dutch text by the Flesch–Douma formula:
// 206.835 − 0.93 × (words per sentence) − 77 × (syllables per word).
// 60–70 is fairly easy, 70–80 easy, above 80 very easy, below 50 hard.

// Thresholds for client-facing text (B1).
const (
	MinReadability     = 60
	MaxSentenceWords   = 15
	readabilityBase    = 206.835
	readabilitySentW   = 0.93
	readabilitySyllabW = 77
)

// Readability is the measurement of one text.
type Readability struct {
	Sentences, Words, Syllables int
	Score                       float64
	LongSentences               []string // sentences over MaxSentenceWords words
}

// Measure scores a Dutch text. Sentences end at '.', '!', '?' or a line break.
func Measure(text string) Readability {
	var r Readability
	for _, s := range splitSentences(text) {
		words := sentenceWords(s)
		if len(words) == 0 {
			continue
		}
		r.Sentences++
		r.Words += len(words)
		for _, w := range words {
			r.Syllables += Syllables(w)
		}
		if len(words) > MaxSentenceWords {
			r.LongSentences = append(r.LongSentences, strings.TrimSpace(s))
		}
	}
	if r.Words > 0 {
		r.Score = readabilityBase -
			readabilitySentW*float64(r.Words)/float64(r.Sentences) -
			readabilitySyllabW*float64(r.Syllables)/float64(r.Words)
	}
	return r
}

func splitSentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == '.' || r == '!' || r == '?' || r == '\n'
	})
}

// sentenceWords returns the words of a sentence: runs of letters and digits,
// with hyphens and apostrophes inside a word kept ("e-mail", "zo'n").
func sentenceWords(s string) []string {
	var words []string
	for _, tok := range strings.Fields(s) {
		tok = strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if tok != "" {
			words = append(words, tok)
		}
	}
	return words
}

// syllableUnits are vowel groups that form one syllable, longest first.
var syllableUnits = []string{
	"eau", "aai", "ooi", "oei", "eeu", "ieu",
	"aa", "ee", "ie", "oe", "eu", "ij", "ui", "ou", "au", "ei", "oo", "uu", "ai", "oi",
}

// Syllables counts the syllables of a Dutch word: every run of vowels is
// split into known one-syllable groups (aa, ie, eeu, ij, …); a vowel outside
// such a group counts alone, so "radio" has three. ë and ï start a new
// syllable ("België"). A word without vowels, like a number, counts as one.
// English loanwords are counted as if Dutch ("coach" gets two).
func Syllables(word string) int {
	rs := []rune(strings.ToLower(word))
	n := 0
	for i := 0; i < len(rs); {
		if !isVowelAt(rs, i) {
			i++
			continue
		}
		var run strings.Builder
		j := i
		for ; j < len(rs); j++ {
			r := rs[j]
			if j > i && (r == 'ë' || r == 'ï') {
				break
			}
			if isVowelAt(rs, j) {
				run.WriteRune(baseVowel(r))
			} else if r == 'j' && baseVowel(rs[j-1]) == 'i' {
				run.WriteRune('j')
			} else {
				break
			}
		}
		n += countUnits(run.String())
		i = j
	}
	return max(n, 1)
}

// isVowelAt reports whether rs[i] is a vowel; y before another vowel is a
// consonant ("yoga").
func isVowelAt(rs []rune, i int) bool {
	switch baseVowel(rs[i]) {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return i+1 >= len(rs) || !isVowelAt(rs, i+1)
	}
	return false
}

// baseVowel strips an accent from a vowel: é → e.
func baseVowel(r rune) rune {
	if r < 0x80 {
		return r
	}
	if f := []rune(Fold(string(r))); len(f) == 1 {
		return f[0]
	}
	return r
}

func countUnits(run string) int {
	n := 0
	for run != "" {
		step := 1
		for _, u := range syllableUnits {
			if strings.HasPrefix(run, u) {
				step = len(u)
				break
			}
		}
		run = run[step:]
		n++
	}
	return n
}

// TextNotice is a client-facing text of a card that is not plain enough.
type TextNotice struct {
	CardID, Field, Text string
	Readability         Readability
}

func (n TextNotice) String() string {
	var parts []string
	if n.Readability.Score < MinReadability {
		parts = append(parts, fmt.Sprintf("leesbaarheid %.0f (lager dan %d): %q", n.Readability.Score, MinReadability, n.Text))
	}
	for _, s := range n.Readability.LongSentences {
		parts = append(parts, fmt.Sprintf("zin van %d woorden (meer dan %d): %q", len(sentenceWords(s)), MaxSentenceWords, s))
	}
	return fmt.Sprintf("%s, veld %q: %s", n.CardID, n.Field, strings.Join(parts, "; "))
}

// CheckReadability returns every client-facing text of the cards that
// scores below MinReadability or has a sentence over MaxSentenceWords words.
// Titles and sources are names, not sentences, and are not checked.
func CheckReadability(cs []Card) []TextNotice {
	var out []TextNotice
	for _, c := range cs {
		check := func(field, text string) {
			r := Measure(text)
			if r.Words > 0 && (r.Score < MinReadability || len(r.LongSentences) > 0) {
				out = append(out, TextNotice{CardID: c.ID, Field: field, Text: text, Readability: r})
			}
		}
		check("samenvatting", c.Summary)
		check("wat_ga_je_doen", c.WhatYouDo)
		check("voorwaarden", c.Suits.Conditions)
		for _, p := range c.Pros {
			check("voordelen", p)
		}
		for _, p := range c.Cons {
			check("nadelen", p)
		}
		check("effect_uitleg", c.Effect.Explanation)
		check("clienten_zeggen", c.Clients)
	}
	return out
}
