package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// bsnWarnings counts the BSN warnings on screen, by their button.
func bsnWarnings(c fyne.Canvas) int {
	return len(find(c, func(b *button) bool { return b.Text == "Weghalen" }))
}

// A BSN typed into a field shows the warning below it; "Weghalen" takes it
// out of the field and out of the database; other numbers give no warning.
func TestBSNWarning_TypeAndRemove(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Privé", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)

	if n := bsnWarnings(c); n != 0 {
		t.Fatalf("%d BSN warnings on an empty step", n)
	}
	e := entry(t, c, "In je eigen woorden")
	test.Type(e, "Mijn nummer is 123 456 782 zeg ik")
	if n := bsnWarnings(c); n != 1 {
		t.Fatalf("%d BSN warnings after typing a BSN, want 1", n)
	}
	if !strings.Contains(shownText(c), "Dit lijkt een BSN.") {
		t.Errorf("the warning does not say what it is about: %q", shownText(c))
	}
	test.Tap(buttonOn(t, c, "Weghalen"))
	if e.Text != "Mijn nummer is zeg ik" {
		t.Errorf("field after Weghalen = %q", e.Text)
	}
	if n := bsnWarnings(c); n != 0 {
		t.Errorf("%d BSN warnings after Weghalen", n)
	}
	m.saver.Flush()
	stored, _ := db.Session(s.ID)
	if stored.Expectations != "Mijn nummer is zeg ik" {
		t.Errorf("stored after Weghalen = %q", stored.Expectations)
	}

	// Numbers that are no BSN: one failing the elfproef, a mobile number,
	// a postcode, a date.
	test.Type(e, " 123456789, 0612345609, 1234 AB, 01-08-2024")
	if n := bsnWarnings(c); n != 0 {
		t.Errorf("%d BSN warnings for numbers that are no BSN", n)
	}
	// The warning comes and goes as the text changes.
	e.SetText("BSN 111222333")
	if n := bsnWarnings(c); n != 1 {
		t.Errorf("%d BSN warnings after setting a BSN", n)
	}
	e.SetText("BSN 11122233")
	if n := bsnWarnings(c); n != 0 {
		t.Errorf("%d BSN warnings after deleting a digit", n)
	}

	// The professional's note has it too.
	note := entry(t, c, "Alleen voor de klantmanager")
	test.Type(note, "987654305")
	test.Tap(buttonOn(t, c, "Weghalen"))
	m.saver.Flush()
	stored, _ = db.Session(s.ID)
	if note.Text != "" || stored.Notes[1] != "" {
		t.Errorf("note after Weghalen = %q, stored %q", note.Text, stored.Notes[1])
	}
}

// The agreements of step 6 warn and remove per field, stored directly.
func TestBSNWarning_Agreements(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Afspraken", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.Session().goTo(cards.StepDecide)
	test.Tap(buttonOn(t, c, "Afspraak toevoegen"))
	what := entry(t, c, m.tr.T("agreement.what.hint"))
	test.Type(what, "Formulier met BSN 1234.56.782 opsturen")
	if n := bsnWarnings(c); n != 1 {
		t.Fatalf("%d BSN warnings in the agreements, want 1", n)
	}
	test.Tap(buttonOn(t, c, "Weghalen"))
	stored, _ := db.Session(s.ID)
	if what.Text != "Formulier met BSN opsturen" || len(stored.Agreements) != 1 || stored.Agreements[0].What != "Formulier met BSN opsturen" {
		t.Errorf("field %q, stored %+v", what.Text, stored.Agreements)
	}
}

// With a BSN in every field, every step still fits a small screen: the
// warning wraps within its field and never widens the window.
func TestBSNWarning_Fits(t *testing.T) {
	for _, lang := range InterfaceLanguages() {
		for _, screen := range smallScreens {
			t.Run(lang+"/"+screen.name, func(t *testing.T) {
				m, w, _, db := newTestMainDB(t, "")
				client, _ := db.CreateClient("Overal een BSN", "")
				s, _ := db.CreateSession(client.ID)
				const text = "Nummer 123 456 782 genoemd"
				values := map[string]string{}
				for _, k := range []string{cards.KeyExpectations, cards.KeyNeeds, cards.KeyGoal, cards.KeyFeasible, cards.KeySubGoals,
					cards.KeyWhy, cards.KeyNextAppointment, cards.KeyReview} {
					values[k] = text
				}
				for _, a := range cards.LifeAreas {
					values[cards.KeyAreaNote(a)] = text
				}
				for _, f := range cards.Factors {
					values[cards.KeyDriverHelps(f)], values[cards.KeyDriverHoldsBack(f)] = text, text
				}
				for step := 1; step <= cards.Steps; step++ {
					values[cards.KeyNote(step)] = text
				}
				if err := db.SetValues(s.ID, values); err != nil {
					t.Fatal(err)
				}
				a, _ := db.AddAgreement(s.ID)
				for _, f := range []cards.AgreementField{cards.AgreementWho, cards.AgreementWhat, cards.AgreementDue} {
					db.SetAgreement(a.ID, f, text)
				}
				m.SetLanguage(lang)
				m.OpenSession(s.ID)
				for step := 1; step <= cards.Steps; step++ {
					m.session.goTo(step)
					what := fmt.Sprintf("step %d", step)
					if len(find(w.Canvas(), func(b *button) bool { return b.Text == m.tr.T("bsn.remove") })) == 0 {
						t.Errorf("%s shows no BSN warning", what)
					}
					checkFits(t, w, screen.size, what)
				}
			})
		}
	}
}
