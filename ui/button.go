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

// AccessibilityLabel is the button's text, or the name of an icon button.
func (b *button) AccessibilityLabel() string {
	if b.Text == "" {
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
