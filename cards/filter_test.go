package cards

import (
	"slices"
	"testing"
)

func filterCatalogue() *Catalogue {
	debt := sampleCard("schuldhulp", CategoryPractical, "Schuldhulpverlening")
	debt.Goals = []Goal{GoalDebts}
	debt.Factors = []Factor{FactorCircumstances, FactorSelfRegulate}
	debt.Suits = Suitability{MinLanguage: LanguageNone, Conditions: "Je hebt schulden."}

	cafe := sampleCard("leerwerk-cafe", CategoryTowardWork, "Leerwerkplek in een café")
	cafe.Goals = []Goal{GoalWorkExperience, GoalEmployeeSkill}
	cafe.Factors = []Factor{FactorKnowledge}
	cafe.Suits.Age = Range{Min: 18, Max: 27}
	cafe.Suits.WorkExperience = []WorkExperience{ExperienceNone}

	budget := sampleCard("budgetcoach", CategoryPractical, "Budgetcoach")
	budget.Summary = "Je leert je geld en je schulden bij te houden."
	budget.Goals = []Goal{GoalDebts, GoalDailyRhythm}
	budget.Factors = []Factor{FactorSelfRegulate}
	budget.Suits.Age = Range{}
	budget.Suits.MinLanguage = LanguageB1

	lang := sampleCard("taalhuis", CategoryPractical, "Taalhuis")
	lang.Goals = []Goal{GoalDutch}
	lang.Factors = []Factor{FactorKnowledge, FactorSelfEfficacy}
	lang.Suits.Age = Range{Min: 27}
	lang.Suits.MinLanguage = LanguageNone
	lang.Suits.WorkExperience = nil

	after := sampleCard("nazorg-coach", CategoryAftercare, "Nazorg door je coach")
	after.Goals = []Goal{GoalEmployeeSkill}
	after.Pros = []string{"Je kunt bellen bij schulden of stress.", "Je staat er niet alleen voor."}
	after.Suits.Age = Range{}
	after.Suits.WorkExperience = nil
	after.Suits.MinLanguage = LanguageA1

	return NewCatalogue([]Card{debt, cafe, budget, lang, after})
}

func ids(cs []Card) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func TestCatalogue_Filter(t *testing.T) {
	cat := filterCatalogue()
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"no filter keeps route order", Filter{}, []string{"budgetcoach", "schuldhulp", "taalhuis", "leerwerk-cafe", "nazorg-coach"}},
		{"query without accent finds accented title", Filter{Query: "cafe"}, []string{"leerwerk-cafe"}},
		{"query with accent and capitals", Filter{Query: "CAFÉ"}, []string{"leerwerk-cafe"}},
		{"part of a word; title before summary before body", Filter{Query: "schuld"}, []string{"schuldhulp", "budgetcoach", "nazorg-coach"}},
		{"every query word must match, anywhere in the card", Filter{Query: "schuld coach"}, []string{"schuldhulp", "nazorg-coach", "budgetcoach"}},
		{"a word that occurs nowhere", Filter{Query: "paardrijden"}, nil},
		{"category", Filter{Categories: []Category{CategoryAftercare, CategoryTowardWork}}, []string{"leerwerk-cafe", "nazorg-coach"}},
		{"goal; more matching goals rank higher", Filter{Goals: []Goal{GoalDebts, GoalDailyRhythm}}, []string{"budgetcoach", "schuldhulp"}},
		{"IGM factor", Filter{Factors: []Factor{FactorKnowledge}}, []string{"taalhuis", "leerwerk-cafe"}},
		{"client age outside a card's range", Filter{Client: Profile{Age: 40}}, []string{"budgetcoach", "schuldhulp", "taalhuis", "nazorg-coach"}},
		{"client work experience", Filter{Client: Profile{WorkExperience: ExperienceMuch}}, []string{"schuldhulp", "taalhuis", "nazorg-coach"}},
		{"client language level below the minimum", Filter{Client: Profile{Language: LanguageA1}}, []string{"schuldhulp", "taalhuis", "nazorg-coach"}},
		{"client without any language", Filter{Client: Profile{Language: LanguageNone}}, []string{"schuldhulp", "taalhuis"}},
		{"combined", Filter{Query: "schulden", Categories: []Category{CategoryPractical}, Factors: []Factor{FactorSelfRegulate}, Client: Profile{Age: 30, Language: LanguageB2}}, []string{"budgetcoach", "schuldhulp"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(cat.Filter(tt.f)); !slices.Equal(got, tt.want) {
				t.Errorf("Filter(%+v) = %v, want %v", tt.f, got, tt.want)
			}
		})
	}
}

func TestCatalogue_Card(t *testing.T) {
	cat := filterCatalogue()
	if c, ok := cat.Card("taalhuis"); !ok || c.Title != "Taalhuis" {
		t.Errorf("Card(taalhuis) = %q, %v", c.Title, ok)
	}
	if _, ok := cat.Card("bestaat-niet"); ok {
		t.Error("Card(bestaat-niet) found a card")
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{"Café": "cafe", "België": "belgie", "ÉÉN": "een", "plain": "plain", "Ærø": "ærø"}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkFilter measures a combined filter plus text query over 10,000 cards.
func BenchmarkFilter(b *testing.B) {
	cat := NewCatalogue(generatedCards(10000))
	f := Filter{
		Query:      "cafe werk",
		Categories: []Category{CategoryPractical, CategoryTowardWork},
		Goals:      []Goal{GoalDebts, GoalJobSearch, GoalWorkExperience},
		Factors:    []Factor{FactorKnowledge, FactorSelfEfficacy},
		Client:     Profile{Age: 30, WorkExperience: ExperienceSome, Language: LanguageA2},
	}
	n := len(cat.Filter(f))
	if n == 0 {
		b.Fatal("benchmark filter matches nothing")
	}
	for b.Loop() {
		cat.Filter(f)
	}
	b.ReportMetric(float64(n), "matches")
}

// BenchmarkFilterQueryOnly measures a text query alone over 10,000 cards,
// the worst case: every card's text is searched.
func BenchmarkFilterQueryOnly(b *testing.B) {
	cat := NewCatalogue(generatedCards(10000))
	var n int
	for b.Loop() {
		n = len(cat.Filter(Filter{Query: "fiets"}))
	}
	b.ReportMetric(float64(n), "matches")
}
