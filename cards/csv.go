package cards

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// CSV as Excel writes it (see encoding.go for the encodings): semicolons
// in the Dutch "CSV" formats, tabs in "Unicode-tekst", commas elsewhere;
// CRLF line ends and multi-line cells in quotes. Problems name the
// spreadsheet row ("regel 14"), which is what policy staff see in Excel,
// not the physical line of the file: a multi-line cell makes those differ.

// ParseCSV reads a catalogue from a spreadsheet saved as CSV, one
// instrument per row, with a header row naming the columns. name is the file
// name used in problem messages. notes says how the file was read when the
// user should know, such as an encoding other than UTF-8. On any problem it
// returns Problems.
func ParseCSV(name string, data []byte) (cs []Card, notes []string, err error) {
	text, enc, prob := decodeText(name, data)
	if prob != nil {
		return nil, nil, Problems{*prob}
	}
	sh, err := readCSV(name, text)
	if err != nil {
		return nil, nil, err
	}
	if cs, err = sh.parse(); err != nil {
		return nil, nil, err
	}
	if enc == encWindows1252 {
		notes = append(notes, name+" is gelezen als "+encWindows1252+", de codering van het klassieke CSV-formaat van Excel. Kijk of letters als é, ë en € goed staan.")
	}
	return cs, notes, nil
}

// readCSV reads the rows of a CSV text, numbering them as a spreadsheet
// does: an empty line is a row too, and a cell over several lines is not.
func readCSV(name, text string) (sheet, error) {
	sh := sheet{file: name}
	rd := csv.NewReader(strings.NewReader(text))
	rd.Comma = sniffDelimiter(text)
	rd.FieldsPerRecord = -1
	row, nextLine := 0, 1 // the spreadsheet row of the last record; the file line after it
	for {
		cells, err := rd.Read()
		if err == io.EOF {
			return sh, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				row += 1 + max(0, pe.StartLine-nextLine)
			}
			return sheet{}, Problems{csvReadProblem(name, row, err)}
		}
		line, _ := rd.FieldPos(0)
		row += 1 + max(0, line-nextLine) // each skipped empty line is a row
		nextLine = line + 1
		for _, c := range cells {
			nextLine += strings.Count(c, "\n")
		}
		sh.rows = append(sh.rows, sheetRow{num: row, cells: cells})
	}
}

// sniffDelimiter picks the tab, ';' or ',', whichever the header line has
// most of; a tie goes to the tab, then ';', as Dutch Excel writes those.
func sniffDelimiter(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, most := ';', -1
	for _, d := range []rune{'\t', ';', ','} {
		if n := strings.Count(first, string(d)); n > most {
			best, most = d, n
		}
	}
	return best
}

func csvReadProblem(name string, row int, err error) Problem {
	msg := "deze regel is geen geldige CSV; sla het bestand opnieuw op vanuit Excel"
	if errors.Is(err, csv.ErrQuote) || errors.Is(err, csv.ErrBareQuote) {
		msg = "een aanhalingsteken (\") staat verkeerd of wordt niet afgesloten"
	}
	return Problem{File: name, Line: row, Message: msg}
}

// WriteCSV writes cards as Dutch Excel expects: UTF-8 with BOM, semicolons,
// CRLF, list values one per line within the cell, and no cell that Excel
// would run as a formula or turn into a date.
func WriteCSV(w io.Writer, cs []Card) error {
	b := bufio.NewWriter(w)
	b.Write(bomUTF8)
	cw := csv.NewWriter(b)
	cw.Comma = ';'
	cw.UseCRLF = true
	cw.WriteAll(rowsOf(cs))
	if err := cw.Error(); err != nil {
		return err
	}
	return b.Flush()
}
