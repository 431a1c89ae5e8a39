package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Figures gives the screens the anonymous figures of the database in use,
// made fit to show, and saves them; the app package implements it.
type Figures interface {
	Figures(from, to cards.Month) (cards.FiguresReport, error)
	// SaveFigures writes the report as .xlsx or .pdf and returns the file.
	SaveFigures(r cards.FiguresReport, ext string) (string, error)
}

// SetFigures offers the Cijfers screen in the Gegevens menu; to a login
// without clients, as a tab, shown at once.
func (m *Main) SetFigures(f Figures) {
	m.figures = f
	if m.store.NoClients() {
		m.tabs[0].Show()
		m.showStart()
	}
}

// showFigures shows the Cijfers screen: a period of whole months, counted
// at once, each theme on a tab, and saving as a workbook or a PDF. It
// shows only what the report shows: counts, small ones hidden.
func (m *Main) showFigures() {
	m.closeSession()
	tr := m.tr
	now := time.Now()
	from, to := widget.NewEntry(), widget.NewEntry()
	from.SetText(fmt.Sprintf("%d-01", now.Year()))
	to.SetText(cards.MonthOf(now).String())
	body := container.NewStack()
	var report cards.FiguresReport
	count := func() {
		first, err := cards.ParseMonth(from.Text)
		var last cards.Month
		if err == nil {
			last, err = cards.ParseMonth(to.Text)
		}
		if err == nil {
			report, err = m.figures.Figures(first, last)
		}
		if err != nil {
			m.showError(err)
			return
		}
		body.Objects = []fyne.CanvasObject{figuresView(report)}
		body.Refresh()
	}
	save := func(ext string) func() {
		return func() {
			path, err := m.figures.SaveFigures(report, ext)
			if err != nil {
				m.showError(err)
				return
			}
			m.showInfo(tr.T("figures.title"), tr.T("figures.saved", map[string]any{"File": path}))
		}
	}
	month := func(e *widget.Entry) fyne.CanvasObject { // room for "2026-12"
		return container.NewGridWrap(fyne.NewSize(110, e.MinSize().Height), e)
	}
	bar := container.NewHBox(widget.NewLabel(tr.T("figures.from")), month(from), widget.NewLabel(tr.T("figures.to")), month(to),
		newButton(tr.T("figures.count"), theme.ViewRefreshIcon(), count),
		newButton(tr.T("figures.xlsx"), theme.DocumentSaveIcon(), save(".xlsx")),
		newButton(tr.T("figures.pdf"), theme.DocumentPrintIcon(), save(".pdf")))
	heading := widget.NewLabel(tr.T("figures.title"))
	heading.SizeName = theme.SizeNameHeadingText
	heading.TextStyle.Bold = true
	tab := -1 // reached from the Gegevens menu, not from a tab
	if m.store.NoClients() {
		tab = 0 // the Cijfers tab
	}
	m.show(container.NewBorder(container.NewVBox(heading, bar), nil, nil, nil, body), tab)
	count()
}

// figuresView is a report on screen: who and when on top, how small
// numbers are hidden, then a tab per theme with its rows.
func figuresView(r cards.FiguresReport) fyne.CanvasObject {
	k := r.Threshold
	tabs := container.NewAppTabs()
	for _, t := range r.Tables {
		labels := 1
		if len(t.Rows) > 0 {
			labels = len(t.Rows[0].Labels)
		}
		grid := container.New(figuresLayout{n: len(t.Header), nums: len(t.Header) - labels})
		for i, h := range t.Header {
			align := fyne.TextAlignLeading
			if i >= labels {
				align = fyne.TextAlignTrailing
			}
			grid.Add(widget.NewLabelWithStyle(h, align, fyne.TextStyle{Bold: true}))
		}
		for _, row := range t.Rows {
			for _, l := range row.Labels {
				label := widget.NewLabel(l)
				label.Truncation = fyne.TextTruncateEllipsis
				grid.Add(label)
			}
			for _, c := range row.Cells {
				grid.Add(widget.NewLabelWithStyle(c.Text(k), fyne.TextAlignTrailing, fyne.TextStyle{}))
			}
		}
		intro := wrapped(t.Intro)
		tabs.Append(container.NewTabItem(t.Title, container.NewBorder(intro, nil, nil, nil, container.NewVScroll(grid))))
	}
	counted := ""
	if r.Counted != "" {
		counted = ", geteld: " + r.Counted
	}
	about := wrapped(fmt.Sprintf("%s tot en met %s · %s cliënten%s. %s", r.From, r.To, r.Clients.Text(k), counted, r.HiddenSentence()))
	about.Importance = widget.LowImportance
	return container.NewBorder(about, nil, nil, nil, tabs)
}

// figuresLayout puts cells in rows of n, the label columns sharing what
// the number columns leave, so that a long title never widens the window.
type figuresLayout struct{ n, nums int } // columns, of which the last nums are numbers

const figuresNumberWidth = 160

func (l figuresLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for i := 0; i < len(objects); i += l.n {
		h += objects[i].MinSize().Height
	}
	return fyne.NewSize(float32(l.n)*60, h)
}

func (l figuresLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	nums, labels := l.nums, l.n-l.nums
	labelW := (size.Width - float32(nums)*figuresNumberWidth) / float32(max(labels, 1))
	y := float32(0)
	for i := 0; i < len(objects); i += l.n {
		h := objects[i].MinSize().Height
		x := float32(0)
		for c := 0; c < l.n && i+c < len(objects); c++ {
			w := float32(figuresNumberWidth)
			if c < labels {
				w = labelW
			}
			objects[i+c].Move(fyne.NewPos(x, y))
			objects[i+c].Resize(fyne.NewSize(w, h))
			x += w
		}
		y += h
	}
}
