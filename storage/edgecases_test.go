package storage

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// The texts that go wrong (issue 11): each is saved in every free-text
// field of a session, of an agreement and of a client, and must come back
// from the database exactly as typed, but for NUL characters, which are
// not text: both engines drop them (PostgreSQL cannot store them), as they
// drop the unit and record separators the figures read values apart by.
var edgeTexts = []struct{ name, text string }{
	{"a note of 20,000 characters", func() string {
		s := strings.Repeat("Ze wil werken, maar de kinderen en het geld maken het moeilijk. 🙂 ", 320)
		return string([]rune(s)[:20_000])
	}()},
	{"emoji", "Werk 👩🏽‍💻 en 🙂 ❤️ 🇳🇱 👨‍👩‍👧‍👦 klaar"},
	{"control characters", "Begin\u202Eomgekeerd\u202C \x01\x07\x1b\x7f\u0085\u200b\u200f\ufeff\u2028tab\there\r\neinde"},
	{"a NUL character", "voor\x00na\x00"},
	{"separators", "een\x1ftwee\x1edrie"},
	{"Arabic with digits", "موعدك في 12/12/2026 الساعة 10:30 في الغرفة ٢١٤ مع Jan de Vries (34)"},
	{"a 200-character word", strings.Repeat("Lang", 50)},
	{"white space only", " \t\n "},
	{"empty", ""},
}

// stored is a text as the database gives it back.
func stored(text string) string {
	return strings.NewReplacer("\x00", "", "\x1f", "", "\x1e", "").Replace(text)
}

// freeTextKeys are the keys of every session value that is typed as text.
func freeTextKeys() []string {
	keys := []string{cards.KeyExpectations, cards.KeyNeeds, cards.KeyGoal, cards.KeyFeasible, cards.KeySubGoals,
		cards.KeyWhy, cards.KeyNextAppointment, cards.KeyReview}
	for _, a := range cards.LifeAreas {
		keys = append(keys, cards.KeyAreaNote(a))
	}
	for _, f := range cards.Factors {
		keys = append(keys, cards.KeyDriverHelps(f), cards.KeyDriverHoldsBack(f))
	}
	for step := 1; step <= cards.Steps; step++ {
		keys = append(keys, cards.KeyNote(step))
	}
	return keys
}

func TestEdgeCases_SavedAndReadBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFileName)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := d.CreateClient("Edge", "")
	if err != nil {
		t.Fatal(err)
	}
	type saved struct {
		session   int64
		agreement int64
	}
	ids := map[string]saved{}
	for _, tt := range edgeTexts {
		s, err := d.CreateSession(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		values := map[string]string{}
		for _, k := range freeTextKeys() {
			values[k] = tt.text
		}
		if err := d.SetValues(s.ID, values); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		a, err := d.AddAgreement(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []cards.AgreementField{cards.AgreementWho, cards.AgreementWhat, cards.AgreementDue} {
			if err := d.SetAgreement(a.ID, f, tt.text); err != nil {
				t.Fatalf("%s: agreement %s: %v", tt.name, f, err)
			}
		}
		ids[tt.name] = saved{s.ID, a.ID}
	}
	// Read back from the file, as after a restart.
	d.Close()
	if d, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, tt := range edgeTexts {
		got, err := d.Session(ids[tt.name].session)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		vals := got.Values()
		for _, k := range freeTextKeys() {
			if vals[k] != stored(tt.text) {
				t.Errorf("%s: %s read back as %.60q", tt.name, k, vals[k])
			}
		}
		if len(got.Agreements) != 1 {
			t.Fatalf("%s: %d agreements", tt.name, len(got.Agreements))
		}
		if a := got.Agreements[0]; a.Who != stored(tt.text) || a.What != stored(tt.text) || a.Due != stored(tt.text) {
			t.Errorf("%s: agreement read back as %.60q / %.60q / %.60q", tt.name, a.Who, a.What, a.Due)
		}
	}
}

// TestEdgeCases_Saver saves through the saver, as the screens do on every
// keystroke.
func TestEdgeCases_Saver(t *testing.T) { eachEngine(t, testEdgeCases_Saver) }

func testEdgeCases_Saver(t *testing.T, d *DB) {
	c, _ := d.CreateClient("Edge", "")
	s, _ := d.CreateSession(c.ID)
	sv := NewSaver(d, nil)
	for _, tt := range edgeTexts {
		sv.Set(s.ID, cards.KeyWhy, tt.text)
		if err := sv.Flush(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, err := d.Session(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Why != stored(tt.text) {
			t.Errorf("%s: read back as %.60q", tt.name, got.Why)
		}
	}
	if err := sv.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestEdgeCases_ClientNames: a name with emoji, Arabic, the right-to-left
// override or without spaces up to the most allowed is kept and found.
func TestEdgeCases_ClientNames(t *testing.T) { eachEngine(t, testEdgeCases_ClientNames) }

func testEdgeCases_ClientNames(t *testing.T, d *DB) {
	for _, name := range []string{"Samira 👩🏽‍💻 El-Amrani", "سمير علي 34", "Jan\u202Enav\u202C de Vries", strings.Repeat("Naam", cards.MaxNameLength/4)} {
		c, err := d.CreateClient(name, "٢١٤-🙂")
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		got, err := d.Client(c.ID)
		if err != nil || got.Name != name || got.Reference != "٢١٤-🙂" {
			t.Errorf("%q read back as %q, %q (%v)", name, got.Name, got.Reference, err)
		}
		found, err := d.ListClients(context.Background(), name, 10)
		if err != nil || len(found) != 1 || found[0].ID != c.ID {
			t.Errorf("searching %q found %v (%v)", name, found, err)
		}
	}
}

// TestEdgeCases_CardSnapshot: a compared card keeps its texts, control
// characters and all, in the session's snapshot.
func TestEdgeCases_CardSnapshot(t *testing.T) { eachEngine(t, testEdgeCases_CardSnapshot) }

func testEdgeCases_CardSnapshot(t *testing.T, d *DB) {
	c, _ := d.CreateClient("Edge", "")
	s, _ := d.CreateSession(c.ID)
	card := testCard("rand")
	card.Title = "Werk 👩🏽‍💻 ٢١٤ \u202Eomgekeerd"
	card.Summary = strings.Repeat("Lang", 40)
	card.WhatYouDo = "موعدك في 12/12/2026 الساعة 10:30\nen \x00\x01\u0085 stuurtekens"
	card.Pros = []string{"Tekst als _x0041_ blijft staan.", "\ttab", "🙂"}
	if err := d.AddOption(s.ID, card); err != nil {
		t.Fatal(err)
	}
	got, err := d.Session(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Options) != 1 {
		t.Fatalf("%d options", len(got.Options))
	}
	g := got.Options[0].Card
	if g.Title != card.Title || g.Summary != card.Summary || g.WhatYouDo != card.WhatYouDo || !reflect.DeepEqual(g.Pros, []string{"Tekst als _x0041_ blijft staan.", "tab", "🙂"}) {
		t.Errorf("card read back as %q, %q, %q, %q", g.Title, g.Summary, g.WhatYouDo, g.Pros)
	}
}
