package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fillSheet fills in the translation sheet as an agency does: every row
// of one card gets "TR " before its Dutch.
func fillSheet(t *testing.T, path, cardID string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, _ := f.GetRows(sheet)
	for i, r := range rows[1:] {
		if r[0] == cardID && len(r) > 2 && r[2] != "" {
			cell, _ := excelize.CoordinatesToCellName(4, i+2)
			f.SetCellStr(sheet, cell, "TR "+r[2])
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// sheetStatus returns the status column of a sheet's rows for a card.
func sheetStatus(t *testing.T, path, cardID, field string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	for _, r := range rows {
		if r[0] == cardID && r[1] == field {
			return r[len(r)-1]
		}
	}
	return ""
}

// TestTranslationSheet_CatalogueFromFile: the municipality's own catalogue,
// loaded from a file, goes to a translation agency and back; when a Dutch
// text changes, its translation is out of date until renewed.
func TestTranslationSheet_CatalogueFromFile(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	fixture := filepath.Join("..", "cards", "testdata", "excel-ansi.csv")
	if code, _, errOut := cli(t, data, "catalogus", "importeer", fixture); code != 0 {
		t.Fatalf("importeer: %s", errOut)
	}
	sheet := filepath.Join(files, "vertaling-tr.xlsx")
	if code, out, errOut := cli(t, data, "catalogus", "vertaling", "exporteer", "--taal", "tr", sheet); code != 0 || !strings.Contains(out, "teksten om te vertalen") {
		t.Fatalf("exporteer: %d %q %q", code, out, errOut)
	}
	fillSheet(t, sheet, "brede-intake")
	if code, out, errOut := cli(t, data, "catalogus", "vertaling", "importeer", "--taal", "tr", sheet); code != 0 || !strings.Contains(out, "is geladen") {
		t.Fatalf("importeer vertaling: %d %q %q", code, out, errOut)
	}
	store := newCatalogueStore(data)
	cat, _, _ := store.current()
	texts, err := store.CardTexts("tr", cat.Cards())
	if err != nil {
		t.Fatal(err)
	}
	if got := texts["brede-intake"].Title; got != "TR Brede intake – café" {
		t.Errorf("translated title %q", got)
	}
	if _, ok := texts["taalcafe"]; ok {
		t.Error("a card nobody translated counts as translated")
	}
	code, out, _ := cli(t, data, "catalogus", "controleer", fixture)
	if code != 0 || !strings.Contains(out, "- tr: ") || !strings.Contains(out, "0 met een verouderde vertaling") {
		t.Errorf("controleer: %d %q", code, out)
	}

	// The municipality changes a Dutch text and loads its catalogue again.
	raw, _ := os.ReadFile(fixture)
	changed := filepath.Join(files, "nieuw.csv")
	os.WriteFile(changed, []byte(strings.Replace(string(raw), "Je praat over je leven", "Je vertelt over je leven", 1)), 0o600)
	if code, _, errOut := cli(t, data, "catalogus", "importeer", changed); code != 0 {
		t.Fatalf("importeer changed: %s", errOut)
	}
	cat, _, _ = store.current()
	texts, _ = store.CardTexts("tr", cat.Cards())
	if _, ok := texts["brede-intake"]; ok {
		t.Error("a card with an out-of-date translation is still shown translated")
	}
	again := filepath.Join(files, "opnieuw.xlsx")
	cli(t, data, "catalogus", "vertaling", "exporteer", "--taal", "tr", again)
	if got := sheetStatus(t, again, "brede-intake", "samenvatting"); got != "verouderd" {
		t.Errorf("status of the changed text: %q, want verouderd", got)
	}
	if got := sheetStatus(t, again, "brede-intake", "titel"); got != "actueel" {
		t.Errorf("status of an unchanged text: %q, want actueel", got)
	}
	code, out, _ = cli(t, data, "catalogus", "controleer", changed)
	if !strings.Contains(out, "1 met een verouderde vertaling") {
		t.Errorf("controleer after the change: %d %q", code, out)
	}
}
