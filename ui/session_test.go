package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// find returns the visible widgets of type T on the canvas (dialogs
// included) for which match is true, in drawing order.
func find[T fyne.CanvasObject](c fyne.Canvas, match func(T) bool) []T {
	roots := []fyne.CanvasObject{c.Content()}
	roots = append(roots, c.Overlays().List()...)
	var out []T
	for _, r := range roots {
		for _, o := range visibleObjects(r) {
			if x, ok := o.(T); ok && match(x) {
				out = append(out, x)
			}
		}
	}
	return out
}

func entries(c fyne.Canvas, placeholder string) []*widget.Entry {
	out := find(c, func(e *widget.Entry) bool { return e.PlaceHolder == placeholder })
	for _, e := range find(c, func(e *dialogEntry) bool { return e.PlaceHolder == placeholder }) {
		out = append(out, &e.Entry)
	}
	for _, e := range find(c, func(e *textEntry) bool { return e.PlaceHolder == placeholder }) {
		out = append(out, &e.Entry)
	}
	return out
}

func entry(t *testing.T, c fyne.Canvas, placeholder string) *widget.Entry {
	t.Helper()
	es := entries(c, placeholder)
	if len(es) == 0 {
		t.Fatalf("no field %q on screen", placeholder)
	}
	return es[0]
}

func radios(c fyne.Canvas, option string) []*widget.RadioGroup {
	return find(c, func(r *widget.RadioGroup) bool { return slices.Contains(r.Options, option) })
}

// buttonOn finds a button by its text: one of ours, or one of Fyne's in a
// dialog.
func buttonOn(t *testing.T, c fyne.Canvas, label string) fyne.Tappable {
	t.Helper()
	if bs := find(c, func(b *button) bool { return b.Text == label }); len(bs) > 0 {
		return bs[0]
	}
	if bs := find(c, func(b *widget.Button) bool { return b.Text == label }); len(bs) > 0 {
		return bs[0]
	}
	t.Fatalf("no button %q on screen", label)
	return nil
}

func checks(c fyne.Canvas, label string) []*widget.Check {
	return find(c, func(ch *widget.Check) bool { return ch.Text == label })
}

// TestSession_SevenSteps walks one conversation through all seven steps
// as a klantmanager does, closes the app, opens the database again in a new
// window and finds everything back.
func TestSession_SevenSteps(t *testing.T) {
	path := filepath.Join(t.TempDir(), storage.DatabaseFileName)
	m, w, _, db := newTestMainDB(t, path)
	c := w.Canvas()

	// A new client, from the home screen.
	test.Tap(buttonOn(t, c, "Nieuwe cliënt"))
	test.Type(entry(t, c, "bijvoorbeeld: S. de Vries"), "Fatima B.")
	test.Type(entry(t, c, "mag leeg blijven; geen BSN"), "K-77")
	test.Tap(buttonOn(t, c, "Maken"))
	test.Tap(buttonOn(t, c, "Nieuw gesprek"))
	v := m.Session()
	if v == nil || v.client.Name != "Fatima B." {
		t.Fatal("no session opened for the new client")
	}
	sessionID := v.s.ID
	if !strings.Contains(shownText(c), "Jij beslist ook mee!") || !strings.Contains(shownText(c), "Stap 1 van 7") {
		t.Error("step 1 does not open with \"Jij beslist ook mee!\"")
	}

	// Step 1.
	test.Type(entry(t, c, "In je eigen woorden"), "Ik wil weer aan het werk.")
	test.Type(entry(t, c, "Bijvoorbeeld: meer tijd, een tolk, iemand die meekomt"), "Een tolk")
	test.Type(entry(t, c, "Alleen voor de klantmanager"), "Geheime notitie stap 1")
	if got := m.status.Text; got != "Opslaan…" && got != "Alles is opgeslagen" {
		t.Errorf("save status = %q", got)
	}
	test.Tap(buttonOn(t, c, "Volgende stap"))

	// Step 2: money is a worry, the client's profile, recognised.
	areaNotes := entries(c, "Wat gaat goed, wat is lastig?")
	if len(areaNotes) != len(cards.LifeAreas) {
		t.Fatalf("%d life areas on screen, want %d", len(areaNotes), len(cards.LifeAreas))
	}
	test.Type(areaNotes[1], "Schulden bij de energie")
	radios(c, "Zorgen")[1].SetSelected("Zorgen")
	test.Type(entry(t, c, "bijvoorbeeld 34"), "41")
	radios(c, "Ja")[0].SetSelected("Ja")
	test.Tap(buttonOn(t, c, "Volgende stap"))

	// Step 3: work on self-efficacy and circumstances.
	work := checks(c, "Hier wil ik aan werken")
	if len(work) != len(cards.Factors) {
		t.Fatalf("%d IGM factors on screen", len(work))
	}
	test.Tap(work[2])
	test.Tap(work[5])
	test.Type(find(c, func(e *textEntry) bool { return e.PlaceHolder == "" && !e.MultiLine })[0], "Mijn kinderen")
	test.Tap(buttonOn(t, c, "Volgende stap"))

	// Step 4: the goal.
	test.Type(entry(t, c, "Bijvoorbeeld: over een jaar werk ik 20 uur per week in de zorg."), "Werk in de schoonmaak")
	test.Tap(checks(c, "Werkervaring opdoen")[0])
	test.Type(entry(t, c, "Eén stap per regel"), "Opvang regelen\nSolliciteren")
	test.Tap(buttonOn(t, c, "Volgende stap"))

	// Step 5: compare two proposed cards side by side and weigh a pro.
	if !strings.Contains(shownText(c), "Kies minstens 2 kaarten") {
		t.Error("step 5 does not ask to choose cards")
	}
	test.Tap(buttonOn(t, c, "Vergelijken"))
	test.Tap(buttonOn(t, c, "Vergelijken"))
	if n := len(m.Session().s.Options); n != 2 {
		t.Fatalf("%d options compared, want 2", n)
	}
	opts := m.Session().s.Options
	shown := shownText(c)
	for _, o := range opts {
		if !strings.Contains(shown, o.Card.Title) || !strings.Contains(shown, firstWords(o.Card.Pros[0], 3)) {
			t.Errorf("comparison does not show %q with its pros", o.Card.Title)
		}
	}
	for _, row := range []string{"Wat is het?", "Hoe lang duurt het?", "Hoeveel uur per week?", "Wat levert het op?", "Wat vraagt het van mij?", "Voordelen", "Nadelen", "Wat weten we over het effect?"} {
		if n := strings.Count(shown, row); n < 1 {
			t.Errorf("comparison has no row %q", row)
		}
	}
	weights := radios(c, "3")
	weights[0].SetSelected("3") // first option, first pro
	total := opts[0].Card.Title + ": voordelen 3 punten, nadelen 0 punten."
	if len(find(c, func(l *widget.Label) bool { return l.Text == total })) != 1 {
		t.Errorf("the weighing does not show the weight given: no %q", total)
	}
	test.Tap(buttonOn(t, c, "Volgende stap"))

	// Step 6: SURE with one "no" advises to talk further, without blocking.
	sure := radios(c, "Ja")
	for i, a := range []string{"Ja", "Ja", "Nee", "Ja"} {
		sure[i].SetSelected(a)
	}
	if !strings.Contains(shownText(c), "3 van de 4 vragen met ja") {
		t.Error("no advice after a SURE score of 3")
	}
	radios(c, opts[0].Card.Title)[0].SetSelected(opts[0].Card.Title)
	test.Type(entry(t, c, "In je eigen woorden"), "Dichtbij huis")
	test.Tap(buttonOn(t, c, "Afspraak toevoegen"))
	test.Type(entry(t, c, "ik, de klantmanager, …"), "Ik")
	test.Type(entry(t, c, "Bijvoorbeeld: de aanmelding invullen"), "Opvang bellen")
	test.Type(entry(t, c, "Bijvoorbeeld: 1 december"), "vrijdag")
	test.Type(entry(t, c, "Datum, tijd en plaats"), "8 december 10.00 uur")
	test.Type(entry(t, c, "Alleen voor de klantmanager"), "Geheime notitie stap 6")
	test.Tap(buttonOn(t, c, "Volgende stap"))

	// Step 7 in a first session starts the follow-up, which carries all over.
	test.Tap(buttonOn(t, c, "Vervolggesprek beginnen"))
	pressKey(c, fyne.KeyReturn) // yes, begin
	next := m.Session()
	if next == nil || next.s.ID == sessionID || next.s.PreviousID != sessionID || next.s.Step != cards.StepEvaluate {
		t.Fatal("no follow-up opened at step 7")
	}
	if !strings.Contains(shownText(c), "Je doel: Werk in de schoonmaak") {
		t.Error("the follow-up does not show the earlier goal")
	}
	test.Type(entry(t, c, "Wat ging goed? Wat was lastig?"), "Opvang is geregeld")
	test.Tap(buttonOn(t, c, "Verder met stap 3"))
	if m.Session().s.Step != cards.StepDrivers || len(checks(c, "Hier wil ik aan werken")) == 0 {
		t.Fatal("follow-up did not continue at step 3")
	}
	if !checks(c, "Hier wil ik aan werken")[2].Checked {
		t.Error("the follow-up lost the factors chosen before")
	}

	// Close: back home, the window and the database.
	m.showHome()
	if m.status.Text != "Alles is opgeslagen" {
		t.Errorf("after closing the session the status is %q", m.status.Text)
	}
	m.saver.(*storage.Saver).Close()
	db.Close()

	// A new window over the same file: everything is back.
	m2, w2, _, _ := newTestMainDB(t, path)
	c2 := w2.Canvas()
	m2.OpenSession(sessionID)
	v2 := m2.Session()
	if v2.s.Step != cards.StepEvaluate {
		t.Errorf("reopened at step %d, want 7 where it was left", v2.s.Step)
	}
	v2.goTo(cards.StepPrepare)
	if got := entry(t, c2, "In je eigen woorden").Text; got != "Ik wil weer aan het werk." {
		t.Errorf("expectations = %q", got)
	}
	if got := entry(t, c2, "Alleen voor de klantmanager").Text; got != "Geheime notitie stap 1" {
		t.Errorf("note = %q", got)
	}
	v2.goTo(cards.StepSituation)
	if got := entries(c2, "Wat gaat goed, wat is lastig?")[1].Text; got != "Schulden bij de energie" {
		t.Errorf("money note = %q", got)
	}
	if got := radios(c2, "Zorgen")[1].Selected; got != "Zorgen" {
		t.Errorf("money mark = %q", got)
	}
	if got := entry(t, c2, "bijvoorbeeld 34").Text; got != "41" {
		t.Errorf("age = %q", got)
	}
	v2.goTo(cards.StepGoal)
	if got := entry(t, c2, "Eén stap per regel").Text; got != "Opvang regelen\nSolliciteren" {
		t.Errorf("sub-goals = %q", got)
	}
	v2.goTo(cards.StepOptions)
	if len(find(c2, func(l *widget.Label) bool { return l.Text == total })) != 1 {
		t.Errorf("weights are not back: no %q", total)
	}
	v2.goTo(cards.StepDecide)
	if got := radios(c2, opts[0].Card.Title)[0].Selected; got != opts[0].Card.Title {
		t.Errorf("decision = %q", got)
	}
	for placeholder, want := range map[string]string{
		"In je eigen woorden":                  "Dichtbij huis",
		"ik, de klantmanager, …":               "Ik",
		"Bijvoorbeeld: de aanmelding invullen": "Opvang bellen",
		"Bijvoorbeeld: 1 december":             "vrijdag",
		"Datum, tijd en plaats":                "8 december 10.00 uur",
		"Alleen voor de klantmanager":          "Geheime notitie stap 6",
	} {
		if got := entry(t, c2, placeholder).Text; got != want {
			t.Errorf("step 6 %q = %q, want %q", placeholder, got, want)
		}
	}
	if sure := radios(c2, "Nee"); sure[2].Selected != "Nee" || sure[3].Selected != "Ja" {
		t.Error("SURE answers are not back")
	}
}

// TestSessionView_FollowUpAsks: starting a follow-up asks first, and the
// follow-up is named as one, not as the conversation it follows.
func TestSessionView_FollowUpAsks(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Vervolg", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.Session().goTo(cards.StepEvaluate)
	test.Tap(buttonOn(t, c, "Vervolggesprek beginnen"))
	if !strings.Contains(overlayText(c), "Vervolggesprek beginnen?") {
		t.Fatalf("no question before the follow-up: %q", overlayText(c))
	}
	pressKey(c, fyne.KeyEscape)
	if sessions, _ := db.Sessions(client.ID); len(sessions) != 1 || m.Session().s.ID != s.ID {
		t.Fatalf("cancelled, yet %d conversations", len(sessions))
	}
	test.Tap(buttonOn(t, c, "Vervolggesprek beginnen"))
	pressKey(c, fyne.KeyReturn)
	if m.Session().s.PreviousID != s.ID {
		t.Fatal("confirmed, yet no follow-up open")
	}
	if text := shownText(c); !strings.Contains(text, "Vervolggesprek van ") || strings.Contains(text, "Gesprek van ") {
		t.Errorf("the follow-up is named as %q", text)
	}
}
