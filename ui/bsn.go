package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// withBSNWarning returns text field e with a warning below it that shows
// while its text holds what looks like a BSN (cards.FindBSNs), and a
// button that takes the number out. Clients are pseudonymous: a BSN
// belongs in the municipality's case system, not in a conversation.
//
// The check runs after e's OnChanged, so set that first; "Weghalen" sets
// the text, which calls OnChanged and so saves the field as typing does.
func withBSNWarning(tr *locales.Translator, e *textEntry) *fyne.Container {
	remove := newButton(tr.T("bsn.remove"), theme.DeleteIcon(), func() { e.SetText(cards.RemoveBSNs(e.Text)) })
	warning := container.NewStack(roundedRect(warningTint, 6), container.NewBorder(nil, nil,
		widget.NewIcon(theme.WarningIcon()), container.NewCenter(remove), wrapped(tr.T("bsn.warning"))))
	// A hidden bottom takes no room in a border layout, so without a BSN the
	// field looks, and fills its place, as it did before.
	box := container.NewBorder(nil, warning, nil, nil, e)
	update := func() {
		show := len(cards.FindBSNs(e.Text)) > 0
		if show == warning.Visible() {
			return
		}
		if show {
			warning.Show()
		} else {
			warning.Hide()
		}
		box.Refresh()
	}
	changed := e.OnChanged
	e.OnChanged = func(s string) {
		if changed != nil {
			changed(s)
		}
		update()
	}
	update()
	return box
}
