package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Keyboard shortcuts, so that the professional can run the conversation
// while typing. Tab moves between fields, Enter and Space press buttons.
var (
	NextStepShortcut   = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	PrevStepShortcut   = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	ClientViewShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
	// BackShortcut leaves the client view from the keyboard, when held as
	// long as the gear. The professional view names it; the client view
	// does not.
	BackShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift}
)

// mains finds the window an object is in, for the fields that pass the
// window's shortcuts on. One entry per window; a test makes several.
var mains = struct {
	sync.Mutex
	byCanvas map[fyne.Canvas]*Main
}{byCanvas: map[fyne.Canvas]*Main{}}

// mainOf returns the window o is shown in, or nil.
func mainOf(o fyne.CanvasObject) *Main {
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return nil
	}
	mains.Lock()
	defer mains.Unlock()
	return mains.byCanvas[c]
}

// addShortcuts gives the window its shortcuts: on the canvas for when no
// field has focus, and through runShortcut for the fields (textEntry).
func (m *Main) addShortcuts() {
	c := m.win.Canvas()
	mains.Lock()
	mains.byCanvas[c] = m
	mains.Unlock()
	for _, s := range []fyne.Shortcut{NextStepShortcut, PrevStepShortcut, ClientViewShortcut, BackShortcut} {
		c.AddShortcut(s, func(s fyne.Shortcut) { m.runShortcut(s) })
	}
	// Escape closes an open card in the browser; in a session and in the
	// client view it does nothing, so that nobody leaves them by accident.
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if m.dialogKey(ev.Name) {
			return
		}
		if ev.Name == fyne.KeyEscape && m.client == nil && m.session == nil && m.browser.shown != nil {
			m.browser.showGrid()
		}
	})
}

// runShortcut does what a window shortcut stands for, and reports whether
// it was one that applies now. With a dialog open they wait.
func (m *Main) runShortcut(s fyne.Shortcut) bool {
	if len(m.dialogs) > 0 {
		return false
	}
	switch s.ShortcutName() {
	case NextStepShortcut.ShortcutName():
		return m.step(1)
	case PrevStepShortcut.ShortcutName():
		return m.step(-1)
	case ClientViewShortcut.ShortcutName():
		if m.session == nil || m.client != nil {
			return false
		}
		m.showClientView(m.session)
		return true
	case BackShortcut.ShortcutName():
		if m.client == nil {
			return false
		}
		// Behind a PIN the dialog may come at once; without one the
		// keys must be held, or a client at the keyboard could leave.
		if m.hasBackPIN() || m.backKey.held() {
			m.leaveClientView()
		}
		return true
	}
	return false
}

// step moves the client view or the session by delta steps.
func (m *Main) step(delta int) bool {
	switch {
	case m.client != nil:
		m.client.goTo(m.client.step + delta)
	case m.session != nil:
		m.session.goTo(m.session.s.Step + delta)
	default:
		return false
	}
	return true
}

// keyHold tells a held key combination from a pressed one, as the gear
// tells a hold from a tap: held, the keyboard repeats it, the first repeat
// after up to about 0.7 s and the next ones much sooner. A combination is
// held once it has repeated for holdTime without a gap longer than
// repeatGap.
type keyHold struct {
	first, last time.Time
	now         func() time.Time // the clock; tests set their own
}

// repeatGap is the longest wait between two repeats of a held key:
// longer than the slowest first repeat systems are set to (X's 660 ms,
// Windows' 1 s at most).
const repeatGap = 1100 * time.Millisecond

// held takes one press or repeat and reports whether the combination has
// now been held long enough; the count then starts again.
func (h *keyHold) held() bool {
	t := h.now()
	if h.last.IsZero() || t.Sub(h.last) > repeatGap {
		h.first = t
	}
	h.last = t
	if t.Sub(h.first) < holdTime {
		return false
	}
	h.first, h.last = time.Time{}, time.Time{}
	return true
}
