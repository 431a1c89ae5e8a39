package cards

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"
)

// A municipality's own cards reach other languages through a translation
// agency: the app exports a sheet per language with every client-facing
// text of the catalogue in use, one per row, and imports the filled-in
// sheet back. Each translation keeps the Dutch it was made from, so that
// when the Dutch changes the translation is out of date, and the client
// sees the Dutch card with the usual note until it is renewed.

// TextEntry is one translated text of a card: field is a column key of the
// catalogue, with the number of the item for pros and cons ("voordelen.2").
type TextEntry struct {
	ID     string `toml:"id"`
	Field  string `toml:"veld"`
	Dutch  string `toml:"nederlands"`
	Text   string `toml:"vertaling"`
	Status string `toml:"-"`
}

// Statuses of a text in a translation sheet.
const (
	StatusMissing  = "ontbreekt"
	StatusCurrent  = "actueel"
	StatusOutdated = "verouderd"
)

// sheetFields are the client-facing texts of a card, by column key.
func sheetFields(c Card) [][2]string {
	out := [][2]string{{"titel", c.Title}, {"samenvatting", c.Summary}, {"wat_ga_je_doen", c.WhatYouDo},
		{"duur", c.Duration}, {"voorwaarden", c.Suits.Conditions}}
	for i, p := range c.Pros {
		out = append(out, [2]string{"voordelen." + strconv.Itoa(i+1), p})
	}
	for i, p := range c.Cons {
		out = append(out, [2]string{"nadelen." + strconv.Itoa(i+1), p})
	}
	return append(out, [2]string{"effect_uitleg", c.Effect.Explanation}, [2]string{"clienten_zeggen", c.Clients})
}

// TranslationSheet lists every client-facing text of the cards with what
// is known of its translation: current, out of date, or missing.
func TranslationSheet(cs []Card, known []TextEntry) []TextEntry {
	have := map[[2]string]TextEntry{}
	for _, e := range known {
		have[[2]string{e.ID, e.Field}] = e
	}
	var out []TextEntry
	for _, c := range cs {
		for _, f := range sheetFields(c) {
			e := TextEntry{ID: c.ID, Field: f[0], Dutch: f[1], Status: StatusMissing}
			if k, ok := have[[2]string{c.ID, f[0]}]; ok && k.Text != "" {
				e.Text, e.Status = k.Text, StatusCurrent
				if k.Dutch != f[1] {
					e.Status = StatusOutdated
				}
			}
			if f[1] == "" && e.Status == StatusMissing {
				e.Status = StatusCurrent // nothing to translate
			}
			out = append(out, e)
		}
	}
	return out
}

// ApplyEntries turns the current translations of the cards into card
// texts. A card counts as translated only when every text of it is: a card
// with a missing or out-of-date text shows in Dutch, with the note.
func ApplyEntries(cs []Card, known []TextEntry) Translations {
	out := Translations{}
	rows := TranslationSheet(cs, known)
	byCard := map[string][]TextEntry{}
	for _, r := range rows {
		byCard[r.ID] = append(byCard[r.ID], r)
	}
	for _, c := range cs {
		var t CardText
		whole := true
		for _, r := range byCard[c.ID] {
			if r.Status != StatusCurrent {
				whole = false
				break
			}
			field, _, _ := strings.Cut(r.Field, ".")
			switch field {
			case "titel":
				t.Title = r.Text
			case "samenvatting":
				t.Summary = r.Text
			case "wat_ga_je_doen":
				t.WhatYouDo = r.Text
			case "duur":
				t.Duration = r.Text
			case "voorwaarden":
				t.Conditions = r.Text
			case "voordelen":
				t.Pros = append(t.Pros, r.Text)
			case "nadelen":
				t.Cons = append(t.Cons, r.Text)
			case "effect_uitleg":
				t.Effect = r.Text
			case "clienten_zeggen":
				t.Clients = r.Text
			}
		}
		if whole {
			out[c.ID] = t
		}
	}
	return out
}

// With returns t with, over it, the translations of the cards cs that are
// whole and current in known: the municipality's own over the app's.
func (t Translations) With(cs []Card, known []TextEntry) Translations {
	out := Translations{}
	for id, x := range t {
		out[id] = x
	}
	for id, x := range ApplyEntries(cs, known) {
		out[id] = x
	}
	return out
}

// Columns of a translation sheet.
var sheetHeader = []string{"id", "veld", "nederlands", "vertaling", "status"}

// WriteTranslationSheet writes the sheet of one language as a workbook for
// a translation agency: the Dutch beside the translation, every cell text.
func WriteTranslationSheet(w io.Writer, lang string, rows []TextEntry) error {
	f := excelize.NewFile()
	defer f.Close()
	name := "Vertaling " + lang
	if err := f.SetSheetName(f.GetSheetList()[0], name); err != nil {
		return err
	}
	table := [][]string{sheetHeader}
	for _, r := range rows {
		table = append(table, []string{r.ID, r.Field, escapeCell(r.Dutch), escapeCell(r.Text), r.Status})
	}
	if err := writeXLSXTable(f, name, table, 70); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// ParseTranslationSheet reads a filled-in translation sheet, with the same
// row-and-column messages as a catalogue.
func ParseTranslationSheet(name string, data []byte) ([]TextEntry, error) {
	refuse := func(msg string) ([]TextEntry, error) { return nil, Problems{{File: name, Message: msg}} }
	if len(data) > MaxSheetSize {
		return refuse(fmt.Sprintf("het bestand is %.1f MB; een vertaling mag hoogstens %d MB zijn", float64(len(data))/(1<<20), MaxSheetSize>>20))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: sheetUnzipLimit, UnzipXMLSizeLimit: 2 * MaxFileSize})
	if err != nil {
		return refuse("dit is geen Excel-werkmap die gelezen kan worden; sla het bestand in Excel opnieuw op als .xlsx")
	}
	defer f.Close()
	sheetName := f.GetSheetList()[0]
	rows, err := f.GetRows(sheetName, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		return refuse("het eerste blad van de werkmap is leeg of kan niet gelezen worden")
	}
	file := fmt.Sprintf("%s, blad %q", name, sheetName)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[normalName(h)] = i
	}
	var probs Problems
	for _, h := range sheetHeader[:4] {
		if _, ok := col[h]; !ok {
			probs = append(probs, Problem{File: file, Line: 1, Message: fmt.Sprintf("de kolom %q ontbreekt in de kopregel", h)})
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	cell := func(row []string, h string) string {
		if i := col[h]; i < len(row) {
			return unescapeCell(row[i])
		}
		return ""
	}
	var out []TextEntry
	for r, row := range rows[1:] {
		if blankRow(row) {
			continue
		}
		e := TextEntry{ID: cell(row, "id"), Field: cell(row, "veld"), Dutch: cell(row, "nederlands"), Text: strings.TrimSpace(cell(row, "vertaling"))}
		if e.ID == "" || e.Field == "" {
			probs = append(probs, Problem{File: file, Line: r + 2, Message: "id of veld is leeg; laat die kolommen staan zoals de app ze gaf"})
			continue
		}
		if !validSheetField(e.Field) {
			probs = append(probs, Problem{File: file, Line: r + 2, Place: "kolom", Field: "veld", Message: fmt.Sprintf("%q is geen veld van een kaart; laat die kolom staan zoals de app hem gaf", e.Field)})
			continue
		}
		out = append(out, e)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return out, nil
}

func validSheetField(f string) bool {
	field, item, numbered := strings.Cut(f, ".")
	switch field {
	case "voordelen", "nadelen":
		n, err := strconv.Atoi(item)
		return numbered && err == nil && n > 0
	case "titel", "samenvatting", "wat_ga_je_doen", "duur", "voorwaarden", "effect_uitleg", "clienten_zeggen":
		return !numbered
	}
	return false
}

// MergeEntries puts newly imported translations over the known ones; an
// empty translation in the sheet keeps what was known.
func MergeEntries(known, imported []TextEntry) []TextEntry {
	at := map[[2]string]int{}
	out := append([]TextEntry(nil), known...)
	for i, e := range out {
		at[[2]string{e.ID, e.Field}] = i
	}
	for _, e := range imported {
		if e.Text == "" {
			continue
		}
		if i, ok := at[[2]string{e.ID, e.Field}]; ok {
			out[i] = e
		} else {
			at[[2]string{e.ID, e.Field}] = len(out)
			out = append(out, e)
		}
	}
	return out
}

// entriesFile is how the app keeps a language's translations.
type entriesFile struct {
	Entries []TextEntry `toml:"vertaling"`
}

// WriteEntries writes translations as TOML, the form the app keeps them in.
func WriteEntries(w io.Writer, es []TextEntry) error {
	return toml.NewEncoder(w).Encode(entriesFile{Entries: es})
}

// ParseEntries reads translations that WriteEntries wrote.
func ParseEntries(name string, data []byte) ([]TextEntry, error) {
	var f entriesFile
	if _, err := toml.Decode(string(data), &f); err != nil {
		return nil, fmt.Errorf("%s: geen geldige vertaling: %w", name, err)
	}
	return f.Entries, nil
}
