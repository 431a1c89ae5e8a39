package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestSessionView_OptionNamesStayInView scrolls step 5 down through the
// comparison to the totals: the names of the options stay in view above
// their columns, each total names its option, and at the top of the page
// the copy is not shown twice.
func TestSessionView_OptionNamesStayInView(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	w.Resize(fyne.NewSize(1000, 660))
	id := fullSession(t, db, m)
	m.OpenSession(id)
	v := m.Session()
	v.goTo(cards.StepOptions)
	settle()
	if v.pinned == nil {
		t.Fatal("step 5 has no pinned header")
	}
	if v.pinned.shown() {
		t.Error("at the top of step 5 the names are pinned over their own header")
	}
	var titles []string
	for _, o := range v.s.Options {
		titles = append(titles, o.Card.Title)
	}
	// The totals, each with its option's name.
	totals := find(w.Canvas(), func(l *widget.Label) bool {
		return strings.Contains(l.Text, "voordelen") && strings.Contains(l.Text, "punten")
	})
	if len(totals) != len(titles) {
		t.Fatalf("%d totals for %d options", len(totals), len(titles))
	}
	for i, l := range totals {
		if !strings.HasPrefix(l.Text, titles[i]+":") {
			t.Errorf("total %d = %q, does not name %q", i, l.Text, titles[i])
		}
	}
	// Scroll until the last total is in view.
	d := fyne.CurrentApp().Driver()
	last := totals[len(totals)-1]
	for i := 0; i < 200; i++ {
		bottom := d.AbsolutePositionForObject(last).Y + last.Size().Height - d.AbsolutePositionForObject(v.page).Y
		if bottom <= v.page.Size().Height {
			break
		}
		v.page.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -40}})
	}
	if !v.pinned.shown() {
		t.Fatal("at the totals the options' names are not in view")
	}
	capture(t, w, "step5-totals.png")
	pinned := strings.Join(texts(v.pinned.copy), " ")
	for _, title := range titles {
		if !strings.Contains(pinned, title) {
			t.Errorf("the pinned names %q lack %q", pinned, title)
		}
	}
	// Past the comparison, down to the proposals and the note, the names
	// go: they would head nothing.
	for i := 0; i < 300; i++ {
		v.page.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -40}})
	}
	if v.pinned.shown() {
		t.Error("below the comparison the names are still pinned")
	}
	for i := 0; i < 200 && v.page.Offset.Y > 0; i++ {
		v.page.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: 40}})
	}
	if v.pinned.shown() {
		t.Error("back at the top, the names are still pinned")
	}
}

// texts is what the objects under o write.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range visibleObjects(o) {
		if l, ok := x.(*bidiLabel); ok {
			out = append(out, l.text)
		}
	}
	return out
}

// TestSessionView_SearchNothingFound: a search in step 5 that finds no
// card says so, instead of an empty list.
func TestSessionView_SearchNothingFound(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	client, _ := db.CreateClient("Zoeken", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.Session().goTo(cards.StepOptions)
	search := textField(t, w.Canvas(), "Zoek een andere kaart")
	test.Type(search, "qwxyz")
	if !strings.Contains(strings.Join(allTexts(w.Canvas()), " "), "Geen kaarten gevonden met \"qwxyz\"") {
		t.Errorf("a search that finds nothing shows %q", allTexts(w.Canvas()))
	}
}

// TestTextEntry_WheelScrollsPage turns the mouse wheel over a field: an
// empty field passes it to the page; a field with more text than it shows
// scrolls that text first.
func TestTextEntry_WheelScrollsPage(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	w.Resize(fyne.NewSize(1000, 500))
	client, _ := db.CreateClient("Wiel", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	v := m.Session()
	c := w.Canvas()
	d := fyne.CurrentApp().Driver()
	over := func(e *textEntry) fyne.Position {
		return d.AbsolutePositionForObject(e).Add(fyne.NewPos(e.Size().Width/2, e.Size().Height/2))
	}
	field := textField(t, c, "In je eigen woorden")
	test.Scroll(c, over(field), 0, -30)
	if v.page.Offset.Y == 0 {
		t.Fatal("the wheel over an empty field did not scroll the page")
	}
	v.page.ScrollToTop()
	field.SetText(strings.Repeat("Een lange regel over wat de cliënt verwacht.\n", 20))
	test.Scroll(c, over(field), 0, -30)
	if v.page.Offset.Y != 0 {
		t.Error("the wheel over a field with more text scrolled the page, not the text")
	}
}

// TestClientView_OptionNamesStayInView: in the client view too, at the
// totals the names of the options are in view above their columns, and
// each total names its option.
func TestClientView_OptionNamesStayInView(t *testing.T) {
	for _, lang := range []string{"nl", "ar"} {
		t.Run(lang, func(t *testing.T) {
			m, w, _, db := newTestMainDB(t, "")
			w.Resize(fyne.NewSize(1000, 660))
			client, _ := db.CreateClient("Twee", "")
			s, _ := db.CreateSession(client.ID)
			for _, id := range []string{"werkervaringsplaats", "vrijwilligerswerk-als-opstap"} {
				card, _ := m.cat.Card(id)
				if err := db.AddOption(s.ID, card); err != nil {
					t.Fatal(err)
				}
			}
			m.OpenSession(s.ID)
			m.Session().goTo(cards.StepOptions)
			m.clientLang = lang
			m.showClientView(m.Session())
			cv := m.ClientView()
			settle()
			page := find(w.Canvas(), func(s *container.Scroll) bool { return true })[0]
			if cv.pinned == nil || cv.pinned.shown() {
				t.Fatal("at the top, no pinned names or pinned over their own heads")
			}
			for i := 0; i < 300; i++ {
				page.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -40}})
			}
			if !cv.pinned.shown() {
				t.Fatal("at the totals the options' names are not in view")
			}
			capture(t, w, "step5-end.png")
			shownNames := strings.Join(texts(cv.pinned.copy), " ")
			totals := strings.Join(texts(w.Canvas().Content()), "\n")
			for _, o := range m.Session().s.Options {
				title, _ := cv.card(o.Card)
				if !strings.Contains(shownNames, title.Title) {
					t.Errorf("the pinned names %q lack %q", shownNames, title.Title)
				}
				if !strings.Contains(totals, title.Title+": ") {
					t.Errorf("no total names %q", title.Title)
				}
			}
		})
	}
}
