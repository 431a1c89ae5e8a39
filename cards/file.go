package cards

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// FileTypes are the extensions of catalogue files, the recommended first;
// .txt is what Excel names "Unicode-tekst".
var FileTypes = []string{".xlsx", ".csv", ".txt", ".toml"}

// ParseFile reads a catalogue file, choosing the format by its extension:
// .xlsx for an Excel workbook, .csv or .txt for a spreadsheet saved as text, .toml
// for the canonical format. name is the file name shown in problem
// messages. notes says how the file was read when the user should know,
// such as an encoding other than UTF-8. A file larger than MaxFileSize is
// refused before it is read.
func ParseFile(name string, data []byte) (cs []Card, notes []string, err error) {
	if len(data) > MaxFileSize {
		return nil, nil, Problems{{File: name, Message: fmt.Sprintf("het bestand is %.1f MB; een catalogus mag hoogstens %d MB zijn", float64(len(data))/(1<<20), MaxFileSize>>20)}}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		cs, err = ParseXLSX(name, data)
	case ".csv", ".txt":
		cs, notes, err = ParseCSV(name, data)
	case ".toml":
		text, enc, prob := decodeText(name, data)
		if prob != nil {
			return nil, nil, Problems{*prob}
		}
		if enc == encWindows1252 {
			notes = append(notes, name+" is gelezen als "+encWindows1252+". Kijk of letters als é, ë en € goed staan.")
		}
		cs, err = ParseTOML(name, []byte(text))
	default:
		return nil, nil, Problems{{File: name, Message: "onbekend bestandstype; gebruik een .xlsx-, .csv- of .toml-bestand"}}
	}
	if err == nil {
		err = checkExportSize(name, cs)
	}
	if err != nil {
		return nil, nil, err
	}
	return cs, notes, nil
}

// checkExportSize refuses cards that, saved as CSV or TOML, would make a
// file larger than MaxFileSize: a small workbook can hold far more text
// than its size says, and CSV far more cards than TOML of the same size.
// A workbook is never larger than the TOML file of the same cards, and
// TestWriteXLSX_Unzipped shows its unzipped parts stay within
// xlsxUnzipLimit.
func checkExportSize(name string, cs []Card) error {
	for _, ext := range []string{".toml", ".csv"} {
		var n byteCount
		if err := WriteFile(ext, &n, cs); err != nil {
			return err
		}
		if n > MaxFileSize {
			return Problems{{File: name, Message: fmt.Sprintf("de catalogus is te groot: als %s-bestand is hij %.1f MB, en een catalogus mag hoogstens %d MB zijn; "+
				"maak teksten korter of haal instrumenten weg", ext, float64(n)/(1<<20), MaxFileSize>>20)}}
		}
	}
	return nil
}

// byteCount is a writer that only counts.
type byteCount int64

func (n *byteCount) Write(p []byte) (int, error) {
	*n += byteCount(len(p))
	return len(p), nil
}

// WriteFile writes cards in the format that the extension of name asks for.
func WriteFile(name string, w io.Writer, cs []Card) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		return WriteXLSX(w, cs)
	case ".csv":
		return WriteCSV(w, cs)
	case ".toml":
		return WriteTOML(w, cs)
	}
	return fmt.Errorf("%s: onbekend bestandstype; gebruik een .xlsx-, .csv- of .toml-bestand", name)
}
