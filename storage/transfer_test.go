package storage

import (
	"reflect"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestCopyToTeam: a laptop's clients, with a follow-up, agreements and
// compared cards, go to the team database as the professional who runs
// it, each in their language; running it again copies nothing twice, and a session added on the
// laptop in between is copied then.
func TestCopyToTeam(t *testing.T) {
	laptop := openTest(t)
	c1, _ := laptop.CreateClient("Aïcha", "K-1")
	laptop.SetClientLanguage(c1.ID, "ar")
	s1, _ := laptop.CreateSession(c1.ID)
	laptop.SetValues(s1.ID, map[string]string{cards.KeyGoal: "Werk in de zorg", cards.KeyNote(2): "Notitie"})
	laptop.AddOption(s1.ID, testCard("kaart-a"))
	a, _ := laptop.AddAgreement(s1.ID)
	laptop.SetAgreement(a.ID, cards.AgreementWhat, "Bellen met het werkgeverspunt")
	laptop.CreateFollowUp(s1.ID) // goal and note carried over, and the step: 3 values
	c2, _ := laptop.CreateClient("Jan", "")

	tt := openTeamTest(t)
	login := tt.newLogin(t, LoginProfessional)
	team := tt.open(t, login)
	got, err := CopyToTeam(laptop, team)
	if err != nil {
		t.Fatal(err)
	}
	want := Transfer{Clients: 2, Sessions: 2, Values: 5, Agreements: 2, Cards: 2}
	if got != want {
		t.Errorf("first run: %+v, want %+v", got, want)
	}
	cs, _ := team.ListClients(t.Context(), "", 10)
	if len(cs) != 2 {
		t.Fatalf("the team database has %d clients", len(cs))
	}
	var aicha int64
	for _, c := range cs {
		if c.Name == "Aïcha" {
			aicha = c.ID
			if c.Language != "ar" {
				t.Errorf("Aïcha's language in the team database: %q, want ar", c.Language)
			}
		}
	}
	sums, _ := team.Sessions(aicha)
	if len(sums) != 2 || sums[1].PreviousID != sums[0].ID {
		t.Fatalf("sessions in the team database: %+v", sums)
	}
	copied, _ := team.Session(sums[0].ID)
	original, _ := laptop.Session(s1.ID)
	copied.ID, copied.ClientID, copied.Revision = original.ID, original.ClientID, original.Revision
	if !reflect.DeepEqual(copied, original) {
		t.Errorf("the copied session differs:\n%+v\n%+v", copied, original)
	}
	if h, _ := team.Holders(aicha); len(h) != 1 || h[0] != login {
		t.Errorf("holder: %v", h)
	}

	laptop.CreateSession(c2.ID)
	got, err = CopyToTeam(laptop, team)
	if err != nil {
		t.Fatal(err)
	}
	want = Transfer{Sessions: 1, ClientsBefore: 2, SessionsBefore: 2}
	if got != want {
		t.Errorf("second run: %+v, want %+v", got, want)
	}
}
