package cards

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// ParseFile reads a catalogue file, choosing the format by its extension:
// .csv for a spreadsheet, .toml for the canonical format. name is the file
// name shown in problem messages.
func ParseFile(name string, data []byte) ([]Card, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return ParseCSV(name, data)
	case ".toml":
		return ParseTOML(name, data)
	}
	return nil, Problems{{File: name, Message: "onbekend bestandstype; gebruik een .csv- of .toml-bestand"}}
}

// WriteFile writes cards in the format that the extension of name asks for.
func WriteFile(name string, w io.Writer, cs []Card) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return WriteCSV(w, cs)
	case ".toml":
		return WriteTOML(w, cs)
	}
	return fmt.Errorf("%s: onbekend bestandstype; gebruik een .csv- of .toml-bestand", name)
}
