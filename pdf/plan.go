package pdf

import (
	"bytes"
	"io"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Translate returns a message in the printable's language, filled in with
// data, as locales.Translator.T does.
type Translate func(id string, data ...any) string

// Context is what every printable shares: the municipality, the language
// and its direction, and the date it is made on.
type Context struct {
	Org  cards.Organisation
	Lang string
	RTL  bool
	T    Translate
	Date time.Time
}

// Plan is what the client's plan (doel-actieplan) is drawn from. The
// session's compared cards are already in the client's language. The
// professional's notes are in the session value but never printed.
type Plan struct {
	Context
	Client  cards.Client
	Session cards.Session
	// Dutch, when set, makes the plan two-language: every heading and
	// fixed text has the Dutch beneath it, for a Dutch-speaking helper.
	// What the professional typed stays as typed.
	Dutch Translate
}

// Page geometry of the plan, in millimetres: A4 portrait.
const (
	planMargin = 18.0
	planWidth  = 210.0 - 2*planMargin
	planBottom = 297.0 - 20
)

var (
	planBody    = style{size: 12.5}
	planBold    = style{size: 12.5, bold: true}
	planHeading = style{size: 16, bold: true}
	planTitle   = style{size: 24, bold: true}
	planSmall   = style{size: 10}
	planDutch   = style{size: 9.5}
)

// WritePlan draws the plan, A4 portrait, in plain language, with
// pictograms: goal, choice and what mattered, why, agreements, the next
// appointment, whom to call, and that this was decided together. A BSN in
// any typed text is left out (cards.FindBSNs): the plan goes home with the
// client and is never a place for it.
func WritePlan(w io.Writer, p Plan) error {
	p.Session = p.Session.WithoutBSNs()
	p.Client.Name = cards.RemoveBSNs(p.Client.Name)
	pl := layoutPlan(p, -1)
	for _, at := range pl.keepClosing() {
		if again := layoutPlan(p, at); !again.closingAlone() {
			pl = again
			break
		}
	}
	var buf bytes.Buffer
	if err := pl.write(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// layoutPlan draws the plan, starting a page at the unit breakAt (see
// planWriter.need); -1 lets the text flow.
func layoutPlan(p Plan, breakAt int) *planWriter {
	t := p.T
	d := newDoc("P", fpdf.SizeType{Wd: 210, Ht: 297}, Meta{
		Title: t("plan.title"), Author: p.Org.Name, Subject: t("plan.subject"), Lang: p.Lang, Created: p.Date, Archive: true,
	}, p.RTL)
	pl := &planWriter{doc: d, p: p, breakAt: breakAt}
	d.SetFooterFunc(pl.footer)
	d.AddPage()
	pl.y = planMargin
	pl.header()
	s := &p.Session

	pl.section("plan.goal", "motivatie", 2*planBody.lineHeight())
	pl.para(orDash(s.Goal), planBody)
	if s.SubGoals != "" {
		pl.gap(1)
		pl.label("plan.steps")
		for _, step := range splitLines(s.SubGoals) {
			pl.para("• "+step, planBody)
		}
	}

	if o, ok := s.ChosenOption(); ok {
		pl.section("plan.choice", o.Card.Pictogram, 2*planBody.lineHeight())
		pl.para(o.Card.Title, planBold)
		pl.para(o.Card.Summary, planBody)
		pros, cons := mattered(o.Card.Pros, o.ProWeights), mattered(o.Card.Cons, o.ConWeights)
		if len(pros) > 0 {
			pl.gap(1)
			pl.label("plan.pros")
			for _, x := range pros {
				pl.para("+ "+x, planBody)
			}
		}
		if len(cons) > 0 {
			pl.gap(1)
			pl.label("plan.cons")
			for _, x := range cons {
				pl.para("– "+x, planBody)
			}
		}
	}
	if s.Why != "" {
		pl.section("plan.why", "gesprek", 2*planBody.lineHeight())
		pl.para("“"+s.Why+"”", planBody)
	}
	if len(s.Agreements) > 0 {
		pl.section("plan.agreements", "solliciteren", pl.tableStart())
		pl.agreements()
	}
	if s.NextAppointment != "" {
		pl.section("plan.next", "dagritme", 2*planBody.lineHeight())
		pl.para(s.NextAppointment, planBody)
	}
	pl.closing = len(pl.units)
	if contact := contactLine(t, p.Org); contact != "" {
		pl.section("plan.questions", "coach", 2*planBody.lineHeight())
		pl.para(contact, planBody)
		if p.Dutch != nil {
			pl.dutchText(contactLine(p.Dutch, p.Org))
		}
	}
	pl.gap(4)
	pl.together()
	return pl
}

// mattered returns the points the client weighed 2 or 3, most important
// first; when none were weighed that high, all of them.
func mattered(points []string, weights []int) []string {
	type wp struct {
		w int
		p string
	}
	var top []wp
	for i, p := range points {
		if i < len(weights) && weights[i] >= 2 {
			top = append(top, wp{weights[i], p})
		}
	}
	if len(top) == 0 {
		return points
	}
	slices.SortStableFunc(top, func(a, b wp) int { return b.w - a.w })
	out := make([]string, len(top))
	for i, x := range top {
		out[i] = x.p
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func splitLines(s string) []string {
	var out []string
	for _, l := range bytes.Split([]byte(s), []byte("\n")) {
		if t := string(bytes.TrimSpace(l)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// planWriter keeps the cursor while the plan flows over its pages.
type planWriter struct {
	*doc
	p Plan
	y float64
	// units has the page of every piece that need placed: a line, a row,
	// a section's heading. Drawn again with the same plan, the pieces come
	// in the same order, so their numbers say where a page may start.
	units    []int
	sections []int // the units that start a section
	closing  int   // the unit that starts the plan's end: whom to call, and that it was decided together
	breakAt  int   // the unit that starts a page; -1 for none
}

// need starts a new page when h millimetres do not fit on this one, or
// when this unit is to start one; it reports whether it did.
func (pl *planWriter) need(h float64) bool {
	newPage := len(pl.units) == pl.breakAt && pl.y > planMargin || pl.y+h > planBottom
	if newPage {
		pl.AddPage()
		pl.y = planMargin
	}
	pl.units = append(pl.units, pl.PageNo())
	return newPage
}

// closingAlone reports whether the plan's end is on a page without
// anything else from the plan, or is torn over two pages.
func (pl *planWriter) closingAlone() bool {
	if pl.closing == 0 || pl.closing >= len(pl.units) {
		return false
	}
	last := pl.units[len(pl.units)-1]
	return pl.units[pl.closing] != last || pl.units[pl.closing-1] != last
}

// keepClosing returns where a new page could start so that the plan's end
// does not stand alone: before the section above it, unless that is the
// first; or else before the last two pieces above it.
func (pl *planWriter) keepClosing() []int {
	if !pl.closingAlone() {
		return nil
	}
	var at []int
	if n := len(pl.sections); n > 1 {
		for i := n - 1; i > 0; i-- {
			if pl.sections[i] < pl.closing {
				at = append(at, pl.sections[i])
				break
			}
		}
	}
	if pl.closing >= 3 {
		at = append(at, pl.closing-2)
	}
	return at
}

func (pl *planWriter) gap(h float64) { pl.y += h }

// para draws wrapped text; long text flows onto the next page. Each line
// takes the room its scripts need (lineBox).
func (pl *planWriter) para(text string, st style) {
	for _, line := range pl.wrap(text, planWidth, st) {
		above, below := lineBox(line, st)
		pl.need(above + below)
		pl.line(planMargin, pl.y+above, planWidth, line, st, alignStart)
		pl.y += above + below
	}
}

// accentText sets the municipality's colour for a heading, when it has
// one; black otherwise.
func (pl *planWriter) accentText() {
	if c := pl.p.Org.Colour; c != nil {
		pl.SetTextColor(int(c[0]), int(c[1]), int(c[2]))
	}
}

// section starts a part of the plan with a pictogram and the heading of
// message id; it goes to the next page unless follow millimetres of what
// comes under it fit beneath it.
func (pl *planWriter) section(id, pictogram string, follow float64) {
	const icon = 12.0
	pl.sections = append(pl.sections, len(pl.units))
	h := 5 + icon + 2 + follow
	if pl.p.Dutch != nil {
		h += planDutch.lineHeight()
	}
	pl.need(h)
	pl.y += 5
	x, tx := planMargin, planMargin+icon+3
	if pl.rtl {
		x, tx = planMargin+planWidth-icon, planMargin
	}
	pl.pictogram(pictogram, x, pl.y, icon)
	pl.accentText()
	heading := pl.p.T(id)
	base := pl.y + icon*0.7
	pl.line(tx, base, planWidth-icon-3, heading, planHeading, alignStart)
	pl.SetTextColor(0, 0, 0)
	end := pl.y + icon + 2
	if pl.p.Dutch != nil {
		// The Dutch clears the ink of the heading above it, and the text
		// after it keeps the distance it has in a plan of one language.
		dutch := pl.p.Dutch(id)
		_, below := lineBox(heading, planHeading)
		above, dutchBelow := lineBox(dutch, planDutch)
		dutchBase := base + below + above
		pl.line(tx, dutchBase, planWidth-icon-3, dutch, planDutch, alignStart)
		end = max(end+planDutch.lineHeight(), dutchBase+dutchBelow+4.5)
	}
	pl.y = end
}

// label is a bold line of message id, with the Dutch beneath in a
// two-language plan.
func (pl *planWriter) label(id string) {
	pl.para(pl.p.T(id), planBold)
	pl.dutch(id)
}

// dutch draws the Dutch of message id beneath the client's language, in a
// two-language plan; in another plan nothing.
func (pl *planWriter) dutch(id string, data ...any) {
	if pl.p.Dutch != nil {
		pl.dutchText(pl.p.Dutch(id, data...))
	}
}

// dutchText draws Dutch text beneath the client's language, in grey.
func (pl *planWriter) dutchText(text string) {
	pl.SetTextColor(0x55, 0x55, 0x55)
	pl.para(text, planDutch)
	pl.SetTextColor(0, 0, 0)
}

// header is the title, the client's name and the date, with the
// municipality's name and logo.
func (pl *planWriter) header() {
	t := pl.p.T
	if len(pl.p.Org.Logo) > 0 {
		opts := fpdf.ImageOptions{ImageType: imageType(pl.p.Org.Logo)}
		pl.RegisterImageOptionsReader("logo", opts, bytes.NewReader(pl.p.Org.Logo))
		x := planMargin + planWidth - 30
		if pl.rtl {
			x = planMargin
		}
		pl.ImageOptions("logo", x, pl.y, 30, 0, false, opts, 0, "")
	}
	pl.line(planMargin, pl.y+4, planWidth, pl.p.Org.Name, planSmall, alignStart)
	pl.y += 16
	pl.accentText()
	title := t("plan.title")
	pl.line(planMargin, pl.y, planWidth, title, planTitle, alignStart)
	pl.SetTextColor(0, 0, 0)
	last, lastSt := title, planTitle // the line above, whose ink the next must clear
	if pl.p.Dutch != nil {
		dutch := pl.p.Dutch("plan.title")
		_, below := lineBox(title, planTitle)
		above, _ := lineBox(dutch, planHeading)
		pl.y += max(6, below+above)
		pl.SetTextColor(0x55, 0x55, 0x55)
		pl.line(planMargin, pl.y, planWidth, dutch, planHeading, alignStart)
		pl.SetTextColor(0, 0, 0)
		last, lastSt = dutch, planHeading
	}
	for i, l := range pl.wrap(t("plan.for", map[string]any{"Name": pl.p.Client.Name, "Date": date(pl.p.Date)}), planWidth, planBody) {
		_, below := lineBox(last, lastSt)
		above, _ := lineBox(l, planBody)
		if i == 0 {
			pl.y += max(8, below+above)
		} else {
			pl.y += below + above
		}
		pl.line(planMargin, pl.y, planWidth, l, planBody, alignStart)
		last, lastSt = l, planBody
	}
	pl.y += 3
	pl.SetDrawColor(0x1E, 0x7A, 0x46)
	pl.SetLineWidth(0.8)
	pl.Line(planMargin, pl.y, planMargin+planWidth, pl.y)
}

// together closes the plan with the line that it was decided together.
func (pl *planWriter) together() {
	lines := pl.wrap(pl.p.T("plan.together"), planWidth-10, planHeading)
	var dutch []string
	if pl.p.Dutch != nil {
		dutch = pl.wrap(pl.p.Dutch("plan.together"), planWidth-10, planDutch)
	}
	type boxed struct {
		text         string
		st           style
		above, below float64
	}
	var all []boxed
	h := 8.0
	for _, l := range lines {
		a, b := lineBox(l, planHeading)
		all = append(all, boxed{l, planHeading, a, b})
		h += a + b
	}
	for _, l := range dutch {
		a, b := lineBox(l, planDutch)
		all = append(all, boxed{l, planDutch, a, b})
		h += a + b
	}
	pl.need(h)
	light := cards.RGB{0xE3, 0xF1, 0xE8}
	if c := pl.p.Org.Colour; c != nil {
		light = tintRGB(*c, 0.88)
	}
	pl.SetFillColor(int(light[0]), int(light[1]), int(light[2]))
	pl.RoundedRect(planMargin, pl.y, planWidth, h, 3, "1234", "F")
	y := pl.y + 4
	for _, l := range all {
		pl.line(planMargin+5, y+l.above, planWidth-10, l.text, l.st, alignCenter)
		y += l.above + l.below
	}
	pl.y += h
}

// footer numbers the pages.
func (pl *planWriter) footer() {
	pl.SetTextColor(0x55, 0x55, 0x55)
	pl.line(planMargin, 297-10, planWidth, pl.p.T("plan.page", map[string]any{"N": pl.PageNo(), "Total": "{nb}"}), planSmall, alignCenter)
	pl.SetTextColor(0, 0, 0)
}

// agreementCols are the widths of the columns who, what and before when.
var agreementCols = []float64{0.25 * planWidth, 0.5 * planWidth, 0.25 * planWidth}

// agreementRow wraps the cells of a row of agreements.
func (pl *planWriter) agreementRow(cells []string, st style) tableRow {
	return pl.wrapRow(cells, agreementCols, st)
}

// rowHeight is the height of a row, up to its first lines lines.
func rowHeight(r tableRow, st style, lines int) float64 {
	h := 2.0
	for k := range min(r.lines, lines) {
		a, b := r.lineBox(k, st)
		h += a + b
	}
	return h
}

// tableStart is the height of the agreements' header and of the first
// lines of their first row, which stay together.
func (pl *planWriter) tableStart() float64 {
	t := pl.p.T
	h := rowHeight(pl.agreementRow([]string{t("plan.who"), t("plan.what"), t("plan.due")}, planBold), planBold, 3)
	if as := pl.p.Session.Agreements; len(as) > 0 {
		h += rowHeight(pl.agreementRow([]string{as[0].Who, as[0].What, as[0].Due}, planBody), planBody, 3)
	}
	return h
}

// agreements draws who / what / before when as a table. On every page it
// goes on to, its header comes again.
func (pl *planWriter) agreements() {
	t := pl.p.T
	header := pl.agreementRow([]string{t("plan.who"), t("plan.what"), t("plan.due")}, planBold)
	var row func(r tableRow, st style, isHeader bool)
	row = func(r tableRow, st style, isHeader bool) {
		// A row stays on one page unless it is longer than a page; then
		// it goes on over the next. The header stays with the first row.
		h := rowHeight(r, st, r.lines)
		if isHeader {
			h = pl.tableStart()
		}
		newPage := pl.need(min(h, planBottom-planMargin))
		for k := range r.lines {
			above, below := r.lineBox(k, st)
			if pl.need(above+below) || newPage {
				if !isHeader {
					row(header, planBold, true)
				}
			}
			newPage = false
			pl.rowLine(r, k, planMargin, pl.y+above, agreementCols, st)
			pl.y += above + below
		}
		pl.y += 2
		pl.SetDrawColor(0xCC, 0xCC, 0xCC)
		pl.SetLineWidth(0.3)
		pl.Line(planMargin, pl.y-1, planMargin+planWidth, pl.y-1)
	}
	row(header, planBold, true)
	for _, a := range pl.p.Session.Agreements {
		row(pl.agreementRow([]string{a.Who, a.What, a.Due}, planBody), planBody, false)
	}
}

// imageType tells PNG from JPEG by the first bytes.
func imageType(data []byte) string {
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		return "PNG"
	}
	return "JPG"
}
