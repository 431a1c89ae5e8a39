package ui

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// printLanguage is the language printables for the client are in: the one
// chosen in the client view, or the interface's.
func (m *Main) printLanguage() string {
	if m.clientLang != "" {
		return m.clientLang
	}
	return m.tr.Language().String()
}

// print writes a PDF and opens it in the computer's PDF viewer.
func (m *Main) print(write func() (string, error)) {
	path, err := write()
	if err != nil {
		m.showError(err)
		return
	}
	u, err := url.Parse("file://" + filepath.ToSlash(path))
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		m.showInfo(m.tr.T("print.done"), m.tr.T("print.saved", map[string]any{"File": path}))
	}
}

// editOrganisation edits the municipality on the printables.
func (m *Main) editOrganisation() {
	tr := m.tr
	o, err := m.printer.Organisation()
	if err != nil {
		m.showError(err)
		return
	}
	if file := m.printer.OrganisationFixedBy(); file != "" {
		// Shown, not changed: IT set it for the whole municipality.
		m.showInfo(tr.T("menu.organisation"), tr.T("org.fixed", map[string]any{
			"Name": o.Name, "Contact": o.Contact, "Phone": o.Phone, "File": file}))
		return
	}
	name, contact, phone := m.newDialogEntry(), m.newDialogEntry(), m.newDialogEntry()
	name.SetText(o.Name)
	contact.SetText(o.Contact)
	phone.SetText(o.Phone)
	logo := o.Logo
	logoLabel := widget.NewLabel(tr.T("org.logo.none"))
	if len(logo) > 0 {
		logoLabel.SetText(tr.T("org.logo.set"))
	}
	pick := newButton(tr.T("org.logo.pick"), nil, func() {
		m.openFile([]string{".png", ".jpg", ".jpeg"}, func(name string, data []byte) {
			logo = data
			logoLabel.SetText(name)
		})
	})
	m.form(tr.T("menu.organisation"), tr.T("org.save"), []*widget.FormItem{
		widget.NewFormItem(tr.T("org.name"), name),
		widget.NewFormItem(tr.T("org.contact"), contact),
		widget.NewFormItem(tr.T("org.phone"), phone),
		widget.NewFormItem(tr.T("org.logo"), container.NewBorder(nil, nil, nil, pick, logoLabel)),
	}, func() {
		m.showError(m.printer.SetOrganisation(cards.Organisation{Name: name.Text, Contact: contact.Text, Phone: phone.Text, Logo: logo}))
	}, 560)
}
