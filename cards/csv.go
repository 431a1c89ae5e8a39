package cards

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CSV as Dutch Excel writes it: semicolons, UTF-8 with a byte order mark,
// CRLF line ends, multi-line cells in quotes. A comma-separated file is
// accepted as well. Problems name the spreadsheet row ("regel 14"), which is
// what policy staff see in Excel, not the physical line of the file: a
// multi-line cell makes those differ.

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ParseCSV reads a catalogue from a spreadsheet saved as CSV, one
// instrument per row, with a header row naming the columns. name is the file
// name used in problem messages. On any problem it returns Problems.
func ParseCSV(name string, data []byte) ([]Card, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	rd := csv.NewReader(bytes.NewReader(data))
	rd.Comma = sniffDelimiter(data)
	rd.FieldsPerRecord = -1
	header, err := rd.Read()
	if err != nil {
		if err == io.EOF {
			return nil, Problems{{File: name, Message: "het bestand is leeg; de eerste regel moet de namen van de kolommen geven"}}
		}
		return nil, Problems{csvReadProblem(name, 1, err)}
	}

	var probs Problems
	cols := make([]column, len(header))
	have := map[string]bool{}
	for i, h := range header {
		if c, ok := columnByName(h); ok {
			cols[i] = c
			have[c.key] = true
		}
	}
	for _, c := range columns {
		if !have[c.key] {
			probs = append(probs, Problem{File: name, Line: 1, Place: "kolom", Field: c.header, Message: "deze kolom ontbreekt in de kopregel"})
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}

	var recs []record
	for rowNum := 2; ; rowNum++ {
		row, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			probs = append(probs, csvReadProblem(name, rowNum, err))
			break
		}
		if blankRow(row) {
			continue
		}
		r := record{line: rowNum, values: map[string][]string{}}
		for i, cell := range row {
			if i >= len(cols) || cols[i].key == "" {
				continue
			}
			c := cols[i]
			if c.list {
				r.values[c.key] = c.split(cell)
			} else {
				r.values[c.key] = []string{cell}
			}
		}
		recs = append(recs, r)
	}
	src := source{file: name, place: "kolom", name: func(c column) string { return c.header }}
	cs, more := parseRecords(src, recs)
	probs = append(probs, more...)
	if len(probs) > 0 {
		return nil, probs
	}
	return cs, nil
}

// sniffDelimiter picks ';' or ',' by counting them in the header line.
func sniffDelimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte(",")) > bytes.Count(first, []byte(";")) {
		return ','
	}
	return ';'
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func csvReadProblem(name string, row int, err error) Problem {
	msg := fmt.Sprintf("deze regel is geen geldige CSV (%v)", err)
	if errors.Is(err, csv.ErrQuote) || errors.Is(err, csv.ErrBareQuote) {
		msg = "een aanhalingsteken (\") staat verkeerd of wordt niet afgesloten"
	}
	return Problem{File: name, Line: row, Message: msg}
}

// WriteCSV writes cards as Dutch Excel expects: UTF-8 with BOM, semicolons,
// CRLF, list values one per line within the cell.
func WriteCSV(w io.Writer, cs []Card) error {
	b := bufio.NewWriter(w)
	b.Write(utf8BOM)
	cw := csv.NewWriter(b)
	cw.Comma = ';'
	cw.UseCRLF = true
	row := make([]string, len(columns))
	for i, c := range columns {
		row[i] = c.header
	}
	cw.Write(row)
	for _, card := range cs {
		f := fields(card)
		for i, c := range columns {
			row[i] = strings.Join(f[c.key], "\n")
		}
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return b.Flush()
}
