package app

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
	"github.com/samenbeslissen/samenbeslissen/pdf"
	"github.com/samenbeslissen/samenbeslissen/storage"
	"github.com/samenbeslissen/samenbeslissen/textdir"
	"github.com/samenbeslissen/samenbeslissen/ui"
)

// printer makes the printables from the database and the catalogue in use;
// the command line and the window's print buttons share it.
type printer struct {
	db    *storage.DB
	cat   *cards.Catalogue
	now   func() time.Time
	files string     // where the window's printables go
	mun   *municipal // what the municipality's settings file fixes, if any
}

// fixedOrganisation reports whether the settings file fixes the
// municipality, which the laptop then cannot change.
func (p printer) fixedOrganisation() bool { return p.mun != nil && p.mun.Org.Name != "" }

// organisation is the municipality on the printables: as the settings file
// fixes it, or as set on this laptop.
func (p printer) organisation() (cards.Organisation, error) {
	if p.fixedOrganisation() {
		return p.mun.Org, nil
	}
	return p.db.Organisation()
}

// contact is the municipality on the printables with whom the client
// calls: the professional, when they set themselves.
func (p printer) contact() (cards.Organisation, error) {
	org, err := p.organisation()
	if err != nil {
		return org, err
	}
	// What they did not set, the municipality's may fill in: its number
	// still reaches them.
	if name, phone, err := p.db.Professional(); err == nil {
		if strings.TrimSpace(name) != "" {
			org.Contact = name
		}
		if strings.TrimSpace(phone) != "" {
			org.Phone = phone
		}
	}
	return org, nil
}

// errFixedOrganisation says where the municipality was fixed.
func (p printer) errFixedOrganisation() error {
	return fmt.Errorf("de gemeente op de afdrukken is vastgelegd door de ICT-afdeling in %s; daar kan het worden veranderd", p.mun.Path)
}

// language returns the translator and the card texts of a language.
func language(lang string) (*locales.Translator, cards.Translations, error) {
	tr, err := locales.New(lang)
	if err != nil {
		return nil, nil, err
	}
	t, err := assets.CardTranslations(lang)
	return tr, t, err
}

// translated returns card c in a language, Dutch where there is no translation.
func translated(c cards.Card, t cards.Translations) cards.Card {
	if tc, ok := t.Apply(c); ok {
		return tc
	}
	return c
}

// context returns what every printable needs, and the card texts of the
// language.
func (p printer) context(lang string) (pdf.Context, cards.Translations, error) {
	org, err := p.contact()
	if err != nil {
		return pdf.Context{}, nil, err
	}
	tr, t, err := language(lang)
	if err != nil {
		return pdf.Context{}, nil, err
	}
	return pdf.Context{Org: org, Lang: lang, RTL: textdir.RightToLeft(lang), T: tr.T, Date: p.now()}, t, nil
}

// session returns a session with its compared cards in a language, its
// client, and what every printable needs.
func (p printer) session(sessionID int64, lang string) (cards.Session, cards.Client, pdf.Context, error) {
	s, err := p.db.Session(sessionID)
	if err != nil {
		return s, cards.Client{}, pdf.Context{}, err
	}
	c, err := p.db.Client(s.ClientID)
	if err != nil {
		return s, c, pdf.Context{}, err
	}
	ctx, t, err := p.context(lang)
	if err != nil {
		return s, c, ctx, err
	}
	for i := range s.Options {
		s.Options[i].Card = translated(s.Options[i].Card, t)
	}
	return s, c, ctx, nil
}

// plan draws the client's plan of a session.
// With twoLanguages, every heading and fixed text has the Dutch beneath it.
func (p printer) plan(w io.Writer, sessionID int64, lang string, twoLanguages bool) error {
	s, c, ctx, err := p.session(sessionID, lang)
	if err == nil {
		err = p.db.LogAction(c.ID, storage.ActionPrinted, fmt.Sprintf("plan van gesprek %d", sessionID))
	}

	if err != nil {
		return err
	}
	plan := pdf.Plan{Context: ctx, Client: c, Session: s}
	if twoLanguages && lang != locales.Source.String() {
		nl, err := locales.New(locales.Source.String())
		if err != nil {
			return err
		}
		plan.Dutch = nl.T
	}
	return pdf.WritePlan(w, plan)
}

// printPlan writes a plan to take home into path, and notes its language
// for the anonymous figures.
func (p printer) printPlan(path string, sessionID int64, lang string, twoLanguages bool) error {
	if err := writePDF(path, func(w io.Writer) error { return p.plan(w, sessionID, lang, twoLanguages) }); err != nil {
		return err
	}
	return p.db.RecordPlanPrint(sessionID, lang)
}

// overview draws the side-by-side overview of a session's options, or of
// chosen cards left blank to fill in on paper.
func (p printer) overview(w io.Writer, sessionID int64, ids []string, blank bool, lang string) error {
	ctx, t, err := p.context(lang)
	if err != nil {
		return err
	}
	ov := pdf.Overview{Context: ctx, Weighed: !blank}
	if sessionID != 0 {
		s, err := p.db.Session(sessionID)
		if err != nil {
			return err
		}
		c, err := p.db.Client(s.ClientID)
		if err == nil {
			err = p.db.LogAction(c.ID, storage.ActionPrinted, fmt.Sprintf("overzicht van gesprek %d", sessionID))
		}
		if err != nil {
			return err
		}
		ov.Client, ov.Options = c.Name, s.Options
	} else {
		cs, err := p.pick(ids)
		if err != nil {
			return err
		}
		for _, c := range cs {
			ov.Options = append(ov.Options, cards.NewOption(c))
		}
	}
	for i := range ov.Options {
		ov.Options[i].Card = translated(ov.Options[i].Card, t)
	}
	return pdf.WriteOverview(w, ov)
}

// pick returns the cards with these IDs, or all when ids is empty.
func (p printer) pick(ids []string) ([]cards.Card, error) {
	if len(ids) == 0 {
		return slices.Clone(p.cat.Cards()), nil // translated in place next
	}
	var out []cards.Card
	for _, id := range ids {
		c, ok := p.cat.Card(strings.TrimSpace(id))
		if !ok {
			return nil, fmt.Errorf("kaart %q staat niet in de catalogus", id)
		}
		out = append(out, c)
	}
	return out, nil
}

// deckOptions are the choices for a card deck.
type deckOptions struct {
	lang, paper, format, back string
	ids                       []string
	bleed, foldOver, group    bool
	offset                    pdf.Size
}

func (p printer) deck(w io.Writer, o deckOptions) error {
	paper, ok := pdf.Papers[strings.ToLower(o.paper)]
	if !ok {
		return fmt.Errorf("papier %q ken ik niet; kies a4, a3 of letter", o.paper)
	}
	format, ok := pdf.Formats[strings.ToLower(o.format)]
	if !ok {
		return fmt.Errorf("formaat %q ken ik niet; kies a6 of a7", o.format)
	}
	back := pdf.BackContent
	switch o.back {
	case "", "inhoud":
	case "gedeeld":
		back = pdf.BackShared
	default:
		return fmt.Errorf("achterkant %q ken ik niet; kies inhoud of gedeeld", o.back)
	}
	cs, err := p.pick(o.ids)
	if err != nil {
		return err
	}
	ctx, t, err := p.context(o.lang)
	if err != nil {
		return err
	}
	for i := range cs {
		cs[i] = translated(cs[i], t)
	}
	dk := pdf.Deck{Context: ctx, Cards: cs, Paper: paper, Format: format, Back: back, FoldOver: o.foldOver, Offset: o.offset, CatalogueDate: p.cat.Date(), Group: o.group}
	if o.bleed {
		dk.Bleed = pdf.Bleed
	}
	return pdf.WriteDeck(w, dk)
}

// writePDF draws into a file, which is only replaced once the PDF is whole.
func writePDF(path string, draw func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := draw(&buf); err != nil {
		return err
	}
	return storage.WriteFileAtomic(path, buf.Bytes())
}

// runPrint runs "plan", "overzicht" and "kaarten" on the command line.
func runPrint(p printer, cmd string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage, defaultDataDir()) } // every command, in Dutch
	out := fs.String("uit", "", "")
	defaultLang := "nl"
	if p.mun != nil && p.mun.Language != "" {
		defaultLang = p.mun.Language // as the municipality set it
	}
	lang := fs.String("taal", defaultLang, "")
	session := fs.Int64("sessie", 0, "")
	ids := fs.String("kaarten", "", "")
	blank := fs.Bool("leeg", false, "")
	paper := fs.String("papier", "a4", "")
	format := fs.String("formaat", "a6", "")
	back := fs.String("achterkant", "inhoud", "")
	bleed := fs.Bool("afloop", true, "")
	fold := fs.Bool("vouw", false, "")
	group := fs.Bool("groep", false, "")
	offset := fs.String("verschuiving", "0,0", "")
	twoLanguages := fs.Bool("tweetalig", false, "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "geef met --uit BESTAND.pdf aan waar de pdf moet komen")
		return 2
	}
	if *session != 0 && !flagSet(fs, "taal") {
		l, err := p.clientLanguage(*session)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if l != "" {
			*lang = l
		}
	}
	var list []string
	if *ids != "" {
		list = strings.Split(*ids, ",")
	}
	var err error
	switch cmd {
	case "plan":
		if *session == 0 {
			fmt.Fprintln(stderr, "geef met --sessie ID aan van welk gesprek het plan is")
			return 2
		}
		err = writePDF(*out, func(w io.Writer) error { return p.plan(w, *session, *lang, *twoLanguages) })
		if err == nil {
			err = p.db.RecordPlanPrint(*session, *lang)
		}
	case "overzicht":
		if *session == 0 && len(list) == 0 {
			fmt.Fprintln(stderr, "geef --sessie ID of --kaarten ID,ID aan")
			return 2
		}
		err = writePDF(*out, func(w io.Writer) error { return p.overview(w, *session, list, *blank, *lang) })
	case "kaarten":
		var off pdf.Size
		if off, err = parseOffset(*offset); err == nil {
			o := deckOptions{lang: *lang, paper: *paper, format: *format, back: *back, ids: list, bleed: *bleed, foldOver: *fold, group: *group, offset: off}
			err = writePDF(*out, func(w io.Writer) error { return p.deck(w, o) })
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "%s gemaakt.\n", *out)
	return 0
}

// flagSet says whether a flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// clientLanguage is the language kept with a session's client, "" when
// none was chosen or this version of the app does not have it.
func (p printer) clientLanguage(sessionID int64) (string, error) {
	s, err := p.db.Session(sessionID)
	if err != nil {
		return "", err
	}
	c, err := p.db.Client(s.ClientID)
	if err != nil {
		return "", err
	}
	if !slices.Contains(ui.ClientLanguages, c.Language) {
		return "", nil
	}
	return c.Language, nil
}

// parseOffset reads "X,Y" in millimetres, such as "0.5,-1".
func parseOffset(s string) (pdf.Size, error) {
	xs, ys, ok := strings.Cut(s, ",")
	x, err1 := strconv.ParseFloat(strings.TrimSpace(xs), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(ys), 64)
	if !ok || err1 != nil || err2 != nil || x < -20 || x > 20 || y < -20 || y > 20 {
		return pdf.Size{}, fmt.Errorf("verschuiving %q: schrijf X,Y in millimeters, bijvoorbeeld 0.5,-1", s)
	}
	return pdf.Size{W: x, H: y}, nil
}

// runOrganisation sets the municipality's name, contact and logo, unless
// the municipality's settings file fixes them.
func runOrganisation(p printer, args []string, stdout, stderr io.Writer) int {
	if p.fixedOrganisation() {
		fmt.Fprintln(stderr, p.errFixedOrganisation())
		return 1
	}
	db := p.db
	fs := flag.NewFlagSet("gemeente", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage, defaultDataDir()) } // every command, in Dutch
	o, err := db.Organisation()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	name := fs.String("naam", o.Name, "")
	contact := fs.String("contact", o.Contact, "")
	phone := fs.String("telefoon", o.Phone, "")
	logo := fs.String("logo", "", "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	o.Name, o.Contact, o.Phone = *name, *contact, *phone
	if *logo != "" {
		data, err := os.ReadFile(*logo)
		if err != nil {
			fmt.Fprintf(stderr, "logo %s kan niet gelezen worden: %v\n", filepath.Base(*logo), err)
			return 1
		}
		if err := checkLogo(data); err != nil {
			fmt.Fprintln(stderr, "het logo moet een PNG- of JPEG-bestand zijn")
			return 1
		}
		o.Logo = data
	}
	if err := db.SetOrganisation(o); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "Gemeente: %s. Contact: %s, %s.\n", o.Name, o.Contact, o.Phone)
	return 0
}

// The window's print buttons write here and open the file in the
// computer's PDF viewer.

// PrintPlan writes a session's plan in a language and returns the file.
func (p printer) PrintPlan(sessionID int64, lang string) (string, error) {
	path := filepath.Join(p.files, fmt.Sprintf("plan-%d-%s.pdf", sessionID, lang))
	return path, p.printPlan(path, sessionID, lang, false)
}

// PrintPlanTwoLanguages writes a session's plan in a language with the
// Dutch beneath every heading and fixed text.
func (p printer) PrintPlanTwoLanguages(sessionID int64, lang string) (string, error) {
	path := filepath.Join(p.files, fmt.Sprintf("plan-%d-%s-nl.pdf", sessionID, lang))
	return path, p.printPlan(path, sessionID, lang, true)
}

// PrintOverview writes the side-by-side overview of a session.
func (p printer) PrintOverview(sessionID int64, lang string) (string, error) {
	path := filepath.Join(p.files, fmt.Sprintf("overzicht-%d-%s.pdf", sessionID, lang))
	return path, writePDF(path, func(w io.Writer) error { return p.overview(w, sessionID, nil, false, lang) })
}

// PrintDeck writes a deck of the given cards on A4 as chosen in the print
// dialog: with bleed and crop marks, touching, or to fold; as a kit for
// group sessions or not.
func (p printer) PrintDeck(ids []string, c ui.DeckChoice) (string, error) {
	name := "kaarten-" + c.Lang
	if c.Group {
		name = "groepsset-" + c.Lang
	}
	path := filepath.Join(p.files, name+".pdf")
	o := deckOptions{lang: c.Lang, paper: "a4", format: c.Format, ids: ids, bleed: c.Layout != ui.LayoutTouching, foldOver: c.Layout == ui.LayoutFold, group: c.Group}
	return path, writePDF(path, func(w io.Writer) error { return p.deck(w, o) })
}

// Organisation and SetOrganisation pass the municipality's settings on.
func (p printer) Organisation() (cards.Organisation, error) { return p.organisation() }

// The professional's own settings (ui.Settings), kept in the database.

func (p printer) Professional() (string, string, error) { return p.db.Professional() }

func (p printer) SetProfessional(name, phone string) error { return p.db.SetProfessional(name, phone) }

func (p printer) HasBackPIN() (bool, error) { return p.db.HasBackPIN() }

func (p printer) SetBackPIN(pin string) error { return p.db.SetBackPIN(pin) }

func (p printer) CheckBackPIN(pin string) (bool, error) { return p.db.CheckBackPIN(pin) }

func (p printer) FixedByIT() string {
	if p.mun == nil {
		return ""
	}
	m := p.mun
	var parts []string
	if m.Org.Name != "" {
		parts = append(parts, "gemeente: "+m.Org.Name)
	}
	if m.Org.Colour != nil {
		parts = append(parts, fmt.Sprintf("kleur: #%02X%02X%02X", m.Org.Colour[0], m.Org.Colour[1], m.Org.Colour[2]))
	}
	if m.Language != "" {
		parts = append(parts, "taal van de cliënt: "+m.Language)
	}
	if m.Catalogue != "" {
		parts = append(parts, "catalogus: "+m.Catalogue)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "\n") + "\n(in " + m.Path + ")"
}

func (p printer) OrganisationFixedBy() string {
	if p.fixedOrganisation() {
		return p.mun.Path
	}
	return ""
}

func (p printer) SetOrganisation(o cards.Organisation) error {
	if p.fixedOrganisation() {
		return p.errFixedOrganisation()
	}
	return p.db.SetOrganisation(o)
}
