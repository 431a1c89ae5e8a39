package ui

import (
	"fmt"
	"image/color"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// The keyboard as the GLFW driver delivers it (internal/driver/glfw/
// window.go): Tab moves the focus unless the focused widget accepts tabs,
// in which case it is typed; a shortcut goes to the focused widget when that
// takes shortcuts, and only otherwise to the canvas.

// tab presses Tab, or Shift+Tab when back is true.
func tab(c fyne.Canvas, back bool) {
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// press sends a shortcut, to the focused widget first as the driver does.
func press(t *testing.T, c fyne.Canvas, sc fyne.Shortcut) {
	t.Helper()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	typeShortcut(t, c, sc)
}

// textField finds one of the app's text fields by its placeholder.
func textField(t *testing.T, c fyne.Canvas, placeholder string) *textEntry {
	t.Helper()
	es := find(c, func(e *textEntry) bool { return e.PlaceHolder == placeholder })
	if len(es) == 0 {
		t.Fatalf("no field %q on screen", placeholder)
	}
	return es[0]
}

// focusOn presses Tab until o has the focus.
func focusOn(t *testing.T, c fyne.Canvas, o fyne.Focusable) {
	t.Helper()
	for i := 0; i < 200 && c.Focused() != o; i++ {
		tab(c, false)
	}
	if c.Focused() != o {
		t.Fatalf("Tab never reaches %T", o)
	}
}

// TestKeyboard_TabLeavesEveryField visits every text field of every step
// and presses Tab and Shift+Tab in it: the focus leaves the field and no
// tab character is typed, in single- and multi-line fields alike.
func TestKeyboard_TabLeavesEveryField(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Tab", "")
	s, _ := db.CreateSession(client.ID)
	if _, err := db.AddAgreement(s.ID); err != nil {
		t.Fatal(err)
	}
	m.OpenSession(s.ID)
	for step := 1; step <= cards.Steps; step++ {
		m.Session().goTo(step)
		fields := find(c, func(*textEntry) bool { return true })
		if len(fields) == 0 {
			t.Fatalf("step %d: no text fields", step)
		}
		for _, e := range fields {
			for _, back := range []bool{false, true} {
				c.Focus(e)
				test.Type(e, "x")
				tab(c, back)
				if c.Focused() == e {
					t.Errorf("step %d, field %q: Tab (back %v) leaves the focus in it", step, e.PlaceHolder, back)
				}
				if strings.Contains(e.Text, "\t") {
					t.Fatalf("step %d, field %q: Tab typed a tab: %q", step, e.PlaceHolder, e.Text)
				}
			}
		}
	}
	m.saver.Flush()
	got, err := db.Session(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range got.Values() {
		if strings.Contains(v, "\t") {
			t.Errorf("stored %s = %q holds a tab", k, v)
		}
	}
}

// TestKeyboard_PastedTabStays: only the key moves on; a tab in pasted text
// is the client's text and is kept.
func TestKeyboard_PastedTabStays(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Plakken", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	e := textField(t, c, "In je eigen woorden")
	c.Focus(e)
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent("kolom\tkolom")
	press(t, c, &fyne.ShortcutPaste{Clipboard: clip})
	m.saver.Flush()
	if got, _ := db.Session(s.ID); got.Expectations != "kolom\tkolom" {
		t.Errorf("pasted text stored = %q", got.Expectations)
	}
}

// TestKeyboard_EscapeLeavesField: Escape takes the focus out of a field
// and nothing else: the session stays open.
func TestKeyboard_EscapeLeavesField(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Escape", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	e := textField(t, c, "In je eigen woorden")
	c.Focus(e)
	pressKey(c, fyne.KeyEscape)
	if c.Focused() != nil {
		t.Errorf("after Escape the focus is on %T", c.Focused())
	}
	if m.Session() == nil {
		t.Error("Escape closed the session")
	}
}

// TestKeyboard_ShortcutsWhileTyping uses every shortcut with the cursor in
// a multi-line field, where a klantmanager nearly always is.
func TestKeyboard_ShortcutsWhileTyping(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Sneltoets", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	inField := func() {
		t.Helper()
		fields := find(c, func(e *textEntry) bool { return e.MultiLine })
		if len(fields) == 0 {
			t.Fatalf("step %d: no multi-line field", m.Session().s.Step)
		}
		c.Focus(fields[0])
	}
	inField()
	press(t, c, NextStepShortcut)
	if got := m.Session().s.Step; got != cards.StepSituation {
		t.Fatalf("Alt+Right in a field: step %d, want 2", got)
	}
	inField()
	press(t, c, PrevStepShortcut)
	if got := m.Session().s.Step; got != cards.StepPrepare {
		t.Fatalf("Alt+Left in a field: step %d, want 1", got)
	}
	inField()
	press(t, c, ClientViewShortcut)
	if m.ClientView() == nil {
		t.Fatal("Ctrl+Shift+K in a field did not turn the screen to the client")
	}
	m.closeClientView()
	inField()
	e := c.Focused().(*textEntry)
	test.Type(e, "tekst")
	before := e.Text
	press(t, c, NextStepShortcut)
	if e.Text != before || strings.ContainsAny(e.Text, "\t\n") {
		t.Errorf("a shortcut changed the field: %q, was %q", e.Text, before)
	}
	// The field's own shortcuts still work.
	inField()
	e = c.Focused().(*textEntry)
	test.Type(e, "alles")
	press(t, c, &fyne.ShortcutSelectAll{})
	if e.SelectedText() != e.Text || e.Text == "" {
		t.Errorf("Ctrl+A in a field selected %q of %q", e.SelectedText(), e.Text)
	}
}

// holdBack presses Ctrl+Shift+B as a held key repeats it: every interval,
// for the duration, on m's clock.
func holdBack(t *testing.T, m *Main, c fyne.Canvas, clock *time.Time, duration, interval time.Duration) {
	t.Helper()
	for d := time.Duration(0); d <= duration && m.ClientView() != nil; d += interval {
		press(t, c, BackShortcut)
		*clock = clock.Add(interval)
	}
}

// TestKeyboard_BackMustBeHeld: without a PIN, Ctrl+Shift+B leaves the
// client view only when held as long as the gear, never from presses.
func TestKeyboard_BackMustBeHeld(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Vasthouden", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	clock := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	m.backKey.now = func() time.Time { return clock }
	press(t, c, ClientViewShortcut)

	tests := []struct {
		name               string
		duration, interval time.Duration
		leaves             bool
	}{
		{"one press", 0, time.Second, false},
		{"pressed again and again", 6 * time.Second, 1500 * time.Millisecond, false},
		{"held a second", time.Second, 40 * time.Millisecond, false},
		{"held as long as the gear", holdTime, 40 * time.Millisecond, true},
	}
	for _, tt := range tests {
		clock = clock.Add(time.Minute)
		holdBack(t, m, c, &clock, tt.duration, tt.interval)
		if left := m.ClientView() == nil; left != tt.leaves {
			t.Errorf("%s: left the client view %v, want %v", tt.name, left, tt.leaves)
		}
	}
	if m.Session() == nil {
		t.Error("no session after leaving the client view")
	}
}

// TestKeyboard_PINAtOnce: with a PIN set, Ctrl+Shift+B asks for it with the
// cursor in the field, so the right PIN typed at once is taken; an empty
// one is asked for again.
func TestKeyboard_PINAtOnce(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	m.SetSettings(laptopSettings{DB: db})
	if err := db.SetBackPIN("4826"); err != nil {
		t.Fatal(err)
	}
	client, _ := db.CreateClient("Pincode", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	press(t, c, ClientViewShortcut)
	press(t, c, BackShortcut)
	press(t, c, BackShortcut) // the key repeats: still one dialog
	if n := len(m.dialogs); n != 1 {
		t.Fatalf("%d dialogs open, want the PIN's", n)
	}
	if _, ok := c.Focused().(*dialogEntry); !ok {
		t.Fatalf("the focus is on %T, not in the PIN field", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)
	if m.ClientView() == nil || !strings.Contains(overlayText(c), "Typ je pincode") {
		t.Fatalf("an empty PIN: client view %v, %q", m.ClientView() != nil, overlayText(c))
	}
	pressKey(c, fyne.KeyEscape) // the message
	pressKey(c, fyne.KeyEscape) // the PIN dialog
	press(t, c, BackShortcut)
	test.Type(c.Focused(), "4826")
	pressKey(c, fyne.KeyReturn)
	if m.ClientView() != nil {
		t.Error("the right PIN typed at once does not close the client view")
	}
}

// TestKeyboard_TabKeepsFocusInView tabs through a step longer than the
// window: every field that gets the focus is scrolled into view.
func TestKeyboard_TabKeepsFocusInView(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	w.Resize(fyne.NewSize(1000, 500))
	client, _ := db.CreateClient("Scrollen", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.Session().goTo(cards.StepSituation)
	page := m.Session().page
	if page.Content.MinSize().Height <= page.Size().Height {
		t.Fatalf("step 2 fits the window (%v in %v): nothing to scroll", page.Content.MinSize(), page.Size())
	}
	d := fyne.CurrentApp().Driver()
	seen := 0
	for i := 0; i < 120; i++ {
		tab(c, false)
		e, ok := c.Focused().(*textEntry)
		if !ok || !slices.Contains(find(c, func(*textEntry) bool { return true }), e) {
			continue
		}
		seen++
		top := d.AbsolutePositionForObject(e).Y - d.AbsolutePositionForObject(page).Y
		if top < 0 || top+e.Size().Height > page.Size().Height {
			t.Errorf("field %q focused at %v..%v, the page shows 0..%v", e.PlaceHolder, top, top+e.Size().Height, page.Size().Height)
		}
	}
	if seen < 5 {
		t.Errorf("Tab reached %d fields of step 2", seen)
	}
}

// TestKeyboard_WholeConversation walks all seven steps without the mouse:
// Tab through every control, type in every text field reached, Enter on
// "Volgende stap", the shortcuts from within fields, the client view and
// back by holding Ctrl+Shift+B. Everything typed is stored, and no tab.
func TestKeyboard_WholeConversation(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Toetsenbord", "")
	s, _ := db.CreateSession(client.ID)
	if _, err := db.AddAgreement(s.ID); err != nil {
		t.Fatal(err)
	}
	m.OpenSession(s.ID)
	clock := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	m.backKey.now = func() time.Time { return clock }
	typed := map[string]bool{}
	search := m.tr.T("step5.search")
	for step := 1; step <= cards.Steps; step++ {
		if got := m.Session().s.Step; got != step {
			t.Fatalf("at step %d, want %d", got, step)
		}
		// One round of Tab through the whole window, typing in each field.
		c.Unfocus()
		tab(c, false)
		first := c.Focused()
		for i := 0; i < 400; i++ {
			if e, ok := c.Focused().(*textEntry); ok && e.PlaceHolder != search && e.Text == "" {
				text := fmt.Sprintf("stap %d veld %d", step, i)
				if e.PlaceHolder == m.tr.T("filter.age.placeholder") {
					text = "35" // a number only
				}
				test.Type(e, text)
				typed[text] = true
			}
			tab(c, false)
			if c.Focused() == first {
				break
			}
		}
		if step == cards.StepGoal {
			// The shortcuts, with the cursor in a field.
			fields := find(c, func(e *textEntry) bool { return e.MultiLine })
			c.Focus(fields[0])
			press(t, c, ClientViewShortcut)
			if m.ClientView() == nil {
				t.Fatal("Ctrl+Shift+K did not turn the screen to the client")
			}
			pressKey(c, fyne.KeyEscape)
			press(t, c, NextStepShortcut)
			holdBack(t, m, c, &clock, holdTime, 40*time.Millisecond)
			if m.ClientView() != nil || m.Session().s.Step != cards.StepOptions {
				t.Fatal("holding Ctrl+Shift+B did not go back to the professional view at the step the client view was on")
			}
			fields = find(c, func(e *textEntry) bool { return e.MultiLine })
			c.Focus(fields[0])
			press(t, c, PrevStepShortcut)
		}
		if step == cards.Steps {
			break
		}
		next := m.Session().next
		focusOn(t, c, next)
		pressKey(c, fyne.KeyReturn)
	}
	m.saver.Flush()
	got, err := db.Session(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for k, v := range got.Values() {
		if strings.Contains(v, "\t") {
			t.Errorf("stored %s = %q holds a tab", k, v)
		}
		stored[v] = true
	}
	for _, a := range got.Agreements {
		stored[a.Who], stored[a.What], stored[a.Due] = true, true, true
	}
	if len(typed) < 15 {
		t.Errorf("Tab reached only %d text fields in seven steps", len(typed))
	}
	for text := range typed {
		if !stored[text] {
			t.Errorf("typed %q is not stored", text)
		}
	}
}

func TestKeyboard_EscapeClosesCard(t *testing.T) {
	m, w, _, _ := newTestMainDB(t, "")
	m.showCards()
	card := m.cat.Cards()[0]
	m.browser.ShowCard(card)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.browser.shown != nil {
		t.Error("Escape did not close the card")
	}
}

// typeShortcut sends a shortcut to the canvas as the driver does when no
// focused widget takes it. Fyne 2.8's test canvas keeps its shortcut
// handler in the software canvas it wraps, behind an interface without
// TypedShortcut, so this reaches it through the exported embedded field.
func typeShortcut(t *testing.T, c fyne.Canvas, sc fyne.Shortcut) {
	t.Helper()
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas")
	s, ok := inner.Interface().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the test canvas %T takes no shortcuts", c)
	}
	s.TypedShortcut(sc)
}

// TestKeyboard_EnterKeepsChosenAnswer: in the client view, Enter or Space
// on the SURE answer already chosen keeps it; only a tap takes it back.
func TestKeyboard_EnterKeepsChosenAnswer(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Enter", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.Session().goTo(cards.StepDecide)
	press(t, c, ClientViewShortcut)
	yes := find(c, func(it *choiceItem) bool { return it.option == "Ja" })
	if len(yes) < 4 {
		t.Fatalf("%d SURE answers \"Ja\" in the client view", len(yes))
	}
	first := yes[0]
	c.Focus(first)
	pressKey(c, fyne.KeyReturn)
	pressKey(c, fyne.KeyReturn)
	first.TypedRune(' ')
	if !first.chosen() {
		t.Fatal("Enter twice and Space cleared the chosen answer")
	}
	m.saver.Flush()
	if got, _ := db.Session(s.ID); got.Values()[cards.KeySure(0)] != string(cards.AnswerYes) {
		t.Errorf("stored SURE 1 = %q", got.Values()[cards.KeySure(0)])
	}
}

// TestButton_FocusRingOnBlue: a blue (high-importance) button reached with
// Tab shows it, with a ring in the text colour around it.
func TestButton_FocusRingOnBlue(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	fyne.CurrentApp().Settings().SetTheme(Theme()) // the app's own blue
	w.Resize(fyne.NewSize(1000, 660))
	c := w.Canvas()
	client, _ := db.CreateClient("Focus", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	turn := find(c, func(b *button) bool { return b.Text == "Draai naar cliënt" })[0]
	d := fyne.CurrentApp().Driver()
	// The pixel that stands out most from the blue, just inside the
	// button's top edge, at its middle.
	edge := func() color.Color {
		img := c.Capture()
		pos := d.AbsolutePositionForObject(turn)
		scale := float32(img.Bounds().Dx()) / c.Size().Width
		x := int((pos.X + turn.Size().Width/2) * scale)
		blue := theme.Color(theme.ColorNamePrimary)
		var most color.Color = blue
		for y := int((pos.Y + 1) * scale); y <= int((pos.Y+6)*scale); y++ {
			if contrast(img.At(x, y), blue) > contrast(most, blue) {
				most = img.At(x, y)
			}
		}
		return most
	}
	focusOn(t, c, turn)
	ring := edge()
	if contrast(ring, theme.Color(theme.ColorNamePrimary)) < 3 {
		t.Errorf("the focused blue button's edge is %v, contrast %.1f against its blue: no visible focus", ring, contrast(ring, theme.Color(theme.ColorNamePrimary)))
	}
}

// TestKeyboard_ChoiceKeepsFocusInView: Fyne's own choice circles take the
// focus without telling the app; once the window looks (FollowFocus),
// the page scrolls to the focused one.
func TestKeyboard_ChoiceKeepsFocusInView(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	w.Resize(fyne.NewSize(1000, 500))
	client, _ := db.CreateClient("Keuze", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.Session().goTo(cards.StepDecide)
	page := m.Session().page
	var last fyne.Focusable
	for _, o := range visibleObjects(c.Content()) {
		if f, ok := o.(fyne.Focusable); ok && strings.HasSuffix(fmt.Sprintf("%T", o), "radioItem") {
			last = f
		}
	}
	if last == nil {
		t.Fatal("no choice circles in step 6")
	}
	c.Focus(last)
	m.keepFocusInView()
	d := fyne.CurrentApp().Driver()
	o := last.(fyne.CanvasObject)
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(page).Y
	if top < 0 || top+o.Size().Height > page.Size().Height {
		t.Errorf("the focused circle is at %v..%v, the page shows 0..%v", top, top+o.Size().Height, page.Size().Height)
	}
}
