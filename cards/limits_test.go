package cards

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// largestCatalogue is MaxCards cards like the built-in ones, which is
// about 7 MB as TOML.
func largestCatalogue(t *testing.T) []Card {
	t.Helper()
	bi := builtInCards(t)
	cs := make([]Card, MaxCards)
	for i := range cs {
		cs[i] = bi[i%len(bi)]
		cs[i].ID = fmt.Sprintf("%s-%d", cs[i].ID, i)
		cs[i].Title = fmt.Sprintf("%d %s", i, cs[i].Title)
	}
	return cs
}

// TestWriteFile_LargestCatalogue: a workbook of MaxCards cards, as the app
// exports it, is accepted, and what the app exports of those cards as CSV
// and TOML it accepts again unchanged; the translation sheet of them too,
// filled in.
func TestWriteFile_LargestCatalogue(t *testing.T) {
	var source bytes.Buffer
	if err := WriteXLSX(&source, largestCatalogue(t)); err != nil {
		t.Fatal(err)
	}
	cs, _, err := ParseFile("catalogus.xlsx", source.Bytes())
	if err != nil {
		t.Fatalf("the workbook of %d cards is refused: %v", MaxCards, err)
	}
	want := canonicalTOML(t, cs)
	for _, name := range []string{"export.csv", "export.toml"} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteFile(name, &buf, cs); err != nil {
				t.Fatal(err)
			}
			got, _, err := ParseFile(name, buf.Bytes())
			if err != nil {
				t.Fatalf("the export, %.1f MB, is refused: %v", float64(buf.Len())/(1<<20), err)
			}
			if !bytes.Equal(canonicalTOML(t, got), want) {
				t.Error("the cards read back differ from those exported")
			}
		})
	}
	t.Run("vertaling.xlsx", func(t *testing.T) {
		rows := TranslationSheet(cs, nil)
		for i := range rows {
			if rows[i].Dutch != "" {
				rows[i].Text = "Translated: " + rows[i].Dutch
			}
		}
		var buf bytes.Buffer
		if err := WriteTranslationSheet(&buf, "en", rows); err != nil {
			t.Fatal(err)
		}
		got, err := ParseTranslationSheet("vertaling.xlsx", buf.Bytes())
		if err != nil {
			t.Fatalf("the filled-in sheet, %.1f MB, is refused: %v", float64(buf.Len())/(1<<20), err)
		}
		if tr := ApplyEntries(cs, got); len(tr) != len(cs) {
			t.Errorf("%d of %d cards are translated", len(tr), len(cs))
		}
	})
}

// TestParseFile_TooLargeToExport: a file within the size limit whose cards
// would make a larger file in another format is refused, as the app could
// not read back what it exported: tabs take one byte in CSV and two in TOML.
func TestParseFile_TooLargeToExport(t *testing.T) {
	cs := generatedCards(MaxCards)
	for i := range cs {
		cs[i].WhatYouDo = strings.Repeat("Je\t", maxText/3) + "Je"
	}
	var csv, toml bytes.Buffer
	WriteCSV(&csv, cs)
	WriteTOML(&toml, cs)
	if csv.Len() > MaxFileSize || toml.Len() <= MaxFileSize {
		t.Fatalf("the test needs a CSV file within the limit (it is %d bytes) whose TOML is not (%d)", csv.Len(), toml.Len())
	}
	_, _, err := ParseFile("groot.csv", csv.Bytes())
	want := fmt.Sprintf("groot.csv: de catalogus is te groot: als .toml-bestand is hij %.1f MB, en een catalogus mag hoogstens 16 MB zijn; "+
		"maak teksten korter of haal instrumenten weg", float64(toml.Len())/(1<<20))
	if got := problemStrings(err); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q,\nwant %q", got, want)
	}
}

// TestWriteXLSX_Unzipped: a workbook is never larger than the TOML file of
// the same cards, and each card adds to its unzipped parts less than
// xlsxUnzipLimit/MaxFileSize times what it adds to the larger of its CSV
// and TOML files. So the export of any catalogue that checkExportSize lets
// through opens within xlsxUnzipLimit, however its text escapes in XML.
func TestWriteXLSX_Unzipped(t *testing.T) {
	short := func(c Card) Card {
		c.Title, c.Summary, c.WhatYouDo, c.Duration, c.Provider = "T", "S", "W", "D", "P"
		c.Suits.Conditions, c.Effect.Explanation, c.Clients = "V", "E", "C"
		c.Pros, c.Cons = []string{"a", "b"}, []string{"c", "d"}
		return c
	}
	escaped := func(s string) func(c Card) Card {
		return func(c Card) Card {
			c.Summary = strings.Repeat(s, (maxSummary-10)/len([]rune(s)))
			for _, f := range []*string{&c.WhatYouDo, &c.Suits.Conditions, &c.Effect.Explanation, &c.Clients} {
				*f = "x" + strings.Repeat(s, (maxText-10)/len([]rune(s))) + "x"
			}
			return c
		}
	}
	tests := map[string]func(Card) Card{
		"short texts":         short,
		"ampersands":          escaped("&"),
		"quotes and brackets": escaped(`"<>'`),
		"line breaks":         escaped("a\n"),
		"escape look-alikes":  escaped("_x0041_"),
		"emoji":               escaped("🙂"),
		"built-in":            func(c Card) Card { return c },
	}
	const n = 100
	size := func(t *testing.T, cs []Card) (xlsx, unzipped, text int) {
		t.Helper()
		var x, c, m bytes.Buffer
		if err := WriteXLSX(&x, cs); err != nil {
			t.Fatal(err)
		}
		WriteCSV(&c, cs)
		WriteTOML(&m, cs)
		z, err := zip.NewReader(bytes.NewReader(x.Bytes()), int64(x.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range z.File {
			unzipped += int(f.UncompressedSize64)
		}
		return x.Len(), unzipped, max(c.Len(), m.Len())
	}
	bi := builtInCards(t)
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			cs := make([]Card, n)
			for i := range cs {
				c := change(bi[i%len(bi)])
				c.ID = fmt.Sprintf("kaart-%d", i)
				// Texts of their own: a workbook keeps a text used twice once.
				for _, f := range []*string{&c.Title, &c.Summary, &c.WhatYouDo, &c.Suits.Conditions, &c.Effect.Explanation, &c.Clients} {
					*f = fmt.Sprintf("%d %s", i, *f)
				}
				c.Pros = append(c.Pros, fmt.Sprintf("%d", i))
				cs[i] = c
			}
			if _, err := parseRecords(source{file: "x", name: func(c column) string { return c.key }}, recordsOf(cs)); err != nil {
				t.Fatalf("the cards are not valid: %v", err)
			}
			xlsx, unzipped, text := size(t, cs)
			_, unzipped1, text1 := size(t, cs[:1])
			if xlsx > text {
				t.Errorf("the workbook is %d bytes, more than the %d of the larger text file", xlsx, text)
			}
			ratio := float64(unzipped-unzipped1) / float64(text-text1)
			if ratio >= xlsxUnzipLimit/MaxFileSize {
				t.Errorf("each card adds %.1f times as much to the unzipped workbook as to the text file; the limit allows %d", ratio, xlsxUnzipLimit/MaxFileSize)
			}
		})
	}
}

// recordsOf turns cards into records as a file would give them.
func recordsOf(cs []Card) []record {
	out := make([]record, len(cs))
	for i, c := range cs {
		out[i] = record{line: i + 2, values: fields(c)}
	}
	return out
}

// TestParseXLSX_UnzippedTooLarge: a small workbook that unzips to more than
// xlsxUnzipLimit is refused with its size, before it is unzipped.
func TestParseXLSX_UnzippedTooLarge(t *testing.T) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	blank := bytes.Repeat([]byte(" "), 1<<20)
	for range xlsxUnzipLimit>>20 + 1 {
		w.Write(blank)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	_, _, err = ParseFile("groot.xlsx", buf.Bytes())
	want := fmt.Sprintf("groot.xlsx: de werkmap is uitgepakt groter dan %d MB; dat is te groot voor een catalogus: maak teksten korter of haal instrumenten weg", xlsxUnzipLimit>>20)
	if got := problemStrings(err); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q, want %q", got, want)
	}
}
