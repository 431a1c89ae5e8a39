package cards

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Fuzz targets for everything that reads a catalogue policy staff made,
// and for the readability scorer that runs over its text. `make test` runs
// each for a few seconds, `make fuzz` longer; testdata/fuzz holds the seed
// corpus and any input that once failed.
//
// The properties: no input panics; an input that is read gives cards that,
// exported and read again, export the same (the first export is the
// canonical form, so a second round trip may not change it).

// fuzzCards are two small valid cards with the characters that go wrong:
// accents, curly quotes, a multi-line cell, Arabic with digits, an emoji
// and a character that could start a formula.
func fuzzCards() []Card {
	a := sampleCard("a", CategoryTowardWork, "Brede intake – café")
	a.Pros = []string{"Je krijgt “echte” aandacht.", "Het kost niets: € 0."}
	a.Clients = "=geen formule\nتعلم 20 ساعة 🙂"
	b := sampleCard("b", CategoryAftercare, "Taalcafé")
	b.Hours = Range{Min: 4, Max: 8}
	b.Summary = "Tekst als _x0041_x0042_ blijft staan;\tmet tab en \u202Eomgekeerd\u202C."
	b.Cons = []string{"- begint met een streepje", "'=al een apostrof", "@mention"}
	return []Card{a, b}
}

// canonicalTOML is how the cards compare: their TOML export, which writes
// every field.
func canonicalTOML(t *testing.T, cs []Card) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTOML(&buf, cs); err != nil {
		t.Fatalf("WriteTOML: %v", err)
	}
	return buf.Bytes()
}

// checkProblems fails when an error that refuses a file is not a list of
// problems each with a message, which is what the user is shown.
func checkProblems(t *testing.T, err error) {
	t.Helper()
	ps := problemStrings(err)
	if len(ps) == 0 {
		t.Fatalf("error %v is not a list of problems", err)
	}
	for _, p := range ps {
		if p == "" || !utf8.ValidString(p) {
			t.Errorf("problem %q is empty or not valid UTF-8", p)
		}
	}
}

// spreadsheetSafe reports whether every text of the cards can go into a
// spreadsheet and come back: TOML can hold more. Not in a spreadsheet:
// control characters other than tab and line break (a CSV file with them
// is refused as not being text; a workbook turns them into �), �
// itself (refused in a CSV file, as it stands for a letter lost earlier),
// the noncharacters U+FFFE and U+FFFF (a workbook turns them into �), and
// a line break within one item of a list (a cell holds one item a line).
func spreadsheetSafe(cs []Card) bool {
	for _, c := range cs {
		f := fields(c)
		for _, col := range columns {
			for _, v := range f[col.key] {
				if col.list && strings.ContainsAny(v, "\r\n") {
					return false
				}
				if strings.ContainsFunc(v, func(r rune) bool {
					return unicode.IsControl(r) && r != '\t' && r != '\n' || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF
				}) {
					return false
				}
			}
		}
	}
	return true
}

func FuzzParseTOML(f *testing.F) {
	var buf bytes.Buffer
	WriteTOML(&buf, fuzzCards())
	f.Add(buf.Bytes())
	f.Add([]byte(""))
	f.Add([]byte("[[instrument]]\nid = \"x\"\n"))
	f.Add([]byte("[[instrument]]\nid = \"a\"\ncategorie = \"werk\"\ntitel = \"\\u202Eomgekeerd\\u0000\"\nvoordelen = \"een\\ntwee\"\n"))
	f.Add([]byte("[[instrument]]\nid = 1\n[[instrument]]\ntitel = [\"x\"]\n[onbekend]\n"))
	f.Add([]byte("\xEF\xBB\xBF[[instrument]]\nid = \"\xff\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ParseTOML("c.toml", data)
		if err != nil {
			checkProblems(t, err)
			return
		}
		first := canonicalTOML(t, cs)
		again, err := ParseTOML("c.toml", first)
		if err != nil {
			t.Fatalf("the export of what was read cannot be read: %v\n%s", err, first)
		}
		if second := canonicalTOML(t, again); !bytes.Equal(first, second) {
			t.Errorf("exported, read and exported again, the cards differ:\n%s\n----\n%s", first, second)
		}
		// The export, loaded as a file as the app loads one, and each
		// spreadsheet format: policy staff export the catalogue, edit it
		// and load it again. A file is refused when it holds �, which
		// stands for a letter lost earlier; see spreadsheetSafe for what a
		// spreadsheet cannot hold.
		if bytes.ContainsRune(first, utf8.RuneError) {
			return
		}
		names := []string{"c.toml"}
		if spreadsheetSafe(cs) {
			names = append(names, "c.csv", "c.xlsx")
		}
		for _, name := range names {
			var buf bytes.Buffer
			if err := WriteFile(name, &buf, cs); err != nil {
				t.Fatalf("WriteFile(%s): %v", name, err)
			}
			again, _, err := ParseFile(name, buf.Bytes())
			if err != nil {
				t.Fatalf("%s: the export of what was read cannot be read: %v\n%s", name, err, first)
			}
			if second := canonicalTOML(t, again); !bytes.Equal(first, second) {
				t.Errorf("%s: exported and read again, the cards differ:\n%s\n----\n%s", name, first, second)
			}
		}
	})
}

func FuzzParseCSV(f *testing.F) {
	var buf bytes.Buffer
	WriteCSV(&buf, fuzzCards())
	exported := buf.Bytes()
	f.Add(exported)
	f.Add(encodeCSV(csvRows(), '\t'))
	f.Add(encodeCSV(csvRows(), ','))
	f.Add([]byte(""))
	f.Add([]byte("id;titel\r\n\"x;\"\"y\r\n"))
	// Windows-1252, as Excel's classic CSV format writes.
	ansi, _ := charmap.Windows1252.NewEncoder().Bytes(encodeCSV(csvRows(), ';'))
	f.Add(ansi)
	// UTF-16 with either byte order mark, as Excel's "Unicode-tekst".
	for _, bigEndian := range []bool{false, true} {
		out := []byte{0xFF, 0xFE}
		if bigEndian {
			out = []byte{0xFE, 0xFF}
		}
		for _, u := range utf16.Encode([]rune(string(encodeCSV(csvRows(), '\t')))) {
			if bigEndian {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		f.Add(out)
	}
	f.Add([]byte{0xFF, 0xFE, 'i', 0, 'd'})
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	f.Add([]byte("PK\x03\x04"))
	f.Add(append([]byte("id;titel\r\nx;caf"), 0x81))
	if data, err := os.ReadFile("testdata/excel-ansi.csv"); err == nil {
		f.Add(data)
	}
	if data, err := os.ReadFile("testdata/excel-unicode.txt"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, _, err := ParseCSV("c.csv", data)
		if err != nil {
			checkProblems(t, err)
			return
		}
		var first, second bytes.Buffer
		if err := WriteCSV(&first, cs); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		again, notes, err := ParseCSV("c.csv", first.Bytes())
		if err != nil {
			t.Fatalf("the export of what was read cannot be read: %v\n%q", err, first.Bytes())
		}
		if len(notes) > 0 {
			t.Errorf("the app's own export gives notes %q", notes)
		}
		WriteCSV(&second, again)
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("exported, read and exported again, the bytes differ:\n%q\n----\n%q", first.Bytes(), second.Bytes())
		}
	})
}

func FuzzParseXLSX(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, fuzzCards()[:1]); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	files, _ := filepath.Glob("testdata/*.xlsx")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04 kapot"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ParseXLSX("c.xlsx", data)
		if err != nil {
			checkProblems(t, err)
			return
		}
		first := canonicalTOML(t, cs)
		var wb bytes.Buffer
		if err := WriteXLSX(&wb, cs); err != nil {
			t.Fatalf("WriteXLSX: %v", err)
		}
		again, err := ParseXLSX("c.xlsx", wb.Bytes())
		if err != nil {
			t.Fatalf("the export of what was read cannot be read: %v\n%s", err, first)
		}
		if second := canonicalTOML(t, again); !bytes.Equal(first, second) {
			t.Errorf("exported, read and exported again, the cards differ:\n%s\n----\n%s", first, second)
		}
	})
}

func FuzzMeasure(f *testing.F) {
	for _, s := range []string{
		"", "Je krijgt hulp bij de volgende stap.", "België, radio, yoga, e-mail en zo'n coach!",
		"Een zin\nzonder punt? Ja. . .", strings.Repeat("woord ", 40), strings.Repeat("a", 200),
		"اسمي Samira وعمري 34 سنة", "👩🏽‍💻 werkt. 🙂", "\u202Eomgekeerd\u0000", "ëïëïë", "\xff\xfe", "ＡＢＣ ǅ İ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := Measure(text)
		if r.Words == 0 {
			if r.Sentences != 0 || r.Score != 0 || len(r.LongSentences) != 0 {
				t.Errorf("Measure(%q) = %+v for a text without words", text, r)
			}
		} else if r.Sentences == 0 || r.Sentences > r.Words || r.Syllables < r.Words {
			t.Errorf("Measure(%q) = %+v: sentences, words and syllables do not add up", text, r)
		}
		if math.IsNaN(r.Score) || math.IsInf(r.Score, 0) {
			t.Errorf("Measure(%q) score %v", text, r.Score)
		}
		if len(r.LongSentences) > r.Sentences {
			t.Errorf("Measure(%q): %d long sentences of %d", text, len(r.LongSentences), r.Sentences)
		}
		for _, w := range strings.Fields(text) {
			if n := Syllables(w); n < 1 || n > utf8.RuneCountInString(w)+1 {
				t.Errorf("Syllables(%q) = %d", w, n)
			}
		}
		c := sampleCard("x", CategoryPractical, "X")
		c.Summary, c.Pros = text, []string{text}
		for _, n := range CheckReadability([]Card{c}) {
			if n.String() == "" {
				t.Errorf("an empty notice for %q", text)
			}
		}
	})
}
