package ui

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// allTexts returns every text in the object tree of the canvas, hidden or
// not, dialogs included: what the client could ever be shown.
func allTexts(c fyne.Canvas) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			out = append(out, x.Text)
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case *widget.Entry:
			out = append(out, x.Text, x.PlaceHolder)
		case *textEntry:
			out = append(out, x.Text, x.PlaceHolder)
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(c.Content())
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return out
}

// privateSession fills a session with professional notes on every step,
// and makes another client, whose name must never show.
func privateSession(t *testing.T, db *storage.DB, m *Main) (sessionID int64, secrets []string) {
	t.Helper()
	other, _ := db.CreateClient("Pieter Anderman", "GEHEIM-1")
	os, _ := db.CreateSession(other.ID)
	db.SetValue(os.ID, cards.KeyGoal, "Doel van een andere cliënt")
	secrets = []string{"Pieter Anderman", "GEHEIM-1", "Doel van een andere cliënt"}

	c, _ := db.CreateClient("Samira B.", "")
	s, _ := db.CreateSession(c.ID)
	values := map[string]string{
		cards.KeyExpectations:                          "Ik wil weten wat er kan.",
		cards.KeyAreaNote(cards.AreaMoney):             "Huurachterstand",
		cards.KeyAreaMark(cards.AreaMoney):             string(cards.MarkWorry),
		cards.KeyWorkOn:                                string(cards.FactorSelfEfficacy),
		cards.KeyDriverHelps(cards.FactorSelfEfficacy): "Mijn zus helpt",
		cards.KeyGoal:                                  "Werk in de zorg",
		cards.KeyWhy:                                   "Dichtbij huis",
		cards.KeyStep:                                  "1",
	}
	for step := 1; step <= cards.Steps; step++ {
		note := "Notitie van de klantmanager, stap " + string(rune('0'+step))
		values[cards.KeyNote(step)] = note
		secrets = append(secrets, note)
	}
	db.SetValues(s.ID, values)
	for _, id := range []string{"werkervaringsplaats", "kinderopvang-regelen"} {
		card, _ := m.cat.Card(id)
		db.AddOption(s.ID, card)
	}
	db.SetValue(s.ID, cards.KeyDecision, "werkervaringsplaats")
	return s.ID, secrets
}

func TestClientView_ShowsNothingPrivate(t *testing.T) {
	for _, lang := range ClientLanguages {
		t.Run(lang, func(t *testing.T) {
			m, w, _, db := newTestMainDB(t, "")
			id, secrets := privateSession(t, db, m)
			m.OpenSession(id)
			m.clientLang = lang
			test.Tap(buttonOn(t, w.Canvas(), "Draai naar cliënt"))
			cv := m.ClientView()
			if cv == nil {
				t.Fatal("no client view")
			}
			seen := map[int]string{}
			for step := 1; step <= cards.Steps; step++ {
				cv.goTo(step)
				texts := strings.Join(allTexts(w.Canvas()), "\n")
				for _, secret := range secrets {
					if strings.Contains(texts, secret) {
						t.Errorf("step %d in %s shows %q", step, lang, secret)
					}
				}
				seen[step] = texts
			}
			// The client's own things are there (so the walk saw the screen).
			for step, own := range map[int]string{1: "Ik wil weten wat er kan.", 2: "Huurachterstand", 3: "Mijn zus helpt", 4: "Werk in de zorg", 6: "Dichtbij huis"} {
				if !strings.Contains(seen[step], own) {
					t.Errorf("step %d in %s does not show the client's %q", step, lang, own)
				}
			}
		})
	}
}

func TestClientView_Arabic(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	id, _ := privateSession(t, db, m)
	m.OpenSession(id)
	m.clientLang = "ar"
	m.showClientView(m.Session())
	cv := m.ClientView()
	cv.goTo(cards.StepOptions)
	texts := strings.Join(allTexts(w.Canvas()), "\n")
	ar, _ := m.cardTranslations("ar").Apply(cv.v.s.Options[0].Card)
	// Arabic is drawn word by word, in visual order.
	for _, word := range strings.Fields(strings.TrimRight(ar.Summary, ".")) {
		if !strings.Contains(texts, word) {
			t.Errorf("the compared card is not in Arabic: %q of %q missing", word, ar.Summary)
		}
	}
	for _, dutch := range []string{"Voordelen", "Nadelen", "Hoe belangrijk"} {
		if strings.Contains(texts, dutch) {
			t.Errorf("Arabic client view shows Dutch %q", dutch)
		}
	}
	cv.goTo(cards.StepPrepare)
	if texts := strings.Join(allTexts(w.Canvas()), "\n"); strings.Contains(texts, "Jij beslist ook mee!") {
		t.Error("step 1 in Arabic shows the Dutch slogan")
	}
}

func TestClientView_UntranslatedCardSaysSo(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	id, _ := privateSession(t, db, m)
	m.translations["en"] = cards.Translations{} // no card texts in English
	m.OpenSession(id)
	m.clientLang = "en"
	m.showClientView(m.Session())
	m.ClientView().goTo(cards.StepOptions)
	texts := strings.Join(allTexts(w.Canvas()), "\n")
	if !strings.Contains(texts, "This card is not in your language yet.") {
		t.Error("no note that the card is shown in Dutch")
	}
}

func TestClientView_BackNeedsHold(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	id, _ := privateSession(t, db, m)
	m.OpenSession(id)
	m.showClientView(m.Session())
	holds := find(w.Canvas(), func(*holdButton) bool { return true })
	if len(holds) != 1 {
		t.Fatalf("%d hold buttons", len(holds))
	}
	hold := holds[0]
	clock := time.Now()
	hold.now = func() time.Time { return clock }

	test.Tap(hold)
	hold.MouseDown(&desktop.MouseEvent{})
	clock = clock.Add(holdTime - time.Millisecond)
	hold.MouseUp(&desktop.MouseEvent{})
	hold.MouseUp(&desktop.MouseEvent{}) // a second release is not a long press
	if m.ClientView() == nil {
		t.Fatal("a tap or a short press left the client view")
	}
	typeShortcut(t, w.Canvas(), &fyne.ShortcutCopy{})
	if m.ClientView() == nil {
		t.Fatal("another shortcut left the client view")
	}
	texts := strings.Join(allTexts(w.Canvas()), "\n")
	if strings.Contains(texts, "Ctrl+Shift+B") || strings.Contains(texts, "2 seconden") {
		t.Error("the client view says how to leave it")
	}

	hold.MouseDown(&desktop.MouseEvent{})
	clock = clock.Add(holdTime)
	hold.MouseUp(&desktop.MouseEvent{})
	if m.ClientView() != nil {
		t.Fatal("holding for two seconds did not go back")
	}
	if !strings.Contains(shownText(w.Canvas()), "Ctrl+Shift+B") {
		t.Error("the professional view does not say how to come back")
	}

	m.showClientView(m.Session())
	m.backKey.now = func() time.Time { return clock }
	typeShortcut(t, w.Canvas(), BackShortcut)
	if m.ClientView() == nil {
		t.Fatal("pressing Ctrl+Shift+B once went back")
	}
	holdBack(t, m, w.Canvas(), &clock, holdTime, 40*time.Millisecond)
	if m.ClientView() != nil {
		t.Error("holding Ctrl+Shift+B did not go back")
	}
}

func TestClientView_LargeText(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	id, _ := privateSession(t, db, m)
	m.OpenSession(id)
	m.showClientView(m.Session())
	labels := find(w.Canvas(), func(*bidiLabel) bool { return true })
	if len(labels) == 0 {
		t.Fatal("no text in the client view")
	}
	normal := theme.TextSize()
	for _, l := range labels {
		if got := l.textSize(); got < 1.5*normal {
			t.Errorf("text %q is %.1f, less than 1.5 × %.1f", l.text, got, normal)
		}
	}
}

func TestClientView_WeighsWithTheClient(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	id, _ := privateSession(t, db, m)
	m.OpenSession(id)
	m.showClientView(m.Session())
	m.ClientView().goTo(cards.StepOptions)
	r := find(w.Canvas(), func(r *choiceRow) bool { return slices.Equal(r.Options, []string{"0", "1", "2", "3"}) })
	r[0].SetSelected("3")
	if !strings.Contains(shownText(w.Canvas()), "Voordelen: 3 punten.") {
		t.Error("the client's weight does not show in the total")
	}
	m.closeClientView()
	m.saver.Flush()
	s, _ := db.Session(id)
	if s.Options[0].ProWeights[0] != 3 {
		t.Errorf("weight stored = %d", s.Options[0].ProWeights[0])
	}
}

// TestBidiLabel_VisualOrder renders an Arabic line mixed with a number and
// a Latin name and checks the order of what is drawn, from left to right.
func TestBidiLabel_VisualOrder(t *testing.T) {
	test.NewTempApp(t)
	l := newBidiLabel("اسمي Samira وعمري 34 سنة", true)
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(600, 100))
	var texts []*canvas.Text
	for _, o := range test.WidgetRenderer(l).Objects() {
		texts = append(texts, o.(*canvas.Text))
	}
	sort.Slice(texts, func(i, j int) bool { return texts[i].Position().X < texts[j].Position().X })
	var got []string
	for _, t := range texts {
		if s := strings.TrimSpace(t.Text); s != "" {
			got = append(got, s)
		}
	}
	want := []string{"سنة", "34", "وعمري", "Samira", "اسمي"}
	if !slices.Equal(got, want) {
		t.Errorf("drawn from left to right: %q, want %q", got, want)
	}
	last := texts[len(texts)-1]
	if right := last.Position().X + last.Size().Width; right < l.Size().Width-1 {
		t.Errorf("right-to-left line ends at %.0f of %.0f: not aligned right", right, l.Size().Width)
	}
}

// TestBidiLabel_Wraps checks that a long Arabic text wraps into lines that
// each read from the right.
func TestBidiLabel_Wraps(t *testing.T) {
	test.NewTempApp(t)
	l := newBidiLabel(strings.Repeat("كلمة ", 40), true)
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(300, 600))
	ys := map[float32]bool{}
	for _, o := range test.WidgetRenderer(l).Objects() {
		ys[o.Position().Y] = true
	}
	if len(ys) < 3 {
		t.Errorf("40 words in 300 pixels drawn on %d lines", len(ys))
	}
}

func TestLanguageName(t *testing.T) {
	for tag, want := range map[string]string{"nl": "Nederlands", "en": "English", "ar": "العربية"} {
		if got := languageName(language.Make(tag)); got != want {
			t.Errorf("languageName(%s) = %q, want %q", tag, got, want)
		}
	}
}

// TestClientTheme_ContainerPaddingIsTheApps guards the client view's last
// line: containers take their padding from whichever theme is being
// rendered, which is the client theme inside Fyne's own layout pass but the
// app's theme in a reflow or a refreshed container. Were the two different,
// the passes would disagree about heights, and the client could not scroll
// to the last lines.
func TestClientTheme_ContainerPaddingIsTheApps(t *testing.T) {
	app, client := Theme(), clientTheme{Theme()}
	if a, c := app.Size(theme.SizeNamePadding), client.Size(theme.SizeNamePadding); a != c {
		t.Errorf("client theme padding %v, app's %v", c, a)
	}
	if a, c := app.Size(theme.SizeNameText), client.Size(theme.SizeNameText); c != a*ClientTextScale {
		t.Errorf("client text size %v, want %v", c, a*ClientTextScale)
	}
}

// TestClientView_ChoicesRightToLeft: in Arabic the first answer is on the
// right and each circle stands right of its label; in Dutch the reverse.
func TestClientView_ChoicesRightToLeft(t *testing.T) {
	for _, tt := range []struct {
		lang      string
		yesOnLeft bool
	}{{"nl", true}, {"ar", false}} {
		t.Run(tt.lang, func(t *testing.T) {
			m, w, _, db := newTestMainDB(t, "")
			id, _ := privateSession(t, db, m)
			m.OpenSession(id)
			m.clientLang = tt.lang
			m.showClientView(m.Session())
			m.ClientView().goTo(cards.StepDecide)
			tr := m.ClientView().tr
			yes, no := tr.T("answer.yes"), tr.T("answer.no")
			rows := find(w.Canvas(), func(r *choiceRow) bool { return slices.Equal(r.Options, []string{yes, no}) })
			if len(rows) != 4 {
				t.Fatalf("%d yes/no questions, want the 4 of SURE", len(rows))
			}
			d := fyne.CurrentApp().Driver()
			x := func(o fyne.CanvasObject) float32 { return d.AbsolutePositionForObject(o).X }
			var yesItem, noItem *choiceItem
			for _, it := range rows[0].items {
				if it.option == yes {
					yesItem = it
				} else {
					noItem = it
				}
			}
			if (x(yesItem) < x(noItem)) != tt.yesOnLeft {
				t.Errorf("%q at x=%.0f, %q at x=%.0f", yes, x(yesItem), no, x(noItem))
			}
			r := test.WidgetRenderer(yesItem).(*choiceItemRenderer)
			if circleLeft := r.icon.Position().X < r.label.Position().X; circleLeft != tt.yesOnLeft {
				t.Errorf("circle at x=%.0f, label at x=%.0f", r.icon.Position().X, r.label.Position().X)
			}
			test.Tap(noItem)
			if got := m.Session().s.Sure[0]; got != cards.AnswerNo {
				t.Errorf("tapping %q stored %q", no, got)
			}
		})
	}
}

// TestClientView_EndsAndGear: "Terug" on the first step and "Verder" on
// the last do nothing, so they look disabled; the gear keeps its size.
func TestClientView_EndsAndGear(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	id, _ := privateSession(t, db, m)
	m.OpenSession(id)
	m.showClientView(m.Session())
	cv := m.ClientView()
	gear := find(w.Canvas(), func(*holdButton) bool { return true })[0]
	size := gear.MinSize()
	if want := (clientTheme{Theme()}).Size(theme.SizeNameInlineIcon) * 1.5; size.Width != want {
		t.Errorf("the gear is %v wide, want %v (the client view's icon size)", size.Width, want)
	}
	for step := 1; step <= cards.Steps; step++ {
		cv.goTo(step)
		settle()
		if cv.prev.Disabled() != (step == 1) || cv.next.Disabled() != (step == cards.Steps) {
			t.Errorf("step %d: Terug disabled %v, Verder disabled %v", step, cv.prev.Disabled(), cv.next.Disabled())
		}
		if got := gear.MinSize(); got != size {
			t.Errorf("step %d: the gear is %v, was %v", step, got, size)
		}
	}
}
