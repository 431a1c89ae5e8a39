package ui

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// openFile lets the user pick a file with one of the extensions and passes
// its name and contents on; a cancelled dialog does nothing.
func (m *Main) openFile(exts []string, use func(name string, data []byte)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			m.showError(err)
			return
		}
		defer r.Close()
		data, err := io.ReadAll(r)
		if err != nil {
			m.showError(fmt.Errorf("%s lezen: %w", r.URI().Name(), err))
			return
		}
		use(r.URI().Name(), data)
	}, m.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

func (m *Main) loadCatalogue() {
	m.openFile(cards.FileTypes, m.ImportCatalogue)
}

// ImportCatalogue checks a catalogue file and, only when it is wholly valid,
// keeps it and shows it. Otherwise it lists every problem and changes nothing.
func (m *Main) ImportCatalogue(name string, data []byte) {
	cs, notes, err := cards.ParseFile(name, data)
	if probs, ok := err.(cards.Problems); ok {
		m.showProblems(probs)
		return
	}
	if err == nil {
		err = m.catalogues.Keep(cs)
	}
	if err != nil {
		m.showError(err)
		return
	}
	m.cat = cards.NewCatalogue(cs)
	m.browser.SetCatalogue(m.cat)
	m.showInfo(m.tr.T("menu.catalogue"), strings.Join(append([]string{m.tr.T("catalogue.loaded", map[string]any{"Count": len(cs)})}, notes...), "\n\n"))
}

func (m *Main) saveCatalogue() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			m.showError(err)
			return
		}
		var buf bytes.Buffer
		err = cards.WriteFile(w.URI().Name(), &buf, m.cat.Cards())
		if err == nil {
			_, err = w.Write(buf.Bytes())
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			m.showError(fmt.Errorf("catalogus opslaan in %s: %w", w.URI().Name(), err))
			return
		}
		m.showInfo(m.tr.T("menu.catalogue"), m.tr.T("catalogue.saved", map[string]any{"File": w.URI().Name()}))
	}, m.win)
	d.SetFileName("catalogus.xlsx")
	d.SetFilter(storage.NewExtensionFileFilter(cards.FileTypes))
	d.Show()
}

func (m *Main) useBuiltIn() {
	cat, err := m.catalogues.Forget()
	if err != nil {
		m.showError(err)
		return
	}
	m.cat = cat
	m.browser.SetCatalogue(cat)
	m.showInfo(m.tr.T("menu.catalogue"), m.tr.T("catalogue.builtin"))
}

func (m *Main) showProblems(probs cards.Problems) {
	list := widget.NewLabel(probs.Error())
	list.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(640, 320))
	intro := widget.NewLabel(m.tr.T("catalogue.problems"))
	intro.Wrapping = fyne.TextWrapWord
	m.showDialog(dialog.NewCustom(m.tr.T("catalogue.error"), m.tr.T("dialog.ok"), container.NewBorder(intro, nil, nil, nil, scroll), m.win), nil, nil)
}

// chooseClientLanguage asks for one of the client languages other than
// Dutch, then does what with it.
func (m *Main) chooseClientLanguage(title string, what func(lang string)) {
	var langs, names []string
	for _, l := range ClientLanguages {
		if l != "nl" {
			langs = append(langs, l)
			names = append(names, languageName(language.Make(l)))
		}
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	m.form(title, m.tr.T("translation.next"), []*widget.FormItem{widget.NewFormItem(m.tr.T("translation.language"), sel)},
		func() { what(langs[sel.SelectedIndex()]) }, 420)
}

// saveTranslation saves a language's translation sheet of the catalogue in
// use, for a translation agency.
func (m *Main) saveTranslation() {
	m.chooseClientLanguage(m.tr.T("menu.translation.save"), func(lang string) {
		data, n, err := m.catalogues.TranslationSheet(lang)
		if err != nil {
			m.showError(err)
			return
		}
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				m.showError(err)
				return
			}
			_, err = w.Write(data)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				m.showError(fmt.Errorf("vertaling opslaan in %s: %w", w.URI().Name(), err))
				return
			}
			m.showInfo(m.tr.T("menu.catalogue"), m.tr.N("translation.saved", n, map[string]any{"File": w.URI().Name()}))
		}, m.win)
		d.SetFileName("vertaling-" + lang + ".xlsx")
		d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
		d.Show()
	})
}

// loadTranslation loads a filled-in translation sheet back.
func (m *Main) loadTranslation() {
	m.chooseClientLanguage(m.tr.T("menu.translation.load"), func(lang string) {
		m.openFile([]string{".xlsx"}, func(name string, data []byte) { m.ImportTranslation(lang, name, data) })
	})
}

// ImportTranslation loads a filled-in translation sheet of a language and
// says how many texts are translated, or lists the sheet's problems.
func (m *Main) ImportTranslation(lang, name string, data []byte) {
	n, err := m.catalogues.ImportTranslation(lang, name, data)
	if probs, ok := err.(cards.Problems); ok {
		m.showProblems(probs)
		return
	}
	if err != nil {
		m.showError(err)
		return
	}
	delete(m.translations, lang) // read again when next needed
	m.showInfo(m.tr.T("menu.catalogue"), m.tr.N("translation.loaded", n))
}
