package pdf

// tableRow is one row of a table, each cell wrapped to its column.
type tableRow struct {
	cells [][]string
	lines int // the most lines any cell needs, at least one
}

// wrapRow wraps each cell to its column, leaving 1.5 mm inside each side.
func (d *doc) wrapRow(cells []string, cols []float64, st style) tableRow {
	r := tableRow{cells: make([][]string, len(cells)), lines: 1}
	for i, c := range cells {
		r.cells[i] = d.wrap(c, cols[i]-3, st)
		r.lines = max(r.lines, len(r.cells[i]))
	}
	return r
}

// rowLine draws line k of every cell on baseline y, the columns from x0;
// in a right-to-left document the first column is on the right.
func (d *doc) rowLine(r tableRow, k int, x0, y float64, cols []float64, st style) {
	x := x0
	for j := range cols {
		i := j
		if d.rtl {
			i = len(cols) - 1 - j
		}
		if k < len(r.cells[i]) {
			d.line(x+1.5, y, cols[i]-3, r.cells[i][k], st, alignStart)
		}
		x += cols[i]
	}
}

// lineBox is the room line k of the row needs above and below its
// baseline: as much as the cell with the most (lineBox).
func (r tableRow) lineBox(k int, st style) (above, below float64) {
	above, below = lineBox("", st)
	for _, c := range r.cells {
		if k < len(c) {
			a, b := lineBox(c[k], st)
			above, below = max(above, a), max(below, b)
		}
	}
	return above, below
}
