package cards

import (
	"bytes"
	"reflect"
	"testing"
)

func TestTranslationSheet_Status(t *testing.T) {
	a := sampleCard("a", CategoryAftercare, "Kaart A")
	known := []TextEntry{
		{ID: "a", Field: "titel", Dutch: "Kaart A", Text: "Card A"},
		{ID: "a", Field: "samenvatting", Dutch: "Een oude samenvatting.", Text: "An old summary."},
	}
	rows := TranslationSheet([]Card{a}, known)
	status := map[string]string{}
	for _, r := range rows {
		status[r.Field] = r.Status
	}
	want := map[string]string{"titel": StatusCurrent, "samenvatting": StatusOutdated, "voordelen.1": StatusMissing, "nadelen.2": StatusMissing}
	for f, s := range want {
		if status[f] != s {
			t.Errorf("%s: %q, want %q", f, status[f], s)
		}
	}
	if tr := ApplyEntries([]Card{a}, known); len(tr) != 0 {
		t.Errorf("a card with missing and out-of-date texts counts as translated: %+v", tr)
	}
}

// TestTranslationSheet_RoundTrip: a sheet written, filled in as a
// translation agency does and read back gives a whole card; texts that a
// spreadsheet would run as a formula come back as they were.
func TestTranslationSheet_RoundTrip(t *testing.T) {
	a := sampleCard("a", CategoryAftercare, "Kaart A")
	a.Cons = []string{"- begint met een streepje", "=geen formule"}
	rows := TranslationSheet([]Card{a}, nil)
	for i := range rows {
		rows[i].Text = "TR " + rows[i].Dutch
		if rows[i].Dutch == "" {
			rows[i].Text = ""
		}
	}
	var buf bytes.Buffer
	if err := WriteTranslationSheet(&buf, "tr", rows); err != nil {
		t.Fatal(err)
	}
	got, err := ParseTranslationSheet("vertaling-tr.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		rows[i].Status = ""
	}
	if !reflect.DeepEqual(got, rows) {
		t.Fatalf("read back:\n%+v\nwant:\n%+v", got, rows)
	}
	tr := ApplyEntries([]Card{a}, MergeEntries(nil, got))
	c, ok := tr.Apply(a)
	if !ok || c.Title != "TR Kaart A" || c.Cons[1] != "TR =geen formule" {
		t.Errorf("applied: %v %+v", ok, c)
	}
	// The Dutch changes: the whole card shows in Dutch until renewed.
	a.Title = "Kaart A, nieuw"
	if _, ok := ApplyEntries([]Card{a}, got)["a"]; ok {
		t.Error("an out-of-date translation is still used")
	}
}

func TestParseTranslationSheet_Problems(t *testing.T) {
	var buf bytes.Buffer
	rows := []TextEntry{{ID: "a", Field: "kleur", Dutch: "rood", Text: "red"}}
	WriteTranslationSheet(&buf, "tr", rows)
	_, err := ParseTranslationSheet("v.xlsx", buf.Bytes())
	want := []string{`v.xlsx, blad "Vertaling tr" regel 2, kolom "veld": "kleur" is geen veld van een kaart; laat die kolom staan zoals de app hem gaf`}
	if got := problemStrings(err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}
