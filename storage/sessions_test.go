package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

func testCard(id string) cards.Card {
	c := testCards()[0]
	c.ID, c.Title = id, "Kaart "+id
	c.Pros = []string{"Voordeel een.", "Voordeel twee.", "Voordeel drie."}
	return c
}

func TestDB_Clients(t *testing.T) { eachEngine(t, testDB_Clients) }

func testDB_Clients(t *testing.T, d *DB) {
	for _, name := range []string{"Aïcha Bakker", "Jan de Vries", "Johan Jansen", "Zoë 50%"} {
		if _, err := d.CreateClient(name, "K-"+string([]rune(name)[:2])); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond) // distinct activity times
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Zoë 50%", "Johan Jansen", "Jan de Vries", "Aïcha Bakker"}},
		{"aicha", []string{"Aïcha Bakker"}},
		{"JAN", []string{"Johan Jansen", "Jan de Vries"}},
		{"zoe", []string{"Zoë 50%"}},
		{"50%", []string{"Zoë 50%"}},
		{"%", []string{"Zoë 50%"}},
		{"k-ja", []string{"Jan de Vries"}},
		{"pieter", nil},
	}
	for _, tt := range tests {
		cs, err := d.ListClients(context.Background(), tt.query, 100)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.Name)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ListClients(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
	if _, err := d.CreateClient("  ", ""); err == nil || err.Error() != "vul een naam of initialen in" {
		t.Errorf("empty name: %v", err)
	}
	if _, err := d.CreateClient(strings.Repeat("a", 101), ""); err == nil {
		t.Error("a 101-character name was accepted")
	}
	if err := d.UpdateClient(999, "X", ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateClient(999) = %v", err)
	}
}

func TestDB_SessionValues(t *testing.T) { eachEngine(t, testDB_SessionValues) }

func testDB_SessionValues(t *testing.T, d *DB) {
	c, _ := d.CreateClient("A. B.", "")
	s, err := d.CreateSession(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Step != cards.StepPrepare || s.ClientID != c.ID {
		t.Fatalf("new session = %+v", s)
	}
	long := strings.Repeat("Een lange notitie met emoji 🙂 en العربية 2026. ", 250) // over 10,000 characters
	values := map[string]string{
		cards.KeyExpectations:                      "Ik wil weten wat er kan.",
		cards.KeyAreaNote(cards.AreaMoney):         "Schulden bij de energie.",
		cards.KeyAreaMark(cards.AreaMoney):         string(cards.MarkWorry),
		cards.KeyRecognised:                        string(cards.AnswerYes),
		cards.KeyAge:                               "34",
		cards.KeyLanguage:                          "A2",
		cards.KeyDriverHelps(cards.FactorAttitude): "Ik wil mijn kinderen iets laten zien.",
		cards.KeyWorkOn:                            "attitude,omstandigheden",
		cards.KeyGoal:                              "Werk in een keuken",
		cards.KeyGoals:                             "werkervaring,schulden",
		cards.KeySure(1):                           string(cards.AnswerNo),
		cards.KeyNote(2):                           long,
		cards.KeyStep:                              "5",
	}
	for k, v := range values {
		if err := d.SetValue(s.ID, k, v); err != nil {
			t.Fatalf("SetValue(%s): %v", k, err)
		}
	}
	if err := d.AddOption(s.ID, testCard("a")); err != nil {
		t.Fatal(err)
	}
	d.AddOption(s.ID, testCard("b"))
	d.SetValue(s.ID, cards.KeyProWeight("a", 2), "3")
	d.SetValue(s.ID, cards.KeyConWeight("b", 0), "1")

	got, err := d.Session(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Notes[2] != long || got.Areas[cards.AreaMoney].Mark != cards.MarkWorry || got.Step != 5 ||
		got.Profile.Age != 34 || !reflect.DeepEqual(got.WorkOn, []cards.Factor{cards.FactorAttitude, cards.FactorCircumstances}) ||
		got.Sure[1] != cards.AnswerNo || got.Goal != "Werk in een keuken" {
		t.Errorf("session read back differs: step %d, age %d, work on %v, sure %v, goal %q", got.Step, got.Profile.Age, got.WorkOn, got.Sure, got.Goal)
	}
	for k, v := range values {
		if got.Values()[k] != v {
			t.Errorf("value %s = %.40q, want %.40q", k, got.Values()[k], v)
		}
	}
	if len(got.Options) != 2 || got.Options[0].ProWeights[2] != 3 || got.Options[1].ConWeights[0] != 1 || got.Options[0].ProWeights[0] != -1 {
		t.Errorf("options = %+v", got.Options)
	}

	// Emptying a value removes it; removing a card removes its weights.
	d.SetValue(s.ID, cards.KeyGoal, "")
	d.RemoveOption(s.ID, "a")
	got, _ = d.Session(s.ID)
	if got.Goal != "" || len(got.Options) != 1 || got.Options[0].Card.ID != "b" {
		t.Errorf("after clearing: goal %q, options %v", got.Goal, got.Options)
	}
	var n int
	d.sql.QueryRow(`SELECT count(*) FROM session_values WHERE key LIKE 'weging/a/%'`).Scan(&n)
	if n != 0 {
		t.Errorf("%d weights of a removed card left", n)
	}

	if err := d.SetValue(s.ID, cards.KeyGoal, strings.Repeat("x", MaxValueLength+1)); err == nil {
		t.Error("a value over the limit was stored")
	}
	if err := d.SetValue(999, cards.KeyGoal, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetValue on a missing session = %v", err)
	}
}

// TestDB_SnapshotKeepsCardAsShown checks that a session shows a card as it
// was discussed, even after the catalogue changed it.
func TestDB_SnapshotKeepsCardAsShown(t *testing.T) { eachEngine(t, testDB_SnapshotKeepsCardAsShown) }

func testDB_SnapshotKeepsCardAsShown(t *testing.T, d *DB) {
	c, _ := d.CreateClient("C", "")
	s, _ := d.CreateSession(c.ID)
	card := testCard("coach")
	d.AddOption(s.ID, card)
	card.Title = "Nieuwe naam"
	d.AddOption(s.ID, card) // already there: the first snapshot stays
	got, _ := d.Session(s.ID)
	if len(got.Options) != 1 || got.Options[0].Card.Title != "Kaart coach" {
		t.Errorf("options = %+v", got.Options)
	}
}

func TestDB_Agreements(t *testing.T) { eachEngine(t, testDB_Agreements) }

func testDB_Agreements(t *testing.T, d *DB) {
	c, _ := d.CreateClient("C", "")
	s, _ := d.CreateSession(c.ID)
	a1, _ := d.AddAgreement(s.ID)
	a2, _ := d.AddAgreement(s.ID)
	d.SetAgreement(a1.ID, cards.AgreementWho, "Ik")
	d.SetAgreement(a1.ID, cards.AgreementWhat, "Bellen met de schuldhulp")
	d.SetAgreement(a1.ID, cards.AgreementDue, "1 december")
	d.SetAgreement(a2.ID, cards.AgreementWho, "Klantmanager")
	if err := d.SetAgreement(a1.ID, "who; DROP TABLE clients", "x"); err == nil {
		t.Error("an unknown field was accepted")
	}
	got, _ := d.Session(s.ID)
	want := []cards.Agreement{{ID: a1.ID, Who: "Ik", What: "Bellen met de schuldhulp", Due: "1 december"}, {ID: a2.ID, Who: "Klantmanager"}}
	if !reflect.DeepEqual(got.Agreements, want) {
		t.Errorf("agreements = %+v", got.Agreements)
	}
	d.DeleteAgreement(a1.ID)
	got, _ = d.Session(s.ID)
	if len(got.Agreements) != 1 || got.Agreements[0].ID != a2.ID {
		t.Errorf("after delete: %+v", got.Agreements)
	}
}

func TestDB_FollowUp(t *testing.T) { eachEngine(t, testDB_FollowUp) }

func testDB_FollowUp(t *testing.T, d *DB) {
	c, _ := d.CreateClient("C", "")
	first, _ := d.CreateSession(c.ID)
	d.SetValues(first.ID, map[string]string{cards.KeyGoal: "Werk", cards.KeyReview: "oud", cards.KeyStep: "6", cards.KeyDecision: "a"})
	d.AddOption(first.ID, testCard("a"))
	a, _ := d.AddAgreement(first.ID)
	d.SetAgreement(a.ID, cards.AgreementWhat, "Cursus zoeken")

	next, err := d.CreateFollowUp(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if next.PreviousID != first.ID || next.Step != cards.StepEvaluate || next.Goal != "Werk" || next.Review != "" ||
		len(next.Options) != 1 || len(next.Agreements) != 1 || next.Agreements[0].What != "Cursus zoeken" || next.Agreements[0].ID == a.ID {
		t.Fatalf("follow-up = %+v", next)
	}
	d.SetValue(next.ID, cards.KeyGoal, "Ander werk")
	d.SetAgreement(next.Agreements[0].ID, cards.AgreementWhat, "Anders")
	old, _ := d.Session(first.ID)
	if old.Goal != "Werk" || old.Review != "oud" || old.Agreements[0].What != "Cursus zoeken" {
		t.Errorf("earlier session changed: %+v", old)
	}
	list, _ := d.Sessions(c.ID)
	if len(list) != 2 || list[1].PreviousID != first.ID || list[0].Goal != "Werk" || list[1].Goal != "Ander werk" || list[1].Step != 7 {
		t.Errorf("timeline = %+v", list)
	}
	cl, _ := d.Client(c.ID)
	if cl.Sessions != 2 {
		t.Errorf("client has %d sessions", cl.Sessions)
	}
}

func TestDB_Organisation(t *testing.T) { eachEngine(t, testDB_Organisation) }

func testDB_Organisation(t *testing.T, d *DB) {
	if o, err := d.Organisation(); err != nil || o.Name != "" {
		t.Fatalf("before setting: %+v, %v", o, err)
	}
	want := cards.Organisation{Name: "Gemeente Voorbeeld", Contact: "Jan", Phone: "14 026", Logo: []byte("\x89PNG...")}
	if err := d.SetOrganisation(want); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Organisation(); !reflect.DeepEqual(got, want) {
		t.Errorf("Organisation() = %+v", got)
	}
}
