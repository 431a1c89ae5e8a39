package pdf

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Figures is the anonymous figures report for policy and quality staff:
// a page per theme, bar charts drawn as vectors, a plain Dutch caption
// under each bar, and on every page the period, the municipality and how
// small numbers are hidden.
type Figures struct {
	Report cards.FiguresReport
	Org    cards.Organisation
	Date   time.Time
}

// Page geometry of the figures report, in millimetres: A4 portrait.
const (
	figMargin = 18.0
	figWidth  = 210.0 - 2*figMargin
	figBottom = 297.0 - 22
	figLabelW = 62.0 // the column of labels beside the bars
	figValueW = 30.0 // the numbers after a bar
)

var (
	figBar    = [3]int{0x9C, 0xC7, 0xAE} // compared: light green
	figBarIn  = [3]int{0x1E, 0x7A, 0x46} // chosen, within it: dark green
	figGrey   = [3]int{0x66, 0x66, 0x66}
	figTitle  = style{size: 18, bold: true}
	figHead   = style{size: 10.5, bold: true}
	figBody   = style{size: 10}
	figSmall  = style{size: 8}
	figCaptio = style{size: 8.5}
)

// WriteFigures writes the figures report.
func WriteFigures(w io.Writer, f Figures) error {
	d := newDoc("P", fpdf.SizeType{Wd: 210, Ht: 297}, Meta{
		Title: "Cijfers Samen Beslissen " + f.Report.From.String() + " tot en met " + f.Report.To.String(), Author: f.Org.Name,
		Subject: "Anonieme cijfers over het gebruik van de keuzekaarten", Lang: "nl", Created: f.Date,
	}, false)
	fw := &figuresWriter{doc: d, f: f}
	d.SetFooterFunc(fw.footer)
	for _, t := range f.Report.Tables {
		fw.page(t)
	}
	return d.write(w)
}

type figuresWriter struct {
	*doc
	f Figures
	y float64
}

func (fw *figuresWriter) colour(c [3]int) { fw.SetTextColor(c[0], c[1], c[2]) }
func (fw *figuresWriter) fillC(c [3]int)  { fw.SetFillColor(c[0], c[1], c[2]) }

// page starts a theme's page, with its heading and introduction, and
// draws its rows: as bars, or as a table.
func (fw *figuresWriter) page(t cards.FigureTable) {
	fw.newPage(t.Title)
	for _, line := range fw.wrap(t.Intro, figWidth, figBody) {
		fw.y += figBody.lineHeight()
		fw.line(figMargin, fw.y, figWidth, line, figBody, alignStart)
	}
	fw.y += 4
	if len(t.Rows) == 0 {
		fw.y += figBody.lineHeight()
		fw.line(figMargin, fw.y, figWidth, "Geen cijfers in deze periode.", figBody, alignStart)
		return
	}
	if t.BarCell >= 0 {
		fw.bars(t)
		return
	}
	fw.table(t)
}

// newPage adds a page with the municipality, its logo, the theme's title
// and the period.
func (fw *figuresWriter) newPage(title string) {
	fw.AddPage()
	fw.y = figMargin
	org := fw.f.Org
	if len(org.Logo) > 0 {
		opts := fpdf.ImageOptions{ImageType: imageType(org.Logo)}
		fw.RegisterImageOptionsReader("logo", opts, bytes.NewReader(org.Logo))
		fw.ImageOptions("logo", figMargin+figWidth-25, fw.y, 25, 0, false, opts, 0, "")
	}
	fw.colour(figGrey)
	top := []string{org.Name}
	if c := fw.f.Report.Counted; c != "" {
		top = append(top, "Geteld: "+c)
	}
	top = slices.DeleteFunc(top, func(s string) bool { return s == "" })
	fw.line(figMargin, fw.y+4, figWidth-30, strings.Join(top, " · "), figSmall, alignStart)
	fw.SetTextColor(0, 0, 0)
	fw.y += 14
	fw.line(figMargin, fw.y, figWidth-30, "Cijfers: "+title, figTitle, alignStart)
	fw.y += 6
	r := fw.f.Report
	fw.line(figMargin, fw.y, figWidth, fmt.Sprintf("Gesprekken die begonnen van %s tot en met %s · %s cliënten · elke cliënt telt één keer",
		r.From, r.To, r.Clients.Text(r.Threshold)), figBody, alignStart)
	fw.y += 4
}

// bars draws a bar per row: its length the row's bar cell against the
// largest shown; for a pair of compared and chosen, the chosen part dark
// within. A hidden number gets no bar, but "< 5".
func (fw *figuresWriter) bars(t cards.FigureTable) {
	k := fw.f.Report.Threshold
	largest := 1
	for _, row := range t.Rows {
		n := 0
		if c := row.Cells[t.BarCell]; !c.Hidden {
			n = c.N
		}
		if c := row.Cells[min(t.BarCell+1, len(row.Cells)-1)]; t.Stacked && !c.Hidden {
			n += c.N
		}
		largest = max(largest, n)
	}
	barW := figWidth - figLabelW - figValueW
	legend := "Lengte van de balk: aantal cliënten."
	switch {
	case t.Nested:
		legend = "Lichte balk: vergeleken. Donker deel: gekozen."
	case t.Stacked:
		legend = "Donker: zorgen. Licht, erachter: aandacht nodig."
	}
	fw.colour(figGrey)
	fw.y += figSmall.lineHeight()
	fw.line(figMargin, fw.y, figWidth, legend, figSmall, alignStart)
	fw.SetTextColor(0, 0, 0)
	fw.y += 2
	for _, row := range t.Rows {
		label := row.Labels[0]
		if len(row.Labels) > 1 {
			label = row.Labels[1] // a title rather than an id
		}
		caption := fw.wrap(row.Caption, figWidth, figCaptio)
		h := 6 + float64(len(caption))*figCaptio.lineHeight() + 2
		if fw.y+h > figBottom {
			fw.AddPage()
			fw.y = figMargin
		}
		top := fw.y
		if lines := fw.wrap(label, figLabelW-2, figBody); len(lines) > 1 {
			label = strings.TrimSpace(lines[0]) + "…" // the caption below has it whole
		}
		fw.line(figMargin, top+4.2, figLabelW-2, label, figBody, alignStart)
		main := row.Cells[t.BarCell]
		value := main.Text(k)
		length := func(c cards.Cell) float64 {
			if c.Hidden || c.N <= 0 {
				return 0
			}
			return barW * float64(c.N) / float64(largest)
		}
		x := figMargin + figLabelW
		switch {
		case t.Nested:
			fw.fillC(figBar)
			fw.Rect(x, top+0.8, length(main), 4.4, "F")
			fw.fillC(figBarIn)
			fw.Rect(x, top+0.8, length(row.Cells[t.BarCell+1]), 4.4, "F")
			value += " / " + row.Cells[t.BarCell+1].Text(k)
		case t.Stacked:
			fw.fillC(figBarIn)
			fw.Rect(x, top+0.8, length(main), 4.4, "F")
			fw.fillC(figBar)
			fw.Rect(x+length(main), top+0.8, length(row.Cells[t.BarCell+1]), 4.4, "F")
			value += " / " + row.Cells[t.BarCell+1].Text(k)
		default:
			fw.fillC(figBarIn)
			fw.Rect(x, top+0.8, length(main), 4.4, "F")
		}
		fw.line(figMargin+figWidth-figValueW+2, top+4.2, figValueW-2, value, figBody, alignStart)
		fw.y = top + 6
		fw.colour(figGrey)
		for _, l := range caption {
			fw.y += figCaptio.lineHeight()
			fw.line(figMargin, fw.y-0.6, figWidth, l, figCaptio, alignStart)
		}
		fw.SetTextColor(0, 0, 0)
		fw.y += 2
	}
}

// table draws the rows as text: the labels, then the numbers.
func (fw *figuresWriter) table(t cards.FigureTable) {
	k := fw.f.Report.Threshold
	nums := len(t.Rows[0].Cells)
	labelW := figWidth - float64(nums)*28
	// header heads the table, and every page it goes on to.
	header := func() {
		fw.y += figHead.lineHeight()
		for i, h := range t.Header {
			if i < len(t.Header)-nums {
				if i == 0 {
					fw.line(figMargin, fw.y, labelW, h, figHead, alignStart)
				}
				continue
			}
			x := figMargin + labelW + float64(i-(len(t.Header)-nums))*28
			fw.line(x, fw.y, 26, h, figHead, alignEnd)
		}
		fw.y += 1.5
	}
	header()
	for _, row := range t.Rows {
		label := row.Labels[0]
		for _, l := range row.Labels[1:] {
			label += " · " + l
		}
		lines := fw.wrap(label, labelW-2, figBody)
		if fw.y+float64(len(lines))*figBody.lineHeight() > figBottom {
			fw.AddPage()
			fw.y = figMargin
			header()
		}
		top := fw.y
		for _, l := range lines {
			fw.y += figBody.lineHeight()
			fw.line(figMargin, fw.y, labelW-2, l, figBody, alignStart)
		}
		for c, cell := range row.Cells {
			fw.line(figMargin+labelW+float64(c)*28, top+figBody.lineHeight(), 26, cell.Text(k), figBody, alignEnd)
		}
		fw.SetDrawColor(0xDD, 0xDD, 0xDD)
		fw.SetLineWidth(0.2)
		fw.Line(figMargin, fw.y+1.2, figMargin+figWidth, fw.y+1.2)
		fw.y += 1.6
	}
}

// footer says on every page how small numbers are hidden, and the page.
func (fw *figuresWriter) footer() {
	y := 297.0 - 17
	fw.colour(figGrey)
	for _, l := range fw.wrap(fw.f.Report.HiddenSentence(), figWidth-20, figSmall) {
		y += figSmall.lineHeight()
		fw.line(figMargin, y, figWidth-20, l, figSmall, alignStart)
	}
	fw.line(figMargin+figWidth-18, 297.0-17+figSmall.lineHeight(), 18, fmt.Sprintf("%d", fw.PageNo()), figSmall, alignEnd)
	fw.SetTextColor(0, 0, 0)
}
