package cards

import (
	"strings"
	"time"
)

// Catalogue is an immutable set of cards with a search index. Build it with
// NewCatalogue; the cards keep the order they were given in.
type Catalogue struct {
	cards []Card
	index []entry
	byID  map[string]int
}

// entry holds what filtering and search need of one card, prepared once.
type entry struct {
	title, summary, body string // folded text
	goals, factors       uint16 // bit sets, see goalBit and factorBit
	category             int    // position in Categories
}

// NewCatalogue builds a catalogue and its search index.
func NewCatalogue(cs []Card) *Catalogue {
	c := &Catalogue{cards: cs, index: make([]entry, len(cs)), byID: make(map[string]int, len(cs))}
	for i := range cs {
		c.index[i] = newEntry(&cs[i])
		c.byID[cs[i].ID] = i
	}
	return c
}

func newEntry(c *Card) entry {
	var b strings.Builder
	for _, s := range []string{c.WhatYouDo, c.Provider, c.Duration, c.Suits.Conditions, c.Effect.Explanation, c.Clients, string(c.Category)} {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	for _, list := range [][]string{c.Pros, c.Cons} {
		for _, s := range list {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	e := entry{title: Fold(c.Title), summary: Fold(c.Summary), category: categoryIndex(c.Category)}
	for _, g := range c.Goals {
		e.goals |= goalBit(g)
		b.WriteString(string(g))
		b.WriteByte('\n')
	}
	for _, f := range c.Factors {
		e.factors |= factorBit(f)
	}
	e.body = Fold(b.String())
	return e
}

// Len returns the number of cards.
func (c *Catalogue) Len() int { return len(c.cards) }

// Date is the day the catalogue was last brought up to date: the latest
// review date of its cards. Printed decks carry it, so a deck can be
// matched to its catalogue.
func (c *Catalogue) Date() time.Time {
	var d time.Time
	for _, card := range c.cards {
		if card.Reviewed.After(d) {
			d = card.Reviewed
		}
	}
	return d
}

// Cards returns all cards in catalogue order. The slice must not be modified.
func (c *Catalogue) Cards() []Card { return c.cards }

// Card returns the card with the given ID.
func (c *Catalogue) Card(id string) (Card, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Card{}, false
	}
	return c.cards[i], true
}

func categoryIndex(cat Category) int {
	for i, x := range Categories {
		if x == cat {
			return i
		}
	}
	return len(Categories)
}

func goalBit(g Goal) uint16 {
	for i, x := range Goals {
		if x == g {
			return 1 << i
		}
	}
	return 0
}

func factorBit(f Factor) uint16 {
	for i, x := range Factors {
		if x == f {
			return 1 << i
		}
	}
	return 0
}
