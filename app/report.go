package app

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/pdf"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// reportLanguages are the languages of a gespreksverslag: the interface's,
// as it goes into the municipality's own file.
var reportLanguages = []string{"nl", "en"}

// report draws the gespreksverslag of a session; with marks, the inzage
// variant, which says of every field whether the client saw it.
func (p printer) report(w io.Writer, sessionID int64, lang string, marks bool) error {
	if !slices.Contains(reportLanguages, lang) {
		return fmt.Errorf("een verslag kan in het Nederlands (nl) of het Engels (en), niet in %q", lang)
	}
	s, c, ctx, err := p.session(sessionID, lang)
	if err == nil {
		err = p.db.LogAction(c.ID, storage.ActionPrinted, fmt.Sprintf("verslag van gesprek %d", sessionID))
	}
	if err != nil {
		return err
	}
	var previous time.Time
	if s.PreviousID != 0 {
		if ps, err := p.db.Session(s.PreviousID); err == nil {
			previous = ps.Started
		}
	}
	holders, err := p.db.Holders(c.ID)
	if err != nil {
		return err
	}
	return pdf.WriteReport(w, pdf.Report{
		Context: ctx, Client: c, Session: s, PreviousDate: previous,
		Professional: professional(), Professionals: holders, Version: Version, ClientMarks: marks,
	})
}

// PrintReport writes a session's gespreksverslag in the interface language
// and returns the file.
func (p printer) PrintReport(sessionID int64, lang string) (string, error) {
	path := filepath.Join(p.files, fmt.Sprintf("verslag-%d-%s.pdf", sessionID, lang))
	return path, writePDF(path, func(w io.Writer) error { return p.report(w, sessionID, lang, false) })
}

// ExportClient writes everything about a client into one zip (inzage) and
// returns the file.
func (p printer) ExportClient(clientID int64) (string, error) {
	data, err := p.inzage(clientID)
	if err != nil {
		return "", err
	}
	path := filepath.Join(p.files, fmt.Sprintf("inzage-%d.zip", clientID))
	return path, storage.WriteFileAtomic(path, data)
}

// The names in an inzage zip.
const inzageJSON = "gegevens.json"

func inzageReportName(sessionID int64) string {
	return fmt.Sprintf("gesprek-%d-verslag.pdf", sessionID)
}
func inzagePlanName(sessionID int64) string { return fmt.Sprintf("gesprek-%d-plan.pdf", sessionID) }

// inzage makes the zip of everything the app keeps about a client, for a
// request under article 15 of the AVG: per conversation the report with
// what the client saw marked, and the plan (Dutch); and gegevens.json with
// the same data for a machine.
func (p printer) inzage(clientID int64) ([]byte, error) {
	c, err := p.db.Client(clientID)
	if err == nil {
		err = p.db.LogAction(clientID, storage.ActionExported, "inzage")
	}
	if err != nil {
		return nil, err
	}
	sums, err := p.db.Sessions(clientID)
	if err != nil {
		return nil, err
	}
	now := p.now()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now}
		h.SetMode(0o600) // personal data: unpacked, for the user only
		w, err := zw.CreateHeader(h)
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	}
	data := newInzageData(c, now)
	for _, sum := range sums {
		s, err := p.db.Session(sum.ID)
		if err != nil {
			return nil, err
		}
		data.Sessions = append(data.Sessions, newInzageSession(s))
		var report, plan bytes.Buffer
		if err := p.report(&report, s.ID, "nl", true); err != nil {
			return nil, err
		}
		if err := p.plan(&plan, s.ID, "nl", false); err != nil {
			return nil, err
		}
		if err := add(inzageReportName(s.ID), report.Bytes()); err != nil {
			return nil, err
		}
		if err := add(inzagePlanName(s.ID), plan.Bytes()); err != nil {
			return nil, err
		}
	}
	js, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := add(inzageJSON, append(js, '\n')); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// inzageData is gegevens.json: everything the app keeps about one client,
// for a machine. The field names are documented in the file itself, under
// "uitleg", and here.
type inzageData struct {
	Format      string            `json:"formaat"`    // inzageFormat
	Made        time.Time         `json:"gemaakt"`    // when the export was made
	Version     string            `json:"app_versie"` // the app's version
	Explanation map[string]string `json:"uitleg"`     // what each field means, in Dutch
	Client      inzageClient      `json:"client"`
	Sessions    []inzageSession   `json:"gesprekken"` // oldest first
}

const inzageFormat = "samenbeslissen-inzage/1"

type inzageClient struct {
	ID           int64     `json:"id"`
	Name         string    `json:"naam"`
	Reference    string    `json:"kenmerk"`
	Language     string    `json:"taal"` // "" until chosen
	Created      time.Time `json:"aangemaakt"`
	LastActivity time.Time `json:"laatst_actief"`
}

type inzageSession struct {
	ID         int64             `json:"id"`
	PreviousID int64             `json:"vervolg_op"` // 0 for a first conversation
	Started    time.Time         `json:"begonnen"`
	Updated    time.Time         `json:"bijgewerkt"`
	Step       int               `json:"stap"`
	Values     []inzageValue     `json:"waarden"` // by key
	Agreements []inzageAgreement `json:"afspraken"`
	Cards      []inzageCard      `json:"vergeleken_kaarten"`
	SureScore  int               `json:"sure_score"`
	Report     string            `json:"verslag"` // the report's name in the zip
	Plan       string            `json:"plan"`    // the plan's name in the zip
}

type inzageValue struct {
	Key       string `json:"sleutel"`
	Value     string `json:"waarde"`
	ClientSaw bool   `json:"client_zag"`
}

type inzageAgreement struct {
	Who  string `json:"wie"`
	What string `json:"wat"`
	Due  string `json:"voor_wanneer"`
}

type inzageCard struct {
	ID       string        `json:"id"`
	Title    string        `json:"titel"`
	Category string        `json:"categorie"`
	Chosen   bool          `json:"gekozen"`
	Pros     []inzagePoint `json:"voordelen"`
	Cons     []inzagePoint `json:"nadelen"`
	ProTotal int           `json:"totaal_voordelen"`
	ConTotal int           `json:"totaal_nadelen"`
}

type inzagePoint struct {
	Text   string `json:"tekst"`
	Weight *int   `json:"gewicht"` // 0–3; null when not weighed
}

// inzageExplanation documents gegevens.json in the file itself.
var inzageExplanation = map[string]string{
	"formaat":    "Soort bestand en versie: " + inzageFormat + ".",
	"gemaakt":    "Wanneer dit bestand is gemaakt.",
	"app_versie": "Versie van Samen Beslissen die het maakte.",
	"client":     "De cliënt: id (nummer in de app), naam (naam of initialen), kenmerk (eigen kenmerk van de gemeente, geen BSN), taal (de taal van de cliënt voor het scherm en het plan, zoals ar voor Arabisch; leeg als die niet is gekozen), aangemaakt, laatst_actief.",
	"gesprekken": "Elk gesprek, het oudste eerst: id, vervolg_op (het id van het gesprek waar dit een vervolg op is, 0 bij een eerste gesprek), begonnen, bijgewerkt, stap (de stap van 1 tot 7 waar het gesprek was), sure_score (aantal keer ja op de 4 SURE-vragen), verslag en plan (de pdf's in dit zip-bestand).",
	"gesprekken[].waarden": "Alles wat in het gesprek is ingevuld of gekozen, per sleutel, zoals de app het bewaart: sleutel, waarde, client_zag (true: de cliënt zag het in het scherm voor de cliënt; false: alleen de medewerker, zoals notities). " +
		"Sleutels: verwachtingen, behoeften (stap 1); leefgebied/GEBIED/markering en /notitie, leeftijd, werkervaring, taalniveau, herkend (stap 2); drijfveer/FACTOR/helpt en /remt, werken-aan (stap 3); doel, doelen, haalbaar, subdoelen (stap 4); weging/KAART/voordeel/N en /nadeel/N (stap 5, gewicht 0 tot 3); sure/1 tot sure/4, besluit (id van de gekozen kaart), waarom, volgende-afspraak (stap 6); terugblik, doel-klopt (stap 7); notitie/STAP (notitie van de medewerker); stap.",
	"gesprekken[].afspraken":          "Afspraken uit het actieplan: wie, wat, voor_wanneer.",
	"gesprekken[].vergeleken_kaarten": "De kaarten die naast elkaar zijn gezet, zoals ze toen waren: id, titel, categorie, gekozen, voordelen en nadelen (tekst en gewicht: hoe belangrijk voor de cliënt, 0 tot 3, null als niet gewogen), totaal_voordelen en totaal_nadelen.",
}

func newInzageData(c cards.Client, now time.Time) inzageData {
	return inzageData{
		Format: inzageFormat, Made: now, Version: Version, Explanation: inzageExplanation,
		Client:   inzageClient{ID: c.ID, Name: c.Name, Reference: c.Reference, Language: c.Language, Created: c.Created, LastActivity: c.LastActivity},
		Sessions: []inzageSession{},
	}
}

func newInzageSession(s cards.Session) inzageSession {
	out := inzageSession{
		ID: s.ID, PreviousID: s.PreviousID, Started: s.Started, Updated: s.Updated, Step: s.Step, SureScore: s.SureScore(),
		Values: []inzageValue{}, Agreements: []inzageAgreement{}, Cards: []inzageCard{},
		Report: inzageReportName(s.ID), Plan: inzagePlanName(s.ID),
	}
	values := s.Values()
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out.Values = append(out.Values, inzageValue{Key: k, Value: values[k], ClientSaw: s.ClientSees(k)})
	}
	for _, a := range s.Agreements {
		out.Agreements = append(out.Agreements, inzageAgreement{Who: a.Who, What: a.What, Due: a.Due})
	}
	points := func(texts []string, weights []int) []inzagePoint {
		ps := make([]inzagePoint, len(texts))
		for i, t := range texts {
			ps[i].Text = t
			if i < len(weights) && weights[i] >= 0 {
				w := weights[i]
				ps[i].Weight = &w
			}
		}
		return ps
	}
	for _, o := range s.Options {
		pros, cons := o.Weighed()
		out.Cards = append(out.Cards, inzageCard{
			ID: o.Card.ID, Title: o.Card.Title, Category: string(o.Card.Category), Chosen: o.Card.ID == s.Decision,
			Pros: points(o.Card.Pros, o.ProWeights), Cons: points(o.Card.Cons, o.ConWeights), ProTotal: pros, ConTotal: cons,
		})
	}
	return out
}

// runReport runs "verslag" and "inzage" on the command line.
func runReport(p printer, cmd string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, usage, defaultDataDir()) } // every command, in Dutch
	out := fs.String("uit", "", "")
	lang := fs.String("taal", "nl", "")
	session := fs.Int64("sessie", 0, "")
	client := fs.Int64("client", 0, "")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var err error
	switch cmd {
	case "verslag":
		switch {
		case *out == "":
			fmt.Fprintln(stderr, "geef met --uit BESTAND.pdf aan waar het verslag moet komen")
			return 2
		case *session == 0:
			fmt.Fprintln(stderr, "geef met --sessie ID aan van welk gesprek het verslag is")
			return 2
		case !slices.Contains(reportLanguages, *lang):
			fmt.Fprintf(stderr, "een verslag kan in het Nederlands (nl) of het Engels (en), niet in %q\n", *lang)
			return 2
		}
		err = writePDF(*out, func(w io.Writer) error { return p.report(w, *session, *lang, false) })
	case "inzage":
		switch {
		case *out == "":
			fmt.Fprintln(stderr, "geef met --uit BESTAND.zip aan waar de inzage moet komen")
			return 2
		case *client == 0:
			fmt.Fprintln(stderr, "geef met --client ID aan van welke cliënt de inzage is")
			return 2
		}
		var data []byte
		if data, err = p.inzage(*client); err == nil {
			err = storage.WriteExport(*out, data, storage.ModePrivate) // personal data: for this user only
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "%s gemaakt.\n", *out)
	return 0
}
