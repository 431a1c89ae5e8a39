package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// The texts that go wrong (issue 11), each put in every free-text field of
// a conversation, its agreements and the client's name where it fits.
var edgeTexts = []struct{ name, text string }{
	{"a note of 20,000 characters", func() string {
		s := strings.Repeat("Ze wil werken, maar de kinderen en het geld maken het moeilijk. 🙂 ", 320)
		return string([]rune(s)[:20_000])
	}()},
	{"emoji", "Werk 👩🏽‍💻 en 🙂 ❤️ 🇳🇱 👨‍👩‍👧‍👦 klaar"},
	{"control characters", "Begin\u202Eomgekeerd\u202C \x00\x01\x07\x1b\x7f\u0085\u200b\u200f\ufeff\u2028tab\there\r\neinde"},
	{"Arabic with digits", "موعدك في 12/12/2026 الساعة 10:30 في الغرفة ٢١٤ مع Jan de Vries (34)"},
	{"a 200-character word", strings.Repeat("Lang", 50)},
	{"empty", ""},
}

// edgeSession is a filledSession with one edge text in every free-text
// field. A very long text goes into each step's note and one field a step,
// as a long note would; in all forty fields it would only make the test
// slow.
func edgeSession(t *testing.T, db *storage.DB, m *Main, text string) int64 {
	t.Helper()
	field := func(k string) string {
		if len(text) < 1000 {
			return text
		}
		switch k {
		case cards.KeyExpectations, cards.KeyAreaNote(cards.AreaMoney), cards.KeyDriverHelps(cards.FactorAttitude),
			cards.KeyGoal, cards.KeyWhy, cards.KeyReview, string(cards.AgreementWhat):
			return text
		}
		if cards.IsNoteKey(k) {
			return text
		}
		return "Kort."
	}
	name := []rune(strings.TrimSpace(strings.ReplaceAll(text, "\x00", "")))
	if len(name) == 0 {
		name = []rune("Leeg")
	}
	// The name as long as allowed: the session bar shortens it.
	return filledSession(t, db, m, string(name[:min(len(name), cards.MaxNameLength)]), "", 2, field)
}

// TestEdgeCases_Shown opens a conversation holding each edge text and
// visits every step of the professional view and of the client view, on
// the smallest screen: nothing panics, the window still fits, and the
// professional's fields hold the text as it was saved.
func TestEdgeCases_Shown(t *testing.T) {
	screen := smallScreens[0]
	for _, tt := range edgeTexts {
		for _, clientLang := range []string{"nl", "ar"} {
			if len(tt.text) > 1000 && clientLang != "nl" {
				continue // slow, and the same in either direction
			}
			// The database drops NUL characters, which are not text.
			want := strings.ReplaceAll(tt.text, "\x00", "")
			t.Run(tt.name+"/"+clientLang, func(t *testing.T) {
				m, w, _, db := newTestMainDB(t, "")
				id := edgeSession(t, db, m, tt.text)
				// The step before the follow-up holds the most; open both.
				for _, sid := range []int64{id - 1, id} {
					m.OpenSession(sid)
					for step := 1; step <= cards.Steps; step++ {
						m.session.goTo(step)
						what := fmt.Sprintf("session %d, step %d", sid, step)
						checkFits(t, w, screen.size, what)
						if tt.text != "" && step != cards.StepOptions {
							checkEntriesHold(t, w, want, what)
						}
					}
					m.clientLang = clientLang
					m.showClientView(m.Session())
					cv := m.ClientView()
					shown := false
					for step := 1; step <= cards.Steps; step++ {
						cv.goTo(step)
						checkFits(t, w, screen.size, fmt.Sprintf("client view of session %d, step %d", sid, step))
						shown = shown || holds(w, want)
					}
					if tt.text != "" && !shown {
						t.Errorf("the client view of session %d shows the text nowhere whole", sid)
					}
					m.closeClientView()
				}
			})
		}
	}
}

// checkEntriesHold fails when no entry on the screen shows text, or when
// an entry shows a part of it: a field must hold the whole text as typed.
func checkEntriesHold(t *testing.T, w fyne.Window, text, what string) {
	t.Helper()
	found := false
	for _, o := range visibleObjects(w.Content()) {
		e, ok := o.(*textEntry)
		if !ok || e.Text == "" {
			continue
		}
		if e.Text == text {
			found = true
		} else if len(e.Text) > 20 && strings.Contains(text, e.Text) {
			t.Errorf("%s: an entry holds only %d of the text's %d bytes", what, len(e.Text), len(text))
		}
	}
	if !found {
		t.Errorf("%s: no entry holds the text", what)
	}
}

// holds reports whether a label or entry on the screen shows text whole.
func holds(w fyne.Window, text string) bool {
	for _, o := range visibleObjects(w.Content()) {
		switch x := o.(type) {
		case *bidiLabel:
			if x.text == text {
				return true
			}
		case *textEntry:
			if x.Text == text {
				return true
			}
		case *widget.Entry:
			if x.Text == text {
				return true
			}
		case *widget.Label:
			if x.Text == text {
				return true
			}
		}
	}
	return false
}
