package locales

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// b1Exceptions are client-facing Dutch messages that may miss the B1
// measure, each with the reason. Short labels are scored harshly by a
// formula made for sentences; the list keeps to those.
var b1Exceptions = map[string]string{
	"factor.sociale-norm":     "a label, no sentence; every word in it is an everyday word",
	"effect.praktijkervaring": "a label, no sentence; \"praktijk\" is the plain word for it",
	"step5.total":             "a tally of two labels and two numbers, no prose",
}

// TestDutch_B1: every Dutch message the client reads (the client view,
// the plan, the overview and the decks) scores at least 60 on
// Flesch–Douma and has no sentence over 15 words, unless it is listed
// above with a reason.
func TestDutch_B1(t *testing.T) {
	field := regexp.MustCompile(`{{\.[A-Za-z]+}}`)
	for id, v := range messageFile(t, "nl.toml") {
		s, ok := v.(string)
		client := slices.ContainsFunc(ClientPrefixes, func(p string) bool { return strings.HasPrefix(id, p) })
		if !ok || !client || b1Exceptions[id] != "" {
			continue
		}
		// A filled-in field reads as one short word.
		r := cards.Measure(field.ReplaceAllString(s, "X"))
		if r.Words < 4 {
			continue // a label of a few words is not prose to score
		}
		if r.Score < cards.MinReadability || len(r.LongSentences) > 0 {
			t.Errorf("%q is not B1: score %.0f, long sentences %q: %q", id, r.Score, r.LongSentences, s)
		}
	}
}
