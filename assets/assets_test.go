package assets

import (
	"encoding/xml"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

func builtIn(t *testing.T) []cards.Card {
	t.Helper()
	cs, err := cards.ParseTOML(CatalogueName, Catalogue())
	if err != nil {
		t.Fatalf("built-in catalogue: %v", err)
	}
	return cs
}

func TestCatalogue_Size(t *testing.T) {
	cs := builtIn(t)
	if len(cs) < 40 {
		t.Errorf("%d instruments, want at least 40", len(cs))
	}
	perCategory := map[cards.Category]int{}
	for _, c := range cs {
		perCategory[c.Category]++
	}
	for _, cat := range cards.Categories {
		if perCategory[cat] < 6 {
			t.Errorf("category %s has %d instruments, want at least 6", cat, perCategory[cat])
		}
	}
}

// TestCatalogue_Complete checks what validation allows to be empty but the
// built-in catalogue must fill: every card says for whom it is, and every
// claimed effect names one of the sources in docs/SOURCES.md.
func TestCatalogue_Complete(t *testing.T) {
	verified := []string{"Card, Kluve & Weber (2018)", "Kluve (2010)", "Liu, Huang & Wang (2014)", "Frederick & VanderWeele (2019)", "Michon et al. (2014)"}
	for _, c := range builtIn(t) {
		if len(c.Suits.WorkExperience) == 0 {
			t.Errorf("%s: werkervaring is empty", c.ID)
		}
		if c.Effect.Level == cards.EffectUnknown {
			if c.Effect.Source != "" {
				t.Errorf("%s: effect unknown but source %q", c.ID, c.Effect.Source)
			}
			continue
		}
		for _, part := range strings.Split(c.Effect.Source, "; ") {
			if !slices.ContainsFunc(verified, func(v string) bool { return strings.HasPrefix(part, v) }) {
				t.Errorf("%s: source %q is not one of the verified sources", c.ID, part)
			}
		}
	}
}

func TestCatalogue_Readability(t *testing.T) {
	for _, n := range cards.CheckReadability(builtIn(t)) {
		t.Error(n)
	}
}

func TestPictograms(t *testing.T) {
	if got := PictogramNames(); !slices.Equal(got, slices.Sorted(slices.Values(cards.Pictograms))) {
		t.Errorf("drawings %v, want one for each of %v", got, cards.Pictograms)
	}
	for _, name := range cards.Pictograms {
		data, ok := Pictogram(name)
		if !ok {
			continue
		}
		var svg struct {
			XMLName xml.Name
			ViewBox string `xml:"viewBox,attr"`
		}
		if err := xml.Unmarshal(data, &svg); err != nil || svg.XMLName.Local != "svg" || svg.ViewBox != "0 0 96 96" {
			t.Errorf("%s.svg: not a 96×96 SVG (%v)", name, err)
		}
		// Fyne's SVG renderer draws neither text nor styles.
		for _, unsupported := range []string{"<text", "<style", "<use", "Gradient"} {
			if strings.Contains(string(data), unsupported) {
				t.Errorf("%s.svg uses %s", name, unsupported)
			}
		}
	}
	if _, ok := Pictogram(FallbackPictogram); !ok {
		t.Errorf("no fallback pictogram %q", FallbackPictogram)
	}
}

// TestCardTranslations checks that every card has a translation in each
// language and that its pros and cons match the Dutch ones in number, so
// none silently stays Dutch.
func TestCardTranslations(t *testing.T) {
	cs := builtIn(t)
	langs := TranslationLanguages()
	if !slices.Contains(langs, "en") || !slices.Contains(langs, "ar") {
		t.Fatalf("translations for %v, want at least en and ar", langs)
	}
	for _, lang := range langs {
		tr, err := CardTranslations(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			got, ok := tr.Apply(c)
			switch {
			case !ok:
				t.Errorf("%s: no translation of %s", lang, c.ID)
			case got.Title == c.Title:
				t.Errorf("%s: %s has the Dutch title", lang, c.ID)
			case !slices.Equal(got.Pros, tr[c.ID].Pros) || !slices.Equal(got.Cons, tr[c.ID].Cons):
				t.Errorf("%s: %s has another number of pros or cons than the Dutch card", lang, c.ID)
			}
		}
		if len(tr) != len(cs) {
			t.Errorf("%s: %d translations for %d cards", lang, len(tr), len(cs))
		}
	}
}

// TestLanguageStatus: every language with messages says how it was made.
func TestLanguageStatus(t *testing.T) {
	entries, _ := os.ReadDir("../locales")
	for _, e := range entries {
		lang, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok {
			continue
		}
		if s := LanguageStatusOf(lang); !slices.Contains([]string{"bron", "ontwikkelteam-ai", "machine"}, s.Made) || s.Made == "machine" && s.Date.IsZero() {
			t.Errorf("%s: no status in languages.toml", lang)
		}
	}
	if !LanguageStatusOf("nl").Checked || LanguageStatusOf("tr").Checked {
		t.Error("Dutch is the checked source; Turkish is not checked yet")
	}
}
