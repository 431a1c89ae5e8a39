package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

func builtInCatalogue(t *testing.T) *cards.Catalogue {
	t.Helper()
	cs, err := cards.ParseTOML(assets.CatalogueName, assets.Catalogue())
	if err != nil {
		t.Fatal(err)
	}
	return cards.NewCatalogue(cs)
}

func newTestBrowser(t *testing.T, lang string) (*Browser, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tr, err := locales.New(lang)
	if err != nil {
		t.Fatal(err)
	}
	texts := cardTexts{dutch: lang == "nl"}
	if !texts.dutch {
		if texts.t, err = assets.CardTranslations(lang); err != nil {
			t.Fatal(err)
		}
	}
	b := NewBrowser(builtInCatalogue(t), tr, cards.Filter{}, texts)
	w := test.NewTempWindow(t, b.Content())
	w.Resize(fyne.NewSize(1280, 800))
	return b, w
}

// shownTexts returns every text drawn on the canvas, as a user would see it.
func shownTexts(c fyne.Canvas) []string {
	var out []string
	for _, o := range visibleObjects(c.Content()) {
		if t, ok := o.(*canvas.Text); ok && strings.TrimSpace(t.Text) != "" {
			out = append(out, t.Text)
		}
	}
	return out
}

// visibleObjects walks the object tree as the canvas draws it (the widgets'
// own renderers), leaving out hidden objects and everything inside them.
func visibleObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}

// shownText joins the visible texts; wrapped labels are drawn line by line.
func shownText(c fyne.Canvas) string { return strings.Join(shownTexts(c), " ") }

func findCheck(t *testing.T, c fyne.Canvas, label string) *widget.Check {
	t.Helper()
	for _, o := range visibleObjects(c.Content()) {
		if ch, ok := o.(*widget.Check); ok && ch.Text == label {
			return ch
		}
	}
	t.Fatalf("no check box %q", label)
	return nil
}

func shownTiles(c fyne.Canvas) []*cardTile {
	var out []*cardTile
	for _, o := range visibleObjects(c.Content()) {
		if tile, ok := o.(*cardTile); ok && tile.card.ID != "" {
			out = append(out, tile)
		}
	}
	return out
}

func tileTitles(c fyne.Canvas) []string {
	var out []string
	for _, tile := range shownTiles(c) {
		out = append(out, tile.title.Text)
	}
	return out
}

func TestBrowser_SearchFilterAndOpenCard(t *testing.T) {
	b, w := newTestBrowser(t, "nl")
	c := w.Canvas()
	if got := b.count.Text; got != "44 kaarten" {
		t.Errorf("count at start = %q", got)
	}
	if got := len(shownTiles(c)); got < 8 {
		t.Errorf("%d cards shown at start, want a full grid", got)
	}

	test.Type(b.search, "schuld")
	titles := tileTitles(c)
	if len(titles) == 0 || titles[0] != "Schuldhulpverlening" {
		t.Fatalf("after typing \"schuld\" the first card is not Schuldhulpverlening: %v", titles)
	}
	searched := len(titles)

	test.Tap(findCheck(t, c, "Nazorg"))
	if got := tileTitles(c); len(got) == 0 || len(got) >= searched || slices.Contains(got, "Schuldhulpverlening") {
		t.Errorf("after tapping Nazorg the cards are %v", got)
	}
	for _, tile := range shownTiles(c) {
		if tile.category.Text != "Nazorg" {
			t.Errorf("card %q of category %q shown under the Nazorg filter", tile.title.Text, tile.category.Text)
		}
	}
	if !strings.Contains(shownText(c), b.count.Text) {
		t.Errorf("count %q not shown", b.count.Text)
	}

	test.Tap(findCheck(t, c, "Nazorg"))
	var debt *cardTile
	for _, tile := range shownTiles(c) {
		if tile.card.ID == "schuldhulpverlening" {
			debt = tile
		}
	}
	if debt == nil {
		t.Fatal("Schuldhulpverlening not shown after turning the filter off")
	}
	test.Tap(debt)

	shown := shownText(c)
	card := debt.card
	for _, want := range []string{"Schuldhulpverlening", "Voordelen", "Nadelen", "Wat ga je doen?", "Wat weten we over het effect?", "Wat zeggen cliënten?", "Effect nog onbekend"} {
		if !strings.Contains(shown, want) {
			t.Errorf("card view does not show %q", want)
		}
	}
	for _, point := range append(slices.Clone(card.Pros), card.Cons...) {
		if !strings.Contains(shown, firstWords(point, 3)) {
			t.Errorf("card view does not show the point %q", point)
		}
	}
	if len(shownTiles(c)) != 0 {
		t.Error("the grid is still shown behind the card")
	}

	test.Tap(buttonOn(t, c, "Terug naar alle kaarten"))
	if len(shownTiles(c)) == 0 {
		t.Error("back did not show the cards again")
	}
	if b.search.Text != "schuld" {
		t.Errorf("search after back = %q, want it kept", b.search.Text)
	}
}

func TestBrowser_NothingFound(t *testing.T) {
	b, w := newTestBrowser(t, "nl")
	test.Type(b.search, "paardrijden")
	if got := b.count.Text; got != "0 kaarten" {
		t.Errorf("count = %q", got)
	}
	if !strings.Contains(shownText(w.Canvas()), "Geen kaarten gevonden.") {
		t.Error("no message that nothing was found")
	}
	test.Tap(buttonOn(t, w.Canvas(), "Wis filters"))
	if b.search.Text != "" || b.count.Text != "44 kaarten" {
		t.Errorf("after clearing: search %q, count %q", b.search.Text, b.count.Text)
	}
}

func TestBrowser_ClientFilters(t *testing.T) {
	b, w := newTestBrowser(t, "nl")
	test.Type(b.age, "45")
	b.language.sel.SetSelected("nog geen")
	for _, tile := range shownTiles(w.Canvas()) {
		s := tile.card.Suits
		if !s.Age.IsZero() && !s.Age.Contains(45) || s.MinLanguage != cards.LanguageNone {
			t.Errorf("card %s (age %v, language %s) shown to a 45-year-old without Dutch", tile.card.ID, s.Age, s.MinLanguage)
		}
	}
	f := b.Filter()
	if f.Client.Age != 45 || f.Client.Language != cards.LanguageNone {
		t.Errorf("filter = %+v", f.Client)
	}
}

func TestBrowser_English(t *testing.T) {
	_, w := newTestBrowser(t, "en")
	shown := shownText(w.Canvas())
	for _, want := range []string{"44 cards", "Kind of help", "Toward work"} {
		if !strings.Contains(shown, want) {
			t.Errorf("English browser does not show %q", want)
		}
	}
}

// firstWords returns the first n words of s: a wrapped label draws a long
// point over several lines, but its start is on the first.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	return strings.Join(words[:min(n, len(words))], " ")
}

// TestBrowser_CardsInInterfaceLanguage: with the interface in English the
// cards show in English; a card without a translation shows in Dutch with
// a note that says so.
func TestBrowser_CardsInInterfaceLanguage(t *testing.T) {
	m, w, _, _ := newTestMainDB(t, "")
	m.SetLanguage("en")
	m.showCards()
	m.browser.search.SetText("schuldhulpverlening")
	card, _ := m.cat.Card("schuldhulpverlening")
	en, _ := m.cardTranslations("en").Apply(card)
	if en.Title == card.Title {
		t.Fatal("the test needs a card whose English title differs")
	}
	if text := shownText(w.Canvas()); !strings.Contains(text, en.Title) || strings.Contains(text, card.Title+" ") {
		t.Errorf("the English browser does not show %q in place of %q", en.Title, card.Title)
	}
	m.browser.ShowCard(card)
	if text := shownText(w.Canvas()); !strings.Contains(text, en.Title) || strings.Contains(text, "It shows in Dutch") {
		t.Errorf("the opened card is not in English: %q", text)
	}
	own := card
	own.ID = "eigen-schuldhulp"
	m.browser.ShowCard(own)
	if text := shownText(w.Canvas()); !strings.Contains(text, card.Title) || !strings.Contains(text, "It shows in Dutch") {
		t.Errorf("an untranslated card has no note: %q", text)
	}
}
