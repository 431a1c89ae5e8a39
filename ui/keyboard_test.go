package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestKeyboard_DrivesConversation runs a conversation without the mouse:
// Tab to a field and type, Tab to a button and press Enter, the step and
// client-view shortcuts, and Escape that leaves nothing by accident.
func TestKeyboard_DrivesConversation(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	client, _ := db.CreateClient("Toetsenbord", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	shortcut := func(sc fyne.Shortcut) { typeShortcut(t, c, sc) }
	key := func(name fyne.KeyName) {
		if f := c.Focused(); f != nil {
			f.TypedKey(&fyne.KeyEvent{Name: name})
		} else {
			c.OnTypedKey()(&fyne.KeyEvent{Name: name})
		}
	}

	// Tab to the first field of step 1 and type in it.
	expectations := entry(t, c, "In je eigen woorden")
	for i := 0; i < 40 && c.Focused() != expectations; i++ {
		test.FocusNext(c)
	}
	if c.Focused() != expectations {
		t.Fatal("Tab never reaches the first field")
	}
	test.Type(c.Focused(), "Met het toetsenbord") // the keys go to the focused field
	if expectations.Text != "Met het toetsenbord" {
		t.Errorf("typed text = %q", expectations.Text)
	}

	// Tab on to "Volgende stap" and press Enter.
	next := m.Session().next
	for i := 0; i < 40 && c.Focused() != next; i++ {
		test.FocusNext(c)
	}
	if c.Focused() != next {
		t.Fatal("Tab never reaches the button to the next step")
	}
	key(fyne.KeyReturn)
	if got := m.Session().s.Step; got != cards.StepSituation {
		t.Fatalf("Enter on \"Volgende stap\": step %d, want 2", got)
	}

	shortcut(NextStepShortcut)
	shortcut(NextStepShortcut)
	if got := m.Session().s.Step; got != cards.StepGoal {
		t.Errorf("after Alt+Right twice: step %d, want 4", got)
	}
	shortcut(PrevStepShortcut)
	if got := m.Session().s.Step; got != cards.StepDrivers {
		t.Errorf("after Alt+Left: step %d, want 3", got)
	}
	c.Unfocus()
	key(fyne.KeyEscape)
	if m.Session() == nil {
		t.Fatal("Escape closed the session")
	}

	shortcut(ClientViewShortcut)
	if m.ClientView() == nil {
		t.Fatal("Ctrl+Shift+K did not turn the screen to the client")
	}
	key(fyne.KeyEscape)
	if m.ClientView() == nil {
		t.Fatal("Escape left the client view")
	}
	shortcut(NextStepShortcut)
	if got := m.ClientView().step; got != cards.StepGoal {
		t.Errorf("Alt+Right in the client view: step %d, want 4", got)
	}
	shortcut(BackShortcut)
	if m.ClientView() != nil || m.Session().s.Step != cards.StepGoal {
		t.Error("Ctrl+Shift+B did not go back to the professional view at the same step")
	}
	m.saver.Flush()
	if got, _ := db.Session(s.ID); got.Expectations != "Met het toetsenbord" {
		t.Errorf("typed text stored = %q", got.Expectations)
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

// typeShortcut sends a shortcut to the canvas as the driver does when the
// keys are pressed. Fyne 2.8's test canvas keeps its shortcut handler in the
// software canvas it wraps, behind an interface without TypedShortcut, so
// this reaches it through the exported embedded field.
func typeShortcut(t *testing.T, c fyne.Canvas, sc fyne.Shortcut) {
	t.Helper()
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas")
	s, ok := inner.Interface().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the test canvas %T takes no shortcuts", c)
	}
	s.TypedShortcut(sc)
}
