package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestClientView_ShowsWhatClientSees fills every typed value of a
// follow-up with its own word, walks every step of the client view, and
// checks that a word shows exactly when cards.Session.ClientSees says the
// client sees its key: the marks of an inzage say what the screen did.
func TestClientView_ShowsWhatClientSees(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c, _ := db.CreateClient("Samira B.", "")
	first, _ := db.CreateSession(c.ID)
	s, err := db.CreateFollowUp(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{
		cards.KeyExpectations, cards.KeyNeeds, cards.KeyGoal, cards.KeyFeasible, cards.KeySubGoals,
		cards.KeyWhy, cards.KeyNextAppointment, cards.KeyReview,
		cards.KeyAreaNote(cards.AreaMoney), cards.KeyAreaNote(cards.AreaHealth),
		cards.KeyDriverHelps(cards.FactorSelfEfficacy), cards.KeyDriverHoldsBack(cards.FactorSelfEfficacy),
		cards.KeyDriverHelps(cards.FactorCircumstances), cards.KeyDriverHoldsBack(cards.FactorCircumstances),
	}
	for step := 1; step <= cards.Steps; step++ {
		keys = append(keys, cards.KeyNote(step))
	}
	values := map[string]string{cards.KeyWorkOn: string(cards.FactorSelfEfficacy), cards.KeyAge: "83", cards.KeyStep: "1"}
	words := map[string]string{}
	for i, k := range keys {
		words[k] = fmt.Sprintf("Woord%02dx", i)
		values[k] = words[k]
	}
	if err := db.SetValues(s.ID, values); err != nil {
		t.Fatal(err)
	}
	words[cards.KeyAge] = "83"
	m.OpenSession(s.ID)
	test.Tap(buttonOn(t, w.Canvas(), "Draai naar cliënt"))
	cv := m.ClientView()
	var all strings.Builder
	for step := 1; step <= cards.Steps; step++ {
		cv.goTo(step)
		all.WriteString(strings.Join(allTexts(w.Canvas()), "\n"))
	}
	stored, _ := db.Session(s.ID)
	for k, word := range words {
		if shown, sees := strings.Contains(all.String(), word), stored.ClientSees(k); shown != sees {
			t.Errorf("%s: the client view shows it %v, ClientSees says %v", k, shown, sees)
		}
	}
}
