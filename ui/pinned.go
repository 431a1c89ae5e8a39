package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
)

// pinnedHeader keeps a copy of a part's header at the top of the page
// while the part scrolls past and its own header is out of view: in step
// 5, the names of the options above the pros, cons and totals.
type pinnedHeader struct {
	header fyne.CanvasObject // the part's own header, on the page
	part   fyne.CanvasObject // the part it heads
	copy   fyne.CanvasObject // shown over the page while needed
	page   *container.Scroll
	box    *fyne.Container // holds the copy over the page
	fits   func() bool     // whether the copy fits the part as laid out now; nil: always
}

// over puts the copy over the top of page, indented as the page's padded
// content, and follows page's scrolling.
func (p *pinnedHeader) over(page *container.Scroll) fyne.CanvasObject {
	p.page = page
	p.copy.Hide()
	page.OnScrolled = func(fyne.Position) { p.update() }
	pad := theme.Padding()
	p.box = container.NewVBox(container.New(layout.NewCustomPaddedLayout(0, 0, pad, pad), p.copy))
	return p.box
}

// update shows the copy while the header is above the page's top and the
// part still fills the top of the page. Positions are taken within the
// page's content and set against its offset: when the page calls
// OnScrolled, it has not yet moved its content.
func (p *pinnedHeader) update() {
	top := p.page.Offset.Y
	headerBottom := positionIn(p.page.Content, p.header).Y + p.header.Size().Height - top
	partBottom := positionIn(p.page.Content, p.part).Y + p.part.Size().Height - top
	show := headerBottom < 0 && partBottom > p.copy.MinSize().Height && (p.fits == nil || p.fits())
	if show == p.copy.Visible() {
		return
	}
	if show {
		p.copy.Show()
		p.box.Refresh() // laid out anew: hidden, the copy got no room, and the part may have moved
	} else {
		p.copy.Hide()
	}
}

// shown says whether the copy is in view, with room to be seen.
func (p *pinnedHeader) shown() bool { return p.copy.Visible() && p.copy.Size().Height > 0 }

// mirrorLayout places each object over its twin: the i-th at the left edge
// and width of of[i], which lie in a row (the client view's option
// columns), all as high as the highest.
type mirrorLayout struct{ of []fyne.CanvasObject }

func (l mirrorLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objects {
		o.Move(fyne.NewPos(l.of[i].Position().X, 0))
		o.Resize(fyne.NewSize(l.of[i].Size().Width, size.Height))
	}
}

func (l mirrorLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}

// inOneRow says whether objects lie side by side, none below another.
func inOneRow(objects []fyne.CanvasObject) bool {
	for _, o := range objects {
		if o.Position().Y != objects[0].Position().Y {
			return false
		}
	}
	return true
}

// positionIn is where o lies within root, found through the containers in
// between as they are laid out. The driver's AbsolutePositionForObject,
// asked while the page scrolls, left the pinned names shown far below
// their part in the real window. An object inside a widget's own renderer
// is not found: the zero position.
func positionIn(root, o fyne.CanvasObject) fyne.Position {
	pos, _ := findIn(root, o)
	return pos
}

func findIn(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return fyne.Position{}, false
	}
	for _, child := range c.Objects {
		if pos, found := findIn(child, o); found {
			return child.Position().Add(pos), true
		}
	}
	return fyne.Position{}, false
}
