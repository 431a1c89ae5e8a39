package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// button is a widget.Button that Enter presses too, not only Space, so the
// conversation runs from the keyboard as people expect.
type button struct {
	widget.Button
	name    string // what a screen reader says for a button with only an icon
	focused bool
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

// FocusGained keeps a button reached with Tab in view, and rings it.
func (b *button) FocusGained() {
	b.focused = true
	b.Button.FocusGained()
	keepInView(b)
}

// FocusLost takes the ring away.
func (b *button) FocusLost() {
	b.focused = false
	b.Button.FocusLost()
}

// CreateRenderer draws a ring around the button while it has the focus:
// Fyne's own focus shade vanishes on a blue (high-importance) button. The
// ring is dark outside and light inside, so that it stands out on the
// button's colour and on the page around it alike.
func (b *button) CreateRenderer() fyne.WidgetRenderer {
	outer, inner := canvas.NewRectangle(color.Transparent), canvas.NewRectangle(color.Transparent)
	outer.StrokeWidth, inner.StrokeWidth = ringWidth, ringWidth
	return &ringRenderer{WidgetRenderer: b.Button.CreateRenderer(), b: b, outer: outer, inner: inner}
}

const ringWidth = 2

// ringRenderer is the button's own renderer with the focus ring on top.
type ringRenderer struct {
	fyne.WidgetRenderer
	b            *button
	outer, inner *canvas.Rectangle
}

func (r *ringRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.outer.Resize(size)
	r.inner.Move(fyne.NewPos(ringWidth, ringWidth))
	r.inner.Resize(size.SubtractWidthHeight(2*ringWidth, 2*ringWidth))
}

func (r *ringRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	radius := theme.SizeForWidget(theme.SizeNameInputRadius, r.b)
	r.outer.CornerRadius, r.inner.CornerRadius = radius, max(radius-ringWidth, 0)
	r.outer.StrokeColor, r.inner.StrokeColor = color.Transparent, color.Transparent
	if r.b.focused && !r.b.Disabled() {
		r.outer.StrokeColor = theme.ColorForWidget(theme.ColorNameForeground, r.b)
		r.inner.StrokeColor = theme.ColorForWidget(theme.ColorNameBackground, r.b)
	}
	r.outer.Refresh()
	r.inner.Refresh()
}

func (r *ringRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	return append(objs[:len(objs):len(objs)], r.outer, r.inner)
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
