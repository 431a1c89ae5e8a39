package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
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

// languageSelect is step 1's choice of the client's language.
func languageSelect(t *testing.T, c fyne.Canvas) *widget.Select {
	t.Helper()
	sel := find(c, func(s *widget.Select) bool { return len(s.Options) == len(ClientLanguages) })
	if len(sel) != 1 {
		t.Fatalf("%d choices of the client's language in step 1, want 1", len(sel))
	}
	return sel[0]
}

// openStep1 opens a new conversation with a client at step 1.
func openStep1(t *testing.T, m *Main, db *storage.DB, client int64) *widget.Select {
	t.Helper()
	s, err := db.CreateSession(client)
	if err != nil {
		t.Fatal(err)
	}
	m.OpenSession(s.ID)
	m.session.goTo(cards.StepPrepare)
	return languageSelect(t, m.win.Canvas())
}

// clientViewScript says in which script the client view is written: the
// script of most of its letters.
func clientViewScript(t *testing.T, m *Main) string {
	t.Helper()
	m.showClientView(m.Session())
	defer m.closeClientView()
	if m.ClientView() == nil {
		t.Fatal("no client view")
	}
	counts := map[string]int{}
	for _, text := range allTexts(m.win.Canvas()) {
		for _, r := range text {
			for name, table := range map[string]*unicode.RangeTable{"Latin": unicode.Latin, "Arabic": unicode.Arabic, "Ethiopic": unicode.Ethiopic} {
				if unicode.Is(table, r) {
					counts[name]++
				}
			}
		}
	}
	most := ""
	for name, n := range counts {
		if most == "" || n > counts[most] {
			most = name
		}
	}
	return most
}

// TestMain_ClientLanguageAfterRestart: the language chosen for a client in
// step 1 is theirs after the app is closed and opened again: step 1 shows
// it, the client view opens in it, and a follow-up is in it too.
func TestMain_ClientLanguageAfterRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), storage.DatabaseFileName)
	m, _, _, db := newTestMainDB(t, path)
	client, _ := db.CreateClient("Aïcha", "")
	openStep1(t, m, db, client.ID).SetSelected("Arabisch — العربية")
	first := m.Session().s.ID
	m.showHome()
	m.saver.(*storage.Saver).Close()
	db.Close()

	m2, w2, _, db2 := newTestMainDB(t, path)
	m2.OpenSession(first)
	m2.session.goTo(cards.StepPrepare)
	if got := languageSelect(t, w2.Canvas()).Selected; got != "Arabisch — العربية" {
		t.Errorf("after a restart step 1 shows %q, want Arabisch — العربية", got)
	}
	if got := clientViewScript(t, m2); got != "Arabic" {
		t.Errorf("after a restart the client view is in %s script, want Arabic", got)
	}
	next, err := db2.CreateFollowUp(first)
	if err != nil {
		t.Fatal(err)
	}
	m2.OpenSession(next.ID)
	m2.session.goTo(cards.StepPrepare)
	if got := languageSelect(t, w2.Canvas()).Selected; got != "Arabisch — العربية" {
		t.Errorf("the follow-up's step 1 shows %q, want Arabisch — العربية", got)
	}
	if m2.printLanguage() != "ar" {
		t.Errorf("the follow-up's plan is printed in %q, want ar", m2.printLanguage())
	}
}

// TestMain_NextClientOwnLanguage: opening the next client does not keep
// the previous client's language; going back to the first finds theirs.
func TestMain_NextClientOwnLanguage(t *testing.T) {
	m, _, _, db := newTestMainDB(t, "")
	aicha, _ := db.CreateClient("Aïcha", "")
	jan, _ := db.CreateClient("Jan", "")
	openStep1(t, m, db, aicha.ID).SetSelected("Tigrinya — ትግርኛ")
	if got := clientViewScript(t, m); got != "Ethiopic" {
		t.Errorf("Aïcha's client view is in %s script, want Ethiopic", got)
	}

	if got := openStep1(t, m, db, jan.ID).Selected; got != "Nederlands" {
		t.Errorf("Jan's step 1 shows %q, want Nederlands", got)
	}
	if got := clientViewScript(t, m); got != "Latin" {
		t.Errorf("Jan's client view is in %s script, want Latin (Dutch)", got)
	}
	if m.printLanguage() != "nl" {
		t.Errorf("Jan's plan is printed in %q, want nl", m.printLanguage())
	}

	if got := openStep1(t, m, db, aicha.ID).Selected; got != "Tigrinya — ትግርኛ" {
		t.Errorf("back at Aïcha, step 1 shows %q", got)
	}
	if c, _ := db.Client(jan.ID); c.Language != "" {
		t.Errorf("Jan got language %q without anyone choosing it", c.Language)
	}
}

// TestClientView_LanguageChoiceIsTheClients: a language the client picks
// in the client view is kept with them, as one chosen in step 1.
func TestClientView_LanguageChoiceIsTheClients(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	client, _ := db.CreateClient("Aïcha", "")
	openStep1(t, m, db, client.ID)
	m.showClientView(m.Session())
	c := w.Canvas()
	current := find(c, func(b *button) bool { return strings.HasSuffix(b.name, "▾") })
	if len(current) != 1 {
		t.Fatalf("%d language choosers in the client view", len(current))
	}
	test.Tap(current[0])
	turkish := find(c, func(b *button) bool { return b.name == "Türkçe" })
	if len(turkish) != 1 {
		t.Fatal("Türkçe is not offered in the client view")
	}
	test.Tap(turkish[0])
	if got, _ := db.Client(client.ID); got.Language != "tr" {
		t.Errorf("the client's language after choosing Türkçe: %q, want tr", got.Language)
	}
	m.closeClientView()
	if got := languageSelect(t, c).Selected; got != "Turks — Türkçe" {
		t.Errorf("step 1 shows %q after the client chose Türkçe", got)
	}
}

// TestClientLanguageChoice_NoMarkForDutch: Dutch is the source language;
// there is no translation to mark as checked.
func TestClientLanguageChoice_NoMarkForDutch(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	client, _ := db.CreateClient("Jan", "")
	sel := openStep1(t, m, db, client.ID)
	c := w.Canvas()
	marks := func() []*button {
		return find(c, func(b *button) bool { return b.Text == "Markeer als nagekeken" || b.Text == "Niet meer nagekeken" })
	}
	if w := sel.MinSize().Width; w < fyne.MeasureText("Oekraïens — Українська", theme.Size(theme.SizeNameText), fyne.TextStyle{}).Width {
		t.Errorf("the choice is %v wide: the longest name does not fit", w)
	}
	if sel.Selected != "Nederlands" || len(marks()) != 0 {
		t.Errorf("with %q chosen, %d buttons to mark the translation as checked", sel.Selected, len(marks()))
	}
	sel.SetSelected("Farsi — فارسی")
	if len(marks()) != 1 {
		t.Fatalf("with Farsi chosen, %d buttons to mark it as checked, want 1", len(marks()))
	}
	if b := marks()[0]; b.Size().Width < b.MinSize().Width || b.Position().X < sel.Position().X+sel.Size().Width {
		t.Errorf("the mark, shown once Farsi is chosen, is not laid out beside the choice: at %v, %v", b.Position(), b.Size())
	}
	sel.SetSelected("Nederlands")
	if len(marks()) != 0 {
		t.Errorf("with Dutch chosen again, %d buttons to mark it as checked", len(marks()))
	}
}

// TestClientLanguageName: each language named in Dutch and in its own
// script, so that Farsi and Arabic are told apart by a professional who
// reads neither; Dutch once.
func TestClientLanguageName(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"nl", "Nederlands"},
		{"en", "Engels — English"},
		{"ar", "Arabisch — العربية"},
		{"fa", "Farsi — فارسی"},
		{"ti", "Tigrinya — ትግርኛ"},
		{"tr", "Turks — Türkçe"},
		{"pl", "Pools — Polski"},
		{"so", "Somalisch — Soomaali"},
		{"uk", "Oekraïens — Українська"},
		{"prs", "prs"}, // no name in either: the code, not a blank
	} {
		if got := clientLanguageName(tt.lang); got != tt.want {
			t.Errorf("clientLanguageName(%s) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	names := map[string]bool{}
	for _, l := range ClientLanguages {
		names[clientLanguageName(l)] = true
	}
	if len(names) != len(ClientLanguages) || !slices.Contains(ClientLanguages, "fa") {
		t.Errorf("the client languages %v have %d different names", ClientLanguages, len(names))
	}
}
