package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

func TestColumnsLayout_Layout(t *testing.T) {
	box := func() fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(100, 20))
		return r
	}
	pad := theme.Padding()
	tests := []struct {
		name     string
		n        int
		width    float32
		wantCols int
	}{
		{"all fit", 7, 7*100 + 6*pad, 7},
		{"rows as even as can be", 7, 6*100 + 5*pad, 4}, // 4 and 3, not 6 and 1
		{"ten in threes and fours", 10, 4*100 + 3*pad, 4},
		{"one column at least", 3, 50, 1},
		{"nothing to lay out", 0, 500, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var objs []fyne.CanvasObject
			for range tt.n {
				objs = append(objs, box())
			}
			l := &columnsLayout{}
			l.Layout(objs, fyne.NewSize(tt.width, 500))
			if l.cols != tt.wantCols {
				t.Errorf("%d columns, want %d", l.cols, tt.wantCols)
			}
			if tt.n == 0 {
				return
			}
			rows := (tt.n + tt.wantCols - 1) / tt.wantCols
			wantH := float32(rows)*20 + float32(rows-1)*pad
			if got := l.MinSize(objs); got.Height != wantH || got.Width != 100 {
				t.Errorf("MinSize %v, want 100×%v", got, wantH)
			}
		})
	}
}

func TestColumnsLayout_RightToLeft(t *testing.T) {
	a, b := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
	a.SetMinSize(fyne.NewSize(100, 20))
	b.SetMinSize(fyne.NewSize(100, 20))
	(&columnsLayout{rtl: true}).Layout([]fyne.CanvasObject{a, b}, fyne.NewSize(400, 20))
	if a.Position().X <= b.Position().X {
		t.Errorf("the first object at x=%v, the second at x=%v: not right to left", a.Position().X, b.Position().X)
	}
}
