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
	"golang.org/x/text/language/display"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// CatalogueStore keeps the catalogue the municipality loaded, so that it is
// there at the next start. The app package implements it on disk.
type CatalogueStore interface {
	// Keep stores cards as the catalogue in use.
	Keep(cs []cards.Card) error
	// Forget removes the stored catalogue and returns the built-in one.
	Forget() (*cards.Catalogue, error)
}

// Main is the main window: a toolbar with the catalogue's actions and the
// language, and the card browser.
type Main struct {
	win     fyne.Window
	store   CatalogueStore
	tr      *locales.Translator
	cat     *cards.Catalogue
	browser *Browser
}

// NewMain fills win with the card browser over cat, in language lang.
func NewMain(win fyne.Window, cat *cards.Catalogue, store CatalogueStore, lang string) (*Main, error) {
	tr, err := locales.New(lang)
	if err != nil {
		return nil, err
	}
	m := &Main{win: win, store: store, tr: tr, cat: cat}
	m.build(cards.Filter{})
	return m, nil
}

// Browser returns the card browser.
func (m *Main) Browser() *Browser { return m.browser }

// build (re)creates the window's content in the current language.
func (m *Main) build(f cards.Filter) {
	tr := m.tr
	m.win.SetTitle(tr.T("app.title"))
	m.browser = NewBrowser(m.cat, tr, f)

	langs := locales.Languages()
	names := make([]string, len(langs))
	current := ""
	for i, l := range langs {
		names[i] = languageName(l)
		if l == tr.Language() {
			current = names[i]
		}
	}
	langSelect := widget.NewSelect(names, nil)
	langSelect.Selected = current
	langSelect.OnChanged = func(string) { m.SetLanguage(langs[langSelect.SelectedIndex()].String()) }

	catalogue := widget.NewButton(tr.T("menu.catalogue"), nil)
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(tr.T("menu.catalogue.load"), m.loadCatalogue),
		fyne.NewMenuItem(tr.T("menu.catalogue.save"), m.saveCatalogue),
		fyne.NewMenuItem(tr.T("menu.catalogue.builtin"), m.useBuiltIn),
	)
	catalogue.OnTapped = func() {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(catalogue).AddXY(0, catalogue.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, m.win.Canvas(), pos)
	}
	bar := container.NewBorder(nil, nil, catalogue, container.NewHBox(widget.NewLabel(tr.T("app.language")), langSelect))
	m.win.SetContent(container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, m.browser.Content()))
}

// SetLanguage shows the interface in another language, keeping the filter.
func (m *Main) SetLanguage(lang string) {
	tr, err := locales.New(lang)
	if err != nil || tr.Language() == m.tr.Language() {
		return
	}
	m.tr = tr
	m.build(m.browser.Filter())
}

// languageName names a language in itself: "Nederlands", "English".
func languageName(t language.Tag) string {
	name := display.Self.Name(t)
	if name == "" {
		return t.String()
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

func (m *Main) loadCatalogue() {
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
		m.ImportCatalogue(r.URI().Name(), data)
	}, m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".toml"}))
	d.Show()
}

// ImportCatalogue checks a catalogue file and, only when it is wholly valid,
// keeps it and shows it. Otherwise it lists every problem and changes nothing.
func (m *Main) ImportCatalogue(name string, data []byte) {
	cs, err := cards.ParseFile(name, data)
	if probs, ok := err.(cards.Problems); ok {
		m.showProblems(probs)
		return
	}
	if err == nil {
		err = m.store.Keep(cs)
	}
	if err != nil {
		m.showError(err)
		return
	}
	m.cat = cards.NewCatalogue(cs)
	m.browser.SetCatalogue(m.cat)
	dialog.ShowInformation(m.tr.T("menu.catalogue"), m.tr.T("catalogue.loaded", map[string]any{"Count": len(cs)}), m.win)
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
		dialog.ShowInformation(m.tr.T("menu.catalogue"), m.tr.T("catalogue.saved", map[string]any{"File": w.URI().Name()}), m.win)
	}, m.win)
	d.SetFileName("catalogus.csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".toml"}))
	d.Show()
}

func (m *Main) useBuiltIn() {
	cat, err := m.store.Forget()
	if err != nil {
		m.showError(err)
		return
	}
	m.cat = cat
	m.browser.SetCatalogue(cat)
	dialog.ShowInformation(m.tr.T("menu.catalogue"), m.tr.T("catalogue.builtin"), m.win)
}

func (m *Main) showProblems(probs cards.Problems) {
	list := widget.NewLabel(probs.Error())
	list.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(640, 320))
	intro := widget.NewLabel(m.tr.T("catalogue.problems"))
	intro.Wrapping = fyne.TextWrapWord
	dialog.ShowCustom(m.tr.T("catalogue.error"), "OK", container.NewBorder(intro, nil, nil, nil, scroll), m.win)
}

// showError shows err as a message; a nil error (a cancelled dialog) shows nothing.
func (m *Main) showError(err error) {
	if err != nil {
		dialog.ShowError(err, m.win)
	}
}

// ShowNotice shows a message at start, such as a stored catalogue that
// could not be read.
func (m *Main) ShowNotice(text string) {
	if text != "" {
		dialog.ShowInformation(m.tr.T("menu.catalogue"), text, m.win)
	}
}
