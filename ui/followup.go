package ui

import (
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// startFollowUp asks before it starts a follow-up of the conversation of
// that date: a new conversation in the client's timeline, which a stray
// click should not make.
func (m *Main) startFollowUp(fromID int64, started time.Time) {
	tr := m.tr
	var d *dialog.ConfirmDialog
	d = dialog.NewConfirm(tr.T("followup.title"), tr.T("followup.sure", map[string]any{"Date": started.Format("2-1-2006")}), func(ok bool) {
		if !ok {
			return
		}
		s, err := m.store.CreateFollowUp(fromID)
		if err != nil {
			m.showError(err)
			return
		}
		m.openSession(s.ID)
	}, m.win)
	d.SetConfirmText(tr.T("followup.go"))
	d.SetDismissText(tr.T("dialog.cancel"))
	d.SetConfirmImportance(widget.HighImportance)
	m.showDialog(d, func() { d.Confirm() }, nil)
}
