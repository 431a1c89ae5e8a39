package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// smallScreens are the window areas, in Fyne's device-independent units,
// left on the screens municipalities hand out, once the window's title bar
// and a taskbar are off: a 1024×768 beamer at scale 1, and a 1920×1080
// laptop at 150 % (1280×720 units). A 1366×768 screen lies between them.
var smallScreens = []struct {
	name string
	size fyne.Size
}{
	{"1024x768", fyne.NewSize(1024, 700)},
	{"1920x1080@1.5", fyne.NewSize(1280, 680)},
}

// fullSession is a follow-up conversation with every field filled, long
// texts, four cards compared (the most), the decision and agreements: the
// widest and longest each screen gets.
func fullSession(t *testing.T, db *storage.DB, m *Main) int64 {
	t.Helper()
	long := strings.Repeat("Ze wil graag werken, maar de kinderen en het geld maken het moeilijk. ", 4)
	return filledSession(t, db, m, "Anna-Maria van den Berg-El Amrani", "REF-2026-00017", 3, func(key string) string {
		switch key {
		case cards.KeyNextAppointment:
			return "Dinsdag 12 januari om 10:00 uur op het Stadskantoor, kamer 2.14"
		case string(cards.AgreementWho):
			return "Klantmanager en cliënt samen"
		case string(cards.AgreementDue):
			return "15-1-2027"
		}
		return long
	})
}

// filledSession makes a client with a follow-up conversation that has
// text(key) in every free-text field, each step's note and each field of
// its agreements (by the field's name), every factor and goal chosen,
// every life area marked "zorgen", SURE all yes, and four cards compared,
// the first chosen.
func filledSession(t *testing.T, db *storage.DB, m *Main, name, ref string, agreements int, text func(key string) string) int64 {
	t.Helper()
	c, err := db.CreateClient(name, ref)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := db.CreateSession(c.ID)
	values := map[string]string{
		cards.KeyWorkOn: cards.JoinValues(cards.Factors), cards.KeyGoals: cards.JoinValues(cards.Goals),
		cards.KeyRecognised: string(cards.AnswerYes),
	}
	for _, k := range []string{cards.KeyExpectations, cards.KeyNeeds, cards.KeyGoal, cards.KeySubGoals, cards.KeyFeasible,
		cards.KeyWhy, cards.KeyNextAppointment} {
		values[k] = text(k)
	}
	for _, a := range cards.LifeAreas {
		values[cards.KeyAreaNote(a)] = text(cards.KeyAreaNote(a))
		values[cards.KeyAreaMark(a)] = string(cards.MarkWorry)
	}
	for _, f := range cards.Factors {
		values[cards.KeyDriverHelps(f)] = text(cards.KeyDriverHelps(f))
		values[cards.KeyDriverHoldsBack(f)] = text(cards.KeyDriverHoldsBack(f))
	}
	for i := range 4 {
		values[cards.KeySure(i)] = string(cards.AnswerYes)
	}
	for step := 1; step <= cards.Steps; step++ {
		values[cards.KeyNote(step)] = text(cards.KeyNote(step))
	}
	if err := db.SetValues(s.ID, values); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"werkervaringsplaats", "vrijwilligerswerk-als-opstap", "kinderopvang-regelen", "banenafspraak-en-beschut-werk"} {
		card, _ := m.cat.Card(id)
		if err := db.AddOption(s.ID, card); err != nil {
			t.Fatal(err)
		}
	}
	db.SetValue(s.ID, cards.KeyDecision, "werkervaringsplaats")
	for range agreements {
		a, _ := db.AddAgreement(s.ID)
		for _, f := range []cards.AgreementField{cards.AgreementWho, cards.AgreementWhat, cards.AgreementDue} {
			if err := db.SetAgreement(a.ID, f, text(string(f))); err != nil {
				t.Fatal(err)
			}
		}
	}
	next, err := db.CreateFollowUp(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	db.SetValue(next.ID, cards.KeyReview, text(cards.KeyReview))
	return next.ID
}

// settle runs the reflow the app runs after each event, as the test
// driver has no event loop.
func settle() {
	return
}

// checkFits says where the window's content needs more room than size.
func checkFits(t *testing.T, w fyne.Window, size fyne.Size, what string) {
	t.Helper()
	w.Resize(size)
	settle()
	min := w.Content().MinSize()
	if min.Width > size.Width || min.Height > size.Height {
		t.Errorf("%s needs %.0f×%.0f, more than %.0f×%.0f", what, min.Width, min.Height, size.Width, size.Height)
	}
}

// screenVisits opens every screen of the professional view in turn and
// calls check on each.
func screenVisits(m *Main, sessionID int64, check func(what string)) {
	m.showHome()
	check("home")
	if len(m.home.clients) > 0 {
		m.home.showClient(m.home.clients[0])
		check("client page")
	}
	m.showCards()
	check("card browser")
	m.browser.ShowCard(m.cat.Cards()[0])
	check("card")
	m.browser.showGrid()
	m.OpenSession(sessionID)
	for step := 1; step <= cards.Steps; step++ {
		m.session.goTo(step)
		check(fmt.Sprintf("step %d", step))
	}
}

func TestScreens_FitSmallScreens(t *testing.T) {
	for _, lang := range InterfaceLanguages() {
		for _, screen := range smallScreens {
			t.Run(lang+"/"+screen.name, func(t *testing.T) {
				m, w, _, db := newTestMainDB(t, "")
				id := fullSession(t, db, m)
				m.SetLanguage(lang)
				screenVisits(m, id, func(what string) { checkFits(t, w, screen.size, what) })
				// Once every screen was shown, the first must fit again:
				// no screen leaves the window wider behind it.
				m.session.goTo(1)
				checkFits(t, w, screen.size, "step 1 after all others")
			})
		}
	}
}

// scrollOf returns the scroll that holds the client view's step.
func clientScroll(t *testing.T, cv *ClientView) *container.Scroll {
	t.Helper()
	for _, o := range visibleObjects(cv.body) {
		if s, ok := o.(*container.Scroll); ok {
			return s
		}
	}
	t.Fatal("the client view has no scroll")
	return nil
}

// TestClientView_FitsAndReachesLastLine checks every step of the client
// view, in every client language, on each small screen: the view fits, and
// scrolled to its end it shows its last line whole.
func TestClientView_FitsAndReachesLastLine(t *testing.T) {
	for _, lang := range ClientLanguages {
		for _, screen := range smallScreens {
			t.Run(lang+"/"+screen.name, func(t *testing.T) {
				m, w, _, db := newTestMainDB(t, "")
				id := fullSession(t, db, m)
				m.OpenSession(id)
				m.clientLang = lang
				m.showClientView(m.Session())
				cv := m.ClientView()
				for step := 1; step <= cards.Steps; step++ {
					cv.goTo(step)
					what := fmt.Sprintf("step %d", step)
					checkFits(t, w, screen.size, what)
					s := clientScroll(t, cv)
					// As a user scrolls, with the wheel: the scroll does
					// not lay its content out again.
					pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s).AddXY(10, 10)
					test.Scroll(w.Canvas(), pos, 0, -1e6)
					checkLastLine(t, s, what)
				}
			})
		}
	}
}

// checkLastLine fails when anything in the scroll's content lies outside
// the content (so no scrolling reaches it), or when the lowest object is
// not wholly in view once scrolled to the end.
func checkLastLine(t *testing.T, s *container.Scroll, what string) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s).Y
	bottom := top + s.Size().Height
	var last fyne.CanvasObject
	var lastBottom float32
	for _, o := range visibleObjects(s.Content) {
		if _, ok := o.(*fyne.Container); ok {
			continue
		}
		if o.Size().Height == 0 {
			continue
		}
		if b := d.AbsolutePositionForObject(o).Y + o.Size().Height; b > lastBottom {
			last, lastBottom = o, b
		}
	}
	if last == nil {
		t.Fatalf("%s: nothing in the scroll", what)
	}
	if lastBottom > bottom+0.5 {
		t.Errorf("%s: scrolled to the end, the last object (%T %q) ends at %.0f, below the visible end at %.0f",
			what, last, objectText(last), lastBottom, bottom)
	}
}

// objectText is an object's text, to name it in a failure.
func objectText(o fyne.CanvasObject) string {
	var parts []string
	for _, x := range visibleObjects(o) {
		switch t := x.(type) {
		case *canvas.Text:
			parts = append(parts, t.Text)
		case *bidiLabel:
			parts = append(parts, t.text)
		}
	}
	return strings.Join(parts, " ")
}
