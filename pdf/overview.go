package pdf

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Overview is the side-by-side overview (Option Grid style: the options as
// columns, the client's questions as rows) of 2 to 4 cards, already in the
// overview's language.
type Overview struct {
	Context
	Options []cards.Option
	Weighed bool   // mark the client's weights; false leaves circles to fill in on paper
	Client  string // optional
}

// A4 landscape; the page size is given turned, with orientation "P".
const (
	ovW      = 297.0
	ovH      = 210.0
	ovMargin = 12.0
	ovLabel  = 42.0 // the column with the questions
)

var (
	ovText  = style{size: 10}
	ovBold  = style{size: 10, bold: true}
	ovTitle = style{size: 18, bold: true}
)

// WriteOverview draws the overview on A4 landscape; rows that do not fit
// go on to the next page under the cards' headings again.
func WriteOverview(w io.Writer, o Overview) error {
	if n := len(o.Options); n < 1 || n > 4 {
		return fmt.Errorf("een overzicht heeft 1 tot 4 kaarten, niet %d", n)
	}
	o.Client = cards.RemoveBSNs(o.Client) // the only typed text on it; see WritePlan
	t := o.T
	d := newDoc("P", fpdf.SizeType{Wd: ovW, Ht: ovH}, Meta{
		Title: t("overview.title"), Author: o.Org.Name, Subject: t("overview.subject"), Lang: o.Lang, Created: o.Date,
	}, o.RTL)
	ov := &overviewWriter{doc: d, o: o}
	ov.colW = (ovW - 2*ovMargin - ovLabel) / float64(len(o.Options))
	ov.page()
	c := func(f func(c *cards.Card) string) func(*cards.Option) []line {
		return func(op *cards.Option) []line { return []line{{f(&op.Card), ovText, noCircles}} }
	}
	ov.row(t("row.what"), c(func(c *cards.Card) string { return c.Summary }))
	ov.row(t("row.duration"), c(func(c *cards.Card) string { return c.Duration }))
	ov.row(t("row.hours"), c(func(c *cards.Card) string { return hours(c.Hours, t) }))
	ov.row(t("row.yields"), c(func(c *cards.Card) string {
		names := make([]string, len(c.Goals))
		for i, g := range c.Goals {
			names[i] = t("goal." + string(g))
		}
		return strings.Join(names, t("overview.separator"))
	}))
	ov.row(t("row.asks"), c(func(c *cards.Card) string { return c.WhatYouDo }))
	ov.row(t("row.pros"), func(op *cards.Option) []line { return weighed(op.Card.Pros, op.ProWeights, o.Weighed, "+ ") })
	ov.row(t("row.cons"), func(op *cards.Option) []line { return weighed(op.Card.Cons, op.ConWeights, o.Weighed, "– ") })
	ov.row(t("row.effect"), func(op *cards.Option) []line {
		return []line{{t("effect." + string(op.Card.Effect.Level)), ovBold, noCircles}, {op.Card.Effect.Explanation, ovText, noCircles}}
	})
	ov.row(t("row.weighing"), func(op *cards.Option) []line {
		if !o.Weighed {
			return []line{{t("overview.blank"), ovText, noCircles}}
		}
		pros, cons := op.Weighed()
		return []line{{t("step5.total", map[string]any{"Pros": pros, "Cons": cons}), ovBold, noCircles}}
	})
	return d.write(w)
}

// line is a paragraph in a cell; weight ≥ 0 draws that many of 3 circles
// filled after it, -1 draws empty circles to fill in, and a weight below -1
// none.
type line struct {
	text   string
	st     style
	weight int
}

const noCircles = -2

func weighed(points []string, weights []int, filled bool, bullet string) []line {
	out := make([]line, len(points))
	for i, p := range points {
		w := -1
		if filled && i < len(weights) {
			w = max(weights[i], 0)
		}
		out[i] = line{bullet + p, ovText, w}
	}
	return out
}

func hours(r cards.Range, t Translate) string {
	if r.Min == r.Max {
		return t("hours.one", map[string]any{"N": r.Min})
	}
	return t("hours.range", map[string]any{"Min": r.Min, "Max": r.Max})
}

type overviewWriter struct {
	*doc
	o    Overview
	colW float64
	y    float64
}

// circle row geometry
const (
	circleR   = 1.4
	circleGap = 4.0
)

// page starts a page with the title and the cards' headings.
func (ov *overviewWriter) page() {
	t := ov.o.T
	ov.AddPage()
	ov.y = ovMargin
	title := t("overview.title")
	if ov.o.Client != "" {
		title += " — " + ov.o.Client
	}
	// A long name makes the title smaller rather than run into the
	// municipality's name or off the page.
	st, room := ovTitle, ovW-2*ovMargin-ov.textWidth(ov.o.Org.Name, ovText)-5
	for st.size > 4 && ov.textWidth(title, st) > room {
		st.size -= 0.5
	}
	ov.line(ovMargin, ov.y+6, ovW-2*ovMargin, title, st, alignStart)
	ov.line(ovMargin, ov.y+6, ovW-2*ovMargin, ov.o.Org.Name, ovText, alignEnd)
	ov.y += 10
	ov.line(ovMargin, ov.y+4, ovW-2*ovMargin, t("overview.weigh"), ovText, alignStart)
	ov.y += 7
	const head = 16.0
	for i, op := range ov.o.Options {
		x := ov.colX(i)
		col := op.Card.Category.Colour()
		ov.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
		ov.RoundedRect(x+0.5, ov.y, ov.colW-1, head, 2, "1234", "F")
		ov.pictogram(op.Card.Pictogram, x+2, ov.y+2, head-4)
		ov.SetTextColor(255, 255, 255)
		lines := ov.wrap(op.Card.Title, ov.colW-head-3, ovBold)
		for k, l := range lines[:min(len(lines), 2)] {
			ov.line(x+head, ov.y+6+float64(k)*ovBold.lineHeight(), ov.colW-head-3, l, ovBold, alignStart)
		}
		ov.SetTextColor(0, 0, 0)
	}
	ov.y += head + 2
}

// colX is where option i's column starts; right to left in an RTL overview.
func (ov *overviewWriter) colX(i int) float64 {
	if ov.rtl {
		return ovMargin + float64(len(ov.o.Options)-1-i)*ov.colW
	}
	return ovMargin + ovLabel + float64(i)*ov.colW
}

// labelX is where the column of questions starts.
func (ov *overviewWriter) labelX() float64 {
	if ov.rtl {
		return ovW - ovMargin - ovLabel
	}
	return ovMargin
}

// row draws one question with each option's answer; it moves to a new page
// first when it does not fit, and a row longer than a page goes on over the
// next, under the question again.
func (ov *overviewWriter) row(question string, cell func(*cards.Option) []line) {
	// item is a line of text in a cell, or its circles.
	type item struct {
		text   string
		st     style
		weight int
		h      float64
	}
	questions := ov.wrap(question, ovLabel-3, ovBold)
	h := float64(len(questions)) * ovBold.lineHeight()
	items := make([][]item, len(ov.o.Options))
	for i := range ov.o.Options {
		var ch float64
		for _, l := range cell(&ov.o.Options[i]) {
			for _, text := range ov.wrap(l.text, ov.colW-4, l.st) {
				items[i] = append(items[i], item{text, l.st, noCircles, l.st.lineHeight()})
				ch += l.st.lineHeight()
			}
			if l.weight > noCircles {
				items[i] = append(items[i], item{weight: l.weight, h: 2*circleR + 1.5})
				ch += 2*circleR + 1.5
			}
		}
		h = max(h, ch)
	}
	h += 3
	const bottom = ovH - ovMargin
	if ov.y+h > bottom {
		ov.page()
	}
	next := make([]int, len(items)) // per option, the first item not drawn yet
	for {
		ov.SetFillColor(0xEE, 0xEE, 0xEE)
		ov.Rect(ovMargin, ov.y, ovW-2*ovMargin, 0.4, "F")
		y := ov.y + 1
		for k, l := range questions {
			ov.line(ov.labelX()+1, y+float64(k+1)*ovBold.lineHeight()-1, ovLabel-3, l, ovBold, alignStart)
		}
		end, more := y+float64(len(questions))*ovBold.lineHeight(), false
		for i := range items {
			x, cy := ov.colX(i)+2, y
			for ; next[i] < len(items[i]); next[i]++ {
				it := items[i][next[i]]
				if cy+it.h > bottom && cy > y {
					more = true
					break
				}
				if it.weight > noCircles {
					ov.circles(x, cy+circleR+0.5, it.weight)
				} else {
					ov.line(x, cy+it.h-1, ov.colW-4, it.text, it.st, alignStart)
				}
				cy += it.h
			}
			end = max(end, cy)
		}
		if !more {
			ov.y = end + 2
			return
		}
		ov.page()
	}
}

// circles draws how much a point matters: weight of the 3 circles filled;
// with weight -1, all empty, for the client to colour in (none is 0).
func (ov *overviewWriter) circles(x, y float64, weight int) {
	ov.SetDrawColor(0x33, 0x33, 0x33)
	ov.SetLineWidth(0.25)
	ov.SetFillColor(0x1E, 0x7A, 0x46)
	n := cards.MaxWeight
	if ov.rtl {
		x = x + ov.colW - 4 - float64(n)*circleGap
	}
	for k := 0; k < n; k++ {
		cx := x + circleR + float64(k)*circleGap
		if weight > k {
			ov.Circle(cx, y, circleR, "FD")
		} else {
			ov.Circle(cx, y, circleR, "D")
		}
	}
}
