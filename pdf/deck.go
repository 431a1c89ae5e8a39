package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Size is a width and a height in millimetres.
type Size struct{ W, H float64 }

// Papers and card formats the decks come in.
var (
	Papers  = map[string]Size{"a4": {210, 297}, "a3": {297, 420}, "letter": {215.9, 279.4}}
	Formats = map[string]Size{"a6": {105, 148}, "a7": {74, 105}}
)

// Bleed is how far a card's background runs on past where it is cut, so a
// cut a little off the line leaves no white edge.
const Bleed = 3.0

// markLength is the length of a crop mark: a short line on the extension of
// a cut line, outside the cards and their bleed.
const markLength = 5.0

// Rect is a rectangle on a sheet, in millimetres from the top left.
type Rect struct{ X, Y, W, H float64 }

// Sheet is how cards are laid out on one side of a sheet: the trim boxes of
// the cards, in reading order.
type Sheet struct {
	Paper Size
	Card  Size    // as placed: turned a quarter when that fits more
	Bleed float64 // around each card; 0 when the cards touch
	Cols  int
	Rows  int
	Cells []Rect
}

// Layout fits as many cards as possible on the paper, upright or turned,
// centred. With bleed, each card has its own bleed around it and the sheet
// keeps room for crop marks outside: cards to cut one by one, as office
// printers cannot print to the edge of the paper. Without bleed, the cards
// touch and share their cut lines, so four A6 or eight A7 cards fill an A4
// sheet: for a printer that prints to the edge and a paper cutter.
func Layout(paper, card Size, bleed float64) (Sheet, error) {
	return layout(paper, card, bleed, []Size{card, {card.H, card.W}})
}

// layout places cards of the first of the orientations that fits most.
func layout(paper, card Size, bleed float64, orientations []Size) (Sheet, error) {
	best := Sheet{Paper: paper, Bleed: bleed}
	margin := 0.0
	if bleed > 0 {
		margin = markLength
	}
	for _, c := range orientations {
		cellW, cellH := c.W+2*bleed, c.H+2*bleed
		cols := int((paper.W - 2*margin + 0.01) / cellW)
		rows := int((paper.H - 2*margin + 0.01) / cellH)
		if cols*rows > best.Cols*best.Rows {
			best.Card, best.Cols, best.Rows = c, cols, rows
		}
	}
	if best.Cols == 0 {
		return best, fmt.Errorf("een kaart van %.0f × %.0f mm past niet op papier van %.0f × %.0f mm", card.W, card.H, paper.W, paper.H)
	}
	cellW, cellH := best.Card.W+2*bleed, best.Card.H+2*bleed
	x0 := (paper.W-float64(best.Cols)*cellW)/2 + bleed
	y0 := (paper.H-float64(best.Rows)*cellH)/2 + bleed
	for r := 0; r < best.Rows; r++ {
		for c := 0; c < best.Cols; c++ {
			best.Cells = append(best.Cells, Rect{x0 + float64(c)*cellW, y0 + float64(r)*cellH, best.Card.W, best.Card.H})
		}
	}
	return best, nil
}

// Block is the area the cards cover together, without their bleed.
func (s Sheet) Block() Rect {
	first, last := s.Cells[0], s.Cells[len(s.Cells)-1]
	return Rect{first.X, first.Y, last.X + last.W - first.X, last.Y + last.H - first.Y}
}

// BackCells are the cells of the back side, for long-edge duplex: each back
// is the mirror image, across the sheet's vertical middle, of its front,
// shifted by offset (for printers that drift).
func (s Sheet) BackCells(offset Size) []Rect {
	out := make([]Rect, len(s.Cells))
	for i, c := range s.Cells {
		out[i] = Rect{s.Paper.W - c.X - c.W + offset.W, c.Y + offset.H, c.W, c.H}
	}
	return out
}

// CropMarks returns the crop marks of a side whose cards sit in cells, as
// line segments (x1, y1, x2, y2): on every cut line, outside the cards and
// their bleed, as far as the paper has room for them.
func CropMarks(paper Size, cells []Rect, bleed float64) [][4]float64 {
	markOffset := max(bleed, 1)
	if len(cells) == 0 {
		return nil
	}
	xs, ys := map[float64]bool{}, map[float64]bool{}
	minX, minY, maxX, maxY := cells[0].X, cells[0].Y, cells[0].X+cells[0].W, cells[0].Y+cells[0].H
	for _, c := range cells {
		xs[round(c.X)], xs[round(c.X+c.W)] = true, true
		ys[round(c.Y)], ys[round(c.Y+c.H)] = true, true
		minX, minY = min(minX, c.X), min(minY, c.Y)
		maxX, maxY = max(maxX, c.X+c.W), max(maxY, c.Y+c.H)
	}
	var marks [][4]float64
	for x := range xs {
		if minY-markOffset-markLength >= 0 {
			marks = append(marks, [4]float64{x, minY - markOffset - markLength, x, minY - markOffset})
		}
		if maxY+markOffset+markLength <= paper.H {
			marks = append(marks, [4]float64{x, maxY + markOffset, x, maxY + markOffset + markLength})
		}
	}
	for y := range ys {
		if minX-markOffset-markLength >= 0 {
			marks = append(marks, [4]float64{minX - markOffset - markLength, y, minX - markOffset, y})
		}
		if maxX+markOffset+markLength <= paper.W {
			marks = append(marks, [4]float64{maxX + markOffset, y, maxX + markOffset + markLength, y})
		}
	}
	sortMarks(marks)
	return marks
}

func round(v float64) float64 { return float64(int(v*100+0.5)) / 100 }

// sortMarks orders marks so the PDF is the same every time.
func sortMarks(m [][4]float64) {
	less := func(a, b [4]float64) bool {
		for i := range a {
			if a[i] != b[i] {
				return a[i] < b[i]
			}
		}
		return false
	}
	for i := 1; i < len(m); i++ {
		for j := i; j > 0 && less(m[j], m[j-1]); j-- {
			m[j], m[j-1] = m[j-1], m[j]
		}
	}
}

// Back says what the back of the cards shows.
type Back int

const (
	BackContent Back = iota // pros, cons, what you will do, effect
	BackShared              // one design for all: the municipality
)

// Deck is what a card deck is drawn from: the cards, already in the deck's
// language.
type Deck struct {
	Context
	Cards    []cards.Card
	Paper    Size
	Format   Size
	Back     Back
	Bleed    float64 // Bleed, or 0 for cards that touch
	FoldOver bool    // front and back side by side, for single-sided printers
	Offset   Size    // moves the backs, in millimetres
	// Group adds the kit for group sessions: two instruction cards, blank
	// cards in each category's colour, and a worksheet (kit.go).
	Group bool
	// CatalogueDate is printed on each back, so a printed deck can be
	// matched to its catalogue (cards.Catalogue.Date).
	CatalogueDate time.Time
}

// WriteDeck draws a card deck: for duplex printing, a page of fronts and
// then a page of their backs, mirrored so each back lands behind its front;
// or, fold-over, each card's front and back side by side.
func WriteDeck(w io.Writer, dk Deck) error {
	if len(dk.Cards) == 0 {
		return fmt.Errorf("er zijn geen kaarten om af te drukken")
	}
	sheet, err := Layout(dk.Paper, dk.Format, dk.Bleed)
	if dk.FoldOver {
		sheet, err = foldOverLayout(dk.Paper, dk.Format, dk.Bleed)
	}
	if err != nil {
		return err
	}
	t := dk.T
	d := newDoc("P", fpdf.SizeType{Wd: sheet.Paper.W, Ht: sheet.Paper.H}, Meta{
		Title: t("deck.title"), Author: dk.Org.Name, Subject: t("deck.subject"), Lang: dk.Lang, Created: dk.Date,
	}, dk.RTL)
	cw := &cardWriter{doc: d, dk: dk, faces: map[faceKey]fpdf.Template{}, copies: map[string]int{}}
	items := make([]item, 0, len(dk.Cards))
	for _, c := range dk.Cards {
		items = append(items, item{c.ID, func(r Rect) { cw.front(c, r) }, func(r Rect) { cw.back(c, r) }})
	}
	if dk.Group {
		items = cw.kitItems(items, len(sheet.Cells))
	}
	for _, it := range items {
		cw.copies[it.id]++
	}
	per := len(sheet.Cells)
	for start := 0; start < len(items); start += per {
		batch := items[start:min(start+per, len(items))]
		d.AddPage()
		for i, it := range batch {
			cell := sheet.Cells[i]
			if dk.FoldOver {
				cw.fold = foldFront
				cw.face(it, false, Rect{cell.X, cell.Y, cell.W / 2, cell.H})
				cw.fold = foldBack
				cw.face(it, true, Rect{cell.X + cell.W/2, cell.Y, cell.W / 2, cell.H})
				cw.fold = noFold
			} else {
				cw.upright(sheet, cell, 90, func(r Rect) { cw.face(it, false, r) })
			}
		}
		cw.marks(sheet, sheet.Cells[:len(batch)])
		if dk.FoldOver {
			cw.foldLines(sheet, len(batch))
			continue
		}
		d.AddPage()
		backs := sheet.BackCells(dk.Offset)
		for i, it := range batch {
			// Turned the other way: after the sheet is flipped over its long
			// edge, the back's top lies behind the front's top.
			cw.upright(sheet, backs[i], -90, func(r Rect) { cw.face(it, true, r) })
		}
		cw.marks(sheet, backs[:len(batch)])
	}
	if dk.Group {
		cw.worksheet(dk.Paper)
	}
	return d.write(w)
}

// Turned reports whether the cards lie on their side on the sheet, because
// more of them fit that way.
func (s Sheet) Turned(format Size) bool { return s.Card.W != format.W }

// upright draws a card face in a cell. When the sheet has the cards on
// their side, the face is drawn in its own upright shape, turned by angle
// degrees (counter-clockwise) about the cell's centre to fill the cell.
func (cw *cardWriter) upright(s Sheet, cell Rect, angle float64, draw func(Rect)) {
	if !s.Turned(cw.dk.Format) {
		draw(cell)
		return
	}
	cx, cy := cell.X+cell.W/2, cell.Y+cell.H/2
	f := cw.dk.Format
	cw.TransformBegin()
	cw.TransformRotate(angle, cx, cy)
	draw(Rect{cx - f.W/2, cy - f.H/2, f.W, f.H})
	cw.TransformEnd()
}

// foldOverLayout places pairs of front and back side by side, to fold along
// the line between them, which keeps the back upright. A pair is not turned;
// when it fits better, the paper is (the page goes landscape).
func foldOverLayout(paper, card Size, bleed float64) (Sheet, error) {
	pair := Size{2 * card.W, card.H}
	best, err := layout(paper, pair, bleed, []Size{pair})
	if wide, werr := layout(Size{paper.H, paper.W}, pair, bleed, []Size{pair}); werr == nil && (err != nil || len(wide.Cells) > len(best.Cells)) {
		return wide, nil
	}
	return best, err
}

// cardWriter draws cards.
type cardWriter struct {
	*doc
	dk     Deck
	fold   foldSide
	faces  map[faceKey]fpdf.Template // faces of cards that the deck has more than once
	copies map[string]int            // how often the deck has each item
}

// item is one card to print: a card of the catalogue or, in a group kit,
// an instruction or a blank card. Items with the same id look the same.
type item struct {
	id          string
	front, back func(Rect)
}

// faceKey names one face of one card as drawn in one half of a pair.
type faceKey struct {
	id   string
	back bool
	fold foldSide
}

// face draws the front or the back of an item in r. An item the deck has
// more than once (a deck for group sessions has several sets) is drawn
// once, with its bleed, as a form that each copy refers to.
func (cw *cardWriter) face(it item, back bool, r Rect) {
	draw := it.front
	if back {
		draw = it.back
	}
	if cw.copies[it.id] < 2 {
		draw(r)
		return
	}
	b := cw.dk.Bleed
	size := fpdf.SizeType{Wd: r.W + 2*b, Ht: r.H + 2*b}
	key := faceKey{it.id, back, cw.fold}
	t, ok := cw.faces[key]
	if !ok {
		t = cw.CreateTemplateCustom(fpdf.PointType{}, size, func(tpl *fpdf.Tpl) {
			cw.drawInto(tpl, func() { draw(Rect{b, b, r.W, r.H}) })
		})
		cw.faces[key] = t
	}
	cw.UseTemplateScaled(t, fpdf.PointType{X: r.X - b, Y: r.Y - b}, size)
}

// foldSide says which half of a fold-over pair is being drawn: the fold
// between them is not cut, so there is no bleed on that side.
type foldSide int

const (
	noFold    foldSide = iota
	foldFront          // left half: the fold is on its right
	foldBack           // right half: the fold is on its left
)

// clip limits drawing to the card and its bleed, so one card's background
// never runs over its neighbour's, nor over the other half of a fold-over
// pair.
func (cw *cardWriter) clip(r Rect, f func()) {
	b := cw.dk.Bleed
	left, right := b, b
	switch cw.fold {
	case foldFront:
		right = 0
	case foldBack:
		left = 0
	}
	cw.ClipRect(r.X-left, r.Y-b, r.W+left+right, r.H+2*b, false)
	f()
	cw.ClipEnd()
}

// front: the category's colour band with its name, the pictogram, the title
// and the summary.
func (cw *cardWriter) front(c cards.Card, r Rect) {
	t := cw.dk.T
	cw.clip(r, func() {
		col := c.Category.Colour()
		band, b := r.H*0.16, cw.dk.Bleed
		cw.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
		cw.Rect(r.X-b, r.Y-b, r.W+2*b, band+b, "F") // the band runs into the bleed
		pad := r.W * 0.07
		cw.SetTextColor(255, 255, 255)
		st := style{size: r.W * 0.11, bold: true}
		cw.fitLine(r.X+pad, r.Y+band*0.66, r.W-2*pad, t("category."+string(c.Category)), st, alignCenter)
		cw.SetTextColor(0, 0, 0)
		icon := r.W * 0.42
		cw.pictogram(c.Pictogram, r.X+(r.W-icon)/2, r.Y+band+r.H*0.05, icon)
		y := r.Y + band + r.H*0.05 + icon + r.H*0.04
		y = cw.fitPara(r.X+pad, y, r.W-2*pad, r.Y+r.H*0.72, c.Title, style{size: r.W * 0.14, bold: true}, alignCenter)
		cw.fitPara(r.X+pad, y+r.H*0.02, r.W-2*pad, r.Y+r.H-pad, c.Summary, style{size: r.W * 0.11}, alignCenter)
	})
}

// back: the card's content (contentBack) or the shared back design, with
// the municipality at the foot.
func (cw *cardWriter) back(c cards.Card, r Rect) {
	t := cw.dk.T
	cw.clip(r, func() {
		col := c.Category.Colour()
		if cw.dk.Back == BackShared && cw.dk.Org.Colour != nil {
			col = *cw.dk.Org.Colour // one design for all cards: the municipality's
		}
		foot := cw.foot(col, r)
		if cw.dk.Back == BackShared {
			pad := r.W * 0.06
			icon := r.W * 0.5
			cw.pictogram("gesprek", r.X+(r.W-icon)/2, r.Y+r.H*0.2, icon)
			cw.fitLine(r.X+pad, r.Y+r.H*0.2+icon+r.H*0.1, r.W-2*pad, t("deck.shared"), style{size: r.W * 0.14, bold: true}, alignCenter)
			return
		}
		cw.contentBack(c, r, foot)
	})
}

// foot draws the foot band of a back in col, with the municipality's name
// and logo, and returns its height.
func (cw *cardWriter) foot(col cards.RGB, r Rect) float64 {
	pad := r.W * 0.06
	foot, b := r.H*0.085, cw.dk.Bleed
	cw.SetFillColor(int(col[0]), int(col[1]), int(col[2]))
	cw.Rect(r.X-b, r.Y+r.H-foot, r.W+2*b, foot+b, "F") // the foot runs into the bleed
	nameX, nameW := r.X+pad, r.W-2*pad
	if len(cw.dk.Org.Logo) > 0 {
		nameX, nameW = r.X+pad+foot, nameW-foot
	}
	cw.SetTextColor(255, 255, 255)
	cw.footName(Rect{nameX, r.Y + r.H - foot, nameW, foot}, max(minBackSize, r.W*0.09))
	cw.SetTextColor(0, 0, 0)
	cw.logo(r, foot)
	return foot
}

// footName sets the municipality's name in the foot band: on one line,
// smaller down to minBackSize when it is long, and otherwise on as many
// lines at minBackSize as the band holds.
func (cw *cardWriter) footName(band Rect, size float64) {
	name := cw.dk.Org.Name
	st := style{size: size, bold: true}
	for st.size > minBackSize && cw.textWidth(name, st) > band.W {
		st.size = max(minBackSize, st.size-0.25)
	}
	lines := cw.wrap(name, band.W, st)
	fit := max(1, int(band.H/st.lineHeight()))
	lines = lines[:min(len(lines), fit)]
	y := band.Y + (band.H-float64(len(lines))*st.lineHeight())/2
	for _, l := range lines {
		y += st.lineHeight()
		cw.line(band.X, y-st.lineHeight()*0.25, band.W, l, st, alignCenter)
	}
}

// logo draws the municipality's logo in the foot of a back.
func (cw *cardWriter) logo(r Rect, foot float64) {
	if len(cw.dk.Org.Logo) == 0 {
		return
	}
	opts := fpdf.ImageOptions{ImageType: imageType(cw.dk.Org.Logo)}
	cw.RegisterImageOptionsReader("logo", opts, bytes.NewReader(cw.dk.Org.Logo))
	h := foot * 0.7
	cw.ImageOptions("logo", r.X+r.W*0.05, r.Y+r.H-foot+(foot-h)/2, 0, h, false, fpdf.ImageOptions{ImageType: imageType(cw.dk.Org.Logo)}, 0, "")
}

// fitLine draws one line, smaller when it does not fit the width.
func (cw *cardWriter) fitLine(x, y, w float64, text string, st style, a align) {
	for st.size > 4 && cw.textWidth(text, st) > w {
		st.size -= 0.25
	}
	cw.line(x, y, w, text, st, a)
}

// fitPara draws wrapped text between y and bottom, smaller when it does not
// fit, and returns where it ended.
func (cw *cardWriter) fitPara(x, y, w, bottom float64, text string, st style, a align) float64 {
	lines := cw.wrap(text, w, st)
	for st.size > 4 && y+float64(len(lines))*st.lineHeight() > bottom {
		st.size -= 0.25
		lines = cw.wrap(text, w, st)
	}
	for _, l := range lines {
		y += st.lineHeight()
		cw.line(x, y-st.lineHeight()*0.25, w, l, st, a)
	}
	return y
}

// marks draws the crop marks of one side.
func (cw *cardWriter) marks(s Sheet, cells []Rect) {
	cw.SetDrawColor(0, 0, 0)
	cw.SetLineWidth(0.2)
	for _, m := range CropMarks(s.Paper, cells, s.Bleed) {
		cw.Line(m[0], m[1], m[2], m[3])
	}
}

// foldLines marks where a fold-over pair is folded: a dashed line.
func (cw *cardWriter) foldLines(s Sheet, n int) {
	cw.SetDrawColor(0x99, 0x99, 0x99)
	cw.SetLineWidth(0.2)
	cw.SetDashPattern([]float64{2, 2}, 0)
	for _, c := range s.Cells[:n] {
		cw.Line(c.X+c.W/2, c.Y, c.X+c.W/2, c.Y+c.H)
	}
	cw.SetDashPattern(nil, 0)
}
