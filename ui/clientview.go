package ui

import (
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// ClientLanguages are the languages the client can choose in the client
// view: every language with a message file (a test keeps each complete),
// Dutch and English first.
var ClientLanguages = clientLanguages()

func clientLanguages() []string {
	out := []string{"nl", "en"}
	var rest []string
	for _, t := range locales.Languages() {
		if l := t.String(); !slices.Contains(out, l) {
			rest = append(rest, l)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// ClientView is the screen turned toward the client: large type, one step
// at a time, in the client's language, and only what is theirs. It never
// shows the client list, other clients or the professional's notes: it has
// no access to them, it only reads the open session's client-facing fields.
// Which fields those are is cards.Session.ClientSees; a test keeps the two
// the same.
type ClientView struct {
	v      *SessionView // the open session, shared with the professional view
	lang   string
	tr     *locales.Translator
	rtl    bool
	step   int
	onBack func()

	body       *fyne.Container
	prev, next *scriptButton
	content    *container.ThemeOverride
	pinned     *pinnedHeader // step 5's option names, kept in view
}

func newClientView(v *SessionView, lang string, onBack func()) *ClientView {
	cv := &ClientView{v: v, step: v.s.Step, onBack: onBack}
	cv.setLanguage(lang)
	return cv
}

// setLanguage (re)builds the view in a language.
func (cv *ClientView) setLanguage(lang string) {
	tr, err := locales.New(lang)
	if err != nil {
		return
	}
	cv.lang, cv.tr, cv.rtl = lang, tr, textdir.RightToLeft(lang)

	langSelect := cv.languageChooser()
	back := newHoldButton(tr.T("cv.settings"), theme.SettingsIcon(), cv.onBack)
	top := container.NewBorder(nil, nil, back, langSelect)
	if cv.rtl {
		top = container.NewBorder(nil, nil, langSelect, back)
	}
	cv.body = container.NewStack()
	cv.prev = newScriptButton(tr.T("cv.prev"), lang, cv.rtl, widget.MediumImportance, func() { cv.goTo(cv.step - 1) })
	cv.next = newScriptButton(tr.T("cv.next"), lang, cv.rtl, widget.HighImportance, func() { cv.goTo(cv.step + 1) })
	nav := container.NewBorder(nil, nil, cv.prev.content, cv.next.content)
	if cv.rtl {
		nav = container.NewBorder(nil, nil, cv.next.content, cv.prev.content)
	}
	cv.content = container.NewThemeOverride(
		container.NewBorder(top, container.NewPadded(nav), nil, nil, cv.body),
		clientTheme{Theme()})
	cv.show()
}

// Content returns the client view's root object.
func (cv *ClientView) Content() fyne.CanvasObject { return cv.content }

func (cv *ClientView) goTo(n int) {
	if n >= 1 && n <= cards.Steps {
		cv.step = n
		cv.show()
	}
}

// show draws the current step, one thing at a time.
func (cv *ClientView) show() {
	tr := cv.tr
	s := &cv.v.s
	head := cv.label(tr.T("cv.step", map[string]any{"N": cv.step, "Name": tr.T("step." + strconv.Itoa(cv.step))}), 1.3, true)
	cv.pinned = nil
	var body fyne.CanvasObject
	switch cv.step {
	case cards.StepPrepare:
		slogan := cv.label(tr.T("step1.slogan"), 1.8, true)
		slogan.color = color.White
		body = container.NewVBox(
			container.NewStack(roundedRect(CategoryColor(cards.CategoryTowardWork), 14), container.NewPadded(container.NewPadded(slogan))),
			cv.label(tr.T("step1.intro"), 1, false),
			cv.field(tr.T("cv.expectations"), s.Expectations),
			cv.field(tr.T("cv.needs"), s.Needs))
	case cards.StepSituation:
		body = cv.situation()
	case cards.StepDrivers:
		body = cv.drivers()
	case cards.StepGoal:
		box := container.NewVBox(cv.field(tr.T("cv.goal"), s.Goal))
		if s.SubGoals != "" {
			box.Add(cv.field(tr.T("cv.subgoals"), s.SubGoals))
		}
		body = box
	case cards.StepOptions:
		body = cv.options()
	case cards.StepDecide:
		body = cv.decide()
	default:
		if s.PreviousID == 0 {
			body = cv.label(tr.T("cv.later"), 1, false)
		} else {
			body = container.NewVBox(cv.field(tr.T("cv.review"), s.Review), cv.field(tr.T("cv.goalright"), answerLabel(tr, s.GoalStillRight)))
		}
	}
	page := container.NewVScroll(container.NewPadded(body))
	center := fyne.CanvasObject(page)
	if cv.pinned != nil {
		center = container.NewStack(page, cv.pinned.over(page))
	}
	cv.body.Objects = []fyne.CanvasObject{container.NewBorder(container.NewPadded(head), nil, nil, nil, center)}
	// Nowhere to go: the button shows it rather than doing nothing.
	cv.prev.setEnabled(cv.step > 1)
	cv.next.setEnabled(cv.step < cards.Steps)
	cv.content.Refresh() // gives the new objects the client theme too

}

// label is client-view text in the client's direction, scale times the
// (already large) client text size.
func (cv *ClientView) label(text string, scale float32, bold bool) *bidiLabel {
	l := newBidiLabel(text, cv.rtl)
	l.scale = scale
	l.style.Bold = bold
	l.inScript(cv.lang, bold)
	return l
}

// end puts an object at the end of the line: right on a right-to-left screen.
func (cv *ClientView) end(o fyne.CanvasObject) fyne.CanvasObject {
	if cv.rtl {
		return container.NewBorder(nil, nil, nil, o)
	}
	return o
}

// field is a heading with what was said, or a note that nothing was yet.
func (cv *ClientView) field(title, text string) fyne.CanvasObject {
	if text == "" {
		text = cv.tr.T("cv.empty")
	}
	return container.NewVBox(cv.label(title, 1, true), cv.label(text, 1, false))
}

// areaPictograms shows each life area with one of our pictograms.
var areaPictograms = map[cards.LifeArea]string{
	cards.AreaWork: "werkplek", cards.AreaMoney: "schulden", cards.AreaHousing: "wonen", cards.AreaHealth: "gezondheid",
	cards.AreaPeople: "netwerk", cards.AreaCare: "kinderopvang", cards.AreaLanguage: "taal", cards.AreaTransport: "vervoer",
}

var markColors = map[cards.Mark]color.NRGBA{
	cards.MarkGood:      {R: 0x1E, G: 0x6B, B: 0x3D, A: 0xFF},
	cards.MarkAttention: {R: 0x8A, G: 0x5A, B: 0x00, A: 0xFF},
	cards.MarkWorry:     {R: 0xA8, G: 0x2A, B: 0x1E, A: 0xFF},
}

// situation shows the life areas as tiles: pictogram, how it goes, the note.
func (cv *ClientView) situation() fyne.CanvasObject {
	tr, s := cv.tr, &cv.v.s
	grid := container.NewGridWithColumns(2)
	for _, a := range cards.LifeAreas {
		area := s.Areas[a]
		box := container.NewVBox(cv.label(tr.T("area."+string(a)), 1, true))
		if area.Mark != "" {
			mark := cv.label(tr.T("mark."+string(area.Mark)), 0.9, true)
			mark.color = color.White
			mark.one = true // a badge: "Gaat goed", not "Gaat" over "goed"
			box.Add(container.NewHBox(container.NewStack(roundedRect(markColors[area.Mark], 8), container.NewPadded(mark))))
		}
		if area.Note != "" {
			box.Add(cv.label(area.Note, 0.9, false))
		}
		picto := pictogram(areaPictograms[a], 64)
		row := container.NewBorder(nil, nil, picto, nil, box)
		if cv.rtl {
			row = container.NewBorder(nil, nil, nil, picto, box)
		}
		grid.Add(container.NewStack(roundedRect(tint(CategoryColor(cards.CategoryClientPicture), 0.93), 12), container.NewPadded(row)))
	}
	out := container.NewVBox(grid)
	if s.Recognised != cards.AnswerNone {
		out.Add(cv.field(tr.T("cv.recognised"), answerLabel(tr, s.Recognised)))
	}
	return out
}

// drivers shows what the client wants to work on, with what helps and
// what holds them back.
func (cv *ClientView) drivers() fyne.CanvasObject {
	tr, s := cv.tr, &cv.v.s
	box := container.NewVBox(cv.label(tr.T("cv.workon"), 1, true))
	if len(s.WorkOn) == 0 {
		box.Add(cv.label(tr.T("cv.empty"), 1, false))
	}
	for _, f := range s.WorkOn {
		d := s.Drivers[f]
		item := container.NewVBox(cv.label(tr.T("factor."+string(f)), 1, true))
		if d.Helps != "" {
			item.Add(cv.label(tr.T("cv.helps")+": "+textdir.Isolate(d.Helps), 0.9, false))
		}
		if d.HoldsBack != "" {
			item.Add(cv.label(tr.T("cv.holdsback")+": "+textdir.Isolate(d.HoldsBack), 0.9, false))
		}
		box.Add(container.NewStack(roundedRect(tint(CategoryColor(cards.CategoryTowardWork), 0.93), 12), container.NewPadded(item)))
	}
	return box
}

// card returns an option's card in the client's language, and whether it
// had to stay Dutch.
func (cv *ClientView) card(c cards.Card) (cards.Card, bool) {
	return cv.v.main.cardsIn(cv.lang).card(c)
}

// options shows the compared cards side by side, and lets the client say
// how much each pro and con matters.
func (cv *ClientView) options() fyne.CanvasObject {
	tr, s := cv.tr, &cv.v.s
	if len(s.Options) == 0 {
		return cv.label(tr.T("cv.nooptions"), 1, false)
	}
	// Side by side as far as the screen allows, the first option where the
	// client starts reading; on a narrow screen they wrap into rows.
	cols := newColumnsDir(cv.rtl)
	names := &fyne.Container{}
	for i := range s.Options {
		col := cv.optionColumn(&s.Options[i])
		cols.Add(col)
		c, _ := cv.card(s.Options[i].Card)
		name := cv.label(c.Title, 1, true)
		name.color = color.White
		names.Add(container.NewStack(roundedRect(CategoryColor(c.Category), 8), container.NewPadded(name)))
	}
	names.Layout = mirrorLayout{of: cols.Objects}
	// While the pros, cons and totals scroll past, the names stay in view
	// above their columns, as long as the columns stand side by side.
	cv.pinned = &pinnedHeader{header: cols.Objects[0].(*fyne.Container).Objects[0], part: cols, copy: names,
		fits: func() bool { return inOneRow(cols.Objects) }}
	legend := make([]string, cards.MaxWeight+1)
	for w := range legend {
		legend[w] = strconv.Itoa(w) + " = " + tr.T("cv.weight."+strconv.Itoa(w))
	}
	return container.NewVBox(cv.label(tr.T("cv.weigh"), 1, true), cv.label(strings.Join(legend, " · "), 0.9, false), cols)
}

func (cv *ClientView) optionColumn(o *cards.Option) fyne.CanvasObject {
	tr := cv.tr
	c, dutch := cv.card(o.Card)
	title := cv.label(c.Title, 1.1, true)
	title.color = color.White
	head := container.NewStack(roundedRect(CategoryColor(c.Category), 12),
		container.NewPadded(container.NewVBox(container.NewCenter(pictogram(c.Pictogram, 72)), title)))
	box := container.NewVBox(head)
	if dutch {
		note := cv.label(tr.T("cv.untranslated"), 0.75, false)
		box.Add(note)
	}
	box.Add(cv.label(c.Summary, 1, false))
	box.Add(cv.label(tr.T("row.duration")+" "+textdir.Isolate(c.Duration), 0.9, false))
	box.Add(cv.label(tr.T("row.hours")+" "+textdir.Isolate(hoursText(c.Hours, tr)), 0.9, false))
	total := cv.label("", 1, true)
	update := func() {
		pros, cons := o.Weighed()
		// Named: far below the column's head, the total says whose it is.
		total.SetText(c.Title + ": " + tr.T("step5.total", map[string]any{"Pros": pros, "Cons": cons}))
	}
	box.Add(cv.pointsBox(tr.T("row.pros"), c.Pros, o.ProWeights, proColor, func(i int) string { return cards.KeyProWeight(o.Card.ID, i) }, update))
	box.Add(cv.pointsBox(tr.T("row.cons"), c.Cons, o.ConWeights, conColor, func(i int) string { return cards.KeyConWeight(o.Card.ID, i) }, update))
	box.Add(cv.label(tr.T("row.effect"), 0.9, true))
	box.Add(cv.label(tr.T("effect."+string(c.Effect.Level)), 0.9, false))
	update()
	box.Add(total)
	return box
}

// pointsBox lists pros or cons with the client's weight for each.
func (cv *ClientView) pointsBox(title string, points []string, weights []int, col color.NRGBA, key func(int) string, changed func()) fyne.CanvasObject {
	head := cv.label(title, 1, true)
	head.color = color.White
	box := container.NewVBox(container.NewStack(roundedRect(col, 8), container.NewPadded(head)))
	for i, p := range points {
		r := cv.weightChoice(weights[i], func(w int) {
			weights[i] = w
			cv.v.set(key(i), strconv.Itoa(w))
			changed()
		})
		box.Add(container.NewStack(roundedRect(tint(col, 0.9), 8), container.NewPadded(container.NewVBox(cv.label(p, 1, false), cv.end(r)))))
	}
	return box
}

// decide shows the SURE questions to answer, the choice and why, the
// agreements and the next appointment.
func (cv *ClientView) decide() fyne.CanvasObject {
	tr, s := cv.tr, &cv.v.s
	box := container.NewVBox(cv.label(tr.T("sure.title"), 1.1, true))
	advice := cv.label("", 1, true)
	adviceBg := roundedRect(warningTint, 10)
	adviceBox := container.NewStack(adviceBg, container.NewPadded(advice))
	updateAdvice := func() {
		adviceBox.Hide()
		if slices.Contains(s.Sure[:], cards.AnswerNone) {
			return
		}
		if !s.SureReady() {
			advice.SetText(tr.T("sure.notready", map[string]any{"Score": s.SureScore()}))
			adviceBg.FillColor = warningTint
		} else {
			advice.SetText(tr.T("sure.ready"))
			adviceBg.FillColor = readyTint
		}
		adviceBox.Show()
		adviceBg.Refresh()
	}
	for i := range s.Sure {
		r := cv.answerChoice(s.Sure[i], func(a cards.Answer) {
			cv.v.set(cards.KeySure(i), string(a))
			updateAdvice()
		})
		box.Add(container.NewVBox(cv.label(tr.T("sure."+strconv.Itoa(i+1)), 1, false), cv.end(r)))
	}
	updateAdvice()
	box.Add(adviceBox)
	if o, ok := s.ChosenOption(); ok {
		c, _ := cv.card(o.Card)
		title := cv.label(c.Title, 1.1, true)
		title.color = color.White
		box.Add(cv.label(tr.T("cv.choice"), 1, true))
		box.Add(container.NewStack(roundedRect(CategoryColor(c.Category), 12),
			container.NewPadded(container.NewBorder(nil, nil, pictogram(c.Pictogram, 56), nil, title))))
	}
	if s.Why != "" {
		box.Add(cv.field(tr.T("cv.why"), s.Why))
	}
	if len(s.Agreements) > 0 {
		box.Add(cv.label(tr.T("step6.agreements"), 1, true))
		// What was typed is isolated: a date keeps its order and a Dutch
		// name does not turn an Arabic line.
		for _, a := range s.Agreements {
			line := textdir.Isolate(a.Who) + ": " + textdir.Isolate(a.What)
			if a.Due != "" {
				line += " (" + tr.T("cv.due", map[string]any{"Due": textdir.Isolate(a.Due)}) + ")"
			}
			box.Add(cv.label("• "+line, 1, false))
		}
	}
	if s.NextAppointment != "" {
		box.Add(cv.field(tr.T("step6.next"), s.NextAppointment))
	}
	return box
}

// weightChoice is how much a pro or con matters to the client, 0 to 3,
// in the client's direction.
func (cv *ClientView) weightChoice(w int, onChanged func(w int)) *choiceRow {
	labels := weightLabels()
	selected := ""
	if w >= 0 && w < len(labels) {
		selected = labels[w]
	}
	r := newChoiceRow(labels, selected, cv.rtl, func(s string) { onChanged(slices.Index(labels, s)) })
	r.font = scriptFont(cv.lang, false)
	return r
}

// answerChoice is a yes/no question for the client, in their direction.
func (cv *ClientView) answerChoice(a cards.Answer, onChanged func(cards.Answer)) *choiceRow {
	yes, no := answerLabel(cv.tr, cards.AnswerYes), answerLabel(cv.tr, cards.AnswerNo)
	r := newChoiceRow([]string{yes, no}, answerLabel(cv.tr, a), cv.rtl, func(s string) {
		onChanged(map[string]cards.Answer{yes: cards.AnswerYes, no: cards.AnswerNo}[s])
	})
	r.font = scriptFont(cv.lang, false)
	return r
}

// clientTheme makes the text of the client view 1.6 times as large, with
// more room inside its widgets to match. It keeps the app's font: set as
// a theme's font, Noto Sans Arabic lost its dots in Fyne 2.8's buttons and
// drop-down lists; the client view's own texts name their script's font
// themselves (bidiLabel, choiceItem).
type clientTheme struct{ fyne.Theme }

// ClientTextScale is how much larger the client view's text is.
const ClientTextScale = 1.6

func (t clientTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText,
		theme.SizeNameInlineIcon, theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return s * ClientTextScale
	case theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		// Inside widgets only: the containers' padding stays the app's, as
		// layouts that run outside the override's rendering (a reflow, a
		// refreshed container) see only the app's theme.
		return s * 1.3
	}
	return s
}

// holdButton acts only when let go after being held down for holdTime: a
// client who touches it by accident does not leave the client view. It
// needs no timer, so everything happens on the UI's own thread.
type holdButton struct {
	widget.Icon
	name   string // for screen readers
	onHeld func()
	down   time.Time        // when the press began; zero when not pressed
	now    func() time.Time // the clock; tests set their own
}

// holdTime is how long the way back must be held before letting go.
const holdTime = 2 * time.Second

func newHoldButton(name string, icon fyne.Resource, onHeld func()) *holdButton {
	b := &holdButton{name: name, onHeld: onHeld, now: time.Now}
	b.SetResource(icon)
	b.ExtendBaseWidget(b)
	return b
}

// MouseDown starts the hold.
func (b *holdButton) MouseDown(*desktop.MouseEvent) { b.down = b.now() }

// MouseUp acts when the press lasted holdTime or longer.
func (b *holdButton) MouseUp(*desktop.MouseEvent) {
	held := !b.down.IsZero() && b.now().Sub(b.down) >= holdTime
	b.down = time.Time{}
	if held {
		b.onHeld()
	}
}

// AccessibilityLabel names the gear as what it looks like, without saying
// that it leads out of the client view.
func (b *holdButton) AccessibilityLabel() string { return b.name }

// AccessibilityRole is a button's.
func (b *holdButton) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// Tapped does nothing: a tap is not a hold.
func (b *holdButton) Tapped(*fyne.PointEvent) {}

// MinSize follows the widget's own theme, the client view's larger one, so
// that it is the same whichever theme is being rendered when it is asked.
func (b *holdButton) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.SizeForWidget(theme.SizeNameInlineIcon, b) * 1.5)
}
