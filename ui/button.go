package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// button is a widget.Button that Enter presses too, not only Space, so the
// conversation runs from the keyboard as people expect.
type button struct {
	widget.Button
	name string // what a screen reader says for a button with only an icon
}

func newButton(label string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// newIconButton is a button with only an icon, named for screen readers.
func newIconButton(name string, icon fyne.Resource, tapped func()) *button {
	b := newButton("", icon, tapped)
	b.name = name
	return b
}

// AccessibilityLabel is the button's name where it has one (an icon
// button, or one whose text is shortened), else its text.
func (b *button) AccessibilityLabel() string {
	if b.name != "" {
		return b.name
	}
	return b.Text
}

// TypedKey presses the button on Enter or Return.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}

// enable enables or disables a widget.
func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// shorten cuts text to at most n letters, with an ellipsis when cut, so
// that a long name does not widen a bar.
func shorten(text string, n int) string {
	if r := []rune(text); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return text
}
