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
	t := p.T
	d := newDoc("P", fpdf.SizeType{Wd: 210, Ht: 297}, Meta{
		Title: t("plan.title"), Author: p.Org.Name, Subject: t("plan.subject"), Lang: p.Lang, Created: p.Date, Archive: true,
	}, p.RTL)
	pl := &planWriter{doc: d, p: p}
	d.SetFooterFunc(pl.footer)
	d.AddPage()
	pl.y = planMargin
	pl.header()
	s := &p.Session

	pl.section("plan.goal", "motivatie")
	pl.para(orDash(s.Goal), planBody)
	if s.SubGoals != "" {
		pl.gap(1)
		pl.label("plan.steps")
		for _, step := range splitLines(s.SubGoals) {
			pl.para("• "+step, planBody)
		}
	}

	if o, ok := s.ChosenOption(); ok {
		pl.section("plan.choice", o.Card.Pictogram)
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
		pl.section("plan.why", "gesprek")
		pl.para("“"+s.Why+"”", planBody)
	}
	if len(s.Agreements) > 0 {
		pl.section("plan.agreements", "solliciteren")
		pl.agreements()
	}
	if s.NextAppointment != "" {
		pl.section("plan.next", "dagritme")
		pl.para(s.NextAppointment, planBody)
	}
	if contact := contactLine(t, p.Org); contact != "" {
		pl.section("plan.questions", "coach")
		pl.para(contact, planBody)
		if p.Dutch != nil {
			pl.dutchText(contactLine(p.Dutch, p.Org))
		}
	}
	pl.gap(4)
	pl.together()

	var buf bytes.Buffer
	if err := d.write(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
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
}

// need starts a new page when h millimetres do not fit on this one.
func (pl *planWriter) need(h float64) {
	if pl.y+h > planBottom {
		pl.AddPage()
		pl.y = planMargin
	}
}

func (pl *planWriter) gap(h float64) { pl.y += h }

// para draws wrapped text; long text flows onto the next page.
func (pl *planWriter) para(text string, st style) {
	lh := st.lineHeight()
	for _, line := range pl.wrap(text, planWidth, st) {
		pl.need(lh)
		pl.y += lh
		pl.line(planMargin, pl.y-lh*0.25, planWidth, line, st, alignStart)
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
// message id.
func (pl *planWriter) section(id, pictogram string) {
	const icon = 12.0
	pl.need(icon + 2*planBody.lineHeight())
	pl.y += 5
	x, tx := planMargin, planMargin+icon+3
	if pl.rtl {
		x, tx = planMargin+planWidth-icon, planMargin
	}
	pl.pictogram(pictogram, x, pl.y, icon)
	pl.accentText()
	pl.line(tx, pl.y+icon*0.7, planWidth-icon-3, pl.p.T(id), planHeading, alignStart)
	pl.SetTextColor(0, 0, 0)
	if pl.p.Dutch != nil {
		pl.line(tx, pl.y+icon*0.7+planDutch.lineHeight(), planWidth-icon-3, pl.p.Dutch(id), planDutch, alignStart)
		pl.y += planDutch.lineHeight()
	}
	pl.y += icon + 2
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
	pl.line(planMargin, pl.y, planWidth, t("plan.title"), planTitle, alignStart)
	pl.SetTextColor(0, 0, 0)
	if pl.p.Dutch != nil {
		pl.y += 6
		pl.SetTextColor(0x55, 0x55, 0x55)
		pl.line(planMargin, pl.y, planWidth, pl.p.Dutch("plan.title"), planHeading, alignStart)
		pl.SetTextColor(0, 0, 0)
	}
	pl.y += 8
	for i, l := range pl.wrap(t("plan.for", map[string]any{"Name": pl.p.Client.Name, "Date": date(pl.p.Date)}), planWidth, planBody) {
		if i > 0 {
			pl.y += planBody.lineHeight()
		}
		pl.line(planMargin, pl.y, planWidth, l, planBody, alignStart)
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
	h := float64(len(lines))*planHeading.lineHeight() + float64(len(dutch))*planDutch.lineHeight() + 8
	pl.need(h)
	light := cards.RGB{0xE3, 0xF1, 0xE8}
	if c := pl.p.Org.Colour; c != nil {
		light = tintRGB(*c, 0.88)
	}
	pl.SetFillColor(int(light[0]), int(light[1]), int(light[2]))
	pl.RoundedRect(planMargin, pl.y, planWidth, h, 3, "1234", "F")
	y := pl.y + 4
	for _, l := range lines {
		y += planHeading.lineHeight()
		pl.line(planMargin+5, y-1.5, planWidth-10, l, planHeading, alignCenter)
	}
	for _, l := range dutch {
		y += planDutch.lineHeight()
		pl.line(planMargin+5, y-1.5, planWidth-10, l, planDutch, alignCenter)
	}
	pl.y += h
}

// footer numbers the pages.
func (pl *planWriter) footer() {
	pl.SetTextColor(0x55, 0x55, 0x55)
	pl.line(planMargin, 297-10, planWidth, pl.p.T("plan.page", map[string]any{"N": pl.PageNo(), "Total": "{nb}"}), planSmall, alignCenter)
	pl.SetTextColor(0, 0, 0)
}

// agreements draws who / what / before when as a table.
func (pl *planWriter) agreements() {
	t := pl.p.T
	cols := []float64{0.25 * planWidth, 0.5 * planWidth, 0.25 * planWidth}
	row := func(cells []string, st style) {
		r := pl.wrapRow(cells, cols, st)
		lh := st.lineHeight()
		// A row stays on one page unless it is longer than a page; then
		// it goes on over the next.
		pl.need(min(float64(r.lines)*lh+2, planBottom-planMargin))
		for k := range r.lines {
			pl.need(lh)
			pl.rowLine(r, k, planMargin, pl.y+lh-lh*0.25, cols, st)
			pl.y += lh
		}
		pl.y += 2
		pl.SetDrawColor(0xCC, 0xCC, 0xCC)
		pl.SetLineWidth(0.3)
		pl.Line(planMargin, pl.y-1, planMargin+planWidth, pl.y-1)
	}
	row([]string{t("plan.who"), t("plan.what"), t("plan.due")}, planBold)
	for _, a := range pl.p.Session.Agreements {
		row([]string{a.Who, a.What, a.Due}, planBody)
	}
}

// imageType tells PNG from JPEG by the first bytes.
func imageType(data []byte) string {
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		return "PNG"
	}
	return "JPG"
}
