package pdf

import (
	"math"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// The back of a card shows what the card screen shows: the title with a
// small pictogram, the pros in a green panel and the cons in a red one,
// each point with a drawn ✓ or ✗, what you will do, and the effect as a
// coloured label. The card's id and the catalogue's date sit in the foot,
// so a printed deck can be matched to the catalogue it came from.

// minBackSize is the smallest body text on a back, in points: still
// readable on an A7 card. Text that does not fit at this size makes way
// for "zie de app".
const minBackSize = 8.0

// stampSize is the size of the id and date in a back's corner: a code for
// matching a deck to its catalogue, like a print shop's, not text to read.
const stampSize = 6.0

// backContent is what a back says; fitting it may leave points out.
type backContent struct {
	title     string
	pros      []string
	cons      []string
	whatYouDo string
	effect    string
	short     bool // something was left out: the back says "zie de app"
}

// contentBack draws a card's back with its pros, cons, what you will do
// and effect, at the largest size at which everything fits; when nothing
// fits at minBackSize, it leaves out what you will do, then the last
// points, and says where to read them.
func (cw *cardWriter) contentBack(c cards.Card, r Rect, foot float64) {
	t := cw.dk.T
	pad := r.W * 0.06
	// The id and date, small in the corner above the foot; they read left
	// to right in every language.
	stamp := c.ID
	if !cw.dk.CatalogueDate.IsZero() {
		stamp += " · " + date(cw.dk.CatalogueDate)
	}
	small := style{size: stampSize}
	cw.SetTextColor(0x55, 0x55, 0x55)
	cw.line(r.X+pad, r.Y+r.H-foot-pad*0.4, r.W-2*pad, stamp, small, alignEnd)
	cw.SetTextColor(0, 0, 0)
	box := Rect{r.X + pad, r.Y + pad, r.W - 2*pad, r.H - foot - 1.4*pad - small.lineHeight()}
	bc := backContent{title: c.Title, pros: c.Pros, cons: c.Cons, whatYouDo: c.WhatYouDo, effect: t("effect." + string(c.Effect.Level))}
	size := cw.fitBack(&bc, box, r.W*0.13)
	cw.backBody(c, bc, box, size, true)
}

// fitBack finds, to a quarter point, the largest size up to most at which
// bc fits the box; at minBackSize it shortens bc until it fits. Text takes
// about the square of its size in area, so the search starts from that
// guess and is mostly one or two steps from the answer.
func (cw *cardWriter) fitBack(bc *backContent, box Rect, most float64) float64 {
	height := func(size float64) float64 { return cw.backBody(cards.Card{}, *bc, box, size, false) }
	h := height(most)
	if h <= box.H {
		return most
	}
	quarter := func(v float64) float64 { return math.Floor(v*4) / 4 }
	size := max(minBackSize, quarter(most*math.Sqrt(box.H/h)))
	if height(size) <= box.H {
		for size+0.25 <= most && height(size+0.25) <= box.H {
			size += 0.25
		}
		return size
	}
	for size > minBackSize {
		if size = max(minBackSize, size-0.25); height(size) <= box.H {
			return size
		}
	}
	for height(minBackSize) > box.H && bc.shorten() {
	}
	return minBackSize
}

// shorten leaves one thing out: first what you will do, then the last
// point of the longer list, keeping at least one of each. It reports
// whether there was anything left to leave out.
func (bc *backContent) shorten() bool {
	switch {
	case bc.whatYouDo != "":
		bc.whatYouDo = ""
	case len(bc.pros) > 1 && len(bc.pros) >= len(bc.cons):
		bc.pros = bc.pros[:len(bc.pros)-1]
	case len(bc.cons) > 1:
		bc.cons = bc.cons[:len(bc.cons)-1]
	default:
		return false
	}
	bc.short = true
	return true
}

// backBody lays out, and when draw is set draws, the body of a back in the
// box at a body size in points, and returns the height it takes. Measuring
// and drawing share this one walk, so what was measured is what is drawn.
func (cw *cardWriter) backBody(c cards.Card, bc backContent, box Rect, size float64, draw bool) float64 {
	t := cw.dk.T
	body, bold := style{size: size}, style{size: size, bold: true}
	lh := body.lineHeight()
	gap := lh * 0.45
	y := box.Y

	// The title beside a small pictogram.
	icon := box.W * 0.16
	titleStyle := style{size: size * 1.15, bold: true}
	titleLines := cw.wrap(bc.title, box.W-icon-gap, titleStyle)
	titleH := max(float64(len(titleLines))*titleStyle.lineHeight(), icon)
	if draw {
		iconX, textX := box.X+box.W-icon, box.X
		if cw.rtl {
			iconX, textX = box.X, box.X+icon+gap
		}
		cw.pictogram(c.Pictogram, iconX, y, icon)
		cw.SetTextColor(0, 0, 0)
		cw.lines(textX, y, box.W-icon-gap, titleLines, titleStyle)
	}
	y += titleH + gap

	y += cw.pointsPanel(t("row.pros"), bc.pros, cards.ProColour, markCheck, box.X, y, box.W, size, draw) + gap
	y += cw.pointsPanel(t("row.cons"), bc.cons, cards.ConColour, markCross, box.X, y, box.W, size, draw) + gap

	if bc.whatYouDo != "" {
		head := cw.wrap(t("deck.whatyoudo"), box.W, bold)
		text := cw.wrap(bc.whatYouDo, box.W, body)
		if draw {
			cw.SetTextColor(0, 0, 0)
			cw.lines(box.X, y, box.W, head, bold)
			cw.lines(box.X, y+float64(len(head))*lh, box.W, text, body)
		}
		y += float64(len(head)+len(text))*lh + gap
	}
	if bc.short {
		note := cw.wrap(t("deck.seeapp"), box.W, bold)
		if draw {
			cw.SetTextColor(0x33, 0x33, 0x33)
			cw.lines(box.X, y, box.W, note, bold)
		}
		y += float64(len(note))*lh + gap
	}

	// The effect as a label in its level's colour, at the foot of the box.
	label := cw.wrap(bc.effect, box.W-2*gap, bold)
	labelH := float64(len(label))*lh + gap
	if draw {
		y = max(y, box.Y+box.H-labelH)
		col := c.Effect.Level.Colour()
		w := box.W
		if len(label) == 1 {
			w = cw.textWidth(label[0], bold) + 2*gap
		}
		x := box.X
		if cw.rtl {
			x = box.X + box.W - w
		}
		cw.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
		cw.RoundedRect(x, y, w, labelH, gap, "1234", "F")
		cw.SetTextColor(255, 255, 255)
		cw.lines(x+gap, y+gap/2, w-2*gap, label, bold)
		cw.SetTextColor(0, 0, 0)
	}
	y += labelH
	return y - box.Y
}

// lines draws wrapped lines from the top y down, aligned to the start.
func (cw *cardWriter) lines(x, y, w float64, lines []string, st style) {
	for _, l := range lines {
		y += st.lineHeight()
		cw.line(x, y-st.lineHeight()*0.25, w, l, st, alignStart)
	}
}

// mark is the sign drawn before a point: a check or a cross.
type mark int

const (
	markCheck mark = iota
	markCross
)

// pointsPanel lays out (and draws, when draw is set) a panel of points on a
// light background of col, under a heading in col, each point after a
// drawn mark; it returns its height.
func (cw *cardWriter) pointsPanel(heading string, points []string, col cards.RGB, m mark, x, y, w, size float64, draw bool) float64 {
	body, bold := style{size: size}, style{size: size, bold: true}
	lh := body.lineHeight()
	in := lh * 0.35           // inner padding
	markW := lh * 0.9         // room for the mark
	textW := w - 2*in - markW // width of a point's text
	headLines := cw.wrap(heading, w-2*in, bold)
	headH := float64(len(headLines))*lh + in
	wrapped := make([][]string, len(points))
	h := headH + in
	for i, p := range points {
		wrapped[i] = cw.wrap(p, textW, body)
		h += float64(len(wrapped[i])) * lh
	}
	h += in
	if !draw {
		return h
	}
	light := tintRGB(col, 0.88)
	cw.SetFillColor(int(light[0]), int(light[1]), int(light[2]))
	cw.RoundedRect(x, y, w, h, in*1.5, "1234", "F")
	cw.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
	cw.RoundedRectExt(x, y, w, headH, in*1.5, in*1.5, 0, 0, "F")
	cw.SetTextColor(255, 255, 255)
	cw.lines(x+in, y+in/2, w-2*in, headLines, bold)
	cw.SetTextColor(0, 0, 0)
	py := y + headH + in
	for _, lines := range wrapped {
		markX, textX := x+in, x+in+markW
		if cw.rtl {
			markX, textX = x+w-in-markW, x+in
		}
		cw.drawMark(m, col, markX, py, markW, lh)
		cw.lines(textX, py, textW, lines, body)
		py += float64(len(lines)) * lh
	}
	return h
}

// drawMark draws a check or a cross as strokes in col, in a square cell
// of side size centred on a text line of height lh whose top is y.
func (cw *cardWriter) drawMark(m mark, col cards.RGB, x, y, cell, lh float64) {
	s := lh * 0.5                   // the mark's size
	cx, cy := x+cell*0.4, y+lh*0.45 // nearer the start, a gap before the text
	if cw.rtl {
		cx = x + cell*0.6
	}
	cw.SetDrawColor(int(col[0]), int(col[1]), int(col[2]))
	cw.SetLineWidth(s * 0.22)
	cw.SetLineCapStyle("round")
	cw.SetLineJoinStyle("round")
	switch m {
	case markCheck:
		cw.MoveTo(cx-s/2, cy)
		cw.LineTo(cx-s/8, cy+s*0.4)
		cw.LineTo(cx+s/2, cy-s*0.45)
		cw.DrawPath("D")
	case markCross:
		d := s * 0.4
		cw.Line(cx-d, cy-d, cx+d, cy+d)
		cw.Line(cx-d, cy+d, cx+d, cy-d)
	}
	cw.SetLineCapStyle("butt")
	cw.SetLineJoinStyle("miter")
}

// tintRGB mixes c with white; amount 0 is c, 1 is white.
func tintRGB(c cards.RGB, amount float64) cards.RGB {
	var out cards.RGB
	for i, v := range c {
		out[i] = uint8(float64(v) + (255-float64(v))*amount)
	}
	return out
}
