package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Dialogs are ours, not Fyne's ready-made ones, so that their titles and
// buttons are in the interface language, Escape cancels them and Enter
// confirms them, wherever the keyboard focus is.

// openDialog is a dialog on screen and what Enter does in it.
type openDialog struct {
	d       dialog.Dialog
	confirm func()
}

// showDialog shows d; Enter runs confirm (nil: Enter closes it, as its one
// button would). onClosed, if not nil, runs once it is closed, either way.
func (m *Main) showDialog(d dialog.Dialog, confirm func(), onClosed func()) {
	od := &openDialog{d: d, confirm: confirm}
	if od.confirm == nil {
		od.confirm = d.Dismiss
	}
	m.dialogs = append(m.dialogs, od)
	d.SetOnClosed(func() {
		m.dialogs = slices.DeleteFunc(m.dialogs, func(x *openDialog) bool { return x == od })
		if onClosed != nil {
			onClosed()
		}
	})
	d.Show()
	m.win.Canvas().Unfocus()
}

// dialogKey handles Escape and Enter for the dialog on top, and reports
// whether there was one.
func (m *Main) dialogKey(name fyne.KeyName) bool {
	if len(m.dialogs) == 0 {
		return false
	}
	top := m.dialogs[len(m.dialogs)-1]
	switch name {
	case fyne.KeyEscape:
		top.d.Dismiss()
	case fyne.KeyReturn, fyne.KeyEnter:
		top.confirm()
	}
	return true
}

// message is a dialog with a text and one button that closes it.
func (m *Main) message(title string, icon fyne.Resource, text string, onClosed func()) {
	body := wrapped(text)
	content := fyne.CanvasObject(body)
	if icon != nil {
		content = container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, body)
	}
	d := dialog.NewCustom(title, m.tr.T("dialog.ok"), content, m.win)
	d.Resize(fyne.NewSize(480, 0))
	m.showDialog(d, nil, onClosed)
}

// showInfo tells the user something.
func (m *Main) showInfo(title, text string) { m.message(title, theme.InfoIcon(), text, nil) }

// showError says what went wrong; a nil error (a cancelled file dialog)
// shows nothing. The error texts are Dutch sentences that say what to do.
func (m *Main) showError(err error) { m.showErrorThen(err, nil) }

// showErrorThen shows err, and runs then once it is closed.
func (m *Main) showErrorThen(err error, then func()) {
	if err == nil {
		return
	}
	m.message(m.tr.T("dialog.error"), theme.NewErrorThemedResource(theme.ErrorIcon()), err.Error(), then)
}

// form shows a form dialog; Enter submits it when its fields are valid.
func (m *Main) form(title, confirm string, items []*widget.FormItem, onConfirm func(), width float32) *dialog.FormDialog {
	var d *dialog.FormDialog
	d = dialog.NewForm(title, confirm, m.tr.T("dialog.cancel"), items, func(ok bool) {
		if ok {
			onConfirm()
		}
	}, m.win)
	d.Resize(fyne.NewSize(width, 0))
	m.showDialog(d, d.Submit, nil)
	return d
}

// dialogEntry is a field in a dialog: Escape there cancels the dialog and
// Enter submits it, as they do with no field focused.
type dialogEntry struct {
	widget.Entry
	m *Main
}

func (m *Main) newDialogEntry() *dialogEntry {
	e := &dialogEntry{m: m}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape and Enter to the dialog.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
		e.m.dialogKey(ev.Name)
		return
	}
	e.Entry.TypedKey(ev)
}
