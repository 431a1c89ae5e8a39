package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// pressKey sends a key as the driver does: to the focused widget, or to
// the canvas when none has focus.
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}

// dialogField finds a field in a dialog, as the user focuses it.
func dialogField(t *testing.T, c fyne.Canvas, placeholder string) *dialogEntry {
	t.Helper()
	es := find(c, func(e *dialogEntry) bool { return e.PlaceHolder == placeholder })
	if len(es) == 0 {
		t.Fatalf("no field %q in a dialog", placeholder)
	}
	return es[0]
}

func TestDialogs_EscapeCancelsEnterConfirms(t *testing.T) {
	tests := []struct {
		name  string
		open  func(m *Main)
		title string
	}{
		{"information", func(m *Main) { m.showInfo(m.tr.T("print.done"), "plan.pdf") }, "Pdf gemaakt"},
		{"error", func(m *Main) { m.showError(errors.New("de schijf is vol")) }, "Er ging iets mis"},
		{"new client", func(m *Main) { m.home.newClient() }, "Nieuwe cliënt"},
		{"catalogue problems", func(m *Main) {
			m.showProblems(cards.Problems{{File: "instrumenten.csv", Line: 3, Place: "kolom", Field: "categorie", Message: "onbekend"}})
		}, "instrumenten.csv"},
	}
	for _, tt := range tests {
		for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
			t.Run(tt.name+"/"+string(key), func(t *testing.T) {
				m, w, _, _ := newTestMainDB(t, "")
				c := w.Canvas()
				tt.open(m)
				if !strings.Contains(overlayText(c), tt.title) {
					t.Fatalf("the dialog shows %q, want the title %q", overlayText(c), tt.title)
				}
				if strings.Contains(overlayText(c), "Error") {
					t.Errorf("an English title: %q", overlayText(c))
				}
				if tt.name == "new client" && key == fyne.KeyReturn {
					test.Type(dialogField(t, c, "bijvoorbeeld: S. de Vries"), "Nadia K.")
				}
				pressKey(c, key)
				if c.Overlays().Top() != nil {
					t.Fatalf("%s left the dialog open: %q", key, overlayText(c))
				}
				if tt.name == "new client" {
					created := len(m.home.clients) == 1
					if created != (key == fyne.KeyReturn) {
						t.Errorf("after %s: %d clients", key, len(m.home.clients))
					}
				}
			})
		}
	}
}

// TestHome_NewClient_RefusedFormKeepsText: a name that is too long keeps
// the form open with what was typed, and a new client is selected.
func TestHome_NewClient(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	c := w.Canvas()
	db.CreateClient("Eerder gemaakt", "")
	m.home.reload()

	m.home.newClient()
	name := dialogField(t, c, "bijvoorbeeld: S. de Vries")
	long := strings.Repeat("x", cards.MaxNameLength+1)
	test.Type(name, long)
	pressKey(c, fyne.KeyReturn)
	if !strings.Contains(overlayText(c), "De naam is te lang.") {
		t.Fatalf("a name that is too long: %q", overlayText(c))
	}
	pressKey(c, fyne.KeyReturn) // closes the message
	if !strings.Contains(overlayText(c), "Nieuwe cliënt") || name.Text != long {
		t.Fatalf("the form did not come back with what was typed: %q", overlayText(c))
	}
	if m.home.list.Length() != 1 {
		t.Fatal("a client with a name that is too long was made")
	}
	name.SetText("Nadia K.")
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatalf("the form stayed open: %q", overlayText(c))
	}
	if got := m.home.list.Length(); got != 2 {
		t.Fatalf("%d clients listed, want 2", got)
	}
	if !strings.Contains(shownText(c), "Nadia K.") || len(entries(c, "mag leeg blijven; geen BSN")) == 0 {
		t.Errorf("the new client's page is not shown: %q", shownText(c))
	}
	if sel := m.home.selected; sel < 0 || m.home.clients[sel].Name != "Nadia K." {
		t.Errorf("the new client is not selected in the list (selected %d)", sel)
	}
}

// TestWindow_Close: closing the window in the client view leaves the
// client view on screen; in the professional view it saves and closes.
func TestWindow_Close(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	uw := w.(*userWindow)
	client, _ := db.CreateClient("Sluiten", "")
	s, _ := db.CreateSession(client.ID)
	m.OpenSession(s.ID)
	m.session.set(cards.KeyGoal, "Werk in de buurt")
	m.showClientView(m.Session())

	uw.userClose()
	if uw.closed || m.ClientView() == nil {
		t.Fatal("closing the window left the client view")
	}
	m.closeClientView()
	uw.userClose()
	if !uw.closed {
		t.Fatal("closing the window in the professional view did not close it")
	}
	got, err := db.Session(s.ID)
	if err != nil || got.Goal != "Werk in de buurt" {
		t.Errorf("after closing, the goal is %q (%v)", got.Goal, err)
	}
}
