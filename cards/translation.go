package cards

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// CardText is the client-facing text of one card in another language.
type CardText struct {
	Title      string   `toml:"titel"`
	Summary    string   `toml:"samenvatting"`
	WhatYouDo  string   `toml:"wat_ga_je_doen"`
	Duration   string   `toml:"duur"`
	Conditions string   `toml:"voorwaarden"`
	Pros       []string `toml:"voordelen"`
	Cons       []string `toml:"nadelen"`
	Effect     string   `toml:"effect_uitleg"`
	Clients    string   `toml:"clienten_zeggen"`
}

// Translations holds the card texts of one language, by card ID.
type Translations map[string]CardText

// ParseTranslations reads a translation file: one table per card ID with
// the keys of the catalogue's client-facing fields.
func ParseTranslations(name string, data []byte) (Translations, error) {
	var t Translations
	md, err := toml.Decode(string(data), &t)
	if err != nil {
		return nil, fmt.Errorf("%s: geen geldige vertaling: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: onbekend veld %q", name, und[0].String())
	}
	return t, nil
}

// Apply returns card c with its texts in the translation's language. A
// field without a translation stays Dutch, and so do pros or cons whose
// number differs from the card's (the catalogue changed since). ok is false
// when the card has no translation at all.
func (t Translations) Apply(c Card) (translated Card, ok bool) {
	tx, ok := t[c.ID]
	if !ok {
		return c, false
	}
	set := func(dst *string, src string) {
		if src != "" {
			*dst = src
		}
	}
	set(&c.Title, tx.Title)
	set(&c.Summary, tx.Summary)
	set(&c.WhatYouDo, tx.WhatYouDo)
	set(&c.Duration, tx.Duration)
	set(&c.Suits.Conditions, tx.Conditions)
	set(&c.Effect.Explanation, tx.Effect)
	set(&c.Clients, tx.Clients)
	if len(tx.Pros) == len(c.Pros) {
		c.Pros = tx.Pros
	}
	if len(tx.Cons) == len(c.Cons) {
		c.Cons = tx.Cons
	}
	return c, true
}
