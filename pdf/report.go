package pdf

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Report is the gespreksverslag: one conversation as it goes into the
// municipality's case system, in the interface language (nl or en). It
// has every step with every field, the professional's notes (marked as
// such), the compared cards with the client's weights, the SURE answers,
// the decision and the agreements. Unlike the plan, it is written for the
// file, not for the client. The session's compared cards are already in
// the report's language.
type Report struct {
	Context
	Client       cards.Client
	Session      cards.Session
	PreviousDate time.Time // when the session this one follows up started; zero when unknown or none
	Professional string    // who printed it, for the footer
	// Professionals work with the client in a team: the holder, then
	// colleagues of a duo intake. Empty on a laptop.
	Professionals []string
	Version       string // the app's version, for the footer
	// ClientMarks makes the inzage variant: every field says whether the
	// client view showed it to the client (cards.Session.ClientSees).
	ClientMarks bool
}

// Page geometry of the report, in millimetres: A4 portrait.
const (
	repMargin = 18.0
	repWidth  = 210.0 - 2*repMargin
	repBottom = 297.0 - 24 // the footer is below
	repIndent = 4.0        // values under their label
	repWeight = 42.0       // the column with a point's weight
)

var (
	repBody    = style{size: 10}
	repBold    = style{size: 10, bold: true}
	repLabel   = style{size: 9, bold: true}
	repHeading = style{size: 12.5, bold: true}
	repTitle   = style{size: 20, bold: true}
	repSmall   = style{size: 8}
	repTag     = style{size: 7}
)

// Colours of the report.
var (
	repGreen    = [3]int{0x1E, 0x7A, 0x46}
	repStepFill = [3]int{0xE3, 0xF1, 0xE8}
	repNoteFill = [3]int{0xFF, 0xF3, 0xC4} // as the notes on screen: yellow
	repGrey     = [3]int{0x55, 0x55, 0x55}
	repSeenFill = [3]int{0xD6, 0xEA, 0xF8}
	repOnlyFill = [3]int{0xEE, 0xE4, 0xD0}
)

// visibility is what a field's mark says in the inzage variant.
type visibility int

const (
	noMark    visibility = iota // a heading or a fact about the conversation
	seen                        // the client view showed it
	staffOnly                   // only the professional saw it
)

// WriteReport draws the gespreksverslag, A4 portrait. Long text flows on
// to more pages; every page has a footer with the date printed, the
// professional, the app's version and "page N of M".
func WriteReport(w io.Writer, r Report) error {
	// The first pass counts the pages, so that the footer can say of how
	// many; the footer itself never moves the text.
	first := drawReport(r, 0)
	if err := first.Error(); err != nil {
		return first.write(w) // returns the error in Dutch
	}
	return drawReport(r, first.PageNo()).write(w)
}

// drawReport draws the whole report; total is the number of pages, or 0
// when not known yet.
func drawReport(r Report, total int) *doc {
	t := r.T
	d := newDoc("P", fpdf.SizeType{Wd: 210, Ht: 297}, Meta{
		Title: t("report.title") + " " + r.Client.Name, Author: r.Org.Name, Subject: t("report.subject"), Lang: r.Lang, Created: r.Date, Archive: true,
	}, r.RTL)
	rw := &reportWriter{doc: d, r: r, total: total}
	d.SetFooterFunc(rw.footer)
	d.AddPage()
	rw.y = repMargin
	rw.header()
	for step := 1; step <= cards.Steps; step++ {
		rw.step(step)
	}
	return d
}

// reportWriter keeps the cursor while the report flows over its pages.
type reportWriter struct {
	*doc
	r     Report
	y     float64
	total int
}

func (rw *reportWriter) s() *cards.Session { return &rw.r.Session }

func (rw *reportWriter) fill(c [3]int)  { rw.SetFillColor(c[0], c[1], c[2]) }
func (rw *reportWriter) color(c [3]int) { rw.SetTextColor(c[0], c[1], c[2]) }
func (rw *reportWriter) black()         { rw.SetTextColor(0, 0, 0) }

// need starts a new page when h millimetres do not fit on this one.
func (rw *reportWriter) need(h float64) {
	if rw.y+h > repBottom {
		rw.AddPage()
		rw.y = repMargin
	}
}

func (rw *reportWriter) gap(h float64) { rw.y += h }

// para draws wrapped text from x, width w; long text flows onto the next
// page. With a background colour, each line is drawn on it, so that a note
// stays marked over a page break.
func (rw *reportWriter) para(text string, x, w float64, st style, bg *[3]int) {
	lh := st.lineHeight()
	for _, line := range rw.wrap(text, w, st) {
		rw.need(lh)
		if bg != nil {
			rw.fill(*bg)
			rw.Rect(x-1.5, rw.y, w+3, lh, "F")
		}
		rw.y += lh
		rw.line(x, rw.y-lh*0.28, w, line, st, alignStart)
	}
}

// tag draws a field's mark at the end of the line whose top is y, and
// returns its width (0 when there is none).
func (rw *reportWriter) tag(v visibility, y float64) float64 {
	if !rw.r.ClientMarks || v == noMark {
		return 0
	}
	text, bg := rw.r.T("report.seen"), repSeenFill
	if v == staffOnly {
		text, bg = rw.r.T("report.staffonly"), repOnlyFill
	}
	w := rw.textWidth(text, repTag) + 3
	x := repMargin + repWidth - w
	if rw.rtl {
		x = repMargin
	}
	rw.fill(bg)
	rw.RoundedRect(x, y+0.4, w, repTag.lineHeight()+1, 1, "1234", "F")
	rw.line(x+1.5, y+0.4+repTag.lineHeight()*0.8, w-3, text, repTag, alignStart)
	return w + 2
}

// label draws a field's label with its mark.
func (rw *reportWriter) label(text string, v visibility) {
	lines := rw.wrap(text, repWidth-30, repLabel)
	rw.need(float64(len(lines))*repLabel.lineHeight() + repBody.lineHeight())
	rw.tag(v, rw.y)
	rw.color(repGrey)
	rw.para(text, repMargin, repWidth-30, repLabel, nil)
	rw.black()
}

// field draws a label with its value under it; an empty value is a dash.
func (rw *reportWriter) field(label, value string, v visibility) {
	rw.label(label, v)
	rw.para(orDash(value), repMargin+repIndent, repWidth-repIndent, repBody, nil)
	rw.gap(1.8)
}

// keyed draws the field of a session value, marked by whether the client
// sees it.
func (rw *reportWriter) keyed(label, value, key string) {
	rw.field(label, value, rw.visibility(key))
}

func (rw *reportWriter) visibility(key string) visibility {
	if rw.s().ClientSees(key) {
		return seen
	}
	return staffOnly
}

// answer is how a yes/no answer reads.
func (rw *reportWriter) answer(a cards.Answer) string {
	switch a {
	case cards.AnswerYes:
		return rw.r.T("answer.yes")
	case cards.AnswerNo:
		return rw.r.T("answer.no")
	}
	return ""
}

// header is the title and what the report is about.
func (rw *reportWriter) header() {
	r, t := rw.r, rw.r.T
	if len(r.Org.Logo) > 0 {
		opts := fpdf.ImageOptions{ImageType: imageType(r.Org.Logo)}
		rw.RegisterImageOptionsReader("logo", opts, bytes.NewReader(r.Org.Logo))
		x := repMargin + repWidth - 25
		if rw.rtl {
			x = repMargin
		}
		rw.ImageOptions("logo", x, rw.y, 25, 0, false, opts, 0, "")
	}
	rw.line(repMargin, rw.y+4, repWidth-30, r.Org.Name, repSmall, alignStart)
	rw.y += 14
	rw.line(repMargin, rw.y, repWidth-30, t("report.title"), repTitle, alignStart)
	rw.y += 6
	rw.line(repMargin, rw.y, repWidth, t("report.subject"), repBody, alignStart)
	rw.y += 3
	rw.SetDrawColor(repGreen[0], repGreen[1], repGreen[2])
	rw.SetLineWidth(0.6)
	rw.Line(repMargin, rw.y, repMargin+repWidth, rw.y)
	rw.y += 3

	s := rw.s()
	kind := t("report.kind.first")
	if s.PreviousID != 0 {
		kind = t("report.kind.followup")
		if !r.PreviousDate.IsZero() {
			kind = t("report.kind.followupof", map[string]any{"Date": date(r.PreviousDate)})
		}
	}
	facts := [][2]string{
		{t("report.client"), r.Client.Name},
		{t("report.reference"), orDash(r.Client.Reference)},
		{t("report.session"), t("report.session.value", map[string]any{"ID": s.ID, "Date": date(s.Started)})},
		{t("report.updated"), s.Updated.Format("2-1-2006 15:04")},
		{t("report.kind"), kind},
		{t("report.reached"), t("step.title", map[string]any{"N": s.Step, "Name": t("report.step." + strconv.Itoa(s.Step))})},
	}
	if len(r.Professionals) > 0 {
		facts = append(facts, [2]string{t("report.professionals"), strings.Join(r.Professionals, ", ")})
	}
	const keyW = 42.0
	for _, f := range facts {
		lines := rw.wrap(f[1], repWidth-keyW, repBody)
		rw.need(float64(len(lines)) * repBody.lineHeight())
		y := rw.y
		rw.color(repGrey)
		rw.line(repMargin, y+repBody.lineHeight()*0.72, keyW, f[0], repLabel, alignStart)
		rw.black()
		rw.para(f[1], repMargin+keyW, repWidth-keyW, repBody, nil)
	}
	rw.gap(2)
	legend := t("report.notes.legend")
	if r.ClientMarks {
		legend = t("report.legend", map[string]any{"Seen": t("report.seen"), "Only": t("report.staffonly")}) + " " + legend
	}
	rw.color(repGrey)
	rw.para(legend, repMargin, repWidth, repSmall, nil)
	rw.black()
}

// stepHeading starts a step on a coloured band; it moves to a new page
// first when the band and a few lines after it do not fit.
func (rw *reportWriter) stepHeading(step int) {
	t := rw.r.T
	const h = 8.0
	rw.gap(4)
	rw.need(h + 4*repBody.lineHeight())
	rw.fill(repStepFill)
	rw.Rect(repMargin, rw.y, repWidth, h, "F")
	rw.fill(repGreen)
	start := repMargin
	if rw.rtl {
		start = repMargin + repWidth - 1.5
	}
	rw.Rect(start, rw.y, 1.5, h, "F")
	title := t("step.title", map[string]any{"N": step, "Name": t("report.step." + strconv.Itoa(step))})
	rw.line(repMargin+4, rw.y+h*0.68, repWidth-8, title, repHeading, alignStart)
	rw.y += h + 2.5
}

// note draws the professional's note of a step on yellow, labelled as
// theirs; it is never shown to the client.
func (rw *reportWriter) note(step int) {
	rw.gap(0.5)
	text := rw.s().Notes[step]
	rw.need(repLabel.lineHeight() + 2*repBody.lineHeight())
	rw.fill(repNoteFill)
	lh := repLabel.lineHeight()
	rw.Rect(repMargin-1.5, rw.y, repWidth+3, lh+0.5, "F")
	rw.tag(staffOnly, rw.y)
	rw.line(repMargin, rw.y+lh*0.75, repWidth-30, rw.r.T("report.note"), repLabel, alignStart)
	rw.y += lh + 0.5
	bg := repNoteFill
	rw.para(orDash(text), repMargin, repWidth, repBody, &bg)
	rw.gap(1.8)
}

// step draws one of the seven steps with all its fields and its note.
func (rw *reportWriter) step(n int) {
	t, s := rw.r.T, rw.s()
	rw.stepHeading(n)
	switch n {
	case cards.StepPrepare:
		rw.keyed(t("report.expectations"), s.Expectations, cards.KeyExpectations)
		rw.keyed(t("report.needs"), s.Needs, cards.KeyNeeds)
	case cards.StepSituation:
		rw.situation()
	case cards.StepDrivers:
		rw.drivers()
	case cards.StepGoal:
		rw.keyed(t("report.goal"), s.Goal, cards.KeyGoal)
		names := make([]string, len(s.Goals))
		for i, g := range s.Goals {
			names[i] = t("goal." + string(g))
		}
		rw.keyed(t("report.goals"), strings.Join(names, ", "), cards.KeyGoals)
		rw.keyed(t("report.feasible"), s.Feasible, cards.KeyFeasible)
		steps := splitLines(s.SubGoals)
		for i := range steps {
			steps[i] = "• " + steps[i]
		}
		rw.keyed(t("report.subgoals"), strings.Join(steps, "\n"), cards.KeySubGoals)
	case cards.StepOptions:
		rw.options()
	case cards.StepDecide:
		rw.decide()
	case cards.StepEvaluate:
		if s.PreviousID == 0 {
			rw.field(t("report.review"), t("report.review.later"), noMark)
		} else {
			rw.keyed(t("report.review"), s.Review, cards.KeyReview)
			rw.keyed(t("report.goalright"), rw.answer(s.GoalStillRight), cards.KeyGoalStillRight)
		}
	}
	rw.note(n)
}

// situation is step 2: each life area with its mark and note, what the
// cards are matched on, and whether the client recognises the picture.
func (rw *reportWriter) situation() {
	t, s := rw.r.T, rw.s()
	for _, a := range cards.LifeAreas {
		area := s.Areas[a]
		var parts []string
		if area.Mark != "" {
			parts = append(parts, t("mark."+string(area.Mark))+".")
		}
		if area.Note != "" {
			parts = append(parts, area.Note)
		}
		rw.keyed(t("area."+string(a)), strings.Join(parts, " "), cards.KeyAreaNote(a))
	}
	p := s.Profile
	age, exp, lang := "—", "—", "—"
	if p.Age > 0 {
		age = strconv.Itoa(p.Age)
	}
	if p.WorkExperience != "" {
		exp = t("experience." + string(p.WorkExperience))
	}
	switch p.Language {
	case "":
	case cards.LanguageNone:
		lang = t("language.geen")
	default:
		lang = string(p.Language)
	}
	rw.keyed(t("report.profile"), t("report.profile.value", map[string]any{"Age": age, "Experience": exp, "Language": lang}), cards.KeyAge)
	rw.keyed(t("report.recognised"), rw.answer(s.Recognised), cards.KeyRecognised)
}

// drivers is step 3: per IGM factor what helps and what holds the client
// back, and which factors the client wants to work on.
func (rw *reportWriter) drivers() {
	t, s := rw.r.T, rw.s()
	names := make([]string, len(s.WorkOn))
	for i, f := range s.WorkOn {
		names[i] = t("factor." + string(f))
	}
	rw.keyed(t("report.workon"), strings.Join(names, ", "), cards.KeyWorkOn)
	for i, f := range cards.Factors {
		group := t("report.willen")
		if i >= 3 {
			group = t("report.kunnen")
		}
		label := t("factor."+string(f)) + " (" + group + ")"
		for _, w := range s.WorkOn {
			if w == f {
				label += " · " + t("report.factor.workon")
			}
		}
		d := s.Drivers[f]
		value := t("report.helps") + ": " + orDash(d.Helps) + "\n" + t("report.holdsback") + ": " + orDash(d.HoldsBack)
		rw.keyed(label, value, cards.KeyDriverHelps(f))
	}
}

// options is step 5: the compared cards, each pro and con with how much it
// matters to the client, and the totals.
func (rw *reportWriter) options() {
	t, s := rw.r.T, rw.s()
	if len(s.Options) == 0 {
		rw.field(t("report.options"), t("report.options.none"), noMark)
		return
	}
	rw.label(t("report.options"), seen)
	rw.gap(1)
	for i := range s.Options {
		o := &s.Options[i]
		title := o.Card.Title + " · " + t("category."+string(o.Card.Category))
		if o.Card.ID == s.Decision {
			title += " · " + t("report.option.chosen")
		}
		rw.need(3 * repBody.lineHeight())
		c := o.Card.Category.Colour()
		rw.SetFillColor(int(c[0]), int(c[1]), int(c[2]))
		rw.Rect(repMargin, rw.y+0.8, 1.2, repBold.lineHeight()-0.6, "F")
		rw.para(title, repMargin+repIndent, repWidth-repIndent, repBold, nil)
		rw.points(t("row.pros"), "+ ", o.Card.Pros, o.ProWeights)
		rw.points(t("row.cons"), "– ", o.Card.Cons, o.ConWeights)
		pros, cons := o.Weighed()
		rw.para(t("step5.total", map[string]any{"Pros": pros, "Cons": cons}), repMargin+repIndent, repWidth-repIndent, repBold, nil)
		rw.gap(2.5)
	}
}

// points lists pros or cons with the client's weight of each.
func (rw *reportWriter) points(title, bullet string, points []string, weights []int) {
	t := rw.r.T
	x := repMargin + repIndent
	rw.need(repLabel.lineHeight() + repBody.lineHeight())
	rw.color(repGrey)
	rw.para(title, x, repWidth-repIndent, repLabel, nil)
	rw.black()
	for i, p := range points {
		w := -1
		if i < len(weights) {
			w = weights[i]
		}
		weight := t("report.unweighed")
		if w >= 0 {
			weight = t("report.weight", map[string]any{"W": w, "Label": strings.ToLower(t("cv.weight." + strconv.Itoa(w)))})
		}
		rw.row(bullet+p, weight, x, repWidth-repIndent)
	}
}

// row draws text with a short value at the end of its first line, such as
// a weight or an answer.
func (rw *reportWriter) row(text, value string, x, width float64) {
	lh := repBody.lineHeight()
	lines := rw.wrap(text, width-repWeight-2, repBody)
	rw.need(lh)
	vx := x + width - repWeight
	if rw.rtl {
		vx = x
	}
	rw.line(vx, rw.y+lh*0.72, repWeight, value, repBold, alignStart)
	if rw.rtl {
		x += repWeight + 2
	}
	rw.para(strings.Join(lines, "\n"), x, width-repWeight-2, repBody, nil)
}

// decide is step 6: the SURE test, the decision and why, the agreements and
// the next appointment.
func (rw *reportWriter) decide() {
	t, s := rw.r.T, rw.s()
	rw.label(t("report.sure"), seen)
	for i, a := range s.Sure {
		rw.row(t("sure."+strconv.Itoa(i+1)), orDash(rw.answer(a)), repMargin+repIndent, repWidth-repIndent)
	}
	answered := 0
	for _, a := range s.Sure {
		if a != cards.AnswerNone {
			answered++
		}
	}
	var score string
	switch {
	case answered < len(s.Sure):
		score = t("report.sure.score", map[string]any{"Score": s.SureScore()}) + " " + t("report.sure.open")
	case !s.SureReady():
		score = t("sure.notready", map[string]any{"Score": s.SureScore()})
	default:
		score = t("sure.ready")
	}
	rw.para(score, repMargin+repIndent, repWidth-repIndent, repBold, nil)
	rw.gap(1.8)

	decision := t("report.decision.none")
	if o, ok := s.ChosenOption(); ok {
		decision = o.Card.Title
	}
	rw.keyed(t("report.decision"), decision, cards.KeyDecision)
	rw.keyed(t("report.why"), s.Why, cards.KeyWhy)
	rw.agreements()
	rw.keyed(t("report.next"), s.NextAppointment, cards.KeyNextAppointment)
}

// agreements draws who / what / before when as a table.
func (rw *reportWriter) agreements() {
	t, s := rw.r.T, rw.s()
	if len(s.Agreements) == 0 {
		rw.field(t("report.agreements"), t("report.agreements.none"), seen)
		return
	}
	rw.label(t("report.agreements"), seen)
	x0, width := repMargin+repIndent, repWidth-repIndent
	cols := []float64{0.25 * width, 0.5 * width, 0.25 * width}
	header := []string{t("agreement.who"), t("agreement.what"), t("agreement.due")}
	var row func(cells []string, st style, isHeader bool)
	row = func(cells []string, st style, isHeader bool) {
		r := rw.wrapRow(cells, cols, st)
		lh := st.lineHeight()
		// A row flows over pages line by line, all cells side by side;
		// the header comes again at the top of the next page.
		for k := range r.lines {
			page := rw.PageNo()
			rw.need(lh)
			if rw.PageNo() != page && !isHeader {
				row(header, repBold, true)
			}
			rw.rowLine(r, k, x0, rw.y+lh*0.72, cols, st)
			rw.y += lh
		}
		rw.y += 1
		rw.SetDrawColor(0xCC, 0xCC, 0xCC)
		rw.SetLineWidth(0.3)
		rw.Line(x0, rw.y-0.5, x0+width, rw.y-0.5)
	}
	// The header stays with the first row.
	rw.need(repBold.lineHeight() + 2*repBody.lineHeight() + 1)
	row(header, repBold, true)
	for _, a := range s.Agreements {
		row([]string{orDash(a.Who), orDash(a.What), orDash(a.Due)}, repBody, false)
	}
	rw.gap(1.8)
}

// footer is on every page: whose report it is, when it was printed, by
// whom, with which version of the app, and the page number.
func (rw *reportWriter) footer() {
	r, t := rw.r, rw.r.T
	prof := r.Professional
	if prof == "" {
		prof = t("report.unknown")
	}
	y := 297.0 - 16
	rw.SetDrawColor(0xBB, 0xBB, 0xBB)
	rw.SetLineWidth(0.3)
	rw.Line(repMargin, y, repMargin+repWidth, y)
	rw.color(repGrey)
	lh := repSmall.lineHeight()
	page := t("report.page", map[string]any{"N": rw.PageNo(), "Total": rw.total})
	if rw.total == 0 {
		page = t("report.page", map[string]any{"N": rw.PageNo(), "Total": "…"})
	}
	pw := rw.textWidth(t("report.page", map[string]any{"N": 999, "Total": 999}), repSmall)
	about := t("report.footer.about", map[string]any{"Name": r.Client.Name, "Date": date(r.Session.Started)})
	printed := t("report.footer", map[string]any{"Date": date(r.Date), "Professional": prof, "Version": r.Version})
	rw.line(repMargin, y+lh, repWidth-pw-3, firstLine(rw, about, repWidth-pw-3), repSmall, alignStart)
	rw.line(repMargin, y+2*lh, repWidth-pw-3, firstLine(rw, printed, repWidth-pw-3), repSmall, alignStart)
	rw.line(repMargin, y+lh, repWidth, page, repSmall, alignEnd)
	rw.black()
}

// firstLine returns the part of text that fits one line, with "…" when cut.
func firstLine(rw *reportWriter, text string, width float64) string {
	lines := rw.wrap(text, width, repSmall)
	if len(lines) <= 1 {
		return text
	}
	return strings.TrimSpace(lines[0]) + "…"
}
