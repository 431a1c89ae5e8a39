package cards

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The files in testdata are made as Excel on Dutch Windows makes them;
// testdata/gen.go says how. Each is either read with every letter intact
// or refused with one sentence.
func TestParseFile_ExcelFiles(t *testing.T) {
	tests := []struct {
		file  string
		hours []Range
		note  string
	}{
		{"excel-ansi.csv", []Range{{Min: 1, Max: 2}, {Min: 2, Max: 2}}, "gelezen als Windows-1252"},
		{"excel-unicode.txt", []Range{{Min: 1, Max: 2}, {Min: 2, Max: 2}}, ""},
		{"excel-typed.xlsx", []Range{{Min: 4, Max: 8}, {Min: 2, Max: 2}}, ""},
		{"export.xlsx", []Range{{Min: 1, Max: 2}, {Min: 2, Max: 2}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			cs, notes, err := ParseFile(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 2 {
				t.Fatalf("%d cards, want 2", len(cs))
			}
			for text, want := range map[string]string{
				cs[0].Title: "Brede intake – café", cs[0].Pros[0]: "Je krijgt “echte” aandacht.",
				cs[0].Pros[1]: "Het kost niets: € 0.", cs[0].Clients: "Mensen zijn blij met de naïeve vragen.",
				cs[1].Title: "Taalcafé", cs[1].WhatYouDo: "Je praat één keer per week.",
			} {
				if text != want {
					t.Errorf("read %q, want %q", text, want)
				}
			}
			for i, want := range tt.hours {
				if cs[i].Hours != want {
					t.Errorf("card %d: hours %v, want %v", i, cs[i].Hours, want)
				}
			}
			if want := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC); !cs[0].Reviewed.Equal(want) || !cs[1].Reviewed.Equal(want) {
				t.Errorf("reviewed %v and %v, want %v", cs[0].Reviewed, cs[1].Reviewed, want)
			}
			if got := strings.Join(notes, " "); tt.note == "" && got != "" || !strings.Contains(got, tt.note) {
				t.Errorf("notes %q, want %q", got, tt.note)
			}
		})
	}
}

func TestParseXLSX_Formula(t *testing.T) {
	data, err := os.ReadFile("testdata/excel-formula.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = ParseFile("excel-formula.xlsx", data)
	want := []string{`excel-formula.xlsx, blad "Blad1" regel 3, kolom "titel": in deze cel staat een formule (=CONCATENATE("Taal","café")); typ de tekst zelf in de cel`}
	if got := problemStrings(err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestParseFile_Refused: files that are not text a catalogue can be read
// from are refused in one sentence, whatever their encoding.
func TestParseFile_Refused(t *testing.T) {
	valid := encodeCSV(csvRows(), ';')
	xlsx := new(bytes.Buffer)
	if err := WriteXLSX(xlsx, []Card{sampleCard("a", CategoryAftercare, "A")}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "a.csv: dit is geen tekstbestand; kies een catalogus die als .xlsx, .csv of .toml is opgeslagen"},
		{"a.csv", xlsx.Bytes(), "a.csv: dit is een Excel-werkmap; geef het bestand een naam die eindigt op .xlsx"},
		{"a.csv", append([]byte("id;titel\r\nx;caf"), 0x81), `a.csv: de tekens in dit bestand passen in geen bekende codering; sla het in Excel op als "CSV UTF-8" of als .xlsx`},
		{"a.csv", []byte("id;titel\r\nx;Brede intake \uFFFD caf\uFFFD\r\n"), `a.csv: het bestand bevat het teken �: daar stond een letter die eerder verkeerd is opgeslagen; zet de juiste letter terug`},
		{"a.txt", append([]byte{0xFF, 0xFE}, 'i', 0, 'd'), "a.txt: het bestand is als Unicode-tekst (UTF-16) begonnen maar is niet heel; sla het opnieuw op"},
		{"a.csv", []byte("naam;adres\r\nPiet;Dorpsstraat 1\r\n"), "a.csv regel 1: de eerste regel noemt geen enkele kolom van een catalogus; een catalogus begint met een kopregel met id, categorie, titel, samenvatting enzovoort"},
		{"a.csv", bytes.Replace(valid, []byte("titel;"), []byte("titel;titel;"), 1), `a.csv regel 1, kolom "titel": deze kolom staat twee keer in de kopregel (kolom C en D); haal er één weg`},
		{"a.csv", append(valid, bytes.Repeat([]byte(" "), MaxFileSize)...), fmt.Sprintf("a.csv: het bestand is %d.0 MB; een catalogus mag hoogstens %[1]d MB zijn", MaxFileSize>>20)},
		{"a.xlsx", []byte("PK\x03\x04 kapot"), "a.xlsx: dit is geen Excel-werkmap die gelezen kan worden; sla het bestand in Excel opnieuw op als .xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			cs, _, err := ParseFile(tt.name, tt.data)
			if got := problemStrings(err); cs != nil || len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %d cards and %q, want %q", len(cs), got, tt.want)
			}
		})
	}
}

func TestParseCSV_Encodings(t *testing.T) {
	text := encodeCSV(csvRows(), '\t')
	utf16 := func(bigEndian bool) []byte {
		out := []byte{0xFF, 0xFE}
		if bigEndian {
			out = []byte{0xFE, 0xFF}
		}
		for _, r := range string(text) { // the sample has no runes outside the BMP
			if bigEndian {
				out = append(out, byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8))
			}
		}
		return out
	}
	for name, data := range map[string][]byte{
		"UTF-8 without a byte order mark": text,
		"UTF-8 with a byte order mark":    append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"UTF-16 little-endian":            utf16(false),
		"UTF-16 big-endian":               utf16(true),
	} {
		t.Run(name, func(t *testing.T) {
			cs, notes, err := ParseCSV("x.txt", data)
			if err != nil || len(cs) != 2 || len(notes) != 0 {
				t.Fatalf("%d cards, notes %q, %v", len(cs), notes, err)
			}
		})
	}
}

// TestParseCSV_RowNumbers: rows are numbered as the spreadsheet shows them,
// an empty line being a row too.
func TestParseCSV_RowNumbers(t *testing.T) {
	rows := csvRows()
	rows[2][colIndex("categorie")] = "werkplek"
	data := encodeCSV(rows[:2], ';')
	data = append(data, "\r\n\r\n"...)
	data = append(data, encodeCSV(rows[2:], ';')...)
	_, _, err := ParseCSV("x.csv", data)
	want := `x.csv regel 5, kolom "categorie": "werkplek" is geen bekende categorie (kies uit: klantbeeld, praktisch, werk, nazorg)`
	if got := problemStrings(err); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestParseFile_TooManyCards(t *testing.T) {
	var buf bytes.Buffer
	WriteCSV(&buf, generatedCards(MaxCards+1))
	_, _, err := ParseFile("groot.csv", buf.Bytes())
	want := fmt.Sprintf("groot.csv: het bestand heeft meer dan %d instrumenten; een catalogus mag er hoogstens %d hebben", MaxCards, MaxCards)
	if got := problemStrings(err); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestParseHours_WhatExcelMade(t *testing.T) {
	tests := map[string]Range{
		"4": {Min: 4, Max: 4}, "4 tot 8": {Min: 4, Max: 8}, "4-8": {Min: 4, Max: 8},
		"4-aug": {Min: 4, Max: 8}, "1-feb": {Min: 1, Max: 2}, "4-mrt": {Min: 3, Max: 4}, "8-Apr": {Min: 4, Max: 8},
		"Aug-4": {Min: 4, Max: 8}, "4-8-2026": {Min: 4, Max: 8}, "8/4/2026": {Min: 4, Max: 8}, "12-4-26": {Min: 4, Max: 12},
	}
	for in, want := range tests {
		var problems []string
		got := parseHours(in, func(_, format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) })
		if got != want || problems != nil {
			t.Errorf("parseHours(%q) = %v %q, want %v", in, got, problems, want)
		}
	}
}

// builtInCards is the app's own catalogue.
func builtInCards(t *testing.T) []Card {
	t.Helper()
	data, err := os.ReadFile("../assets/catalogus.toml")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := ParseTOML("catalogus.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	tricky := sampleCard("lastig", CategoryClientPicture, "Lastig")
	tricky.Summary = "=HYPERLINK(\"https://example.org\"; \"klik\")"
	tricky.Duration = "-1 dag"
	tricky.Provider = "+31 6 12345678"
	tricky.Cons = []string{"- begint met een streepje", "@mention"}
	tricky.Clients = "'=al een apostrof"
	return append(cs, tricky)
}

// TestRoundTrip_CSV: the built-in catalogue, exported, imported and
// exported again, gives the same bytes; no cell starts as a formula and no
// hours look like a date.
func TestRoundTrip_CSV(t *testing.T) {
	var first, second bytes.Buffer
	if err := WriteCSV(&first, builtInCards(t)); err != nil {
		t.Fatal(err)
	}
	cs, _, err := ParseCSV("c.csv", first.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	WriteCSV(&second, cs)
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("the second export differs from the first")
	}
	sh, err := readCSV("c.csv", strings.TrimPrefix(first.String(), "\uFEFF"))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, sh)
}

// TestRoundTrip_XLSX: the same through a workbook, cell by cell.
func TestRoundTrip_XLSX(t *testing.T) {
	var first, second bytes.Buffer
	if err := WriteXLSX(&first, builtInCards(t)); err != nil {
		t.Fatal(err)
	}
	cs, _, err := ParseFile("c.xlsx", first.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	WriteXLSX(&second, cs)
	a, b := xlsxRows(t, first.Bytes()), xlsxRows(t, second.Bytes())
	if !reflect.DeepEqual(a, b) {
		t.Error("the second export differs from the first")
	}
	sh := sheet{}
	for i, r := range a {
		sh.rows = append(sh.rows, sheetRow{num: i + 1, cells: r})
	}
	checkCells(t, sh)
}

// checkCells fails on a cell a spreadsheet would run as a formula and on
// hours a spreadsheet would take for a date.
func checkCells(t *testing.T, sh sheet) {
	t.Helper()
	hours := colIndex("uren per week")
	for _, row := range sh.rows {
		for _, cell := range row.cells {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("row %d: a cell starts as a formula: %q", row.num, cell)
			}
		}
		if h := row.cells[hours]; strings.ContainsAny(h, "-/") {
			t.Errorf("row %d: hours %q look like a date to a spreadsheet", row.num, h)
		}
	}
}

// xlsxRows reads every sheet's cells, the header row's style and the panes.
func xlsxRows(t *testing.T, data []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{xlsxSheet, xlsxHelpSheet}) {
		t.Errorf("sheets %v", got)
	}
	rows, err := f.GetRows(xlsxSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestWriteXLSX_ForExcel: text cells (so Excel converts nothing), a bold,
// frozen header, widths that fit, and an explanation of every column.
func TestWriteXLSX_ForExcel(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, builtInCards(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, cell := range []string{"A1", "G2", "G45", "V2"} { // header, hours, date
		typ, _ := f.GetCellType(xlsxSheet, cell)
		id, _ := f.GetCellStyle(xlsxSheet, cell)
		st, _ := f.GetStyle(id)
		if typ != excelize.CellTypeSharedString || st.NumFmt != 49 {
			t.Errorf("%s: type %v, number format %d; want a text cell formatted as text", cell, typ, st.NumFmt)
		}
	}
	id, _ := f.GetCellStyle(xlsxSheet, "C1")
	if st, _ := f.GetStyle(id); st.Font == nil || !st.Font.Bold {
		t.Error("the header is not bold")
	}
	if panes, err := f.GetPanes(xlsxSheet); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header row is not frozen: %+v %v", panes, err)
	}
	if w, _ := f.GetColWidth(xlsxSheet, "A"); w < 10 || w > 62 {
		t.Errorf("column A is %v wide", w)
	}
	help, _ := f.GetRows(xlsxHelpSheet)
	if len(help) != len(columns)+1 {
		t.Fatalf("the explanation has %d rows, want %d", len(help), len(columns)+1)
	}
	for _, row := range help[1:] {
		if len(row) < 2 || row[1] == "" {
			t.Errorf("column %v is not explained", row)
		}
	}
	if !strings.Contains(strings.Join(help[2], " "), "klantbeeld, praktisch, werk, nazorg") {
		t.Errorf("categorie's allowed values are missing: %v", help[2])
	}
}

// xlsxPart returns one part of a workbook as it is in the zip file.
func xlsxPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	part, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return part
}

// TestWriteXLSX_TextColumns: every column of every exported sheet is
// formatted as text to the last column (XFD), so a cell typed in a new row
// stays what was typed, and the used range covers every row, so a reader
// that streams the sheet sees them all.
func TestWriteXLSX_TextColumns(t *testing.T) {
	cs := builtInCards(t)
	var catalogue, translation bytes.Buffer
	if err := WriteXLSX(&catalogue, cs); err != nil {
		t.Fatal(err)
	}
	if err := WriteTranslationSheet(&translation, "en", TranslationSheet(cs, nil)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		data      []byte
		sheet     string
		dimension string
	}{
		{"catalogue", catalogue.Bytes(), "xl/worksheets/sheet1.xml", fmt.Sprintf("A1:V%d", len(cs)+1)},
		{"explanation", catalogue.Bytes(), "xl/worksheets/sheet2.xml", fmt.Sprintf("A1:C%d", len(columns)+1)},
		{"translation", translation.Bytes(), "xl/worksheets/sheet1.xml", fmt.Sprintf("A1:E%d", len(TranslationSheet(cs, nil))+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ws struct {
				Dimension struct {
					Ref string `xml:"ref,attr"`
				} `xml:"dimension"`
				Cols []struct {
					Min   int `xml:"min,attr"`
					Max   int `xml:"max,attr"`
					Style int `xml:"style,attr"`
				} `xml:"cols>col"`
			}
			if err := xml.Unmarshal(xlsxPart(t, tt.data, tt.sheet), &ws); err != nil {
				t.Fatal(err)
			}
			var styles struct {
				Xfs []struct {
					NumFmtID int `xml:"numFmtId,attr"`
				} `xml:"cellXfs>xf"`
			}
			if err := xml.Unmarshal(xlsxPart(t, tt.data, "xl/styles.xml"), &styles); err != nil {
				t.Fatal(err)
			}
			if ws.Dimension.Ref != tt.dimension {
				t.Errorf("<dimension ref=%q>, want %q", ws.Dimension.Ref, tt.dimension)
			}
			next := 1 // the first column no <col> has covered yet
			for _, c := range ws.Cols {
				if c.Min != next {
					t.Errorf("columns %d to %d have no format", next, c.Min-1)
				}
				if c.Style >= len(styles.Xfs) || styles.Xfs[c.Style].NumFmtID != 49 {
					t.Errorf("columns %d to %d are not formatted as text (style %d)", c.Min, c.Max, c.Style)
				}
				next = c.Max + 1
			}
			if next != 16385 {
				t.Errorf("columns from %d on have no format", next)
			}
		})
	}
}

// TestParseFile_LibreOfficeNewRow: a row typed into an exported workbook in
// LibreOffice Calc (testdata/libreoffice-type.py), with "27+" as the age.
// In the export of old, whose new rows were General, Calc stored the
// number 27, which is refused with what to write instead; in today's
// export the column is text and the card reads "27 and older".
func TestParseFile_LibreOfficeNewRow(t *testing.T) {
	tests := []struct {
		file    string
		problem string
	}{
		{"libreoffice-nieuwe-rij.xlsx", `libreoffice-nieuwe-rij.xlsx, blad "Catalogus" regel 4, kolom "leeftijd": ` + bareAgeMessage},
		{"libreoffice-nieuwe-rij-tekst.xlsx", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			cs, _, err := ParseFile(tt.file, data)
			if tt.problem != "" {
				if got := problemStrings(err); !slices.Equal(got, []string{tt.problem}) {
					t.Errorf("problems %q, want %q", got, tt.problem)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 3 || cs[2].ID != "nieuw-instrument" || cs[2].Suits.Age != (Range{Min: 27}) {
				t.Errorf("read %d cards, the new one %q for age %+v; want nieuw-instrument for 27+", len(cs), cs[len(cs)-1].ID, cs[len(cs)-1].Suits.Age)
			}
		})
	}
}

// bareAgeMessage is what a bare 27 in the age column is told.
const bareAgeMessage = `27 is een getal; schrijf een leeftijd als "18 tot 27", "27+" (27 en ouder) of "27 tot 27" (alleen 27), ` +
	`of laat de cel leeg voor alle leeftijden. Maakte Excel van 27+ het getal 27? Zet de kolom dan op Tekst en typ de leeftijd opnieuw`

// TestParseFile_BareNumberAge: a number alone where an age range belongs
// is refused in every format, a number cell of a workbook too, with the
// forms that are allowed; one age on its own is written so that it reads
// back.
func TestParseFile_BareNumberAge(t *testing.T) {
	card := sampleCard("a", CategoryAftercare, "A")
	csvFile := csvRows()[:2]
	csvFile[1][colIndex("leeftijd")] = "27"
	var xlsx bytes.Buffer
	if err := WriteXLSX(&xlsx, []Card{card}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(xlsx.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	axis, _ := excelize.CoordinatesToCellName(colIndex("leeftijd")+1, 2)
	if err := f.SetCellInt(xlsxSheet, axis, 27); err != nil { // what Excel makes of 27+ in a General cell
		t.Fatal(err)
	}
	xlsx.Reset()
	if _, err := f.WriteTo(&xlsx); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var tomlFile bytes.Buffer
	WriteTOML(&tomlFile, []Card{card})
	tests := []struct {
		name  string
		data  []byte
		where string
	}{
		{"a.csv", encodeCSV(csvFile, ';'), `a.csv regel 2, kolom "leeftijd"`},
		{"a.toml", bytes.Replace(tomlFile.Bytes(), []byte(`leeftijd = "18 tot 27"`), []byte(`leeftijd = "27"`), 1), `a.toml regel 14, veld "leeftijd"`},
		{"a.xlsx", xlsx.Bytes(), `a.xlsx, blad "Catalogus" regel 2, kolom "leeftijd"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseFile(tt.name, tt.data)
			if got, want := problemStrings(err), []string{tt.where + ": " + bareAgeMessage}; !slices.Equal(got, want) {
				t.Errorf("problems %q,\nwant %q", got, want)
			}
		})
	}
	card.Suits.Age = Range{Min: 27, Max: 27}
	for _, name := range []string{"b.csv", "b.toml", "b.xlsx"} {
		var buf bytes.Buffer
		if err := WriteFile(name, &buf, []Card{card}); err != nil {
			t.Fatal(err)
		}
		cs, _, err := ParseFile(name, buf.Bytes())
		if err != nil || cs[0].Suits.Age != card.Suits.Age {
			t.Errorf("%s: the age 27 alone read back as %v, %v", name, cs, err)
		}
	}
}
