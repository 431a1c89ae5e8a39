package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// SessionView walks one conversation through the seven steps, one screen
// each, with the progress always in view. Every edit goes to the saver as it
// is typed; there is no save button.
type SessionView struct {
	main   *Main
	tr     *locales.Translator
	store  Store
	saver  Saver
	cat    *cards.Catalogue
	win    fyne.Window
	client cards.Client
	s      cards.Session

	entries   map[string]*textEntry      // the text fields of the step on screen, by key
	applying  bool                       // a colleague's text is being put in a field: not an edit
	conflicts map[string]*conflictChoice // fields with two versions on screen, by key

	onEdit  func()                // an edit is waiting to be saved
	onSaved func(error)           // an edit was written directly, or failed
	onClose func()                // back to the client
	onOpen  func(sessionID int64) // open another session, such as a follow-up

	steps   []*button
	heading *widget.Label
	body    *fyne.Container
	prev    *button
	next    *button
	content fyne.CanvasObject
	page    *container.Scroll // the step on screen, scrolled to keep the focus in view
	pinned  *pinnedHeader     // a header kept in view while its part of the page scrolls
}

func newSessionView(m *Main, client cards.Client, s cards.Session) *SessionView {
	v := &SessionView{
		main: m, tr: m.tr, store: m.store, saver: m.saver, cat: m.cat, win: m.win, client: client, s: s,
		conflicts: map[string]*conflictChoice{},
		onEdit:    m.markUnsaved, onSaved: m.markSaved, onClose: func() { m.showClient(client.ID) }, onOpen: m.openSession,
	}
	tr := v.tr
	bar := newColumns() // the steps in one row, or in two on a narrow screen
	for i := 1; i <= cards.Steps; i++ {
		b := newButton(tr.T("step.short", map[string]any{"N": i, "Name": tr.T("step." + strconv.Itoa(i))}), nil, func() { v.goTo(i) })
		v.steps = append(v.steps, b)
		bar.Add(b)
	}
	v.heading = widget.NewLabel("")
	v.heading.SizeName = theme.SizeNameHeadingText
	v.heading.TextStyle.Bold = true
	v.body = container.NewStack()
	v.prev = newButton(tr.T("step.prev"), theme.NavigateBackIcon(), func() { v.goTo(v.s.Step - 1) })
	v.next = newButton(tr.T("step.next"), theme.NavigateNextIcon(), func() { v.goTo(v.s.Step + 1) })
	v.next.IconPlacement = widget.ButtonIconTrailingText
	back := newButton(shorten(client.Name, 30), theme.NavigateBackIcon(), func() { v.onClose() })
	back.name = client.Name
	kind := "session.started"
	if v.s.PreviousID != 0 {
		kind = "session.started.followup"
	}
	started := widget.NewLabel(tr.T(kind, map[string]any{"Date": v.s.Started.Format("2-1-2006")}))
	turn := newButton(tr.T("cv.turn"), theme.ComputerIcon(), func() { m.showClientView(v) })
	turn.Importance = widget.HighImportance
	hint := widget.NewLabel(tr.T("cv.hint"))
	if m.settings != nil {
		if on, _ := m.settings.HasBackPIN(); on {
			hint.SetText(tr.T("session.hint.pin"))
		}
	}
	hint.Importance = widget.LowImportance
	plan := newButton(tr.T("print.plan"), theme.DocumentPrintIcon(), func() {
		m.print(func() (string, error) {
			if m.twoLanguages && m.printLanguage() != locales.Source.String() {
				return m.printer.PrintPlanTwoLanguages(v.s.ID, m.printLanguage())
			}
			return m.printer.PrintPlan(v.s.ID, m.printLanguage())
		})
	})
	overview := newButton(tr.T("print.overview"), theme.DocumentPrintIcon(), func() {
		m.print(func() (string, error) { return m.printer.PrintOverview(v.s.ID, m.printLanguage()) })
	})
	// The report is for the municipality's file: in the interface language.
	report := newButton(tr.T("print.report"), theme.DocumentPrintIcon(), func() {
		m.print(func() (string, error) { return m.printer.PrintReport(v.s.ID, tr.Language().String()) })
	})
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	top := container.NewVBox(newBar(container.NewHBox(back, started), container.NewHBox(plan, report, overview, turn)), bar, v.heading)
	v.content = container.NewBorder(top, container.NewBorder(nil, nil, v.prev, v.next, hint), nil, nil, v.body)
	v.show()
	return v
}

// goTo moves to step n and remembers it.
func (v *SessionView) goTo(n int) {
	if n < 1 || n > cards.Steps {
		return
	}
	v.set(cards.KeyStep, strconv.Itoa(n))
	v.show()
}

// show draws the current step.
func (v *SessionView) show() {
	n := v.s.Step
	for i, b := range v.steps {
		if i+1 == n {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	v.heading.SetText(v.tr.T("step.title", map[string]any{"N": n, "Name": v.tr.T("step." + strconv.Itoa(n))}))
	enable(v.prev, n > 1)
	enable(v.next, n < cards.Steps)
	v.entries = map[string]*textEntry{}
	v.pinned = nil
	step := v.stepScreen(n)
	v.page = container.NewVScroll(container.NewPadded(container.NewVBox(step, v.noteBox(n))))
	v.body.Objects = []fyne.CanvasObject{v.page}
	if v.pinned != nil {
		v.body.Objects = append(v.body.Objects, v.pinned.over(v.page))
	}
	v.body.Refresh()
}

// stepScreen builds the screen of step n, 1 to 7 (steps.go, compare.go).
func (v *SessionView) stepScreen(n int) fyne.CanvasObject {
	screens := [cards.Steps]func() fyne.CanvasObject{
		v.stepPrepare, v.stepSituation, v.stepDrivers, v.stepGoal, v.stepOptions, v.stepDecide, v.stepEvaluate,
	}
	return screens[n-1]()
}

// set records one edit: in the session on screen and, through the saver, on disk.
func (v *SessionView) set(key, value string) {
	if v.applying {
		return // a colleague's text shown, already saved
	}
	if err := v.s.Set(key, value); err != nil {
		v.main.showError(err)
		return
	}
	if v.typedDuringChoice(key, value) {
		return
	}
	v.saver.Set(v.s.ID, key, value)
	v.onEdit()
}

// stored reports an edit written directly to the store, not through the
// saver; an error is shown, and the text stays on screen to try again.
func (v *SessionView) stored(err error) {
	v.onSaved(err)
	if err != nil {
		v.main.showError(err)
	}
}

func (v *SessionView) value(key string) string { return v.s.Values()[key] }

// entry is a text field bound to a session value, with a warning below it
// while it holds a BSN (bsn.go).
func (v *SessionView) entry(key, placeholder string, multiLine bool) fyne.CanvasObject {
	return withBSNWarning(v.tr, v.valueEntry(key, placeholder, multiLine))
}

// valueEntry is a bare text field bound to a session value.
func (v *SessionView) valueEntry(key, placeholder string, multiLine bool) *textEntry {
	e := newTextEntry()
	if multiLine {
		e = newMultiLineTextEntry()
		e.SetMinRowsVisible(3)
	}
	e.SetPlaceHolder(placeholder)
	e.SetText(v.value(key))
	e.OnChanged = func(text string) { v.set(key, text) }
	v.entries[key] = e
	return e
}

// answer is a yes/no choice bound to a session value.
func (v *SessionView) answer(key string) *widget.RadioGroup {
	return answerChoice(v.tr, cards.Answer(v.value(key)), func(a cards.Answer) { v.set(key, string(a)) })
}

// answerChoice is a yes/no choice, in the translator's language.
func answerChoice(tr *locales.Translator, a cards.Answer, onChanged func(cards.Answer)) *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{answerLabel(tr, cards.AnswerYes), answerLabel(tr, cards.AnswerNo)}, nil)
	r.Horizontal = true
	r.Selected = answerLabel(tr, a)
	r.OnChanged = func(s string) {
		a := cards.AnswerNone
		for _, x := range []cards.Answer{cards.AnswerYes, cards.AnswerNo} {
			if s == answerLabel(tr, x) {
				a = x
			}
		}
		onChanged(a)
	}
	return r
}

// answerLabel is how an answer reads: "Ja", "Nee", or nothing yet.
func answerLabel(tr *locales.Translator, a cards.Answer) string {
	switch a {
	case cards.AnswerYes:
		return tr.T("answer.yes")
	case cards.AnswerNo:
		return tr.T("answer.no")
	}
	return ""
}

// question is a label above its answer field.
func question(text string, field fyne.CanvasObject) fyne.CanvasObject {
	nameFields(field, text)
	return container.NewVBox(heading(text), field)
}

// noteBox is the professional's own note for a step, set apart in colour
// and words: it is never shown to the client or printed on the plan.
func (v *SessionView) noteBox(step int) fyne.CanvasObject {
	e := v.entry(cards.KeyNote(step), v.tr.T("note.placeholder"), true)
	nameFields(e, v.tr.T("note.title"))
	title := widget.NewLabelWithStyle(v.tr.T("note.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bg := canvas.NewRectangle(noteColor)
	bg.CornerRadius = 8
	return container.NewStack(bg, container.NewPadded(container.NewBorder(
		container.NewHBox(widget.NewIcon(theme.VisibilityOffIcon()), title), nil, nil, nil, e)))
}

// Content returns the view's root object.
func (v *SessionView) Content() fyne.CanvasObject { return v.content }
