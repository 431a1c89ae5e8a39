package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// textEntry is the app's text field. Fyne's multi-line Entry takes Tab as
// text and every shortcut as its own, so in it a klantmanager could neither
// Tab out nor use the window's shortcuts; this one passes both on, and
// scrolls itself into view when the keyboard brings it focus.
type textEntry struct {
	widget.Entry
	name string // what a screen reader calls the field; the placeholder when empty
}

func newTextEntry() *textEntry {
	e := &textEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineTextEntry() *textEntry {
	e := newTextEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// AccessibilityLabel names the field: by the question it answers, or else
// by its placeholder (Fyne 2.8.1's Entry has no name of its own).
func (e *textEntry) AccessibilityLabel() string {
	if e.name != "" {
		return e.name
	}
	return e.PlaceHolder
}

// AccessibilityRole is a text's.
func (e *textEntry) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// nameFields names the unnamed text fields in o after the question they
// answer.
func nameFields(o fyne.CanvasObject, question string) {
	switch x := o.(type) {
	case *textEntry:
		if x.name == "" {
			x.name = question
		}
	case *fyne.Container:
		for _, child := range x.Objects {
			nameFields(child, question)
		}
	}
}

// AcceptsTab is false: Tab and Shift+Tab move the focus, they never type a
// tab into the client's text. A pasted tab stays, as text.
func (e *textEntry) AcceptsTab() bool { return false }

// TypedShortcut runs the window's shortcuts first: the driver gives every
// shortcut to the focused field, and the canvas sees none of them.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if m := mainOf(e); m != nil && m.runShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// TypedKey lets Escape leave the field, so that the keyboard is never
// stuck in it.
func (e *textEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.Unfocus()
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// FocusGained keeps the field in view on a page longer than the window.
func (e *textEntry) FocusGained() {
	e.Entry.FocusGained()
	keepInView(e)
}

// FollowFocus keeps the focused control in view as Tab moves the focus,
// also Fyne's own choice circles and lists, whose gaining focus the app
// cannot hook (its fields and buttons scroll themselves at once): five
// times a second it looks whether the focus moved. For the real window
// only; tests call keepFocusInView themselves.
func (m *Main) FollowFocus() {
	go func() {
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for range tick.C {
			fyne.Do(m.keepFocusInView)
		}
	}()
}

// keepFocusInView scrolls the page to what has the focus, once it moved.
func (m *Main) keepFocusInView() {
	f := m.win.Canvas().Focused()
	if f == m.lastFocus {
		return
	}
	m.lastFocus = f
	if o, ok := f.(fyne.CanvasObject); ok {
		keepInView(o)
	}
}

// keepInView scrolls the page of the open step so that o, which just got
// the focus, is wholly in view: Tab must never leave the cursor in a field
// below the window's edge. A dialog on top keeps the page as it is.
func keepInView(o fyne.CanvasObject) {
	m := mainOf(o)
	if m == nil || m.session == nil || m.client != nil || m.session.page == nil || len(m.dialogs) > 0 {
		return
	}
	page := m.session.page
	pos, found := findIn(page.Content, o)
	top := pos.Y
	if !found { // inside a widget (a form): where it is drawn, if it is
		d := fyne.CurrentApp().Driver()
		top = d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(page.Content).Y
		if top < 0 || top > page.Content.Size().Height {
			return // not on this page
		}
	}
	bottom := top + o.Size().Height
	offset := page.Offset
	switch {
	case top < offset.Y:
		offset.Y = top
	case bottom > offset.Y+page.Size().Height:
		offset.Y = min(top, bottom-page.Size().Height)
	default:
		return
	}
	page.ScrollToOffset(offset)
	if page.OnScrolled != nil { // ScrollToOffset does not call it
		page.OnScrolled(page.Offset)
	}
}

// CreateRenderer adds a layer over the field that takes the mouse wheel:
// Fyne's field keeps every wheel turn for its own scroller, even when it
// has nothing to scroll, and the page under the pointer then stands still.
func (e *textEntry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	w := &wheel{e: e, r: r}
	w.ExtendBaseWidget(w)
	return &wheelRenderer{WidgetRenderer: r, wheel: w}
}

// wheelRenderer is the field's own renderer with the wheel layer on top.
type wheelRenderer struct {
	fyne.WidgetRenderer
	wheel *wheel
}

func (r *wheelRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.wheel.Resize(size)
}

func (r *wheelRenderer) Objects() []fyne.CanvasObject {
	objs := r.WidgetRenderer.Objects()
	return append(objs[:len(objs):len(objs)], r.wheel) // a copy: the field's own slice stays as it is
}

// wheel scrolls the field while its text can move that way, and otherwise
// the page the field is on.
type wheel struct {
	widget.BaseWidget
	e *textEntry
	r fyne.WidgetRenderer
}

func (w *wheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

func (w *wheel) Scrolled(ev *fyne.ScrollEvent) {
	if inner := w.fieldScroll(); inner != nil && canScroll(inner, ev.Scrolled.DY) {
		inner.Scrolled(ev)
		return
	}
	if m := mainOf(w.e); m != nil && m.session != nil && m.session.page != nil {
		m.session.page.Scrolled(ev)
	}
}

// fieldScroll is the scroller inside the field, if it has one.
func (w *wheel) fieldScroll() *container.Scroll {
	for _, o := range w.r.Objects() {
		if s, ok := o.(*container.Scroll); ok && s.Visible() {
			return s
		}
	}
	return nil
}

// canScroll says whether s can move its content by dy (up when positive,
// as the wheel gives it).
func canScroll(s *container.Scroll, dy float32) bool {
	over := s.Content.Size().Height - s.Size().Height
	switch {
	case over <= 0:
		return false
	case dy > 0:
		return s.Offset.Y > 0
	case dy < 0:
		return s.Offset.Y < over
	}
	return false
}
