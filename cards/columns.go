package cards

import "strings"

// column is one field of a card in a catalogue file. The canonical TOML file
// uses key; a CSV file uses header (matched ignoring case, accents and "_").
type column struct {
	key    string
	header string
	list   bool // several values: a TOML array, or several in one CSV cell
	long   bool // list values are sentences, one per line; short ones may also be comma-separated
}

// split splits one cell (or a TOML string) of a list column into values.
func (c column) split(s string) []string { return splitList(s, !c.long) }

// columns lists the fields of a card in file order.
var columns = []column{
	{key: "id", header: "id"},
	{key: "categorie", header: "categorie"},
	{key: "titel", header: "titel"},
	{key: "samenvatting", header: "samenvatting"},
	{key: "wat_ga_je_doen", header: "wat ga je doen"},
	{key: "duur", header: "duur"},
	{key: "uren_per_week", header: "uren per week"},
	{key: "aanbieder", header: "aanbieder"},
	{key: "igm_factoren", header: "igm-factoren", list: true},
	{key: "doelen", header: "doelen", list: true},
	{key: "leeftijd", header: "leeftijd"},
	{key: "werkervaring", header: "werkervaring", list: true},
	{key: "taalniveau", header: "taalniveau"},
	{key: "voorwaarden", header: "voorwaarden"},
	{key: "voordelen", header: "voordelen", list: true, long: true},
	{key: "nadelen", header: "nadelen", list: true, long: true},
	{key: "effect", header: "effect"},
	{key: "effect_uitleg", header: "effect uitleg"},
	{key: "bron", header: "bron"},
	{key: "clienten_zeggen", header: "cliënten zeggen"},
	{key: "pictogram", header: "pictogram"},
	{key: "laatst_bekeken", header: "laatst bekeken"},
}

// columnByName finds a column by TOML key or CSV header.
func columnByName(name string) (column, bool) {
	n := normalName(name)
	for _, c := range columns {
		if n == normalName(c.key) || n == normalName(c.header) {
			return c, true
		}
	}
	return column{}, false
}

// normalName folds a name for lenient matching: "Cliënten_Zeggen" and
// "clienten zeggen" are the same.
func normalName(s string) string {
	s = Fold(strings.TrimSpace(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), " ")
}

// splitList splits a cell that holds several values: one per line, or
// separated by commas when short values are expected. Bullets and blanks go.
func splitList(s string, commas bool) []string {
	sep := func(r rune) bool { return r == '\n' || r == '\r' || commas && (r == ',' || r == ';') }
	var out []string
	for _, part := range strings.FieldsFunc(s, sep) {
		part = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(part), "-•*"))
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}
