package cards

import (
	"fmt"
	"strings"
)

// A spreadsheet, from a CSV file or an Excel workbook: a header row naming
// the columns, then one instrument per row. Both formats read into a
// sheet, so that their columns, limits and messages are the same.

// Limits on a catalogue file, checked before anything is stored: a larger
// file is not a catalogue of one municipality, and would slow every start.
// MaxFileSize leaves room for MaxCards cards as long as the built-in ones
// (about 7 MB as TOML, the largest format); a catalogue is also refused
// when one of its exports would be larger (see checkExportSize), so that
// what the app accepts it can always save and read back.
const (
	MaxCards    = 5000
	MaxFileSize = 16 << 20 // bytes
)

// xlsxUnzipLimit is how large the unzipped parts of a workbook may be. A
// card's XML is at most about twice what it takes in CSV or TOML ("&"
// becomes "&amp;", a cell has tags); TestWriteXLSX_Unzipped checks that the
// export of any catalogue within MaxFileSize stays well under it.
const xlsxUnzipLimit = 8 * MaxFileSize

// A translation sheet holds each text of the catalogue twice, in Dutch and
// translated, so it may be twice as large as a catalogue.
const (
	MaxSheetSize    = 2 * MaxFileSize
	sheetUnzipLimit = 2 * xlsxUnzipLimit
)

type sheet struct {
	file string // as problems name it: "catalogus.xlsx" or `catalogus.xlsx, blad "Catalogus"`
	rows []sheetRow
}

type sheetRow struct {
	num   int // the row number as the spreadsheet shows it
	cells []string
}

// parse turns the sheet into cards, reporting every problem at once.
func (sh sheet) parse() ([]Card, error) {
	if len(sh.rows) == 0 {
		return nil, Problems{{File: sh.file, Message: "het bestand is leeg; de eerste regel moet de namen van de kolommen geven"}}
	}
	header := sh.rows[0]
	cols, probs := sh.columns(header)
	if len(probs) > 0 {
		return nil, probs
	}
	var recs []record
	for _, row := range sh.rows[1:] {
		if blankRow(row.cells) {
			continue
		}
		if len(recs) == MaxCards {
			return nil, Problems{{File: sh.file, Message: fmt.Sprintf("het bestand heeft meer dan %d instrumenten; een catalogus mag er hoogstens %d hebben", MaxCards, MaxCards)}}
		}
		r := record{line: row.num, values: map[string][]string{}}
		for i, cell := range row.cells {
			if i >= len(cols) || cols[i].key == "" {
				continue
			}
			cell = unescapeCell(cell)
			if c := cols[i]; c.list {
				r.values[c.key] = c.split(cell)
			} else {
				r.values[c.key] = []string{cell}
			}
		}
		recs = append(recs, r)
	}
	src := source{file: sh.file, place: "kolom", name: func(c column) string { return c.header }}
	cs, more := parseRecords(src, recs)
	if len(more) > 0 {
		return nil, more
	}
	return cs, nil
}

// columns maps the header's cells to columns. A header that names no known
// column at all is one problem, not one per missing column: the file is
// most likely not a catalogue.
func (sh sheet) columns(header sheetRow) ([]column, Problems) {
	cols := make([]column, len(header.cells))
	at := map[string]int{} // column key → index in the header
	var probs Problems
	for i, h := range header.cells {
		c, ok := columnByName(h)
		if !ok {
			continue
		}
		if first, dup := at[c.key]; dup {
			probs = append(probs, Problem{File: sh.file, Line: header.num, Place: "kolom", Field: c.header,
				Message: fmt.Sprintf("deze kolom staat twee keer in de kopregel (kolom %s en %s); haal er één weg", columnLetter(first), columnLetter(i))})
			continue
		}
		at[c.key] = i
		cols[i] = c
	}
	if len(at) == 0 {
		return nil, Problems{{File: sh.file, Line: header.num, Message: "de eerste regel noemt geen enkele kolom van een catalogus; " +
			"een catalogus begint met een kopregel met " + strings.Join(columnHeaders()[:4], ", ") + " enzovoort"}}
	}
	var missing []string
	for _, c := range columns {
		if _, ok := at[c.key]; !ok {
			missing = append(missing, fmt.Sprintf("%q", c.header))
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		probs = append(probs, Problem{File: sh.file, Line: header.num, Message: "de kolom " + missing[0] + " ontbreekt in de kopregel"})
	default:
		probs = append(probs, Problem{File: sh.file, Line: header.num, Message: "deze kolommen ontbreken in de kopregel: " + strings.Join(missing, ", ")})
	}
	return cols, probs
}

// columnLetter names a column as a spreadsheet does: A, B, …, Z, AA.
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func columnHeaders() []string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = c.header
	}
	return out
}

// rowsOf turns cards into the sheet's rows under the header, every cell
// as it is written to a file: lists one value per line, no cell that a
// spreadsheet would run as a formula.
func rowsOf(cs []Card) [][]string {
	rows := [][]string{columnHeaders()}
	for _, card := range cs {
		f := fields(card)
		row := make([]string, len(columns))
		for i, c := range columns {
			vals := f[c.key]
			if c.list {
				vals = escapeList(vals)
			}
			row[i] = escapeCell(strings.Join(vals, "\n"))
		}
		rows = append(rows, row)
	}
	return rows
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// A cell that starts with =, +, -, @, a tab or a carriage return is run as
// a formula by Excel and other spreadsheets (CSV injection). On export such
// a cell gets a leading apostrophe, as OWASP advises, and import takes
// exactly that apostrophe off again, so that a round trip changes nothing.
// A text that itself starts with an apostrophe before such a character
// gets a second one; "'s avonds" is left alone both ways.
const formulaStart = "=+-@\t\r"

func escapeCell(s string) string {
	if s == "" {
		return s
	}
	if strings.ContainsRune(formulaStart, rune(s[0])) || s[0] == '\'' && len(s) > 1 && strings.ContainsRune(formulaStart+"'", rune(s[1])) {
		return "'" + s
	}
	return s
}

func unescapeCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStart+"'", rune(s[1])) {
		return s[1:]
	}
	return s
}

// A list cell holds one value per line; a line that starts with a bullet
// (-, • or * and a space) has that bullet taken off on import, as people
// type lists that way. A value that starts so itself is written behind a
// bullet of its own, so that it comes back whole.
const bullets = "-•*"

func escapeList(vals []string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v
		if hasBullet(v) {
			out[i] = "• " + v
		}
	}
	return out
}

func hasBullet(s string) bool {
	r := []rune(s)
	return len(r) > 1 && strings.ContainsRune(bullets, r[0]) && (r[1] == ' ' || r[1] == '\t')
}

// stripBullet takes one bullet and the spaces after it off a list value.
func stripBullet(s string) string {
	if !hasBullet(s) {
		return s
	}
	return strings.TrimLeft(string([]rune(s)[1:]), " \t")
}
