package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// printLanguage is the language of the client view and of what is printed
// for the client: the open session's client's, else the municipality's
// default, else the interface's.
func (m *Main) printLanguage() string {
	if lang := m.clientLanguage(); lang != "" {
		return lang
	}
	if m.clientLang != "" {
		return m.clientLang
	}
	return m.tr.Language().String()
}

// Opener opens a file or folder in the program the computer uses for it,
// and calls done with whether that program could be started; done may be
// called from another goroutine.
type Opener func(path string, done func(error))

// SetOpener sets how printed files are opened; without one they are not.
func (m *Main) SetOpener(open Opener) { m.opener = open }

// print writes a PDF, says where it is, and opens it in the computer's
// PDF viewer: the message stays, with buttons to open the PDF and its
// folder again, and says so when no viewer could be started.
func (m *Main) print(write func() (string, error)) {
	path, err := write()
	if err != nil {
		m.showError(err)
		return
	}
	tr := m.tr
	status := wrapped("")
	open := func(p string) {
		if m.opener == nil {
			return
		}
		status.SetText(tr.T("print.opening"))
		m.opener(p, func(err error) {
			fyne.Do(func() {
				if err != nil {
					status.SetText(tr.T("print.noviewer", map[string]any{"Error": err.Error()}))
					status.Importance = widget.DangerImportance
				} else {
					status.SetText("")
					status.Importance = widget.MediumImportance
				}
				status.Refresh()
			})
		})
	}
	openPDF := newButton(tr.T("print.open"), theme.DocumentIcon(), func() { open(path) })
	openDir := newButton(tr.T("print.folder"), theme.FolderOpenIcon(), func() { open(filepath.Dir(path)) })
	if m.opener == nil {
		openPDF.Hide()
		openDir.Hide()
	}
	body := container.NewVBox(wrapped(tr.T("print.saved", map[string]any{"File": path})), status,
		container.NewHBox(openPDF, openDir))
	d := dialog.NewCustom(tr.T("print.done"), tr.T("dialog.close"), body, m.win)
	d.Resize(fyne.NewSize(560, 0))
	m.showDialog(d, nil, nil)
	open(path)
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
	items := []*widget.FormItem{
		widget.NewFormItem(tr.T("org.name"), name),
		widget.NewFormItem(tr.T("org.contact"), contact),
		widget.NewFormItem(tr.T("org.phone"), phone),
		widget.NewFormItem(tr.T("org.logo"), container.NewBorder(nil, nil, nil, pick, logoLabel)),
	}
	if m.noOneToCall() {
		items = append(items, widget.NewFormItem("", wrapped(tr.T("settings.nocontact"))))
	}
	m.form(tr.T("menu.organisation"), tr.T("org.save"), items, func() {
		m.showError(m.printer.SetOrganisation(cards.Organisation{Name: name.Text, Contact: contact.Text, Phone: phone.Text, Logo: logo}))
	}, 560)
}
