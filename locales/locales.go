// Package locales holds the user interface's translations as go-i18n
// message files (Dutch is the source language) and a Translator over them.
// We keep our own bundle instead of Fyne's lang package because the
// client's language is chosen in the app, not taken from the computer.
package locales

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// Source is the language every message exists in; others fall back to it.
var Source = language.Dutch

// Full languages have every message. Others are client languages: they
// have the messages of the client view, those whose ID starts with one of
// ClientPrefixes.
var Full = []language.Tag{language.Dutch, language.English}

// ClientPrefixes are the message IDs the client view, the client's printed
// plan and the card decks use.
var ClientPrefixes = []string{
	"cv.", "deck.", "kit.", "overview.", "answer.", "area.", "mark.", "sure.", "row.", "effect.", "factor.", "goal.", "category.",
	"hours.", "plan.", "step.", "step1.intro", "step1.slogan", "step5.total", "step6.agreements", "step6.next",
}

// bundles holds, per language, a bundle of that language's messages and
// the Dutch ones: a command that prints in one language parses only the
// files it needs.
var bundles sync.Map // language tag → func() (*i18n.Bundle, error)

// bundleFor returns the bundle for tag, building it once.
func bundleFor(tag language.Tag) (*i18n.Bundle, error) {
	build, _ := bundles.LoadOrStore(tag, sync.OnceValues(func() (*i18n.Bundle, error) {
		b := i18n.NewBundle(Source)
		b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
		langs := Languages()
		_, best, conf := language.NewMatcher(langs).Match(tag)
		load := []language.Tag{Source}
		if conf != language.No && best > 0 {
			load = append(load, langs[best]) // en for en-GB
		}
		for _, t := range load {
			name := t.String() + ".toml"
			if _, err := b.LoadMessageFileFS(files, name); err != nil {
				return nil, fmt.Errorf("vertaling %s laden: %w", name, err)
			}
		}
		return b, nil
	}))
	return build.(func() (*i18n.Bundle, error))()
}

// Languages returns the languages there are message files for, Dutch first.
func Languages() []language.Tag {
	out := []language.Tag{Source}
	entries, _ := files.ReadDir(".")
	for _, e := range entries {
		tag, err := language.Parse(strings.TrimSuffix(e.Name(), ".toml"))
		if err == nil && tag != Source {
			out = append(out, tag)
		}
	}
	return out
}

// Translator looks up interface texts in one language, falling back to Dutch.
type Translator struct {
	lang language.Tag
	loc  *i18n.Localizer
}

// New returns a translator for lang, a BCP 47 tag such as "nl" or "en".
// It fails only when the embedded message files are broken.
func New(lang string) (*Translator, error) {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = Source
	}
	b, err := bundleFor(tag)
	if err != nil {
		return nil, err
	}
	return &Translator{lang: tag, loc: i18n.NewLocalizer(b, tag.String(), Source.String())}, nil
}

// Language returns the translator's language.
func (t *Translator) Language() language.Tag { return t.lang }

// T returns the message id, filled in with data (a map or struct for the
// message's template). A message missing in every language shows its id, so
// a forgotten translation is visible instead of blank.
func (t *Translator) T(id string, data ...any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
	}
	s, err := t.loc.Localize(cfg)
	if err != nil && s == "" {
		return id
	}
	return s
}

// N returns the plural form of message id for count n; the template can use
// {{.Count}}.
func (t *Translator) N(id string, n int, data ...map[string]any) string {
	td := map[string]any{"Count": n}
	for _, d := range data {
		for k, v := range d {
			td[k] = v
		}
	}
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: td})
	if err != nil && s == "" {
		return id
	}
	return s
}
