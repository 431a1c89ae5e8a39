package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/samenbeslissen/samenbeslissen/assets"
)

// clientLanguageChoice is where the professional picks the client's
// language before turning the screen, and sees how far to trust it: how
// the translation was made, and whether the municipality had it checked.
// The client view has its own choice, without any of that.
func (m *Main) clientLanguageChoice() fyne.CanvasObject {
	tr := m.tr
	names := make([]string, len(ClientLanguages))
	for i, l := range ClientLanguages {
		names[i] = languageName(language.Make(l))
	}
	status := wrapped("")
	status.Importance = widget.LowImportance
	mark := newButton(tr.T("language.mark"), nil, nil)
	sel := widget.NewSelect(names, nil)
	var show func()
	show = func() {
		lang := m.printLanguage()
		s := assets.LanguageStatusOf(lang)
		checked, err := m.store.LanguageChecked(lang)
		if err != nil {
			m.showError(err)
		}
		text := tr.T("language.made."+s.Made, map[string]any{"Date": s.Date.Format("2-1-2006")})
		switch {
		case s.Checked:
		case !checked.IsZero():
			text += " " + tr.T("language.checked", map[string]any{"Date": checked.Format("2-1-2006")})
		default:
			text += " " + tr.T("language.unchecked")
		}
		status.SetText(text)
		mark.SetText(tr.T("language.mark"))
		if !checked.IsZero() {
			mark.SetText(tr.T("language.unmark"))
		}
		enable(mark, !s.Checked)
		mark.OnTapped = func() {
			on := time.Now()
			if !checked.IsZero() {
				on = time.Time{}
			}
			m.showError(m.store.SetLanguageChecked(lang, on))
			show()
		}
	}
	sel.Selected = languageName(language.Make(m.printLanguage()))
	sel.OnChanged = func(string) {
		m.clientLang = ClientLanguages[sel.SelectedIndex()]
		show()
	}
	show()
	two := widget.NewCheck(tr.T("language.twolanguages"), func(on bool) { m.twoLanguages = on })
	two.Checked = m.twoLanguages
	return container.NewVBox(container.NewBorder(nil, nil, sel, mark), status, two)
}
