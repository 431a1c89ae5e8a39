package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/image/font/sfnt"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
	"github.com/samenbeslissen/samenbeslissen/pdf"
	"github.com/samenbeslissen/samenbeslissen/storage"
	"github.com/samenbeslissen/samenbeslissen/textdir"
	"github.com/samenbeslissen/samenbeslissen/ui"
)

// The self-test (samenbeslissen zelftest) is for a municipality's IT
// department: after installing, or when a laptop misbehaves, it checks
// what the app needs without changing anything, and says in Dutch either
// "Alles werkt" or what is wrong.

// selfTest checks one installation.
type selfTest struct {
	dataDir, dbPath string
	store           catalogueStore
	font            func(name string) ([]byte, bool) // assets.Font; a test takes one away
	mun             *municipal                       // the municipality's settings file, if any
	munErr          error                            // what is wrong with it
}

// check is one line of the self-test's report.
type check struct {
	what string
	err  error
	ok   string // what was found, when it works
	warn string // what works but should be set, such as whom to call
}

// fontFiles are the fonts the printables and the client view need.
var fontFiles = []string{
	"NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular", "NotoSansArabic-Bold",
	"NotoSansEthiopic-Regular", "NotoSansEthiopic-Bold",
}

// run does every check and writes the report; it returns the exit code.
func (st selfTest) run(stdout io.Writer) int {
	checks := []check{st.settings(), st.database(), st.folder("Opslagmap", st.dataDir)}
	if !storage.IsTeamURL(st.dbPath) {
		checks = append(checks, st.folder("Map voor reservekopieën", storage.BackupsOf(st.dbPath).Dir))
	}
	if st.mun != nil && st.mun.Catalogue != "" {
		checks = append(checks, st.sharedCatalogue())
	}
	cat, c := st.catalogue()
	checks = append(checks, c, st.translations(), st.fonts())
	if cat != nil {
		checks = append(checks, st.printing(cat))
	}
	checks = append(checks, st.contact())
	failed, warned := 0, 0
	for _, c := range checks {
		switch {
		case c.err != nil:
			failed++
			fmt.Fprintf(stdout, "✗ %s: %v\n", c.what, c.err)
		case c.warn != "":
			warned++
			fmt.Fprintf(stdout, "! %s: %s\n", c.what, c.warn)
		default:
			fmt.Fprintf(stdout, "✓ %s: %s\n", c.what, c.ok)
		}
	}
	switch {
	case failed > 0:
		fmt.Fprintf(stdout, "Er is iets mis (%d van de %d onderdelen). Lees hierboven wat er mis is.\n", failed, len(checks))
		return 1
	case warned > 0:
		fmt.Fprintln(stdout, "Alles werkt. Lees wel de opmerking hierboven (!).")
		return 0
	}
	fmt.Fprintln(stdout, "Alles werkt.")
	return 0
}

// settings reports the municipality's settings file.
func (st selfTest) settings() check {
	c := check{what: "Instellingen van de gemeente", err: st.munErr}
	switch {
	case st.munErr != nil:
	case st.mun == nil:
		c.ok = "geen " + MunicipalFileName + "; deze laptop is zelf ingesteld"
	case st.mun.Org.Name != "":
		c.ok = fmt.Sprintf("%s (%s)", st.mun.Path, st.mun.Org.Name)
	default:
		c.ok = st.mun.Path
	}
	return c
}

// sharedCatalogue reads the shared catalogue the settings file names.
func (st selfTest) sharedCatalogue() check {
	c := check{what: "Gedeelde catalogus"}
	data, err := readUserFile(st.mun.Catalogue, cards.MaxFileSize, "een catalogus")
	if err == nil {
		var cs []cards.Card
		if cs, _, err = cards.ParseFile(filepath.Base(st.mun.Catalogue), data); err == nil {
			c.ok = fmt.Sprintf("%s: %d kaarten", st.mun.Catalogue, len(cs))
			return c
		}
	}
	c.err = fmt.Errorf("%v De app gebruikt de vorige goede catalogus tot dit verbeterd is.", strings.TrimSpace(err.Error()))
	return c
}

// database reads the database without changing it; a team database it
// connects to as the app would, and checks the login and the schema.
func (st selfTest) database() check {
	c := check{what: "Database"}
	if storage.IsTeamURL(st.dbPath) {
		c.what = "Teamdatabase"
		if c.err = storage.Check(st.dbPath); c.err == nil {
			c.ok = "verbinding, login en schema zijn in orde"
		}
		return c
	}
	if _, err := os.Stat(st.dbPath); errors.Is(err, fs.ErrNotExist) {
		c.ok = fmt.Sprintf("nog geen database; die komt bij de eerste start in %s", st.dbPath)
		return c
	}
	if c.err = storage.Check(st.dbPath); c.err == nil {
		c.ok = fmt.Sprintf("%s is in orde", st.dbPath)
	}
	return c
}

// folder checks that a file can be made in dir, or in the folder that
// will hold it when dir does not exist yet, and removes it again.
func (st selfTest) folder(what, dir string) check {
	c := check{what: what}
	existing := storage.NearestExisting(dir)
	f, err := os.CreateTemp(existing, ".zelftest-*")
	if err != nil {
		c.err = fmt.Errorf("in %s kan de app niet schrijven (%v). Geef de gebruiker schrijfrechten op die map, of kies een andere met --data", existing, err)
		return c
	}
	f.Close()
	os.Remove(f.Name())
	c.ok = fmt.Sprintf("%s is schrijfbaar", dir)
	if existing != dir {
		c.ok = fmt.Sprintf("%s kan gemaakt worden in %s", dir, existing)
	}
	return c
}

// catalogue loads the catalogue in use.
func (st selfTest) catalogue() (*cards.Catalogue, check) {
	c := check{what: "Catalogus"}
	cat, notice, err := st.store.current()
	switch {
	case err != nil:
		c.err = err
	case notice != "":
		c.err = errors.New(notice)
	default:
		c.ok = fmt.Sprintf("%d kaarten", cat.Len())
	}
	return cat, c
}

// translations loads the interface texts and the card texts of every
// client language.
func (st selfTest) translations() check {
	c := check{what: "Vertalingen"}
	for _, lang := range ui.ClientLanguages {
		if _, err := locales.New(lang); err != nil {
			c.err = fmt.Errorf("%s: %w", lang, err)
			return c
		}
		if _, err := assets.CardTranslations(lang); err != nil {
			c.err = fmt.Errorf("kaartteksten %s: %w", lang, err)
			return c
		}
	}
	c.ok = fmt.Sprintf("%d talen", len(ui.ClientLanguages))
	return c
}

// fonts checks that every font is there and can be read.
func (st selfTest) fonts() check {
	c := check{what: "Lettertypen"}
	for _, name := range fontFiles {
		data, ok := st.font(name)
		if !ok {
			c.err = fmt.Errorf("%s.ttf ontbreekt in deze versie van de app. Installeer de app opnieuw", name)
			return c
		}
		if _, err := sfnt.Parse(data); err != nil {
			c.err = fmt.Errorf("%s.ttf is beschadigd (%v). Installeer de app opnieuw", name, err)
			return c
		}
	}
	c.ok = fmt.Sprintf("%d lettertypen", len(fontFiles))
	return c
}

// printing draws a plan and a page of cards in every client language, in
// memory.
func (st selfTest) printing(cat *cards.Catalogue) check {
	c := check{what: "Afdrukken"}
	all := cat.Cards()
	for _, lang := range ui.ClientLanguages {
		tr, t, err := language(lang)
		if err != nil {
			c.err = fmt.Errorf("%s: %w", lang, err)
			return c
		}
		ctx := pdf.Context{Org: cards.Organisation{Name: "Gemeente"}, Lang: lang, RTL: textdir.RightToLeft(lang), T: tr.T}
		s := cards.NewSession()
		s.Goal = tr.T("plan.title")
		for _, card := range all[:min(2, len(all))] {
			s.Options = append(s.Options, cards.NewOption(translated(card, t)))
		}
		if len(s.Options) > 0 {
			s.Decision = s.Options[0].Card.ID
		}
		if err := pdf.WritePlan(io.Discard, pdf.Plan{Context: ctx, Client: cards.Client{Name: "Zelftest"}, Session: s}); err != nil {
			c.err = fmt.Errorf("plan in het %s: %w", lang, err)
			return c
		}
		deck := pdf.Deck{Context: ctx, Paper: pdf.Papers["a4"], Format: pdf.Formats["a6"]}
		for _, card := range all[:min(4, len(all))] {
			deck.Cards = append(deck.Cards, translated(card, t))
		}
		if err := pdf.WriteDeck(io.Discard, deck); err != nil {
			c.err = fmt.Errorf("kaarten in het %s: %w", lang, err)
			return c
		}
	}
	c.ok = fmt.Sprintf("plan en kaarten in %d talen", len(ui.ClientLanguages))
	return c
}

// contact warns when the plans go out without a way to call: no one and no
// phone number, set on this laptop or in the municipality's settings file.
// It reads the database without changing it; one it cannot read, the
// database check reports.
func (st selfTest) contact() check {
	c := check{what: "Bellen vanaf het plan"}
	p := printer{mun: st.mun}
	var org cards.Organisation
	if st.mun != nil {
		org = st.mun.Org
	}
	db, err := st.openToRead()
	if err == nil && db != nil {
		defer db.Close()
		p.db = db
		if o, err := p.contact(); err == nil {
			org = o
		}
	}
	if strings.TrimSpace(org.Contact) == "" && strings.TrimSpace(org.Phone) == "" {
		c.warn = "op het plan van de cliënt staat niemand om te bellen en geen telefoonnummer. " +
			"Vul bij Gegevens > Instellingen je naam en telefoonnummer in, of bij Catalogus > Gemeente op de afdrukken een contactpersoon en telefoon"
		if st.mun != nil {
			c.warn += ", of zet contact en telefoon in " + st.mun.Path
		}
		c.warn += "."
		return c
	}
	c.ok = strings.TrimSpace(strings.Join([]string{org.Contact, org.Phone}, " "))
	return c
}

// openToRead opens the database only to read it; nil, nil when there is
// none yet.
func (st selfTest) openToRead() (*storage.DB, error) {
	if storage.IsTeamURL(st.dbPath) {
		return storage.OpenTeam(context.Background(), st.dbPath)
	}
	return storage.OpenToRead(st.dbPath)
}
