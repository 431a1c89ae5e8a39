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
}

// over puts the copy over the top of page, indented as the page's padded
// content, and follows page's scrolling.
func (p *pinnedHeader) over(page *container.Scroll) fyne.CanvasObject {
	p.page = page
	p.copy.Hide()
	page.OnScrolled = func(fyne.Position) { p.update() }
	pad := theme.Padding()
	return container.NewVBox(container.New(layout.NewCustomPaddedLayout(0, 0, pad, pad), p.copy))
}

// update shows the copy while the header is above the page's top and the
// part still fills the top of the page.
func (p *pinnedHeader) update() {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(p.page).Y
	headerBottom := d.AbsolutePositionForObject(p.header).Y + p.header.Size().Height - top
	partBottom := d.AbsolutePositionForObject(p.part).Y + p.part.Size().Height - top
	show := headerBottom < 0 && partBottom > p.copy.MinSize().Height
	if show == p.copy.Visible() {
		return
	}
	if show {
		p.copy.Show()
	} else {
		p.copy.Hide()
	}
}

// Shown says whether the copy is in view.
func (p *pinnedHeader) shown() bool { return p.copy.Visible() }
