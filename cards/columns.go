package cards

import (
	"strings"
	"sync"
)

// column is one field of a card in a catalogue file. The canonical TOML file
// uses key; a spreadsheet uses header (matched ignoring case, accents and
// "_"). what explains the column on the explanation sheet of an exported
// workbook.
type column struct {
	key    string
	header string
	list   bool // several values: a TOML array, or several in one CSV cell
	long   bool // list values are sentences, one per line; short ones may also be comma-separated
	what   string
}

// split splits one cell (or a TOML string) of a list column into values.
func (c column) split(s string) []string { return splitList(s, !c.long) }

// columns lists the fields of a card in file order.
var columns = []column{
	{key: "id", header: "id", what: "Een vaste naam voor het instrument, anders dan alle andere. Alleen kleine letters, cijfers en streepjes, bijvoorbeeld schuldhulp-budgetcoach."},
	{key: "categorie", header: "categorie", what: "Waar het instrument past in de route."},
	{key: "titel", header: "titel", what: "De naam van het instrument. Hoogstens 60 tekens."},
	{key: "samenvatting", header: "samenvatting", what: "Eén korte zin in eenvoudig Nederlands (B1): wat is het? Hoogstens 160 tekens."},
	{key: "wat_ga_je_doen", header: "wat ga je doen", what: "Wat de cliënt gaat doen, in eenvoudig Nederlands."},
	{key: "duur", header: "duur", what: "Hoe lang het duurt, in woorden, bijvoorbeeld 8 weken."},
	{key: "uren_per_week", header: "uren per week", what: "Hoeveel uur per week: één getal (4) of van-tot (4 tot 8). Schrijf \"tot\", geen streepje: Excel maakt van 4-8 een datum."},
	{key: "aanbieder", header: "aanbieder", what: "Wie het instrument aanbiedt."},
	{key: "igm_factoren", header: "igm-factoren", list: true, what: "Waar het instrument aan werkt (Integratief Gedragsmodel). Eén of meer, met komma's of elk op een eigen regel."},
	{key: "doelen", header: "doelen", list: true, what: "Bij welke doelen het helpt. Eén of meer, met komma's of elk op een eigen regel."},
	{key: "leeftijd", header: "leeftijd", what: "Voor welke leeftijd: leeg (iedereen), van-tot (18 tot 27), vanaf (27+) of één leeftijd (27 tot 27). Een getal alleen, zoals 27, kan niet."},
	{key: "werkervaring", header: "werkervaring", list: true, what: "Voor wie met deze werkervaring. Leeg is iedereen."},
	{key: "taalniveau", header: "taalniveau", what: "Hoe goed de cliënt minstens Nederlands moet kunnen. Leeg is: geen eis."},
	{key: "voorwaarden", header: "voorwaarden", what: "Andere voorwaarden, in eenvoudig Nederlands."},
	{key: "voordelen", header: "voordelen", list: true, long: true, what: "Twee of meer voordelen, elk op een eigen regel in de cel (Alt+Enter)."},
	{key: "nadelen", header: "nadelen", list: true, long: true, what: "Twee of meer nadelen, elk op een eigen regel in de cel (Alt+Enter)."},
	{key: "effect", header: "effect", what: "Wat bekend is over het effect."},
	{key: "effect_uitleg", header: "effect uitleg", what: "Wat er bekend is over het effect, in eenvoudig Nederlands."},
	{key: "bron", header: "bron", what: "De bron van wat over het effect bekend is. Verplicht, behalve bij effect \"onbekend\"."},
	{key: "clienten_zeggen", header: "cliënten zeggen", what: "Wat cliënten vaak zeggen over het instrument."},
	{key: "pictogram", header: "pictogram", what: "Het plaatje op de kaart."},
	{key: "laatst_bekeken", header: "laatst bekeken", what: "Wanneer de kaart voor het laatst is nagekeken: 2026-10-01 of 1-10-2026."},
}

// allowed lists the values a column accepts, for the explanation sheet;
// empty for free text.
func (c column) allowed() []string {
	switch c.key {
	case "categorie":
		return strs(Categories)
	case "igm_factoren":
		return strs(Factors)
	case "doelen":
		return strs(Goals)
	case "werkervaring":
		return strs(WorkExperiences)
	case "taalniveau":
		return strs(LanguageLevels)
	case "effect":
		return strs(EffectLevels)
	case "pictogram":
		return Pictograms
	}
	return nil
}

// columnByName finds a column by TOML key or CSV header.
func columnByName(name string) (column, bool) {
	c, ok := columnNames()[normalName(name)]
	return c, ok
}

// columnNames maps each column's folded key and header to the column,
// made once: a catalogue looks up every field of every card.
var columnNames = sync.OnceValue(func() map[string]column {
	m := map[string]column{}
	for i := len(columns) - 1; i >= 0; i-- { // the first column wins a shared name
		c := columns[i]
		m[normalName(c.header)] = c
		m[normalName(c.key)] = c
	}
	return m
})

// normalName folds a name for lenient matching: "Cliënten_Zeggen" and
// "clienten zeggen" are the same.
func normalName(s string) string {
	s = Fold(strings.TrimSpace(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), " ")
}

// splitList splits a cell that holds several values: one per line, or
// separated by commas when short values are expected. A bullet at the start
// of a value and blanks go.
func splitList(s string, commas bool) []string {
	sep := func(r rune) bool { return r == '\n' || r == '\r' || commas && (r == ',' || r == ';') }
	var out []string
	for _, part := range strings.FieldsFunc(s, sep) {
		part = strings.TrimSpace(stripBullet(strings.TrimSpace(part)))
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}
