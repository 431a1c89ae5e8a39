package ui

import (
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// MaxOptions is how many cards can be compared side by side.
const MaxOptions = 4

// maxProposals keeps the list of proposed cards short enough to talk about.
const maxProposals = 12

// Step 5: the app proposes cards that fit the goal, the chosen IGM factors
// and the client; 2 to 4 of them are compared side by side, and the client
// says how much each pro and con matters.
func (v *SessionView) stepOptions() fyne.CanvasObject {
	tr := v.tr
	proposals := container.NewGridWithColumns(2)
	compare := container.NewVBox()
	search := newTextEntry()
	search.SetPlaceHolder(tr.T("step5.search"))
	var redraw func()
	redraw = func() {
		proposals.RemoveAll()
		found := v.proposals(search.Text)
		for _, c := range found {
			proposals.Add(v.proposalRow(c, redraw))
		}
		if len(found) == 0 && strings.TrimSpace(search.Text) != "" {
			proposals.Add(wrapped(tr.T("step5.nothing", map[string]any{"Query": strings.TrimSpace(search.Text)})))
		}
		compare.RemoveAll()
		compare.Add(v.comparison())
	}
	search.OnChanged = func(string) { redraw() }
	redraw()
	pick := container.NewVBox(section(tr.T("step5.proposals")), wrapped(tr.T("step5.proposals.intro")), search, proposals)
	side := container.NewVBox(section(tr.T("step5.compare")), compare)
	// Once there is something to compare, the comparison comes first: that
	// is what professional and client talk about.
	if len(v.s.Options) >= 2 {
		return container.NewVBox(side, pick)
	}
	return container.NewVBox(pick, side)
}

// proposals returns the cards that fit the session: goal, IGM factors and
// client; when nothing fits all of them, it lets go of the factors, then of
// the goal. A search text looks through the whole catalogue instead.
func (v *SessionView) proposals(query string) []cards.Card {
	if strings.TrimSpace(query) != "" {
		return first(v.cat.Filter(cards.Filter{Query: query}), maxProposals)
	}
	for _, f := range []cards.Filter{
		{Goals: v.s.Goals, Factors: v.s.WorkOn, Client: v.s.Profile},
		{Goals: v.s.Goals, Client: v.s.Profile},
		{Client: v.s.Profile},
	} {
		if cs := v.cat.Filter(f); len(cs) > 0 {
			return first(cs, maxProposals)
		}
	}
	return nil
}

func first(cs []cards.Card, n int) []cards.Card { return cs[:min(n, len(cs))] }

// proposalRow shows a proposed card with a button to compare it or not.
func (v *SessionView) proposalRow(c cards.Card, redraw func()) fyne.CanvasObject {
	tr := v.tr
	var btn *button
	if v.s.IsComparing(c.ID) {
		btn = newButton(tr.T("step5.uncompare"), theme.CheckButtonCheckedIcon(), func() {
			if err := v.store.RemoveOption(v.s.ID, c.ID); err != nil {
				v.stored(err)
				return
			}
			v.reload()
			redraw()
		})
		btn.Importance = widget.HighImportance
	} else {
		btn = newButton(tr.T("step5.docompare"), theme.CheckButtonIcon(), func() {
			if err := v.store.AddOption(v.s.ID, c); err != nil {
				v.stored(err)
				return
			}
			v.reload()
			redraw()
		})
		if len(v.s.Options) >= MaxOptions {
			btn.Disable()
		}
	}
	band := canvas.NewRectangle(CategoryColor(c.Category))
	band.SetMinSize(fyne.NewSize(6, 0))
	shown, _ := v.main.card(c)
	title := widget.NewLabelWithStyle(shown.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	return container.NewStack(roundedRect(tint(CategoryColor(c.Category), 0.94), 6),
		container.NewBorder(nil, nil, container.NewHBox(band, pictogram(c.Pictogram, 40)), container.NewCenter(btn), title))
}

// reload reads the session's options back after the store changed them,
// keeping the weights already given.
func (v *SessionView) reload() {
	s, err := v.store.Session(v.s.ID)
	if err != nil {
		v.stored(err)
		return
	}
	v.s.Options = s.Options
	v.onSaved(nil)
}

// comparison shows the options as columns with the same rows for each,
// Option Grid style.
func (v *SessionView) comparison() fyne.CanvasObject {
	tr := v.tr
	opts := v.s.Options
	if len(opts) < 2 {
		return wrapped(tr.T("step5.pick"))
	}
	n := len(opts)
	row := func(label string, cell func(o *cards.Option) fyne.CanvasObject) fyne.CanvasObject {
		grid := container.NewGridWithColumns(n)
		for i := range opts {
			grid.Add(cell(&opts[i]))
		}
		head := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewVBox(container.NewStack(roundedRect(color.NRGBA{R: 0xEE, G: 0xEE, B: 0xEE, A: 0xFF}, 6), head), grid)
	}
	// The cards as the professional reads them: in the interface language
	// where they are translated.
	shown := func(o *cards.Option) *cards.Card {
		c, _ := v.main.card(o.Card)
		return &c
	}
	text := func(f func(c *cards.Card) string) func(o *cards.Option) fyne.CanvasObject {
		return func(o *cards.Option) fyne.CanvasObject { return wrapped(f(shown(o))) }
	}
	totals := map[string]*widget.Label{}
	updateTotal := func(o *cards.Option) {
		pros, cons := o.Weighed()
		totals[o.Card.ID].SetText(tr.T("step5.weighed", map[string]any{"Card": shown(o).Title, "Pros": pros, "Cons": cons}))
	}
	names := func() *fyne.Container {
		header := container.NewGridWithColumns(n)
		for i := range opts {
			c := *shown(&opts[i])
			t := newBidiLabel(c.Title, false)
			t.color = color.White
			t.style.Bold = true
			header.Add(container.NewStack(roundedRect(CategoryColor(c.Category), 8),
				container.NewPadded(container.NewBorder(nil, nil, pictogram(c.Pictogram, 36), nil, t))))
		}
		return header
	}
	header := names()
	rows := container.NewVBox(
		header,
		row(tr.T("row.what"), text(func(c *cards.Card) string { return c.Summary })),
		row(tr.T("row.duration"), text(func(c *cards.Card) string { return c.Duration })),
		row(tr.T("row.hours"), text(func(c *cards.Card) string { return hoursText(c.Hours, tr) })),
		row(tr.T("row.yields"), text(func(c *cards.Card) string { return goalNames(c.Goals, tr) })),
		row(tr.T("row.asks"), text(func(c *cards.Card) string { return c.WhatYouDo + "\n" + c.Suits.Conditions })),
		row(tr.T("row.pros"), func(o *cards.Option) fyne.CanvasObject {
			return v.weighedPoints(o, shown(o).Pros, o.ProWeights, cards.KeyProWeight, func() { updateTotal(o) })
		}),
		row(tr.T("row.cons"), func(o *cards.Option) fyne.CanvasObject {
			return v.weighedPoints(o, shown(o).Cons, o.ConWeights, cards.KeyConWeight, func() { updateTotal(o) })
		}),
		row(tr.T("row.effect"), func(o *cards.Option) fyne.CanvasObject {
			return container.NewVBox(effectBadge(o.Card.Effect.Level, tr), wrapped(shown(o).Effect.Explanation))
		}),
		row(tr.T("row.weighing"), func(o *cards.Option) fyne.CanvasObject {
			l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l.Wrapping = fyne.TextWrapWord
			totals[o.Card.ID] = l
			updateTotal(o)
			return l
		}),
	)
	// While the rows scroll, the names stay in view above them.
	v.pinned = &pinnedHeader{header: header, part: rows, copy: names()}
	return container.NewVBox(wrapped(tr.T("step5.weigh.intro")), rows)
}

// weighedPoints lists pros or cons, each with how much it matters (0–3).
func (v *SessionView) weighedPoints(o *cards.Option, points []string, weights []int, key func(string, int) string, changed func()) fyne.CanvasObject {
	box := container.NewVBox()
	for i, p := range points {
		r := weightChoice(weights[i], func(w int) {
			weights[i] = w
			v.set(key(o.Card.ID, i), strconv.Itoa(w))
			changed()
		})
		box.Add(container.NewVBox(wrapped(p), r))
	}
	return box
}

// weightChoice is how much a pro or con matters, 0 to 3, side by side;
// w -1 is not weighed yet, and so is a choice tapped off again.
func weightChoice(w int, onChanged func(w int)) *widget.RadioGroup {
	labels := weightLabels()
	r := widget.NewRadioGroup(labels, nil)
	r.Horizontal = true
	if w >= 0 && w < len(labels) {
		r.Selected = labels[w]
	}
	r.OnChanged = func(s string) { onChanged(slices.Index(labels, s)) }
	return r
}

// weightLabels are the weights as the choices show them: "0" to "3".
func weightLabels() []string {
	labels := make([]string, cards.MaxWeight+1)
	for i := range labels {
		labels[i] = strconv.Itoa(i)
	}
	return labels
}

func goalNames(goals []cards.Goal, tr interface{ T(string, ...any) string }) string {
	names := make([]string, len(goals))
	for i, g := range goals {
		names[i] = tr.T("goal." + string(g))
	}
	return strings.Join(names, ", ")
}
