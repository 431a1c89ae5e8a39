package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// SetPrivacy gives the window what it needs to erase clients, review the
// retention period and handle backups; without it those actions are not
// offered.
func (m *Main) SetPrivacy(p Privacy) {
	m.privacy = p
	m.data.Show()
	m.home.reload()
}

// dataMenu is the menu of the "Gegevens" button: retention, backups,
// printed files.
func (m *Main) dataMenu() *fyne.Menu {
	tr := m.tr
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(tr.T("data.settings"), m.editPrivacy),
		fyne.NewMenuItem(tr.T("data.backup.now"), func() {
			if err := m.privacy.MakeBackup(); err != nil {
				m.showError(err)
				return
			}
			m.showInfo(tr.T("menu.data"), tr.T("data.backup.made"))
		}),
		fyne.NewMenuItem(tr.T("data.restore"), m.chooseRestore),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(tr.T("settings.title")+"…", m.editSettings),
		fyne.NewMenuItem(tr.T("data.selftest"), m.runSelfTest),
		fyne.NewMenuItem(tr.T("data.prints.clean"), func() {
			n, err := m.privacy.CleanPrints()
			if err != nil {
				m.showError(err)
				return
			}
			m.showInfo(tr.T("menu.data"), tr.N("data.prints.cleaned", n))
		}),
	)
	if m.figures != nil {
		menu.Items = append(menu.Items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(tr.T("figures.title")+"…", m.showFigures))
	}
	return menu
}

// editPrivacy edits the retention periods and where backups go.
func (m *Main) editPrivacy() {
	tr := m.tr
	s, err := m.privacy.Settings()
	if err != nil {
		m.showError(err)
		return
	}
	number := func(v int) *dialogEntry {
		e := m.newDialogEntry()
		e.SetText(strconv.Itoa(v))
		e.Validator = func(text string) error {
			if n, err := strconv.Atoi(strings.TrimSpace(text)); err != nil || n < 1 || n > 999 {
				return errors.New(tr.T("data.number.invalid"))
			}
			return nil
		}
		return e
	}
	months, days, keep := number(s.RetentionMonths), number(s.PrintDays), number(s.BackupKeep)
	dir := m.newDialogEntry()
	dir.SetText(s.BackupDir)
	value := func(e *dialogEntry) int { n, _ := strconv.Atoi(strings.TrimSpace(e.Text)); return n }
	m.form(tr.T("data.settings"), tr.T("org.save"), []*widget.FormItem{
		widget.NewFormItem(tr.T("data.months"), months),
		widget.NewFormItem(tr.T("data.days"), days),
		widget.NewFormItem(tr.T("data.backupdir"), dir),
		widget.NewFormItem(tr.T("data.keep"), keep),
	}, func() {
		err := m.privacy.SetSettings(PrivacySettings{RetentionMonths: value(months), PrintDays: value(days),
			BackupDir: strings.TrimSpace(dir.Text), BackupKeep: value(keep)})
		m.showError(err)
		m.home.reload()
	}, 620)
}

// chooseRestore lists the backups; choosing one asks to confirm, saying
// what will be replaced.
func (m *Main) chooseRestore() {
	tr := m.tr
	backups, err := m.privacy.Backups()
	if err != nil {
		m.showError(err)
		return
	}
	if len(backups) == 0 {
		m.showInfo(tr.T("data.restore"), tr.T("data.restore.none"))
		return
	}
	names := make([]string, len(backups))
	for i, b := range backups {
		names[i] = b.Time.Format("2-1-2006 15:04")
	}
	pick := widget.NewRadioGroup(names, nil)
	pick.SetSelected(names[0])
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm(tr.T("data.restore"), tr.T("data.restore.go"), tr.T("dialog.cancel"),
		container.NewVBox(wrapped(tr.T("data.restore.intro")), pick), func(ok bool) {
			i := slices.Index(names, pick.Selected)
			if !ok || i < 0 {
				return
			}
			m.confirm(tr.T("data.restore"), tr.T("data.restore.sure", map[string]any{"Date": names[i]}), tr.T("data.restore.go"), func() {
				aside, err := m.privacy.Restore(backups[i].Name)
				if err != nil {
					m.showError(err)
					return
				}
				// The window now shows the restored database.
				m.showInfo(tr.T("data.restore"), tr.T("data.restore.done", map[string]any{"Date": names[i], "Aside": aside}))
			})
		}, m.win)
	d.Resize(fyne.NewSize(480, 0))
	m.showDialog(d, func() { d.Confirm() }, nil)
}

// confirmErase asks, naming the client, whether to erase everything about
// them, then erases and says from which backups they could not be erased.
func (m *Main) confirmErase(c cards.Client) {
	tr := m.tr
	m.confirm(tr.T("erase.title", map[string]any{"Name": c.Name}),
		tr.T("erase.sure", map[string]any{"Name": c.Name, "Sessions": tr.N("home.sessions", c.Sessions)}),
		tr.T("erase.go"), func() {
			still, err := m.privacy.EraseClient(c.ID)
			if err != nil {
				m.showError(err)
				return
			}
			m.showHome()
			msg := tr.T("erase.done", map[string]any{"Name": c.Name})
			if len(still) > 0 {
				msg += "\n\n" + tr.T("erase.stillin", map[string]any{"Backups": strings.Join(still, ", ")})
			}
			m.showInfo(tr.T("erase.title", map[string]any{"Name": c.Name}), msg)
		})
}

// confirm asks a yes/no question whose yes does something that cannot be
// undone; the yes button is marked as dangerous and Enter does not press it.
func (m *Main) confirm(title, text, yes string, onYes func()) {
	d := dialog.NewConfirm(title, text, func(ok bool) {
		if ok {
			onYes()
		}
	}, m.win)
	d.SetConfirmText(yes)
	d.SetDismissText(m.tr.T("dialog.cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	m.showDialog(d, func() {}, nil)
}

// expiredBanner tells, on the home screen, how many clients are past the
// retention period, with a way to review them.
func (h *Home) expiredBanner() fyne.CanvasObject {
	m := h.m
	if m.privacy == nil {
		return nil
	}
	expired, err := m.privacy.ExpiredClients()
	if err != nil || len(expired) == 0 {
		return nil
	}
	s, _ := m.privacy.Settings()
	text := wrapped(m.tr.N("retention.banner", len(expired), map[string]any{"Months": s.RetentionMonths}))
	review := newButton(m.tr.T("retention.review"), theme.WarningIcon(), func() { h.reviewExpired(expired) })
	return container.NewStack(roundedRect(warningTint, 8), container.NewPadded(container.NewVBox(text, container.NewHBox(review))))
}

// reviewExpired lists the clients past the retention period, each with a
// way to erase them after confirmation.
func (h *Home) reviewExpired(expired []cards.Client) {
	m := h.m
	list := container.NewVBox(wrapped(m.tr.T("retention.intro")))
	var d dialog.Dialog
	for _, c := range expired {
		info := wrapped(c.Name + " · " + clientInfo(c, m.tr))
		erase := newButton(m.tr.T("erase.button"), theme.DeleteIcon(), func() {
			d.Hide()
			m.confirmErase(c)
		})
		erase.Importance = widget.DangerImportance
		list.Add(container.NewBorder(nil, nil, nil, erase, info))
	}
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(560, 300))
	d = dialog.NewCustom(m.tr.T("retention.title"), m.tr.T("dialog.close"), scroll, m.win)
	m.showDialog(d, nil, nil)
}

// SetSelfTest gives the window the installation's self-test (samenbeslissen
// zelftest): its report, and whether everything works.
func (m *Main) SetSelfTest(run func() (report string, ok bool)) { m.selfTest = run }

// runSelfTest runs the self-test and shows its report.
func (m *Main) runSelfTest() {
	if m.selfTest == nil {
		return
	}
	report, _ := m.selfTest()
	text := widget.NewLabel(report)
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(640, 320))
	m.showDialog(dialog.NewCustom(m.tr.T("data.selftest"), m.tr.T("dialog.ok"), scroll, m.win), nil, nil)
}
