package cards

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong in a catalogue file, located so that policy
// staff can find it in their spreadsheet or text editor.
type Problem struct {
	File    string
	Line    int    // 1-based; 0 when the problem concerns the whole file
	Place   string // "kolom" in a CSV file, "veld" in a TOML file
	Field   string // column or field name; empty for the whole row or file
	Message string // Dutch
}

func (p Problem) String() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(" regel %d", p.Line)
	}
	if p.Field != "" {
		s += fmt.Sprintf(", %s %q", p.Place, p.Field)
	}
	return s + ": " + p.Message
}

// Problems is every problem found in one file; as an error it lists them all.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
