package cards

import (
	"math"
	"strings"
	"testing"
)

func TestSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"je", 1},
		{"werk", 1},
		{"schulden", 2},
		{"Schuldhulpverlening", 5},  // schuld-hulp-ver-le-ning
		{"sollicitatietraining", 7}, // sol-li-ci-ta-tie-trai-ning
		{"uitkering", 3},            // uit-ke-ring: ui
		{"nieuw", 1},                // ieu
		{"eeuw", 1},                 // eeu
		{"mooi", 1},                 // ooi
		{"groeien", 2},              // groei-en: oei
		{"draaien", 2},              // draai-en: aai
		{"bijeenkomst", 3},          // bij-een-komst: ij, ee
		{"vrijwilligerswerk", 5},    // vrij-wil-li-gers-werk
		{"bureau", 2},               // bu-reau: eau
		{"trainen", 2},              // trai-nen: ai
		{"adviseur", 3},             // ad-vi-seur: eu
		{"oud", 1},                  // ou
		{"auto", 2},                 // au-to
		{"Europa", 3},               // eu-ro-pa
		{"radio", 3},                // ra-di-o: io is not a unit
		{"januari", 4},              // ja-nu-a-ri
		{"België", 3},               // Bel-gi-ë: ë starts a syllable
		{"geïnteresseerd", 5},       // ge-ïn-te-res-seerd
		{"ideeën", 3},               // i-dee-ën
		{"café", 2},
		{"baby", 2}, // y as a vowel
		{"yoga", 2}, // y before a vowel is a consonant
		{"2026", 1},
		{"zo'n", 1},
	}
	for _, tt := range tests {
		if got := Syllables(tt.word); got != tt.want {
			t.Errorf("Syllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		text                        string
		sentences, words, syllables int
		long                        int
	}{
		{"Je krijgt hulp bij je schulden.", 1, 6, 7, 0},
		{"Je krijgt schuldhulpverlening.", 1, 3, 7, 0},
		{"Je praat met een adviseur. Samen maak je een plan!", 2, 10, 13, 0},
		{"Regel een\nRegel twee", 2, 4, 6, 0},
		{"In dit traject werk je samen met een adviseur aan je doelen en je leert ook hoe je solliciteert.", 1, 19, 27, 1},
		{"", 0, 0, 0, 0},
	}
	for _, tt := range tests {
		r := Measure(tt.text)
		if r.Sentences != tt.sentences || r.Words != tt.words || r.Syllables != tt.syllables || len(r.LongSentences) != tt.long {
			t.Errorf("Measure(%q) = %d sentences, %d words, %d syllables, %d long; want %d, %d, %d, %d",
				tt.text, r.Sentences, r.Words, r.Syllables, len(r.LongSentences), tt.sentences, tt.words, tt.syllables, tt.long)
		}
		if r.Words > 0 {
			want := 206.835 - 0.93*float64(tt.words)/float64(tt.sentences) - 77*float64(tt.syllables)/float64(tt.words)
			if math.Abs(r.Score-want) > 1e-9 {
				t.Errorf("Measure(%q).Score = %.2f, want %.2f", tt.text, r.Score, want)
			}
		}
	}
	if s := Measure("Je krijgt hulp bij je schulden.").Score; math.Round(s*10)/10 != 111.4 {
		t.Errorf("score of an easy sentence = %.1f, want 111.4", s)
	}
}

func TestCheckReadability(t *testing.T) {
	easy := sampleCard("makkelijk", CategoryPractical, "Makkelijk")
	hard := sampleCard("moeilijk", CategoryPractical, "Arbeidsmarktgerelateerde schuldhulpverleningsinterventie")
	hard.Summary = "Participatiewetgerelateerde schuldhulpverleningsinterventies."
	hard.Cons[1] = "In dit traject werk je samen met een adviseur aan je doelen en je leert ook hoe je solliciteert."
	notices := CheckReadability([]Card{easy, hard})
	if len(notices) != 2 {
		t.Fatalf("got %d notices, want 2 (title is not checked): %v", len(notices), notices)
	}
	if n := notices[0]; n.CardID != "moeilijk" || n.Field != "samenvatting" || !strings.Contains(n.String(), "lager dan 60") {
		t.Errorf("first notice = %s", n)
	}
	if n := notices[1]; n.Field != "nadelen" || !strings.Contains(n.String(), "zin van 19 woorden (meer dan 15)") {
		t.Errorf("second notice = %s", n)
	}
}
