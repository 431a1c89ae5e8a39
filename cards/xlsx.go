package cards

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// An Excel workbook (.xlsx): the catalogue is its first sheet, with the
// same columns as a CSV file. Export formats every column as text, the
// rows a user adds included, so that Excel turns nothing into a number or
// a date, with a bold, frozen header row, and a second sheet that explains
// the columns.

// Sheet names of an exported workbook.
const (
	xlsxSheet     = "Catalogus"
	xlsxHelpSheet = "Uitleg"
)

// ParseXLSX reads a catalogue from the first sheet of an Excel workbook.
// Cells that Excel typed as it would (numbers, dates) are read as what
// they show; a formula is refused, as its text is not what the card says.
func ParseXLSX(name string, data []byte) ([]Card, error) {
	refuse := func(msg string) ([]Card, error) { return nil, Problems{{File: name, Message: msg}} }
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: 2 * MaxFileSize})
	if err != nil {
		if strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt") {
			return refuse("de werkmap is met een wachtwoord beveiligd; sla hem zonder wachtwoord op")
		}
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return refuse(fmt.Sprintf("de werkmap is uitgepakt groter dan %d MB; dat is te groot voor een catalogus: maak teksten korter of haal instrumenten weg", xlsxUnzipLimit>>20))
		}
		return refuse("dit is geen Excel-werkmap die gelezen kan worden; sla het bestand in Excel opnieuw op als .xlsx")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return refuse("de werkmap heeft geen blad")
	}
	sh := sheet{file: fmt.Sprintf("%s, blad %q", name, sheets[0])}
	raw, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return refuse("het eerste blad van de werkmap kan niet gelezen worden; sla het bestand in Excel opnieuw op als .xlsx")
	}
	var header []column
	var probs Problems
	for r, cells := range raw {
		row := sheetRow{num: r + 1, cells: cells}
		if r == 0 {
			header = make([]column, len(cells))
			for i, h := range cells {
				header[i], _ = columnByName(h)
			}
		}
		for i, cell := range cells {
			if cell == "" {
				continue
			}
			var col column
			if r > 0 && i < len(header) {
				col = header[i]
			}
			text, msg := xlsxCell(f, sheets[0], i, r, cell, col)
			if msg != "" {
				probs = append(probs, Problem{File: sh.file, Line: row.num, Place: "kolom", Field: col.header, Message: msg})
			}
			row.cells[i] = text
		}
		sh.rows = append(sh.rows, row)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return sh.parse()
}

// xlsxCell is the text of one cell: its value as typed, or what Excel shows
// for a number, or for a date in the columns where a date can only mean one
// thing. msg says why the cell cannot be used.
func xlsxCell(f *excelize.File, sheetName string, col, row int, raw string, c column) (string, string) {
	axis, _ := excelize.CoordinatesToCellName(col+1, row+1)
	if formula, _ := f.GetCellFormula(sheetName, axis); formula != "" {
		return "", fmt.Sprintf("in deze cel staat een formule (=%s); typ de tekst zelf in de cel", formula)
	}
	if !utf8.ValidString(raw) {
		return "", "deze cel bevat tekens die geen tekst zijn"
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil || !xlsxIsDate(f, sheetName, axis) {
		return raw, ""
	}
	t, err := excelize.ExcelDateToTime(serial, false)
	if err != nil || serial != math.Trunc(serial) {
		return "", "Excel heeft van deze cel een tijd gemaakt; zet de cel op Tekst en typ de waarde opnieuw"
	}
	switch c.key {
	case "laatst_bekeken":
		return t.Format(isoDate), ""
	case "uren_per_week":
		// Excel made a date of "4-8": in Dutch Excel 4 August, elsewhere
		// 8 April. Either way the hours are the smaller and the larger
		// of day and month, as a range runs from low to high.
		lo, hi := t.Day(), int(t.Month())
		return formatRange(Range{Min: min(lo, hi), Max: max(lo, hi)}), ""
	}
	return "", fmt.Sprintf("Excel heeft van deze cel een datum gemaakt (%s); zet de cel op Tekst en typ de waarde opnieuw", t.Format("2-1-2006"))
}

// xlsxIsDate reports whether a cell's number format shows a date.
func xlsxIsDate(f *excelize.File, sheetName, axis string) bool {
	id, err := f.GetCellStyle(sheetName, axis)
	if err != nil {
		return false
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return dateFormatCode(*st.CustomNumFmt)
	}
	n := st.NumFmt
	return n >= 14 && n <= 22 || n >= 27 && n <= 36 || n >= 45 && n <= 47 || n >= 50 && n <= 58
}

// dateFormatCode reports whether a custom number format shows a date: it
// has d, m or y outside quotes and brackets (a colour such as [Red] is not).
func dateFormatCode(code string) bool {
	quoted, bracket := false, false
	for _, r := range strings.ToLower(code) {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		case r == 'd' || r == 'm' || r == 'y' || r == 'j': // j: jaar in Dutch codes
			return true
		}
	}
	return false
}

// WriteXLSX writes cards as an Excel workbook: the catalogue as text cells
// under a bold, frozen header row, and a sheet that explains every column.
func WriteXLSX(w io.Writer, cs []Card) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetList()[0], xlsxSheet); err != nil {
		return err
	}
	if err := writeXLSXTable(f, xlsxSheet, rowsOf(cs), 60); err != nil {
		return err
	}
	if _, err := f.NewSheet(xlsxHelpSheet); err != nil {
		return err
	}
	help := [][]string{{"kolom", "wat staat erin", "toegestane waarden"}}
	for _, c := range columns {
		help = append(help, []string{c.header, c.what, strings.Join(c.allowed(), ", ")})
	}
	if err := writeXLSXTable(f, xlsxHelpSheet, help, 80); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// writeXLSXTable fills a sheet with text cells, the first row bold and
// frozen, columns as wide as their text up to widest characters.
func writeXLSXTable(f *excelize.File, sheetName string, rows [][]string, widest int) error {
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}})
	if err != nil {
		return err
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for c, cell := range row {
			for _, line := range strings.Split(cell, "\n") {
				widths[c] = max(widths[c], min(widest, utf8.RuneCountInString(line)))
			}
		}
	}
	for c, wd := range widths {
		name, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheetName, name, name, float64(wd)+2); err != nil {
			return err
		}
	}
	// Every column is text, not only the cells written here: a cell typed
	// in a new row takes its column's format, and in a General column
	// Excel makes a number of "27+" and a date of "4-8". Set after the
	// widths, which excelize would otherwise set on each of the 16,384
	// columns, and before the cells, which it would otherwise visit.
	if err := f.SetColStyle(sheetName, "A:XFD", text); err != nil {
		return err
	}
	for r, row := range rows {
		for c, cell := range row {
			axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(sheetName, axis, xlsxEscape(cell)); err != nil {
				return err
			}
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(rows[0]), len(rows))
	lastHeader, _ := excelize.CoordinatesToCellName(len(rows[0]), 1)
	// The used range, which excelize leaves at A1: readers that stream a
	// sheet trust it, and would see one row.
	if err := f.SetSheetDimension(sheetName, "A1:"+last); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheetName, "A1", last, text); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheetName, "A1", lastHeader, bold); err != nil {
		return err
	}
	// Rows as high as their wrapped text: not every spreadsheet fits the
	// height of a row itself when it opens a file.
	for r, row := range rows {
		lines := 1
		for c, cell := range row {
			n := 0
			for _, line := range strings.Split(cell, "\n") {
				n += max(1, (utf8.RuneCountInString(line)+widths[c]-1)/max(1, widths[c]))
			}
			lines = max(lines, n)
		}
		if err := f.SetRowHeight(sheetName, r+1, min(409, 15*float64(lines))); err != nil {
			return err
		}
	}
	return f.SetPanes(sheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// xlsxEscape keeps text that looks like an escaped character, such as
// _x0041_ for "A", as it is: every underscore that starts one is escaped
// itself (_x005F_), as Excel does; excelize does not when it writes a
// shared string, and reads such text back as the character.
func xlsxEscape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && xlsxEscaped.MatchString(s[i:]) {
			b.WriteString("_x005F")
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

var xlsxEscaped = regexp.MustCompile(`^_x[0-9A-Fa-f]{4}_`)
