package cards

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// csvRows returns the header and the rows of two valid cards.
func csvRows() [][]string {
	a := sampleCard("coach-a", CategoryTowardWork, "Coach A")
	b := sampleCard("coach-b", CategoryAftercare, "Coach B")
	rows := [][]string{make([]string, len(columns))}
	for i, c := range columns {
		rows[0][i] = c.header
	}
	for _, card := range []Card{a, b} {
		f := fields(card)
		row := make([]string, len(columns))
		for i, c := range columns {
			row[i] = strings.Join(f[c.key], "\n")
		}
		rows = append(rows, row)
	}
	return rows
}

func encodeCSV(rows [][]string, comma rune) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = comma
	w.UseCRLF = true
	w.WriteAll(rows)
	return buf.Bytes()
}

func colIndex(header string) int {
	for i, c := range columns {
		if c.header == header {
			return i
		}
	}
	panic("no column " + header)
}

func problemStrings(err error) []string {
	var ps Problems
	if !errors.As(err, &ps) {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func TestParseCSV_Problems(t *testing.T) {
	// Problems name spreadsheet rows: the header is row 1, the cards rows 2
	// and 3, though the sample's multi-line cells make each span lines.
	tests := []struct {
		name   string
		change func(rows [][]string) [][]string
		want   []string
	}{
		{"unknown category", set(1, "categorie", "werkplek"),
			[]string{`instrumenten.csv regel 2, kolom "categorie": "werkplek" is geen bekende categorie (kies uit: klantbeeld, praktisch, werk, nazorg)`}},
		{"empty title", set(1, "titel", " "),
			[]string{`instrumenten.csv regel 2, kolom "titel": dit veld is leeg; vul het in`}},
		{"one pro", set(2, "voordelen", "Alleen dit."),
			[]string{`instrumenten.csv regel 3, kolom "voordelen": er staan er 1; geef er minstens 2 (één per regel)`}},
		{"unknown goal among known ones", set(1, "doelen", "motivatie, geld"),
			[]string{`instrumenten.csv regel 2, kolom "doelen": "geld" is geen bekend doel (kies uit: schulden, motivatie, werknemersvaardigheden, zoeken-en-solliciteren, scholing, nederlandse-taal, gezondheid, dagritme, zorgtaken, werkervaring)`}},
		{"no IGM factor", set(1, "igm-factoren", ""),
			[]string{`instrumenten.csv regel 2, kolom "igm-factoren": dit veld is leeg; kies er minstens één uit: attitude, sociale-norm, eigen-effectiviteit, kennis-vaardigheden, zelfregulering, omstandigheden`}},
		{"hours not a number", set(1, "uren per week", "veel"),
			[]string{`instrumenten.csv regel 2, kolom "uren per week": "veel" is geen geldig aantal uren per week; schrijf bijvoorbeeld "4" of "4 tot 8"`}},
		{"age range upside down", set(1, "leeftijd", "27-18"),
			[]string{`instrumenten.csv regel 2, kolom "leeftijd": "27-18" is geen geldige leeftijd; schrijf bijvoorbeeld "18 tot 27" of "27+", of laat het leeg voor alle leeftijden`}},
		{"unknown language level", set(1, "taalniveau", "C3"),
			[]string{`instrumenten.csv regel 2, kolom "taalniveau": "C3" is geen bekend taalniveau (kies uit: geen, A1, A2, B1, B2, C1)`}},
		{"unknown work experience", set(1, "werkervaring", "heel veel"),
			[]string{`instrumenten.csv regel 2, kolom "werkervaring": "heel veel" is geen bekende werkervaring (kies uit: geen, weinig, veel)`}},
		{"evidence without a source", func(rows [][]string) [][]string {
			return set(1, "bron", "")(set(1, "effect", "aanwijzingen")(rows))
		}, []string{`instrumenten.csv regel 2, kolom "bron": bij effect "aanwijzingen" hoort een bron; noem de bron of kies "onbekend"`}},
		{"unknown pictogram", set(1, "pictogram", "kat"),
			[]string{`instrumenten.csv regel 2, kolom "pictogram": "kat" is geen bekend pictogram (kies uit: ` + strings.Join(Pictograms, ", ") + `)`}},
		{"bad date", set(1, "laatst bekeken", "31-2-2026"),
			[]string{`instrumenten.csv regel 2, kolom "laatst bekeken": "31-2-2026" is geen geldige datum; schrijf bijvoorbeeld 2026-10-01 of 1-10-2026`}},
		{"bad id", set(1, "id", "Coach A"),
			[]string{`instrumenten.csv regel 2, kolom "id": "Coach A" is geen geldige id; gebruik alleen kleine letters, cijfers en streepjes`}},
		{"duplicate id", set(2, "id", "coach-a"),
			[]string{`instrumenten.csv regel 3, kolom "id": "coach-a" komt twee keer voor (ook op regel 2); elk instrument heeft een eigen id`}},
		{"title too long", set(1, "titel", strings.Repeat("a", 61)),
			[]string{`instrumenten.csv regel 2, kolom "titel": de tekst is 61 tekens lang; maak hem korter (hoogstens 60)`}},
		{"missing column", func(rows [][]string) [][]string {
			i := colIndex("pictogram")
			for r := range rows {
				rows[r] = append(rows[r][:i:i], rows[r][i+1:]...)
			}
			return rows
		}, []string{`instrumenten.csv regel 1: de kolom "pictogram" ontbreekt in de kopregel`}},
		{"every problem at once", func(rows [][]string) [][]string {
			return set(2, "categorie", "")(set(1, "duur", "")(set(1, "categorie", "werkplek")(rows)))
		}, []string{
			`instrumenten.csv regel 2, kolom "categorie": "werkplek" is geen bekende categorie (kies uit: klantbeeld, praktisch, werk, nazorg)`,
			`instrumenten.csv regel 2, kolom "duur": dit veld is leeg; vul het in`,
			`instrumenten.csv regel 3, kolom "categorie": dit veld is leeg; kies uit: klantbeeld, praktisch, werk, nazorg`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := encodeCSV(tt.change(csvRows()), ';')
			cs, _, err := ParseCSV("instrumenten.csv", data)
			if cs != nil {
				t.Errorf("got %d cards from an invalid file", len(cs))
			}
			if got := problemStrings(err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// set returns a change that puts value in the named column of row r.
func set(r int, header, value string) func([][]string) [][]string {
	return func(rows [][]string) [][]string {
		rows[r][colIndex(header)] = value
		return rows
	}
}

func TestParseCSV_Formats(t *testing.T) {
	want := []string{"coach-a", "coach-b"}
	semicolon := append([]byte{0xEF, 0xBB, 0xBF}, encodeCSV(csvRows(), ';')...)
	comma := encodeCSV(csvRows(), ',')
	lf := bytes.ReplaceAll(encodeCSV(csvRows(), ';'), []byte("\r\n"), []byte("\n"))
	blankRows := append(encodeCSV(csvRows(), ';'), []byte(";;;;\r\n;;;;\r\n")...)
	shuffled := csvRows()
	for _, row := range shuffled {
		row[0], row[2] = row[2], row[0]
	}
	tests := map[string][]byte{
		"Excel: BOM, semicolons, CRLF": semicolon,
		"comma separated":              comma,
		"LF line ends":                 lf,
		"trailing empty rows":          blankRows,
		"columns in another order":     encodeCSV(shuffled, ';'),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			cs, _, err := ParseCSV("x.csv", data)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(cs); !reflect.DeepEqual(got, want) {
				t.Errorf("ids = %v, want %v", got, want)
			}
			if got := cs[0].WhatYouDo; got != "Je praat met een coach.\nSamen maak je een plan." {
				t.Errorf("multi-line cell = %q", got)
			}
		})
	}
}

func TestParseCSV_BrokenQuote(t *testing.T) {
	data := encodeCSV(csvRows(), ';')
	data = append(data, []byte("x;\"open quote\r\n")...)
	_, _, err := ParseCSV("instrumenten.csv", data)
	want := []string{`instrumenten.csv regel 4: een aanhalingsteken (") staat verkeerd of wordt niet afgesloten`}
	if got := problemStrings(err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

func TestParseTOML_Problems(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTOML(&buf, []Card{sampleCard("coach-a", CategoryTowardWork, "Coach A")}); err != nil {
		t.Fatal(err)
	}
	valid := buf.String()
	// Line 1 is a comment, 2 blank, 3 the table header, 4 id, 5 categorie, …
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown category, with the line of the field", `categorie = "werk"`, `categorie = "werkplek"`,
			[]string{`catalogus.toml regel 5, veld "categorie": "werkplek" is geen bekende categorie (kies uit: klantbeeld, praktisch, werk, nazorg)`}},
		{"unknown field", `duur = "8 weken"`, `duur = "8 weken"` + "\nduurr = \"x\"",
			[]string{`catalogus.toml regel 10, veld "duurr": onbekend veld; kijk of de naam goed gespeld is`}},
		{"list where one text belongs", `titel = "Coach A"`, `titel = ["Coach A"]`,
			[]string{`catalogus.toml regel 6, veld "titel": dit moet een tekst tussen aanhalingstekens zijn`}},
		{"number where a list belongs", `doelen = ["motivatie"]`, `doelen = 3`,
			[]string{`catalogus.toml regel 13, veld "doelen": dit moet een lijst van teksten zijn, zoals ["een", "twee"]`}},
		{"missing field", `pictogram = "coach"` + "\n", "",
			[]string{`catalogus.toml regel 3, veld "pictogram": dit veld is leeg; kies uit: ` + strings.Join(Pictograms, ", ")}},
		{"syntax error", `titel = "Coach A"`, `titel = "Coach A`,
			[]string{`catalogus.toml regel 6: het bestand is geen geldige TOML: strings cannot contain newlines`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(valid, tt.old) {
				t.Fatalf("sample has no %q:\n%s", tt.old, valid)
			}
			_, err := ParseTOML("catalogus.toml", []byte(strings.Replace(valid, tt.old, tt.new, 1)))
			if got := problemStrings(err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseTOML_ListAsText(t *testing.T) {
	var buf bytes.Buffer
	WriteTOML(&buf, []Card{sampleCard("coach-a", CategoryTowardWork, "Coach A")})
	data := strings.Replace(buf.String(), `doelen = ["motivatie"]`, `doelen = "motivatie, Scholing"`, 1)
	cs, err := ParseTOML("c.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if want := []Goal{GoalMotivation, GoalSchooling}; !reflect.DeepEqual(cs[0].Goals, want) {
		t.Errorf("goals = %v, want %v", cs[0].Goals, want)
	}
}

func TestWriteFile_RoundTrip(t *testing.T) {
	tricky := sampleCard("lastig", CategoryClientPicture, `Tekst met "aanhalingstekens", komma; puntkomma`)
	tricky.Pros = []string{"Eén, twee; drie.", `Backslash \ en "quote".`, "Arabisch: مرحبا 2026, emoji 🙂."}
	tricky.Suits = Suitability{Age: Range{Min: 27}, MinLanguage: LanguageNone, Conditions: "Regel één.\nRegel twee."}
	tricky.Effect = Effect{Level: EffectProven, Explanation: "Het werkt.", Source: "Liu, Huang & Wang (2014)"}
	want := append(generatedCards(25), tricky)
	// Texts that a spreadsheet would run as a formula, or that start with
	// what looks like a bullet, come back as they were.
	tricky.Summary = "=HYPERLINK(\"https://example.org\"; \"klik\")"
	tricky.Duration = "-1 dag"
	tricky.Provider = "+31 6 12345678"
	tricky.Cons = []string{"- begint met een streepje", "@mention en '=quote", "'s avonds"}
	tricky.Clients = "'=al een apostrof"
	for _, name := range []string{"catalogus.toml", "instrumenten.csv", "catalogus.xlsx"} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteFile(name, &buf, want); err != nil {
				t.Fatal(err)
			}
			got, _, err := ParseFile(name, buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				for i := range want {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("card %d:\n got %+v\nwant %+v", i, got[i], want[i])
					}
				}
				t.Fatalf("got %d cards, want %d", len(got), len(want))
			}
		})
	}
}

func TestWriteCSV_Excel(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []Card{sampleCard("a", CategoryAftercare, "A")}); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBFid;categorie;titel;")) {
		t.Errorf("no BOM and semicolon header: %q", out[:30])
	}
	if bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
		t.Error("not every line ends in CRLF")
	}
	if !bytes.Contains(out, []byte("\"Je krijgt steun.\r\nJe leert nieuwe dingen, zoals plannen.\"")) {
		t.Error("pros are not one quoted multi-line cell")
	}
}

func TestParseFile_UnknownExtension(t *testing.T) {
	_, _, err := ParseFile("lijst.ods", nil)
	want := []string{"lijst.ods: onbekend bestandstype; gebruik een .xlsx-, .csv- of .toml-bestand"}
	if got := problemStrings(err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %q, want %q", got, want)
	}
}
