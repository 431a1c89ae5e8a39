package cards

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
)

// The canonical catalogue format is TOML: one [[instrument]] table per card,
// every value a string or an array of strings (see README).

var (
	tomlTableLine = regexp.MustCompile(`^\s*\[\[\s*instrument\s*\]\]`)
	tomlKeyLine   = regexp.MustCompile(`^\s*"?([A-Za-z0-9_-]+)"?\s*=`)
)

// ParseTOML reads a catalogue in the canonical TOML format. name is the file
// name used in problem messages. On any problem it returns Problems.
func ParseTOML(name string, data []byte) ([]Card, error) {
	var doc struct {
		Instrument []map[string]any `toml:"instrument"`
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		p := Problem{File: name, Message: "het bestand is geen geldige TOML: " + err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line = pe.Position.Line
			p.Message = "het bestand is geen geldige TOML: " + pe.Message
		}
		return nil, Problems{p}
	}
	src := source{file: name, place: "veld", name: func(c column) string { return c.key }}
	var probs Problems
	for _, k := range md.Undecoded() {
		if len(k) == 1 {
			probs = append(probs, Problem{File: name, Message: fmt.Sprintf("onbekend onderdeel %q; alleen [[instrument]] is toegestaan", k[0])})
		}
	}
	lines := tomlFieldLines(data)
	recs := make([]record, len(doc.Instrument))
	for i, m := range doc.Instrument {
		r := record{values: map[string][]string{}, lines: map[string]int{}, bad: map[string]bool{}}
		if i < len(lines) {
			r.line, r.lines = lines[i].start, lines[i].fields
		}
		for key, v := range m {
			col, ok := columnByName(key)
			if !ok {
				probs = append(probs, Problem{File: name, Line: r.lines[key], Place: "veld", Field: key, Message: "onbekend veld; kijk of de naam goed gespeld is"})
				continue
			}
			r.lines[col.key] = r.lines[key]
			vals, ok := tomlStrings(v, col)
			if !ok {
				msg := "dit moet een tekst tussen aanhalingstekens zijn"
				if col.list {
					msg = `dit moet een lijst van teksten zijn, zoals ["een", "twee"]`
				}
				probs = append(probs, src.problem(r, col.key, msg))
				r.bad[col.key] = true
				continue
			}
			r.values[col.key] = vals
		}
		recs[i] = r
	}
	cs, more := parseRecords(src, recs)
	probs = append(probs, more...)
	if len(probs) > 0 {
		return nil, probs
	}
	return cs, nil
}

// tomlStrings turns a decoded TOML value into strings. A list field may also
// be written as one string, split like a spreadsheet cell.
func tomlStrings(v any, col column) ([]string, bool) {
	switch v := v.(type) {
	case string:
		if col.list {
			return col.split(v), true
		}
		return []string{v}, true
	case []any:
		if !col.list {
			return nil, false
		}
		out := make([]string, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

type tomlTable struct {
	start  int
	fields map[string]int
}

// tomlFieldLines finds the line of each [[instrument]] table and of each key
// in it. The TOML decoder does not report positions of values, and policy
// staff need them to find a problem.
func tomlFieldLines(data []byte) []tomlTable {
	var tables []tomlTable
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if tomlTableLine.MatchString(line) {
			tables = append(tables, tomlTable{start: n, fields: map[string]int{}})
		} else if m := tomlKeyLine.FindStringSubmatch(line); m != nil && len(tables) > 0 {
			t := tables[len(tables)-1]
			if _, seen := t.fields[m[1]]; !seen {
				t.fields[m[1]] = n
			}
		}
	}
	return tables
}

// WriteTOML writes cards in the canonical TOML format.
func WriteTOML(w io.Writer, cs []Card) error {
	b := bufio.NewWriter(w)
	b.WriteString("# Catalogus van Samen Beslissen: één [[instrument]] per keuzekaart.\n")
	for _, c := range cs {
		f := fields(c)
		b.WriteString("\n[[instrument]]\n")
		for _, col := range columns {
			b.WriteString(col.key + " = ")
			if col.list {
				quoted := make([]string, len(f[col.key]))
				for i, s := range f[col.key] {
					quoted[i] = tomlQuote(s)
				}
				b.WriteString("[" + strings.Join(quoted, ", ") + "]\n")
			} else {
				b.WriteString(tomlQuote(f[col.key][0]) + "\n")
			}
		}
	}
	return b.Flush()
}

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if unicode.IsControl(r) { // also U+0080–U+009F, which a text file may not hold raw
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
