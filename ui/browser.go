package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// Browser is the first screen: the catalogue as a grid of cards, with
// search and filters beside it. Choosing a card shows it whole.
type Browser struct {
	tr      *locales.Translator
	texts   cardTexts // the cards in the interface language
	cat     *cards.Catalogue
	filter  cards.Filter
	results []cards.Card
	shown   *cards.Card // the card whose detail is open, if any

	search     *widget.Entry
	categories *choiceGroup[cards.Category]
	goals      *choiceGroup[cards.Goal]
	factors    *choiceGroup[cards.Factor]
	age        *widget.Entry
	experience *choiceSelect[cards.WorkExperience]
	language   *choiceSelect[cards.LanguageLevel]
	clear      *button
	print      *button // prints the cards shown, set up by Main
	count      *widget.Label
	empty      *widget.Label
	grid       *widget.GridWrap
	gridPage   fyne.CanvasObject
	body       *fyne.Container // shows gridPage or a card's detail
	content    fyne.CanvasObject
}

// NewBrowser builds the browser over a catalogue, in the translator's
// language, starting from filter f (so that switching language keeps what
// the user chose).
func NewBrowser(cat *cards.Catalogue, tr *locales.Translator, f cards.Filter, texts cardTexts) *Browser {
	b := &Browser{tr: tr, cat: cat, texts: texts}
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder(tr.T("browser.search"))
	b.search.ActionItem = widget.NewIcon(theme.SearchIcon())

	b.categories = newChoiceGroup(cards.Categories, tr, "category.")
	b.goals = newChoiceGroup(cards.Goals, tr, "goal.")
	b.factors = newChoiceGroup(cards.Factors, tr, "factor.")
	b.age = widget.NewEntry()
	b.age.SetPlaceHolder(tr.T("filter.age.placeholder"))
	b.experience = newChoiceSelect(cards.WorkExperiences, tr, "experience.")
	b.language = newChoiceSelect(cards.LanguageLevels, tr, "language.")
	b.clear = newButton(tr.T("browser.clear"), theme.ContentClearIcon(), func() { b.setFilter(cards.Filter{}) })

	b.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.empty = widget.NewLabel(tr.T("browser.empty"))
	b.empty.Wrapping = fyne.TextWrapWord
	b.grid = widget.NewGridWrap(
		func() int { return len(b.results) },
		func() fyne.CanvasObject { return newCardTile(b.ShowCard) },
		func(i widget.GridWrapItemID, o fyne.CanvasObject) {
			if i < len(b.results) {
				c, _ := b.texts.card(b.results[i])
				o.(*cardTile).set(c, b.tr)
			}
		})
	b.print = newButton(tr.T("print.deck"), theme.DocumentPrintIcon(), nil)
	b.gridPage = container.NewBorder(container.NewPadded(container.NewBorder(nil, nil, b.count, b.print)), nil, nil, nil, container.NewStack(b.grid, container.NewPadded(b.empty)))
	b.body = container.NewStack(b.gridPage)

	sidebar := container.NewVScroll(container.NewPadded(container.NewVBox(
		b.search,
		heading(tr.T("filter.categories")), b.categories.box,
		heading(tr.T("filter.goals")), b.goals.box,
		heading(tr.T("filter.factors")), b.factors.box,
		heading(tr.T("filter.client")),
		widget.NewForm(
			widget.NewFormItem(tr.T("filter.age"), b.age),
			widget.NewFormItem(tr.T("filter.experience"), b.experience.sel),
			widget.NewFormItem(tr.T("filter.language"), b.language.sel),
		),
		b.clear,
	)))
	sidebar.SetMinSize(fyne.NewSize(300, 0))
	b.content = container.NewBorder(nil, nil, sidebar, nil, b.body)

	b.setFilter(f)
	changed := func() { b.apply(b.readFilter()) }
	b.search.OnChanged = func(string) { changed() }
	b.age.OnChanged = func(string) { changed() }
	b.categories.onChanged = changed
	b.goals.onChanged = changed
	b.factors.onChanged = changed
	b.experience.onChanged = changed
	b.language.onChanged = changed
	return b
}

// Content returns the browser's root object.
func (b *Browser) Content() fyne.CanvasObject { return b.content }

// Shown returns the IDs of the cards the filter shows.
func (b *Browser) Shown() []string {
	ids := make([]string, len(b.results))
	for i, c := range b.results {
		ids[i] = c.ID
	}
	return ids
}

// Filter returns what the user has chosen.
func (b *Browser) Filter() cards.Filter { return b.filter }

// SetCatalogue shows another catalogue, keeping the filter.
func (b *Browser) SetCatalogue(cat *cards.Catalogue) {
	b.cat = cat
	b.showGrid()
	b.apply(b.filter)
}

// ShowCard opens a card whole.
func (b *Browser) ShowCard(c cards.Card) {
	b.shown = &c
	shown, dutch := b.texts.card(c)
	b.body.Objects = []fyne.CanvasObject{newDetail(shown, dutch, b.tr, b.showGrid)}
	b.body.Refresh()
}

func (b *Browser) showGrid() {
	b.shown = nil
	b.body.Objects = []fyne.CanvasObject{b.gridPage}
	b.body.Refresh()
}

// setFilter puts f in the widgets without a change event per widget.
func (b *Browser) setFilter(f cards.Filter) {
	b.filter = f // keeps apply from running for each widget change below
	b.search.SetText(f.Query)
	b.categories.set(f.Categories)
	b.goals.set(f.Goals)
	b.factors.set(f.Factors)
	age := ""
	if f.Client.Age > 0 {
		age = strconv.Itoa(f.Client.Age)
	}
	b.age.SetText(age)
	b.experience.set(f.Client.WorkExperience)
	b.language.set(f.Client.Language)
	b.apply(f)
}

func (b *Browser) readFilter() cards.Filter {
	age, _ := strconv.Atoi(strings.TrimSpace(b.age.Text))
	return cards.Filter{
		Query:      b.search.Text,
		Categories: b.categories.selected(),
		Goals:      b.goals.selected(),
		Factors:    b.factors.selected(),
		Client: cards.Profile{
			Age:            max(age, 0),
			WorkExperience: b.experience.selected(),
			Language:       b.language.selected(),
		},
	}
}

// apply filters the catalogue and shows the result from the top.
func (b *Browser) apply(f cards.Filter) {
	b.filter = f
	b.results = b.cat.Filter(f)
	b.count.SetText(b.tr.N("browser.count", len(b.results)))
	if len(b.results) == 0 {
		b.empty.Show()
	} else {
		b.empty.Hide()
	}
	b.grid.Refresh()
	b.grid.ScrollToTop()
	if b.shown != nil && !slices.ContainsFunc(b.results, func(c cards.Card) bool { return c.ID == b.shown.ID }) {
		b.showGrid()
	}
}

func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// choiceGroup is a set of check boxes for values of a closed list, showing
// translated names but reporting the values; box holds them one under the
// other, or in columns when there are many (see columns).
type choiceGroup[T ~string] struct {
	box       *fyne.Container
	checks    []*widget.Check
	values    []T
	onChanged func()
	setting   bool // set is changing the boxes: no change events
}

func newChoiceGroup[T ~string](values []T, tr *locales.Translator, prefix string) *choiceGroup[T] {
	g := &choiceGroup[T]{values: values, box: container.NewVBox()}
	for _, v := range values {
		c := widget.NewCheck(tr.T(prefix+string(v)), func(bool) {
			if g.onChanged != nil && !g.setting {
				g.onChanged()
			}
		})
		g.checks = append(g.checks, c)
		g.box.Add(c)
	}
	return g
}

// columns puts the boxes in as many columns as fit the width, so that ten
// choices need neither a very wide nor a very long screen.
func (g *choiceGroup[T]) columns() *choiceGroup[T] {
	g.box.Layout = &columnsLayout{}
	return g
}

func (g *choiceGroup[T]) selected() []T {
	var out []T
	for i, c := range g.checks {
		if c.Checked {
			out = append(out, g.values[i])
		}
	}
	return out
}

func (g *choiceGroup[T]) set(vs []T) {
	g.setting = true
	defer func() { g.setting = false }()
	for i, c := range g.checks {
		c.SetChecked(slices.Contains(vs, g.values[i]))
	}
}

// choiceSelect is a drop-down for one value of a closed list, or none.
type choiceSelect[T ~string] struct {
	sel       *widget.Select
	values    []T
	labels    []string // labels[0] is "any"
	onChanged func()
}

func newChoiceSelect[T ~string](values []T, tr *locales.Translator, prefix string) *choiceSelect[T] {
	s := &choiceSelect[T]{values: values, labels: []string{tr.T("filter.any")}}
	for _, v := range values {
		label := tr.T(prefix + string(v))
		if label == prefix+string(v) {
			label = string(v) // level names such as A2 need no translation
		}
		s.labels = append(s.labels, label)
	}
	s.sel = widget.NewSelect(s.labels, func(string) {
		if s.onChanged != nil {
			s.onChanged()
		}
	})
	return s
}

func (s *choiceSelect[T]) selected() T {
	if i := s.sel.SelectedIndex(); i > 0 {
		return s.values[i-1]
	}
	return ""
}

func (s *choiceSelect[T]) set(v T) {
	i := slices.Index(s.values, v) + 1 // 0, "any", when v is not a value
	s.sel.Selected = s.labels[i]
	s.sel.Refresh()
}
