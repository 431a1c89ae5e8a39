package pdf

import (
	"fmt"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// A deck alone does not run a group session. The kit (Deck.Group) adds, in
// the deck's language and on the deck's cards: two instruction cards, one
// for the participants ("Zo gebruik je de kaarten", with the three piles on
// its back) and one for the facilitator (with tips on its back); blank
// cards in each category's colour to write an option the deck lacks, with
// its pros and cons on the back; and at the end a one-page worksheet, "Mijn
// kaarten", to keep one's own choice on. Bleed, duplex and fold-over apply
// as to the deck.

// kitColour is the colour of the instruction cards: the municipality's,
// or else the blue-grey of the app's own pictograms, apart from the
// categories.
func (cw *cardWriter) kitColour() cards.RGB {
	if c := cw.dk.Org.Colour; c != nil {
		return *c
	}
	return cards.RGB{0x2E, 0x4A, 0x62}
}

// kitItems puts the instruction cards before the deck's cards and the blank
// cards after them, as many as fill the last sheet and at least one per
// category.
func (cw *cardWriter) kitItems(deck []item, perSheet int) []item {
	t := cw.dk.T
	how := item{"kit-uitleg",
		func(r Rect) { cw.steps(r, "gesprek", t("kit.how.title"), stepTexts(t, "kit.how.", 5)) },
		func(r Rect) { cw.piles(r) }}
	lead := item{"kit-begeleider",
		func(r Rect) { cw.steps(r, "netwerk", t("kit.lead.title"), stepTexts(t, "kit.lead.", 5)) },
		func(r Rect) { cw.tips(r) }}
	items := append([]item{how, lead}, deck...)
	blanks := len(cards.Categories)
	for (len(items)+blanks)%perSheet != 0 {
		blanks++
	}
	for i := range blanks {
		cat := cards.Categories[i%len(cards.Categories)]
		items = append(items, item{"kit-leeg-" + string(cat),
			func(r Rect) { cw.blankFront(cat, r) },
			func(r Rect) { cw.blankBack(cat, r) }})
	}
	return items
}

func stepTexts(t Translate, prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = t(fmt.Sprintf("%s%d", prefix, i+1))
	}
	return out
}

// kitBand draws a card's top band in col with a title in white, and
// returns where the band ends.
func (cw *cardWriter) kitBand(r Rect, col cards.RGB, title string) float64 {
	band, b, pad := r.H*0.16, cw.dk.Bleed, r.W*0.06
	cw.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
	cw.Rect(r.X-b, r.Y-b, r.W+2*b, band+b, "F")
	cw.SetTextColor(255, 255, 255)
	st := style{size: max(minBackSize, r.W*0.12), bold: true}
	lines := cw.fitLines(title, r.W-2*pad, band-pad*0.5, st)
	y := r.Y + (band-float64(len(lines.text))*lines.st.lineHeight())/2
	cw.lines(r.X+pad, y, r.W-2*pad, lines.text, lines.st)
	cw.SetTextColor(0, 0, 0)
	return r.Y + band
}

// fitted is wrapped text and the style it fits at.
type fitted struct {
	text []string
	st   style
}

// fitLines wraps text to width at st, smaller down to minBackSize until
// it fits height.
func (cw *cardWriter) fitLines(text string, width, height float64, st style) fitted {
	lines := cw.wrap(text, width, st)
	for st.size > minBackSize && float64(len(lines))*st.lineHeight() > height {
		st.size = max(minBackSize, st.size-0.25)
		lines = cw.wrap(text, width, st)
	}
	return fitted{lines, st}
}

// steps draws an instruction card's front: a band with the title, a
// pictogram, and numbered steps in the largest size that fits.
func (cw *cardWriter) steps(r Rect, pictogram, title string, steps []string) {
	cw.clip(r, func() {
		top := cw.kitBand(r, cw.kitColour(), title)
		pad := r.W * 0.06
		icon := r.W * 0.22
		cw.pictogram(pictogram, r.X+(r.W-icon)/2, top+pad*0.6, icon)
		box := Rect{r.X + pad, top + pad*0.6 + icon + pad*0.4, r.W - 2*pad, 0}
		box.H = r.Y + r.H - pad - box.Y
		cw.numberedSteps(steps, box, r.W*0.13)
	})
}

// numberedSteps draws steps, each after its number in a circle, in the
// largest size from most down to minBackSize at which they fit box.
func (cw *cardWriter) numberedSteps(steps []string, box Rect, most float64) {
	indent := func(st style) float64 { return st.lineHeight() * 1.3 } // room for the number
	height := func(st style) float64 {
		h := 0.0
		for _, s := range steps {
			h += float64(len(cw.wrap(s, box.W-indent(st), st)))*st.lineHeight() + st.lineHeight()*0.35
		}
		return h
	}
	st := style{size: most}
	for st.size > minBackSize && height(st) > box.H {
		st.size = max(minBackSize, st.size-0.25)
	}
	lh, col := st.lineHeight(), cw.kitColour()
	y := box.Y
	for i, s := range steps {
		numX, textX := box.X, box.X+indent(st)
		if cw.rtl {
			numX, textX = box.X+box.W-lh, box.X
		}
		cw.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
		cw.Circle(numX+lh*0.5, y+lh*0.5, lh*0.48, "F")
		cw.SetTextColor(255, 255, 255)
		cw.line(numX, y+lh*0.75, lh, fmt.Sprint(i+1), style{size: st.size * 0.85, bold: true}, alignCenter)
		cw.SetTextColor(0, 0, 0)
		lines := cw.wrap(s, box.W-indent(st), st)
		cw.lines(textX, y, box.W-indent(st), lines, st)
		y += float64(len(lines))*lh + lh*0.35
	}
}

// piles draws the back of the participants' card: the three piles to sort
// the cards into, and that there is no right or wrong.
func (cw *cardWriter) piles(r Rect) {
	t := cw.dk.T
	cw.clip(r, func() {
		top := cw.kitBand(r, cw.kitColour(), t("kit.piles.title"))
		pad := r.W * 0.06
		foot := cw.foot(cw.kitColour(), r)
		colours := []cards.RGB{cards.ProColour, {0xB0, 0x7A, 0x00}, {0x6B, 0x6B, 0x6B}}
		names := []string{t("kit.pile.yes"), t("kit.pile.maybe"), t("kit.pile.no")}
		note := cw.fitLines(t("kit.piles.text"), r.W-2*pad, r.H*0.2, style{size: max(minBackSize, r.W*0.12)})
		noteH := float64(len(note.text)) * note.st.lineHeight()
		gap := pad * 0.5
		area := r.Y + r.H - foot - pad - noteH - pad - (top + pad)
		h := (area - 2*gap) / 3
		y := top + pad
		for i, name := range names {
			col := colours[i]
			light := tintRGB(col, 0.85)
			cw.SetFillColor(int(light[0]), int(light[1]), int(light[2]))
			cw.SetDrawColor(int(col[0]), int(col[1]), int(col[2]))
			cw.SetLineWidth(0.6)
			cw.SetDashPattern([]float64{1.5, 1}, 0)
			cw.RoundedRect(r.X+pad, y, r.W-2*pad, h, pad*0.6, "1234", "FD")
			cw.SetDashPattern(nil, 0)
			cw.SetTextColor(int(col[0]), int(col[1]), int(col[2]))
			st := style{size: max(minBackSize, r.W*0.15), bold: true}
			lines := cw.fitLines(name, r.W-4*pad, h, st)
			ly := y + (h-float64(len(lines.text))*lines.st.lineHeight())/2
			for _, l := range lines.text {
				ly += lines.st.lineHeight()
				cw.line(r.X+pad, ly-lines.st.lineHeight()*0.25, r.W-2*pad, l, lines.st, alignCenter)
			}
			y += h + gap
		}
		cw.SetTextColor(0, 0, 0)
		cw.lines(r.X+pad, y-gap+pad, r.W-2*pad, note.text, note.st)
	})
}

// tips draws the back of the facilitator's card.
func (cw *cardWriter) tips(r Rect) {
	t := cw.dk.T
	cw.clip(r, func() {
		top := cw.kitBand(r, cw.kitColour(), t("kit.tips.title"))
		foot := cw.foot(cw.kitColour(), r)
		pad := r.W * 0.06
		box := Rect{r.X + pad, top + pad, r.W - 2*pad, r.Y + r.H - foot - pad - (top + pad)}
		tips := stepTexts(t, "kit.tip.", 3)
		cw.numberedSteps(tips, box, r.W*0.13)
	})
}

// blankFront draws the front of a blank card: the category's band and
// name, a title, and lines to write one's own option on.
func (cw *cardWriter) blankFront(cat cards.Category, r Rect) {
	t := cw.dk.T
	cw.clip(r, func() {
		top := cw.kitBand(r, cat.Colour(), t("category."+string(cat)))
		pad := r.W * 0.06
		st := style{size: max(minBackSize, r.W*0.14), bold: true}
		title := cw.fitLines(t("kit.blank.title"), r.W-2*pad, r.H*0.15, st)
		y := top + pad
		cw.lines(r.X+pad, y, r.W-2*pad, title.text, title.st)
		y += float64(len(title.text))*title.st.lineHeight() + pad*0.5
		ask := cw.fitLines(t("kit.blank.write"), r.W-2*pad, r.H*0.15, style{size: max(minBackSize, r.W*0.11)})
		cw.lines(r.X+pad, y, r.W-2*pad, ask.text, ask.st)
		y += float64(len(ask.text))*ask.st.lineHeight() + pad
		cw.ruled(Rect{r.X + pad, y, r.W - 2*pad, r.Y + r.H - pad - y}, 8.5, cards.RGB{0x99, 0x99, 0x99})
	})
}

// blankBack draws the back of a blank card: the pros and cons panels of a
// card's back, with lines to write on after each mark.
func (cw *cardWriter) blankBack(cat cards.Category, r Rect) {
	t := cw.dk.T
	cw.clip(r, func() {
		foot := cw.foot(cat.Colour(), r)
		pad := r.W * 0.06
		gap := pad * 0.5
		h := (r.H - foot - 2*pad - gap) / 2
		y := r.Y + pad
		for _, p := range []struct {
			heading string
			col     cards.RGB
			m       mark
		}{{t("row.pros"), cards.ProColour, markCheck}, {t("row.cons"), cards.ConColour, markCross}} {
			cw.blankPanel(p.heading, p.col, p.m, Rect{r.X + pad, y, r.W - 2*pad, h}, max(minBackSize, r.W*0.12))
			y += h + gap
		}
	})
}

// blankPanel draws a panel like pointsPanel's, with ruled lines to write
// on, each after a mark.
func (cw *cardWriter) blankPanel(heading string, col cards.RGB, m mark, box Rect, size float64) {
	bold := style{size: size, bold: true}
	lh := bold.lineHeight()
	in := lh * 0.35
	light := tintRGB(col, 0.88)
	cw.SetFillColor(int(light[0]), int(light[1]), int(light[2]))
	cw.RoundedRect(box.X, box.Y, box.W, box.H, in*1.5, "1234", "F")
	head := lh + in
	cw.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
	cw.RoundedRectExt(box.X, box.Y, box.W, head, in*1.5, in*1.5, 0, 0, "F")
	cw.SetTextColor(255, 255, 255)
	cw.fitLine(box.X+in, box.Y+in/2+lh*0.75, box.W-2*in, heading, bold, alignStart)
	cw.SetTextColor(0, 0, 0)
	const rule = 8.0 // millimetres between written lines
	markW := lh
	for y := box.Y + head + rule; y <= box.Y+box.H-in; y += rule {
		markX, lineX := box.X+in, box.X+in+markW
		if cw.rtl {
			markX, lineX = box.X+box.W-in-markW, box.X+in
		}
		cw.drawMark(m, col, markX, y-lh*0.8, markW, lh)
		cw.SetDrawColor(0x99, 0x99, 0x99)
		cw.SetLineWidth(0.25)
		cw.Line(lineX, y, lineX+box.W-2*in-markW, y)
	}
}

// ruled draws lines to write on, gap millimetres apart, in box.
func (cw *cardWriter) ruled(box Rect, gap float64, col cards.RGB) {
	cw.SetDrawColor(int(col[0]), int(col[1]), int(col[2]))
	cw.SetLineWidth(0.25)
	for y := box.Y + gap; y <= box.Y+box.H; y += gap {
		cw.Line(box.X, y, box.X+box.W, y)
	}
}
