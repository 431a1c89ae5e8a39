package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// fileStore keeps the catalogue in a real file, as the app does.
type fileStore struct {
	file         storage.CatalogueFile
	translations storage.Translations
	builtIn      *cards.Catalogue
}

func (s fileStore) Keep(cs []cards.Card) error { return s.file.Save(cs) }

func (s fileStore) Forget() (*cards.Catalogue, error) { return s.builtIn, s.file.Remove() }

func (s fileStore) cards() []cards.Card {
	if cs, found, err := s.file.Load(); found && err == nil {
		return cs
	}
	return s.builtIn.Cards()
}

func (s fileStore) TranslationSheet(lang string) ([]byte, int, error) {
	return s.translations.Sheet(lang, s.cards())
}

func (s fileStore) ImportTranslation(lang, name string, data []byte) (int, error) {
	return s.translations.Import(lang, name, data, s.cards())
}

// CardTexts reads the translations as the app does: its own of the
// built-in cards, and the municipality's in the storage folder.
func (s fileStore) CardTexts(lang string, cs []cards.Card) (cards.Translations, error) {
	out, err := assets.CardTranslations(lang)
	if err != nil {
		return nil, err
	}
	known, err := s.translations.Load(lang)
	return out.With(cs, known), err
}

func newTestMain(t *testing.T) (*Main, fyne.Window, fileStore) {
	t.Helper()
	m, w, store, _ := newTestMainDB(t, "")
	return m, w, store
}

// newTestMainDB opens the main window over a real database file, made in a
// temporary folder when path is empty.
func newTestMainDB(t *testing.T, path string) (*Main, fyne.Window, fileStore, *storage.DB) {
	t.Helper()
	test.NewTempApp(t)
	cat := builtInCatalogue(t)
	dir := t.TempDir()
	if path == "" {
		path = filepath.Join(dir, storage.DatabaseFileName)
	}
	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	store := fileStore{file: storage.NewCatalogueFile(dir), translations: storage.NewTranslations(dir), builtIn: cat}
	w := &userWindow{Window: test.NewTempWindow(t, nil)}
	var saver *storage.Saver
	// The saver reports writes from its own goroutine through fyne.Do, which
	// the test driver runs on that goroutine rather than the UI's; so here
	// the status comes only from the flush when a session closes.
	// Printing is tested through the app package's command line, which
	// shares the printer with the window; here there is none.
	m, err := NewMain(w, cat, store, db, func(func(bool, error), func(int64, []cards.Change, []cards.Change)) Saver {
		saver = storage.NewSaver(db, nil)
		return saver
	}, nil, "nl")
	if err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		saver.Close()
		db.Close()
	})
	return m, w, store, db
}

// userWindow is a test window that is closed as a user closes a real one,
// with its button or Alt+F4: Fyne's driver then calls the close intercept
// if one is set, and closes the window only if there is none.
type userWindow struct {
	fyne.Window
	intercept func()
	closed    bool
}

func (w *userWindow) SetCloseIntercept(f func()) { w.intercept = f }

// Close hides the window; the test's cleanup closes it for good.
func (w *userWindow) Close() {
	w.closed = true
	w.Window.Hide()
}

// userClose closes the window as the user does.
func (w *userWindow) userClose() {
	if w.intercept != nil {
		w.intercept()
		return
	}
	w.Close()
}

func overlayText(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	for _, o := range visibleObjects(top) {
		if t, ok := o.(*canvas.Text); ok {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, " ")
}

func TestMain_ImportInvalidCatalogue(t *testing.T) {
	m, w, store := newTestMain(t)
	bad := "\xEF\xBB\xBFid;categorie;titel\r\nx;werkplek;X\r\n"
	m.ImportCatalogue("instrumenten.csv", []byte(bad))

	shown := overlayText(w.Canvas())
	for _, want := range []string{"Dit bestand is niet geladen.", `instrumenten.csv regel 1: deze kolommen ontbreken in de kopregel: "samenvatting", "wat ga je doen"`} {
		if !strings.Contains(shown, want) {
			t.Errorf("problem dialog does not show %q; it shows: %s", want, shown)
		}
	}
	if got := m.Browser().count.Text; got != "44 kaarten" {
		t.Errorf("catalogue in use changed: %s", got)
	}
	if _, found, _ := store.file.Load(); found {
		t.Error("an invalid catalogue was stored")
	}
}

func TestMain_ImportValidCatalogue(t *testing.T) {
	m, w, store := newTestMain(t)
	var buf bytes.Buffer
	three := builtInCatalogue(t).Cards()[:3]
	if err := cards.WriteCSV(&buf, three); err != nil {
		t.Fatal(err)
	}
	m.ImportCatalogue("gemeente.csv", buf.Bytes())

	if got := m.Browser().count.Text; got != "3 kaarten" {
		t.Errorf("count after import = %q", got)
	}
	if shown := overlayText(w.Canvas()); !strings.Contains(shown, "De catalogus is geladen: 3 kaarten.") {
		t.Errorf("no confirmation; overlay shows: %s", shown)
	}
	kept, found, err := store.file.Load()
	if err != nil || !found || len(kept) != 3 {
		t.Errorf("stored catalogue: %d cards, found %v, err %v", len(kept), found, err)
	}

	m.useBuiltIn()
	if got := m.Browser().count.Text; got != "44 kaarten" {
		t.Errorf("count after going back to the built-in catalogue = %q", got)
	}
	if _, found, _ := store.file.Load(); found {
		t.Error("stored catalogue still there")
	}
}

func TestMain_SetLanguageKeepsFilter(t *testing.T) {
	m, w, _ := newTestMain(t)
	m.showCards()
	test.Type(m.Browser().search, "taal")
	before := m.Browser().count.Text
	m.SetLanguage("en")
	if got := m.Browser().search.Text; got != "taal" {
		t.Errorf("search after switching language = %q", got)
	}
	shown := shownText(w.Canvas())
	if !strings.Contains(shown, "Kind of help") || !strings.Contains(shown, "Language") {
		t.Errorf("not in English: %s", shown)
	}
	if n := strings.Fields(before)[0]; !strings.HasPrefix(m.Browser().count.Text, n+" card") {
		t.Errorf("count %q after switch, %q before", m.Browser().count.Text, before)
	}
}

// TestMain_InterfaceLanguage: the menu offers only the languages the whole
// interface is in, and the choice is there again at the next start.
func TestMain_InterfaceLanguage(t *testing.T) {
	m, w, store, db := newTestMainDB(t, "")
	sel := find(w.Canvas(), func(s *widget.Select) bool { return slices.Contains(s.Options, "Nederlands") })
	if len(sel) != 1 || !slices.Equal(sel[0].Options, []string{"Nederlands", "English"}) {
		t.Fatalf("language menu: %v", sel)
	}
	sel[0].SetSelected("English")
	if m.tr.Language().String() != "en" {
		t.Fatal("choosing English did not switch")
	}
	again, err := NewMain(test.NewTempWindow(t, nil), m.cat, store, db, func(func(bool, error), func(int64, []cards.Change, []cards.Change)) Saver {
		return storage.NewSaver(db, nil)
	}, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := again.tr.Language().String(); got != "en" {
		t.Errorf("the next start is in %q, want the English chosen last time", got)
	}
}

// TestMain_ImportExcelCSV: a classic Excel CSV is loaded with its accents,
// and the user is told how it was read.
func TestMain_ImportExcelCSV(t *testing.T) {
	m, w, _ := newTestMain(t)
	data, err := os.ReadFile(filepath.Join("..", "cards", "testdata", "excel-ansi.csv"))
	if err != nil {
		t.Fatal(err)
	}
	m.ImportCatalogue("excel-ansi.csv", data)
	shown := overlayText(w.Canvas())
	for _, want := range []string{"De catalogus is geladen: 2 kaarten.", "gelezen als Windows-1252"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog does not say %q: %s", want, shown)
		}
	}
	if c, ok := m.cat.Card("brede-intake"); !ok || c.Title != "Brede intake – café" {
		t.Errorf("card loaded as %q", c.Title)
	}
}

// TestMain_ImportTranslation: the municipality's own card, translated by an
// agency and loaded back, shows in the client's language in the client
// view; a card nobody translated shows in Dutch with the note.
func TestMain_ImportTranslation(t *testing.T) {
	m, w, store := newTestMain(t)
	data, err := os.ReadFile(filepath.Join("..", "cards", "testdata", "excel-ansi.csv"))
	if err != nil {
		t.Fatal(err)
	}
	m.ImportCatalogue("excel-ansi.csv", data)
	sheet, _, err := store.TranslationSheet("tr")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := cards.ParseTranslationSheet("vertaling-tr.xlsx", sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		if rows[i].ID == "brede-intake" && rows[i].Dutch != "" {
			rows[i].Text = "TR " + rows[i].Dutch
		}
	}
	var filled bytes.Buffer
	cards.WriteTranslationSheet(&filled, "tr", rows)
	m.ImportTranslation("tr", "vertaling-tr.xlsx", filled.Bytes())
	if !strings.Contains(overlayText(w.Canvas()), "De vertaling is geladen") {
		t.Fatalf("no word that the translation is loaded: %s", overlayText(w.Canvas()))
	}
	card, _ := m.cat.Card("brede-intake")
	if got, dutch := m.cardsIn("tr").card(card); dutch || got.Title != "TR Brede intake – café" {
		t.Errorf("the translated card: %q (Dutch: %v)", got.Title, dutch)
	}
	other, _ := m.cat.Card("taalcafe")
	if _, dutch := m.cardsIn("tr").card(other); !dutch {
		t.Error("a card nobody translated is not shown as Dutch")
	}
}

// TestHome_SubtitleEllipsis: a long reference under a client's name is cut
// with an ellipsis, so that the list says it goes on.
func TestHome_SubtitleEllipsis(t *testing.T) {
	m, w, _, db := newTestMainDB(t, "")
	w.Resize(fyne.NewSize(1000, 660))
	if _, err := db.CreateClient("Lang", "REF-2026-00017-ABCDEFGHIJKLMNOPQRSTUVWXYZ-012345"); err != nil {
		t.Fatal(err)
	}
	m.showHome()
	for _, o := range visibleObjects(w.Canvas().Content()) {
		if txt, ok := o.(*canvas.Text); ok && strings.HasPrefix(txt.Text, "REF-2026") {
			if !strings.HasSuffix(txt.Text, "…") {
				t.Errorf("the subtitle shows %q, cut without an ellipsis", txt.Text)
			}
			return
		}
	}
	t.Fatal("no subtitle with the reference in the list")
}
