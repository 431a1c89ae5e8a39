package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestClientLanguageChoice: the professional chooses the client's language
// in step 1 and sees how the translation was made; the municipality can
// mark it as checked; the client view never says any of it.
func TestClientLanguageChoice(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	client, _ := db.CreateClient("Taal", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.session.goTo(cards.StepPrepare)
	c := w.Canvas()
	sel := find(c, func(s *widget.Select) bool { return len(s.Options) == len(ClientLanguages) })
	if len(sel) == 0 {
		t.Fatal("no choice of the client's language in step 1")
	}
	sel[0].SetSelectedIndex(2) // after Dutch and English
	lang := ClientLanguages[2]
	if m.printLanguage() != lang {
		t.Fatalf("the client's language is %q, want %q", m.printLanguage(), lang)
	}
	if text := shownText(c); !strings.Contains(text, "nog niet nagekeken door een moedertaalspreker") || !strings.Contains(text, "Laat een moedertaalspreker") {
		t.Errorf("step 1 does not say how the translation was made: %s", text)
	}
	test.Tap(buttonOn(t, c, "Markeer als nagekeken"))
	if on, err := db.LanguageChecked(lang); err != nil || on.IsZero() {
		t.Fatalf("not marked as checked: %v %v", on, err)
	}
	if text := shownText(c); !strings.Contains(text, "gemarkeerd als nagekeken") {
		t.Errorf("the mark does not show: %s", text)
	}
	m.showClientView(m.Session())
	for step := 1; step <= cards.Steps; step++ {
		m.ClientView().goTo(step)
		if text := strings.Join(allTexts(c), " "); strings.Contains(text, "nagekeken") || strings.Contains(text, "Machinevertaling") || strings.Contains(text, "AI") {
			t.Errorf("client view step %d tells how the translation was made", step)
		}
	}
}
