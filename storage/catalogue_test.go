package storage

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

func testCards() []cards.Card {
	return []cards.Card{{
		ID: "coach", Category: cards.CategoryTowardWork, Title: "Coach", Summary: "Je krijgt een coach.",
		WhatYouDo: "Je praat elke week.", Duration: "8 weken", Hours: cards.Range{Min: 2, Max: 2},
		Provider: "Gemeente", Factors: []cards.Factor{cards.FactorAttitude}, Goals: []cards.Goal{cards.GoalMotivation},
		Suits:     cards.Suitability{MinLanguage: cards.LanguageNone, Conditions: "Geen."},
		Pros:      []string{"Steun.", "Een plan."},
		Cons:      []string{"Tijd.", "Reizen."},
		Effect:    cards.Effect{Level: cards.EffectUnknown, Explanation: "Onbekend."},
		Clients:   "Fijn.",
		Pictogram: "coach",
		Reviewed:  time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
	}}
}

func TestCatalogueFile_SaveLoadRemove(t *testing.T) {
	f := NewCatalogueFile(filepath.Join(t.TempDir(), "nieuw"))
	if _, found, err := f.Load(); found || err != nil {
		t.Fatalf("empty folder: found=%v err=%v", found, err)
	}
	want := testCards()
	if err := f.Save(want); err != nil {
		t.Fatal(err)
	}
	got, found, err := f.Load()
	if err != nil || !found || !reflect.DeepEqual(got, want) {
		t.Fatalf("Load() = %v, %v, %v", got, found, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(f.Path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := f.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := f.Load(); found {
		t.Error("catalogue still there after Remove")
	}
	if err := f.Remove(); err != nil {
		t.Errorf("second Remove: %v", err)
	}
}

func TestCatalogueFile_LoadDamaged(t *testing.T) {
	f := NewCatalogueFile(t.TempDir())
	damaged := []byte("[[instrument]]\nid = \"half")
	os.WriteFile(f.Path, damaged, 0o600)
	_, found, err := f.Load()
	if !found || err == nil || !strings.Contains(err.Error(), "geen geldige TOML") {
		t.Fatalf("Load() found=%v err=%v", found, err)
	}
	if data, _ := os.ReadFile(f.Path); string(data) != string(damaged) {
		t.Error("damaged file was changed")
	}
}

// TestCatalogueFile_LoadOldSingleAge: a catalogue kept by an older app,
// which wrote a single age as a bare number, still loads, as that one age.
func TestCatalogueFile_LoadOldSingleAge(t *testing.T) {
	f := NewCatalogueFile(t.TempDir())
	cs := testCards()
	cs[0].Suits.Age = cards.Range{Min: 18, Max: 27}
	if err := f.Save(cs); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(f.Path)
	old := strings.Replace(string(data), `leeftijd = "18 tot 27"`, `leeftijd = "27"`, 1)
	if old == string(data) {
		t.Fatalf("no age line in the kept catalogue:\n%s", data)
	}
	os.WriteFile(f.Path, []byte(old), 0o600)
	got, found, err := f.Load()
	if err != nil || !found {
		t.Fatalf("an older app's catalogue: found %v, %v", found, err)
	}
	if want := (cards.Range{Min: 27, Max: 27}); got[0].Suits.Age != want {
		t.Errorf("age = %v, want %v", got[0].Suits.Age, want)
	}
}
