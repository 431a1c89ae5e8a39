package ui

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// Main is the main window: a bar with the clients, the cards, the catalogue's
// actions, the language and whether everything is saved; below it the home
// list of clients, the card browser or an open session.
type Main struct {
	win        fyne.Window
	store      Store
	catalogues CatalogueStore
	printer    Printer
	opener     Opener // opens a printed file; nil: not offered
	saver      Saver
	tr         *locales.Translator
	cat        *cards.Catalogue

	status       *widget.Label
	tabs         [2]*button // clients, cards
	body         *fyne.Container
	home         *Home
	browser      *Browser
	session      *SessionView
	client       *ClientView                   // the view turned toward the client, while shown
	profContent  fyne.CanvasObject             // the professional's screen, kept while the client view shows
	clientLang   string                        // the client's language until one is chosen for them, as the municipality set it
	translations map[string]cards.Translations // card texts by language, loaded when first needed
	dialogs      []*openDialog                 // open dialogs, the top one last
	privacy      Privacy                       // erasing, retention, backups; nil: not offered
	team         Team                          // the team database; nil on the laptop's own
	figures      Figures                       // the anonymous figures; nil: not offered
	changedBy    string                        // who else changed what in the open session, for the status line
	who          *widget.Label                 // with a team database: which, and as whom
	selfTest     func() (string, bool)         // the installation's self-test; nil: not offered
	settings     Settings                      // the professional's own; nil: not offered
	data         *button                       // the menu of privacy actions
	saveFailed   bool                          // the last write failed; its message was shown
	twoLanguages bool                          // the plan has the Dutch beneath the client's language
	backKey      keyHold                       // Ctrl+Shift+B, held to leave the client view
	lastFocus    fyne.Focusable                // what had the focus when FollowFocus last looked
}

// Preferences kept on this computer, in Fyne's preferences of the app.
const (
	prefLanguage     = "interface.language"
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// DefaultWindowSize fits the smallest screens the app is used on (1024×768,
// and 1920×1080 at 150 %), title bar and taskbar included.
var DefaultWindowSize = fyne.NewSize(1000, 660)

// NewMain fills win with the app over catalogue cat and database store, in
// language lang, or when lang is empty in the language chosen last time.
// newSaver starts the background saver for typed edits.
func NewMain(win fyne.Window, cat *cards.Catalogue, catalogues CatalogueStore, store Store, newSaver NewSaverFunc, printer Printer, lang string) (*Main, error) {
	prefs := fyne.CurrentApp().Preferences()
	if lang == "" {
		lang = prefs.StringWithFallback(prefLanguage, locales.Source.String())
	}
	if !slices.Contains(InterfaceLanguages(), lang) {
		lang = locales.Source.String()
	}
	tr, err := locales.New(lang)
	if err != nil {
		return nil, err
	}
	m := &Main{win: win, store: store, catalogues: catalogues, printer: printer, tr: tr, cat: cat,
		translations: map[string]cards.Translations{}, backKey: keyHold{now: time.Now}}
	win.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWindowWidth, float64(DefaultWindowSize.Width))),
		float32(prefs.FloatWithFallback(prefWindowHeight, float64(DefaultWindowSize.Height)))))
	win.SetCloseIntercept(m.requestClose)
	m.build(cards.Filter{})
	// After build: a saver reports at once what it sent from the outbox.
	m.saver = newSaver(func(pending bool, err error) {
		fyne.Do(func() {
			if err != nil || !pending {
				m.markSaved(err)
			}
		})
	}, func(sessionID int64, theirs, conflicts []cards.Change) {
		fyne.Do(func() { m.changedByOthers(sessionID, theirs, conflicts) })
	})
	m.showStart()
	return m, nil
}

// requestClose is what closing the window does, by its button or Alt+F4.
// The client view stays: the way back to the professional is deliberate.
// Otherwise the window closes once every edit is on disk (for a team
// database: on the server, or in the outbox on this laptop); if that
// fails, it stays open and says why, so that nothing is lost.
func (m *Main) requestClose() {
	if m.client != nil {
		return
	}
	if err := m.saver.Flush(); err != nil && !keptLocally(err) {
		m.markSaved(err)
		return
	}
	size := m.win.Canvas().Size()
	prefs := fyne.CurrentApp().Preferences()
	prefs.SetFloat(prefWindowWidth, float64(size.Width))
	prefs.SetFloat(prefWindowHeight, float64(size.Height))
	m.win.Close()
}

// Browser returns the card browser.
func (m *Main) Browser() *Browser { return m.browser }

// build (re)creates the window's content in the current language.
func (m *Main) build(f cards.Filter) {
	tr := m.tr
	m.win.SetTitle(tr.T("app.title"))
	m.browser = NewBrowser(m.cat, tr, f, m.cardsIn(tr.Language().String()))
	m.browser.print.OnTapped = func() {
		m.chooseDeck(m.browser.Shown())
	}
	m.home = newHome(m)

	langs := InterfaceLanguages()
	names := make([]string, len(langs))
	current := ""
	for i, l := range langs {
		names[i] = languageName(language.Make(l))
		if l == tr.Language().String() {
			current = names[i]
		}
	}
	langSelect := widget.NewSelect(names, nil)
	langSelect.Selected = current
	langSelect.OnChanged = func(string) { m.SetLanguage(langs[langSelect.SelectedIndex()]) }

	catalogue := newButton(tr.T("menu.catalogue"), nil, nil)
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(tr.T("menu.catalogue.load"), m.loadCatalogue),
		fyne.NewMenuItem(tr.T("menu.catalogue.save"), m.saveCatalogue),
		fyne.NewMenuItem(tr.T("menu.catalogue.builtin"), m.useBuiltIn),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(tr.T("menu.translation.save"), m.saveTranslation),
		fyne.NewMenuItem(tr.T("menu.translation.load"), m.loadTranslation),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(tr.T("menu.organisation"), m.editOrganisation),
	)
	catalogue.OnTapped = func() {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(catalogue).AddXY(0, catalogue.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, m.win.Canvas(), pos)
	}
	m.data = newButton(tr.T("menu.data"), nil, nil)
	m.data.OnTapped = func() {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(m.data).AddXY(0, m.data.Size().Height)
		widget.ShowPopUpMenuAtPosition(m.dataMenu(), m.win.Canvas(), pos)
	}
	if m.privacy == nil {
		m.data.Hide()
	}
	m.tabs[0] = newButton(tr.T("tab.clients"), theme.AccountIcon(), m.showHome)
	if m.store.NoClients() {
		m.tabs[0] = newButton(tr.T("figures.title"), theme.ListIcon(), m.showFigures)
		if m.figures == nil {
			m.tabs[0].Hide()
		}
	}
	m.tabs[1] = newButton(tr.T("tab.cards"), theme.GridIcon(), m.showCards)
	m.status = widget.NewLabel(tr.T("save.done"))
	m.who = widget.NewLabel("")
	m.who.Importance = widget.LowImportance
	m.showWho()
	// The status takes the room that is left, shortened when it is long
	// (offline, with a team database on a small screen), so that the bar
	// never makes the window wider than the screen.
	m.status.Alignment = fyne.TextAlignTrailing
	m.status.Truncation = fyne.TextTruncateEllipsis
	bar := container.NewBorder(nil, nil, container.NewHBox(m.tabs[0], m.tabs[1], m.who),
		container.NewHBox(catalogue, m.data, widget.NewLabel(tr.T("app.language")), langSelect), m.status)
	m.body = container.NewStack()
	m.win.SetContent(container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, m.body))
	m.addShortcuts()
}

func (m *Main) show(o fyne.CanvasObject, tab int) {
	for i, b := range m.tabs {
		b.Importance = widget.LowImportance
		if i == tab {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	m.body.Objects = []fyne.CanvasObject{o}
	m.body.Refresh()
}

// showHome shows the list of clients.
func (m *Main) showHome() {
	m.closeSession()
	m.home.reload()
	m.show(m.home.content, 0)
}

// showStart shows the first screen: the list of clients, or to a login
// without clients, the figures or else the cards.
func (m *Main) showStart() {
	switch {
	case !m.store.NoClients():
		m.showHome()
	case m.figures != nil:
		m.showFigures()
	default:
		m.showCards()
	}
}

// showCards shows the card browser.
func (m *Main) showCards() {
	m.closeSession()
	m.show(m.browser.Content(), 1)
}

// showClient shows the list of clients with one client's timeline.
func (m *Main) showClient(id int64) {
	m.showHome()
	if c, err := m.store.Client(id); err == nil {
		m.home.showClient(c)
	}
}

// openSession opens a session at the step it was left at.
func (m *Main) openSession(id int64) {
	m.closeSession()
	s, err := m.store.Session(id)
	if err != nil {
		m.showError(err)
		return
	}
	c, err := m.store.Client(s.ClientID)
	if err == nil {
		err = m.opened(c.ID, fmt.Sprintf("gesprek %d", s.ID))
	}
	if err != nil {
		m.showError(err)
		return
	}
	m.saver.Track(s.ID, s.Revision)
	m.session = newSessionView(m, c, s)
	m.show(m.session.Content(), 0)
}

// showClientView turns the screen toward the client: the whole window
// shows the client view of the open session and nothing else.
func (m *Main) showClientView(v *SessionView) {
	if m.client != nil {
		return
	}
	m.profContent = m.win.Content()
	m.client = newClientView(v, m.printLanguage(), m.leaveClientView)
	m.win.SetContent(m.client.Content())
}

// showClientContent shows the client view again after it was rebuilt.
func (m *Main) showClientContent(cv *ClientView) {
	m.setClientLanguage(cv.lang)
	m.win.SetContent(cv.Content())
}

// closeClientView turns the screen back to the professional, at the step
// the client view was on.
func (m *Main) closeClientView() {
	if m.client == nil {
		return
	}
	step := m.client.step
	m.client = nil
	m.win.SetContent(m.profContent)
	if m.session != nil {
		m.session.goTo(step)
	}
}

// ClientView returns the client view while it is shown.
func (m *Main) ClientView() *ClientView { return m.client }

// cardTranslations returns the card texts in a language, empty when there
// are none.
func (m *Main) cardTranslations(lang string) cards.Translations {
	if t, ok := m.translations[lang]; ok {
		return t
	}
	t, err := m.catalogues.CardTexts(lang, m.cat.Cards())
	if err != nil {
		m.showError(err)
	}
	m.translations[lang] = t
	return t
}

// cardTexts gives cards in one language, as far as they are translated.
type cardTexts struct {
	dutch bool // the language is Dutch, the catalogue's own
	t     cards.Translations
}

// card returns c in the language, and whether it had to stay Dutch.
func (ct cardTexts) card(c cards.Card) (cards.Card, bool) {
	if ct.dutch {
		return c, false
	}
	t, ok := ct.t.Apply(c)
	return t, !ok
}

// cardsIn returns the card texts of a language.
func (m *Main) cardsIn(lang string) cardTexts {
	if lang == locales.Source.String() {
		return cardTexts{dutch: true}
	}
	return cardTexts{t: m.cardTranslations(lang)}
}

// card returns c in the interface language, and whether it stayed Dutch.
func (m *Main) card(c cards.Card) (cards.Card, bool) {
	return m.cardsIn(m.tr.Language().String()).card(c)
}

// ShowClient shows a client's page, as when chosen in the list.
func (m *Main) ShowClient(id int64) { m.showClient(id) }

// OpenSession opens a session, as from the command line.
func (m *Main) OpenSession(id int64) { m.openSession(id) }

// closeSession writes what is still queued before a session leaves the screen.
func (m *Main) closeSession() {
	if m.session == nil {
		return
	}
	m.markSaved(m.saver.Flush())
	m.session, m.changedBy = nil, ""
}

// Session returns the open session's view, if any.
func (m *Main) Session() *SessionView { return m.session }

// markUnsaved shows that an edit is on its way to the disk.
func (m *Main) markUnsaved() {
	m.status.SetText(m.tr.T("save.busy"))
	m.status.Importance = widget.MediumImportance
	m.status.Refresh()
}

// markSaved shows that everything is on disk, or what went wrong: in a
// message the first time, then in the bar while the saver tries again, so
// that a full disk does not bury the screen under messages. What was typed
// stays on screen meanwhile.
func (m *Main) markSaved(err error) {
	if keptLocally(err) {
		m.saveFailed = false
		m.status.SetText(err.Error())
		m.status.Importance = widget.WarningImportance
		m.status.Refresh()
		return
	}
	if err != nil {
		m.status.SetText(m.tr.T("save.failed"))
		m.status.Importance = widget.DangerImportance
		m.status.Refresh()
		if !m.saveFailed {
			m.showError(err)
		}
		m.saveFailed = true
		return
	}
	m.saveFailed = false
	m.status.SetText(m.statusText())
	m.status.Importance = widget.MediumImportance
	m.status.Refresh()
}

// keptLocally says whether a save's error only means that the team
// database is out of reach and the work is kept on this laptop until it is
// back: no failure, but the status line says so.
func keptLocally(err error) bool {
	var k interface{ KeptLocally() bool }
	return errors.As(err, &k) && k.KeptLocally()
}

// SetLanguage shows the interface in another language, keeping the filter.
func (m *Main) SetLanguage(lang string) {
	tr, err := locales.New(lang)
	if err != nil || tr.Language() == m.tr.Language() {
		return
	}
	m.tr = tr
	fyne.CurrentApp().Preferences().SetString(prefLanguage, tr.Language().String())
	var open int64
	if m.session != nil {
		open = m.session.s.ID
	}
	cardsShown := m.body.Objects[0] == m.browser.Content()
	m.build(m.browser.Filter())
	switch {
	case open != 0:
		m.openSession(open)
	case cardsShown:
		m.showCards()
	default:
		m.showStart()
	}
}

// languageName names a language in itself: "Nederlands", "English".
func languageName(t language.Tag) string {
	name := display.Self.Name(t)
	if name == "" {
		return t.String()
	}
	return capitalized(name)
}

// ShowStartError fills win with a message that the app cannot start, and
// why, in place of the app.
func ShowStartError(win fyne.Window, err error) {
	tr, _ := locales.New(locales.Source.String())
	title := widget.NewLabelWithStyle(tr.T("start.error"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	win.SetContent(container.NewPadded(container.NewVBox(title, msg, container.NewHBox(newButton(tr.T("start.close"), nil, win.Close)))))
	win.Resize(fyne.NewSize(560, 180)) // a message, not a work area
	win.CenterOnScreen()
}

// ShowRecovery fills win, in place of the app, with what is wrong with the
// database and one way back, named by choice; recover does it and fills
// the window with the app again, or returns why it could not.
func ShowRecovery(win fyne.Window, err error, choice string, recover func() error) {
	tr, _ := locales.New(locales.Source.String())
	title := widget.NewLabelWithStyle(tr.T("recovery.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := wrapped(err.Error())
	kept := wrapped(tr.T("recovery.kept"))
	do := newButton(choice, theme.HistoryIcon(), func() {
		if err := recover(); err != nil {
			ShowStartError(win, err)
		}
	})
	do.Importance = widget.HighImportance
	win.SetContent(container.NewPadded(container.NewVBox(title, msg, kept,
		container.NewHBox(do, newButton(tr.T("start.close"), nil, win.Close)))))
	win.Resize(fyne.NewSize(640, 260))
	win.CenterOnScreen()
}

// ShowNotice shows a message at start, such as a stored catalogue that
// could not be read.
func (m *Main) ShowNotice(text string) {
	if text != "" {
		m.showInfo(m.tr.T("menu.catalogue"), text)
	}
}

// InterfaceLanguages are the languages the whole interface is translated
// into; the others serve only the client view and the printables.
func InterfaceLanguages() []string {
	langs := make([]string, len(locales.Full))
	for i, l := range locales.Full {
		langs[i] = l.String()
	}
	return langs
}
