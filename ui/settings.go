package ui

import (
	"errors"
	"strings"
	"unicode"

	"fyne.io/fyne/v2/widget"
)

// Settings are what the professional sets on their own laptop: their name
// and phone on the client's plan, and how the client view is left (hold
// the gear, or a PIN). The app package keeps them in the database.
type Settings interface {
	Professional() (name, phone string, err error)
	SetProfessional(name, phone string) error
	HasBackPIN() (bool, error)
	SetBackPIN(pin string) error // "": hold the gear
	CheckBackPIN(pin string) (bool, error)
	// FixedByIT says, in Dutch, what the municipality's settings file
	// fixes and where it is; "" when there is none.
	FixedByIT() string
}

// SetSettings offers the professional's settings under Gegevens.
func (m *Main) SetSettings(s Settings) { m.settings = s }

// editSettings edits the professional's name and phone and the way back
// from the client view.
func (m *Main) editSettings() {
	if m.settings == nil {
		return
	}
	tr := m.tr
	name, phone, err := m.settings.Professional()
	if err != nil {
		m.showError(err)
		return
	}
	hasPIN, err := m.settings.HasBackPIN()
	if err != nil {
		m.showError(err)
		return
	}
	nameEntry, phoneEntry, pinEntry := m.newDialogEntry(), m.newDialogEntry(), m.newDialogEntry()
	nameEntry.SetText(name)
	phoneEntry.SetText(phone)
	pinEntry.Password = true
	pinEntry.SetPlaceHolder(tr.T("settings.pin.placeholder"))
	ways := []string{tr.T("settings.back.hold"), tr.T("settings.back.pin")}
	way := widget.NewRadioGroup(ways, func(s string) {
		if s == ways[1] {
			pinEntry.Enable()
		} else {
			pinEntry.Disable()
		}
	})
	way.Required = true
	way.SetSelected(ways[0])
	if hasPIN {
		way.SetSelected(ways[1])
	}
	pinEntry.Validator = func(pin string) error {
		if way.Selected != ways[1] || (pin == "" && hasPIN) {
			return nil // no PIN, or keep the one set
		}
		if len(pin) < 4 || len(pin) > 8 {
			return errors.New(tr.T("settings.pin.invalid"))
		}
		for _, r := range pin {
			if !unicode.IsDigit(r) {
				return errors.New(tr.T("settings.pin.invalid"))
			}
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(tr.T("settings.name"), nameEntry),
		widget.NewFormItem(tr.T("settings.phone"), phoneEntry),
		widget.NewFormItem(tr.T("settings.back"), way),
		widget.NewFormItem(tr.T("settings.pin"), pinEntry),
	}
	if m.noOneToCall() {
		items = append(items, widget.NewFormItem("", wrapped(tr.T("settings.nocontact"))))
	}
	if fixed := m.settings.FixedByIT(); fixed != "" {
		// Shown, not changed here: IT set it for the whole municipality.
		items = append(items, widget.NewFormItem(tr.T("settings.fixed"), wrapped(fixed)))
	}
	m.form(tr.T("settings.title"), tr.T("org.save"), items, func() {
		if err := m.settings.SetProfessional(nameEntry.Text, phoneEntry.Text); err != nil {
			m.showError(err)
			return
		}
		// Fyne checks a field only once it has lost focus, and Enter
		// confirms from within it: so the PIN is checked here too.
		if err := pinEntry.Validate(); err != nil {
			m.showError(err)
			return
		}
		switch {
		case way.Selected != ways[1]:
			m.showError(m.settings.SetBackPIN(""))
		case pinEntry.Text != "":
			m.showError(m.settings.SetBackPIN(pinEntry.Text))
		}
	}, 560)
}

// noOneToCall reports whether the client's plan would have no one and no
// phone number to call: neither the professional's own nor the
// municipality's is set.
func (m *Main) noOneToCall() bool {
	set := func(s ...string) bool { return strings.TrimSpace(strings.Join(s, "")) != "" }
	if m.settings != nil {
		if name, phone, err := m.settings.Professional(); err == nil && set(name, phone) {
			return false
		}
	}
	if m.printer != nil {
		if o, err := m.printer.Organisation(); err == nil && set(o.Contact, o.Phone) {
			return false
		}
	}
	return true
}

// SetDefaultClientLanguage is the client view's language until one is
// chosen, as the municipality's settings file sets it.
func (m *Main) SetDefaultClientLanguage(lang string) {
	if m.clientLang == "" {
		m.clientLang = lang
	}
}

// hasBackPIN says whether the way back asks for a PIN.
func (m *Main) hasBackPIN() bool {
	if m.settings == nil {
		return false
	}
	on, err := m.settings.HasBackPIN()
	return err == nil && on
}

// leaveClientView turns back to the professional: at once, or after the
// PIN when one is set.
func (m *Main) leaveClientView() {
	if !m.hasBackPIN() {
		m.closeClientView()
		return
	}
	tr := m.tr
	pin := m.newDialogEntry()
	pin.Password = true
	pin.SetPlaceHolder(tr.T("settings.pin.placeholder"))
	m.form(tr.T("settings.pin.ask"), tr.T("dialog.ok"), []*widget.FormItem{widget.NewFormItem(tr.T("settings.pin"), pin)}, func() {
		if pin.Text == "" {
			m.showInfo(tr.T("settings.pin.ask"), tr.T("settings.pin.empty"))
			return
		}
		if ok, err := m.settings.CheckBackPIN(pin.Text); err != nil || !ok {
			m.showInfo(tr.T("settings.pin.ask"), tr.T("settings.pin.wrong"))
			return
		}
		m.closeClientView()
	}, 360)
	m.win.Canvas().Focus(pin) // the PIN is typed at once, without a click
}
