package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// fieldNames name the fields a colleague can change, for the status line
// and the conflict dialog; they are the report's labels.
var fieldNames = map[string]string{
	cards.KeyExpectations:    "report.expectations",
	cards.KeyNeeds:           "report.needs",
	cards.KeyGoal:            "report.goal",
	cards.KeyFeasible:        "report.feasible",
	cards.KeySubGoals:        "report.subgoals",
	cards.KeyDecision:        "report.decision",
	cards.KeyWhy:             "report.why",
	cards.KeyNextAppointment: "report.next",
	cards.KeyReview:          "report.review",
	cards.KeyGoalStillRight:  "report.goalright",
}

// fieldName names a session field in the interface language.
func fieldName(tr *locales.Translator, key string) string {
	if id, ok := fieldNames[key]; ok {
		return tr.T(id)
	}
	if cards.IsNoteKey(key) {
		return tr.T("team.field.note")
	}
	return tr.T("team.field.other")
}

// changedByOthers shows, on the open session, what colleagues saved while
// it was open here: their texts in the fields, who changed what in the
// status line, and for each field typed here too, both texts to choose
// from. Called on Fyne's goroutine.
func (m *Main) changedByOthers(sessionID int64, theirs, conflicts []cards.Change) {
	v := m.session
	if v == nil || v.s.ID != sessionID {
		if len(conflicts) == 0 {
			return // it shows when the session is opened
		}
		// Sent from the outbox after a start without the session open:
		// open it, with the text typed here, to choose.
		m.openSession(sessionID)
		if v = m.session; v == nil || v.s.ID != sessionID {
			return
		}
		for _, c := range conflicts {
			v.applyTheirs(cards.Change{Key: c.Key, Value: c.Mine})
		}
	}
	var who []string
	var what []string
	for _, c := range theirs {
		v.applyTheirs(c)
		if !slices.Contains(who, c.By) {
			who = append(who, c.By)
		}
		if name := fieldName(m.tr, c.Key); !slices.Contains(what, name) && c.Key != cards.KeyStep {
			what = append(what, name)
		}
	}
	if len(what) > 0 {
		m.changedBy = m.tr.T("team.changed", map[string]any{"Who": strings.Join(who, ", "), "What": strings.Join(what, ", ")})
		m.markSaved(nil)
	}
	for _, c := range conflicts {
		v.chooseBetween(c)
	}
}

// applyTheirs puts a colleague's text in the session on screen, and in its
// field when the field shows, without saving it back.
func (v *SessionView) applyTheirs(c cards.Change) {
	_ = v.s.Set(c.Key, c.Value) // a value that no longer fits the session is left out, as on loading
	if e, ok := v.entries[c.Key]; ok && e.Text != c.Value {
		v.applying = true
		e.SetText(c.Value)
		v.applying = false
	}
}

// conflictChoice is a field with two versions on screen, until the
// professional chooses. What is typed in the field meanwhile is not saved,
// but shown as their own version.
type conflictChoice struct {
	mine, theirs *widget.Entry
	change       cards.Change // theirs, and Mine as typed here last
	dialog       *dialog.CustomDialog
}

// chooseBetween shows the colleague's text and the one typed here side by
// side; the professional keeps one, and that one is saved. A second change
// by the colleague to the same field updates the open choice.
func (v *SessionView) chooseBetween(c cards.Change) {
	if open, ok := v.conflicts[c.Key]; ok {
		open.change.Value, open.change.By = c.Value, c.By
		open.theirs.SetText(c.Value)
		return
	}
	m, tr := v.main, v.tr
	side := func(text string) *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.SetText(text)
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(6)
		e.Disable()
		return e
	}
	// The field on screen holds the latest typed here, even what was typed
	// after the save that found the conflict.
	c.Mine = v.value(c.Key)
	choice := &conflictChoice{mine: side(c.Mine), theirs: side(c.Value), change: c}
	titled := func(title string, e *widget.Entry) fyne.CanvasObject {
		return container.NewBorder(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, e)
	}
	explain := wrapped(tr.T("team.conflict.explain", map[string]any{"Who": c.By, "Field": fieldName(tr, c.Key)}))
	both := container.NewGridWithColumns(2, titled(tr.T("team.conflict.mine"), choice.mine), titled(tr.T("team.conflict.theirs", map[string]any{"Who": c.By}), choice.theirs))
	keepMine := newButton(tr.T("team.conflict.keepmine"), nil, func() {
		choice.dialog.Hide()
		delete(v.conflicts, c.Key)
		v.saver.Release(v.s.ID, c.Key)
		v.set(c.Key, choice.change.Mine)
	})
	takeTheirs := newButton(tr.T("team.conflict.taketheirs", map[string]any{"Who": c.By}), nil, func() {
		choice.dialog.Hide()
		delete(v.conflicts, c.Key)
		v.saver.Release(v.s.ID, c.Key)
		v.applyTheirs(choice.change)
	})
	takeTheirs.Importance = widget.HighImportance
	choice.dialog = dialog.NewCustomWithoutButtons(tr.T("team.conflict.title", map[string]any{"Field": fieldName(tr, c.Key)}),
		container.NewBorder(explain, container.NewHBox(keepMine, takeTheirs), nil, nil, both), m.win)
	choice.dialog.Resize(fyne.NewSize(min(760, m.win.Canvas().Size().Width-40), 420))
	v.conflicts[c.Key] = choice
	choice.dialog.Show()
}

// typedDuringChoice keeps what is typed in a field whose two versions are
// on screen as the version typed here, unsaved; false when there is no
// such choice open.
func (v *SessionView) typedDuringChoice(key, value string) bool {
	choice, ok := v.conflicts[key]
	if !ok {
		return false
	}
	choice.change.Mine = value
	choice.mine.SetText(value)
	return true
}

// statusText is the status line after a save: saved, and who else changed
// what in the open session.
func (m *Main) statusText() string {
	if m.changedBy == "" {
		return m.tr.T("save.done")
	}
	return fmt.Sprintf("%s · %s", m.tr.T("save.done"), m.changedBy)
}
