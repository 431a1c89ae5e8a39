package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// columnsLayout puts objects in equal columns, as many as fit the width,
// row after row; a row is as high as its highest object. On a narrow
// screen choices that would not fit side by side wrap into a grid instead
// of widening the window.
type columnsLayout struct {
	rtl  bool // the first object on the right
	cols int  // the columns of the last layout, which MinSize assumes
}

// newColumns is a container of objects in as many columns as fit.
func newColumns(objects ...fyne.CanvasObject) *fyne.Container {
	return newColumnsDir(false, objects...)
}

// newColumnsDir is newColumns, filling rows from the right when rtl.
func newColumnsDir(rtl bool, objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &columnsLayout{rtl: rtl}, Objects: objects}
}

// cellWidth is the width of the widest object: every column's least.
func (l *columnsLayout) cellWidth(objects []fyne.CanvasObject) float32 {
	var w float32
	for _, o := range visible(objects) {
		w = max(w, o.MinSize().Width)
	}
	return w
}

// columnsFor is how many columns fit width, for rows of even length.
func (l *columnsLayout) columnsFor(width float32, objects []fyne.CanvasObject) int {
	n := len(visible(objects))
	if n == 0 {
		return 1
	}
	pad := theme.Padding()
	cols := max(1, min(n, int((width+pad)/(l.cellWidth(objects)+pad))))
	// Rows as even as they can be: 4 and 3 rather than 6 and 1.
	rows := (n + cols - 1) / cols
	return (n + rows - 1) / rows
}

// rowHeights are the heights of the rows with cols columns.
func rowHeights(objects []fyne.CanvasObject, cols int) []float32 {
	var rows []float32
	for i, o := range objects {
		if i%cols == 0 {
			rows = append(rows, 0)
		}
		rows[len(rows)-1] = max(rows[len(rows)-1], o.MinSize().Height)
	}
	return rows
}

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects = visible(objects)
	cols := l.columnsFor(size.Width, objects)
	if cols != l.cols {
		l.cols = cols
		requestReflow() // the height asked for assumed other columns
	}
	pad := theme.Padding()
	cell := (size.Width - pad*float32(cols-1)) / float32(cols)
	y := float32(0)
	for r, h := range rowHeights(objects, cols) {
		for c := 0; c < cols && r*cols+c < len(objects); c++ {
			x := float32(c) * (cell + pad)
			if l.rtl {
				x = size.Width - x - cell
			}
			o := objects[r*cols+c]
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(cell, h))
		}
		y += h + pad
	}
}

// MinSize is one column wide, so that a narrow window is possible, and as
// high as the rows of the last layout.
func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	objects = visible(objects)
	if len(objects) == 0 {
		return fyne.Size{}
	}
	cols := l.cols
	if cols == 0 {
		cols = len(objects) // before the first layout: one row
	}
	rows := rowHeights(objects, cols)
	var h float32
	for _, r := range rows {
		h += r
	}
	return fyne.NewSize(l.cellWidth(objects), h+theme.Padding()*float32(len(rows)-1))
}

// barLayout puts its first object at the start of a line and its second
// at the end; when both do not fit side by side, the second goes on a
// line of its own below, still at the end.
type barLayout struct{ wrapped bool }

// newBar is a bar of start and end that wraps when the window is narrow.
func newBar(start, end fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &barLayout{}, Objects: []fyne.CanvasObject{start, end}}
}

func (l *barLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	start, end := objects[0], objects[1]
	sm, em := start.MinSize(), end.MinSize()
	wrapped := sm.Width+theme.Padding()+em.Width > size.Width
	if wrapped != l.wrapped {
		l.wrapped = wrapped
		requestReflow()
	}
	if !wrapped {
		h := max(sm.Height, em.Height)
		start.Move(fyne.NewPos(0, (h-sm.Height)/2))
		start.Resize(fyne.NewSize(size.Width-em.Width-theme.Padding(), sm.Height))
		end.Move(fyne.NewPos(size.Width-em.Width, (h-em.Height)/2))
		end.Resize(em)
		return
	}
	start.Move(fyne.NewPos(0, 0))
	start.Resize(fyne.NewSize(size.Width, sm.Height))
	end.Move(fyne.NewPos(max(0, size.Width-em.Width), sm.Height+theme.Padding()))
	end.Resize(fyne.NewSize(min(em.Width, size.Width), em.Height))
}

func (l *barLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	sm, em := objects[0].MinSize(), objects[1].MinSize()
	if l.wrapped {
		return fyne.NewSize(max(sm.Width, em.Width), sm.Height+theme.Padding()+em.Height)
	}
	return fyne.NewSize(max(sm.Width, em.Width), max(sm.Height, em.Height))
}

func visible(objects []fyne.CanvasObject) []fyne.CanvasObject {
	if !slices.ContainsFunc(objects, func(o fyne.CanvasObject) bool { return !o.Visible() }) {
		return objects
	}
	return slices.DeleteFunc(slices.Clone(objects), func(o fyne.CanvasObject) bool { return !o.Visible() })
}

// agreementLayout sets out an agreement as who, what and before when, the
// middle one twice as wide: what is to be done is the longest to read.
type agreementLayout struct{}

func newAgreementRow(who, what, due fyne.CanvasObject) *fyne.Container {
	return container.New(agreementLayout{}, who, what, due)
}

var agreementWeights = [3]float32{1, 2, 1}

func (agreementLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	unit := (size.Width - pad*float32(len(objects)-1)) / 4
	x := float32(0)
	for i, o := range objects {
		w := unit * agreementWeights[i]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (agreementLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var unit, height float32
	for i, o := range objects {
		min := o.MinSize()
		unit = max(unit, min.Width/agreementWeights[i])
		height = max(height, min.Height)
	}
	return fyne.NewSize(unit*4+theme.Padding()*float32(len(objects)-1), height)
}
