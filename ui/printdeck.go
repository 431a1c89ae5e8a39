package ui

import (
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
)

// DeckChoice is how a deck is printed, as chosen in the print dialog.
type DeckChoice struct {
	Lang   string
	Format string // "a6" or "a7"
	Layout DeckLayout
	Group  bool // the kit for group sessions: instructions, blank cards, a worksheet
}

// DeckLayout is how the cards lie on the sheet and are cut.
type DeckLayout int

const (
	LayoutCut      DeckLayout = iota // double-sided, each card cut along crop marks
	LayoutTouching                   // double-sided, cards touching, for a paper cutter
	LayoutFold                       // single-sided, front and back side by side to fold
)

// chooseDeck asks how to print the cards shown, then prints them.
func (m *Main) chooseDeck(ids []string) {
	tr := m.tr
	langNames := make([]string, len(ClientLanguages))
	selected := 0
	for i, l := range ClientLanguages {
		langNames[i] = languageName(language.Make(l))
		if l == tr.Language().String() {
			selected = i
		}
	}
	lang := widget.NewSelect(langNames, nil)
	lang.SetSelectedIndex(selected)
	format := widget.NewRadioGroup([]string{tr.T("deckprint.a6"), tr.T("deckprint.a7")}, nil)
	format.SetSelected(tr.T("deckprint.a6"))
	format.Required = true
	layouts := []string{tr.T("deckprint.cut"), tr.T("deckprint.touching"), tr.T("deckprint.fold")}
	layout := widget.NewRadioGroup(layouts, nil)
	layout.SetSelected(layouts[0])
	layout.Required = true
	group := widget.NewCheck(tr.T("deckprint.group"), nil)
	m.form(tr.T("print.deck"), tr.T("deckprint.print"), []*widget.FormItem{
		widget.NewFormItem(tr.T("deckprint.language"), lang),
		widget.NewFormItem(tr.T("deckprint.format"), format),
		widget.NewFormItem(tr.T("deckprint.layout"), layout),
		widget.NewFormItem("", group),
	}, func() {
		c := DeckChoice{Lang: ClientLanguages[lang.SelectedIndex()], Format: "a6", Group: group.Checked}
		if format.Selected == tr.T("deckprint.a7") {
			c.Format = "a7"
		}
		for i, l := range layouts {
			if layout.Selected == l {
				c.Layout = DeckLayout(i)
			}
		}
		m.print(func() (string, error) { return m.printer.PrintDeck(ids, c) })
	}, 560)
}
