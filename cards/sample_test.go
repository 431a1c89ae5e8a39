package cards

import (
	"fmt"
	"time"
)

// sampleCard returns a complete, valid card; tests change what they need.
func sampleCard(id string, cat Category, title string) Card {
	return Card{
		ID:        id,
		Category:  cat,
		Title:     title,
		Summary:   "Je krijgt hulp bij de volgende stap.",
		WhatYouDo: "Je praat met een coach.\nSamen maak je een plan.",
		Duration:  "8 weken",
		Hours:     Range{Min: 2, Max: 4},
		Provider:  "Gemeente, team Werk",
		Factors:   []Factor{FactorAttitude},
		Goals:     []Goal{GoalMotivation},
		Suits: Suitability{
			Age:            Range{Min: 18, Max: 27},
			WorkExperience: []WorkExperience{ExperienceNone, ExperienceSome},
			MinLanguage:    LanguageA2,
			Conditions:     "Geen.",
		},
		Pros:      []string{"Je krijgt steun.", "Je leert nieuwe dingen, zoals plannen."},
		Cons:      []string{"Het kost tijd.", "Je moet vaak reizen."},
		Effect:    Effect{Level: EffectUnknown, Explanation: "Er is nog geen goed onderzoek."},
		Clients:   "Veel mensen vinden het fijn.",
		Pictogram: "coach",
		Reviewed:  time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
	}
}

// generatedCards makes n varied valid cards for benchmarks.
func generatedCards(n int) []Card {
	words := []string{"schuld", "taal", "werk", "café", "fiets", "zorg", "school", "coach", "stage", "buurt"}
	out := make([]Card, n)
	for i := range out {
		c := sampleCard(fmt.Sprintf("kaart-%d", i), Categories[i%len(Categories)],
			fmt.Sprintf("Instrument %s %d", words[i%len(words)], i))
		c.Summary = fmt.Sprintf("Je werkt aan %s en %s.", words[(i/3)%len(words)], words[(i/7)%len(words)])
		c.Goals = []Goal{Goals[i%len(Goals)], Goals[(i+1+(i/5)%(len(Goals)-1))%len(Goals)]}
		c.Factors = []Factor{Factors[i%len(Factors)], Factors[(i+1+(i/2)%(len(Factors)-1))%len(Factors)]}
		c.Suits.MinLanguage = LanguageLevels[i%4]
		c.Suits.Age = []Range{{}, {Min: 18, Max: 27}, {Min: 27}}[i%3]
		c.WhatYouDo = fmt.Sprintf("Je gaat %d weken naar %s. Daar leer je over %s.", i%12+1, words[(i/11)%len(words)], words[(i/13)%len(words)])
		out[i] = c
	}
	return out
}
