package ui

import (
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// clientLanguageChoice is where the professional picks the client's
// language before turning the screen, and sees how far to trust it: how
// the translation was made, and whether the municipality had it checked.
// The client view has its own choice, without any of that.
func (m *Main) clientLanguageChoice() fyne.CanvasObject {
	tr := m.tr
	names := make([]string, len(ClientLanguages))
	for i, l := range ClientLanguages {
		names[i] = clientLanguageName(l)
	}
	status := wrapped("")
	status.Importance = widget.LowImportance
	mark := newButton(tr.T("language.mark"), nil, nil)
	sel := widget.NewSelect(names, nil)
	// A select is as wide as its placeholder, which never shows here (a
	// language is always chosen): so the widest name fits.
	widest := float32(0)
	for _, n := range names {
		if w := fyne.MeasureText(n, theme.Size(theme.SizeNameText), fyne.TextStyle{}).Width; w > widest {
			widest, sel.PlaceHolder = w, n
		}
	}
	row := container.NewBorder(nil, nil, sel, mark)
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
		// The source language is what translations are checked against:
		// there is nothing to mark.
		if lang == locales.Source.String() {
			mark.Hide()
		} else {
			mark.Show()
		}
		row.Refresh() // lays the shown or hidden mark out
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
	sel.Selected = clientLanguageName(m.printLanguage())
	sel.OnChanged = func(string) {
		m.setClientLanguage(ClientLanguages[sel.SelectedIndex()])
		show()
	}
	show()
	two := widget.NewCheck(tr.T("language.twolanguages"), func(on bool) { m.twoLanguages = on })
	two.Checked = m.twoLanguages
	return container.NewVBox(row, status, two)
}

// setClientLanguage keeps the open session's client's language with the
// client, so that their next conversation, after a restart too, is in it.
func (m *Main) setClientLanguage(lang string) {
	if m.session == nil || m.session.client.Language == lang {
		return
	}
	if err := m.store.SetClientLanguage(m.session.client.ID, lang); err != nil {
		m.showError(err)
		return
	}
	m.session.client.Language = lang
}

// clientLanguage is the open session's client's language when one was
// chosen for them and the app still has it, else "".
func (m *Main) clientLanguage() string {
	if m.session == nil || !slices.Contains(ClientLanguages, m.session.client.Language) {
		return ""
	}
	return m.session.client.Language
}

// dutchLanguageNames replace names display.Dutch gives poorly: Farsi is
// what the people who speak it, and Dutch professionals, call it.
var dutchLanguageNames = map[string]string{"fa": "Farsi"}

// clientLanguageName names a language for the professional in Dutch and in
// its own script, "Arabisch — العربية", so that languages in a script the
// professional cannot read are told apart; Dutch is named once.
func clientLanguageName(lang string) string {
	t := language.Make(lang)
	dutch, ok := dutchLanguageNames[lang]
	if !ok {
		dutch = capitalized(display.Dutch.Languages().Name(t))
	}
	self := languageName(t)
	switch {
	case dutch == "":
		return self
	case dutch == self:
		return dutch
	}
	return dutch + " — " + self
}

// capitalized starts a name with a capital, as a list item does.
func capitalized(name string) string {
	if name == "" {
		return ""
	}
	first, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(first)) + name[size:]
}
