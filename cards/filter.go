package cards

import (
	"math/bits"
	"slices"
	"strings"
)

// Filter selects cards. Within one group (categories, goals, factors) a card
// needs to match any of the chosen values; across groups it must match all.
// An empty group does not filter.
type Filter struct {
	Query      string // free text; every word must occur somewhere in the card
	Categories []Category
	Goals      []Goal
	Factors    []Factor
	Client     Profile
}

// Profile holds the characteristics of a client that decide which instruments
// suit them. Zero values mean "not known" and filter nothing.
type Profile struct {
	Age            int
	WorkExperience WorkExperience
	Language       LanguageLevel
}

// Points a match earns; a hit in the title outweighs one in the body text.
const (
	scoreTitleWord  = 30 // a query word starts a word of the title
	scoreTitle      = 20
	scoreSummary    = 10
	scoreBody       = 4
	scoreWholeTitle = 20 // the whole query occurs in the title
	scorePerGoal    = 8
	scorePerFactor  = 4
)

// Filter returns the cards that pass f, best match first. Cards that match
// equally well keep route order (category, then title).
func (c *Catalogue) Filter(f Filter) []Card {
	words := strings.Fields(Fold(f.Query))
	phrase := strings.Join(words, " ")
	var cats uint8
	for _, cat := range f.Categories {
		cats |= 1 << categoryIndex(cat)
	}
	var goals, factors uint16
	for _, g := range f.Goals {
		goals |= goalBit(g)
	}
	for _, x := range f.Factors {
		factors |= factorBit(x)
	}

	type hit struct{ i, score int }
	var hits []hit
	for i := range c.index {
		e := &c.index[i]
		if cats != 0 && cats&(1<<e.category) == 0 ||
			goals != 0 && e.goals&goals == 0 ||
			factors != 0 && e.factors&factors == 0 ||
			!f.Client.suits(&c.cards[i].Suits) {
			continue
		}
		score, ok := e.textScore(words)
		if !ok {
			continue
		}
		if len(words) > 1 && strings.Contains(e.title, phrase) {
			score += scoreWholeTitle
		}
		score += scorePerGoal*bits.OnesCount16(e.goals&goals) + scorePerFactor*bits.OnesCount16(e.factors&factors)
		hits = append(hits, hit{i, score})
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			return b.score - a.score
		}
		ea, eb := &c.index[a.i], &c.index[b.i]
		if ea.category != eb.category {
			return ea.category - eb.category
		}
		return strings.Compare(ea.title, eb.title)
	})
	out := make([]Card, len(hits))
	for k, h := range hits {
		out[k] = c.cards[h.i]
	}
	return out
}

// textScore scores the query words against the card; ok is false when a
// word occurs nowhere.
func (e *entry) textScore(words []string) (score int, ok bool) {
	for _, w := range words {
		switch {
		case startsWord(e.title, w):
			score += scoreTitleWord
		case strings.Contains(e.title, w):
			score += scoreTitle
		case strings.Contains(e.summary, w):
			score += scoreSummary
		case strings.Contains(e.body, w):
			score += scoreBody
		default:
			return 0, false
		}
	}
	return score, true
}

// startsWord reports whether w occurs in s at the start of a word.
func startsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if i == 0 || !isWordByte(s[i-1]) {
			return true
		}
		off = i + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// suits reports whether an instrument with suitability s fits the client.
func (cl Profile) suits(s *Suitability) bool {
	if cl.Age > 0 && !s.Age.IsZero() && !s.Age.Contains(cl.Age) {
		return false
	}
	if cl.WorkExperience != "" && len(s.WorkExperience) > 0 && !slices.Contains(s.WorkExperience, cl.WorkExperience) {
		return false
	}
	if cl.Language != "" && !cl.Language.AtLeast(s.MinLanguage) {
		return false
	}
	return true
}
