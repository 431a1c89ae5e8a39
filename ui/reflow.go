package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Text that wraps, and grids whose number of columns follows the width,
// need a height that depends on their width, which Fyne only tells them
// when it lays them out, after it has asked for their minimum size. Fyne
// then relies on a walk over the changed sizes that misses a parent when
// two parts of the screen change at once, so that a scroll could not
// reach its last lines. Such widgets ask for a reflow instead: once the
// current event is handled, every window is laid out again from the top,
// until no widget asks again.

var (
	reflowPending bool // a widget asked for a reflow
	reflowRunning bool // a reflow is laying out
)

// requestReflow asks for a reflow after the current event; it is called
// from Layout, on the UI's own thread.
func requestReflow() {
	if reflowPending {
		return
	}
	reflowPending = true
	fyne.Do(reflowWindows)
}

// reflowWindows lays every window out again, until the sizes settle. A few
// rounds suffice: the widths come from the window, so each round only
// settles heights.
func reflowWindows() {
	if reflowRunning {
		return
	}
	reflowRunning = true
	defer func() { reflowRunning = false }()
	for round := 0; reflowPending && round < 6; round++ {
		reflowPending = false
		for _, w := range fyne.CurrentApp().Driver().AllWindows() {
			if c := w.Content(); c != nil {
				relayout(c)
			}
		}
	}
	reflowPending = false
}

// relayout lays out o and everything in it again, top down, with the sizes
// they have now; a scroll first gives its content the height it needs.
func relayout(o fyne.CanvasObject) {
	if !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, child := range x.Objects {
			relayout(child)
		}
	case *container.Scroll:
		if x.Content == nil {
			return
		}
		x.Content.Resize(fitScroll(x))
		relayout(x.Content)
		x.Refresh()
	case *container.ThemeOverride:
		x.Refresh()
		if x.Content != nil {
			relayout(x.Content)
		}
	case *container.Split:
		x.Refresh()
		relayout(x.Leading)
		relayout(x.Trailing)
	case fyne.Widget:
		x.Refresh()
	}
}

// fitScroll is the size a scroll gives its content, as its own layout
// does: the content's minimum, but at least the scroll's size.
func fitScroll(s *container.Scroll) fyne.Size {
	min, size := s.Content.MinSize(), s.Size()
	return fyne.NewSize(max(min.Width, size.Width), max(min.Height, size.Height))
}
