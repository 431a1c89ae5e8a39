package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// cli runs the command line with a storage folder of its own.
func cli(t *testing.T, dataDir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"--data", dataDir}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCatalogueCommands(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()

	// The catalogue in use at first is the built-in one.
	all := filepath.Join(files, "alles.toml")
	if code, out, errOut := cli(t, data, "catalogus", "exporteer", all); code != 0 || !strings.Contains(out, "44 instrumenten opgeslagen") {
		t.Fatalf("exporteer: %d %q %q", code, out, errOut)
	}
	builtIn, _ := os.ReadFile(all)
	cs, err := cards.ParseTOML("alles.toml", builtIn)
	if err != nil {
		t.Fatal(err)
	}

	// A municipality's spreadsheet with five instruments, one of them with a
	// text that is too hard for clients.
	cs = cs[:5]
	cs[4].Summary = "Arbeidsmarktgerelateerde participatievoorzieningen verbeteren perspectieven."
	var csv bytes.Buffer
	cards.WriteCSV(&csv, cs)
	good := writeFile(t, files, "gemeente.csv", csv.String())

	code, out, _ := cli(t, data, "catalogus", "controleer", good)
	if code != 0 || !strings.Contains(out, "gemeente.csv is in orde: 5 instrumenten.") ||
		!strings.Contains(out, cs[4].ID+`, veld "samenvatting": leesbaarheid`) {
		t.Errorf("controleer: %d\n%s", code, out)
	}

	if code, out, _ := cli(t, data, "catalogus", "importeer", good); code != 0 || !strings.Contains(out, "De catalogus is geladen: 5 instrumenten.") {
		t.Errorf("importeer: %d %q", code, out)
	}

	// A broken file changes nothing and lists every problem.
	broken := strings.Replace(csv.String(), ";klantbeeld;", ";werkplek;", 1)
	broken = strings.Replace(broken, ";"+cs[1].Duration+";", ";;", 1)
	bad := writeFile(t, files, "kapot.csv", broken)
	code, _, errOut := cli(t, data, "catalogus", "importeer", bad)
	if code != 1 || !strings.Contains(errOut, "kapot.csv is niet in orde. Er zijn 2 problemen:") ||
		!strings.Contains(errOut, `kapot.csv regel 2, kolom "categorie": "werkplek" is geen bekende categorie`) ||
		!strings.Contains(errOut, `kapot.csv regel 3, kolom "duur": dit veld is leeg`) {
		t.Errorf("importeer of a broken file: %d\n%s", code, errOut)
	}

	back := filepath.Join(files, "terug.csv")
	if code, out, _ := cli(t, data, "catalogus", "exporteer", back); code != 0 || !strings.Contains(out, "5 instrumenten") {
		t.Errorf("exporteer after a failed import: %d %q", code, out)
	}
	if got := mustRead(t, back); got != csv.String() {
		t.Error("the catalogue in use changed after a failed import")
	}

	if code, out, _ := cli(t, data, "catalogus", "ingebouwd"); code != 0 || !strings.Contains(out, "ingebouwde catalogus") {
		t.Errorf("ingebouwd: %d %q", code, out)
	}
	if code, out, _ := cli(t, data, "catalogus", "exporteer", all); code != 0 || !strings.Contains(out, "44 instrumenten") {
		t.Errorf("exporteer after ingebouwd: %d %q", code, out)
	}
}

func TestCatalogueCommands_Errors(t *testing.T) {
	data := t.TempDir()
	tests := []struct {
		args    []string
		code    int
		message string
	}{
		{[]string{"catalogus", "controleer", filepath.Join(data, "weg.csv")}, 1, "weg.csv bestaat niet."},
		{[]string{"catalogus", "controleer", writeFile(t, data, "lijst.ods", "x")}, 1, "onbekend bestandstype"},
		{[]string{"catalogus", "controleer", writeFile(t, data, "lijst.xlsx", "x")}, 1, "Er is 1 probleem:\nlijst.xlsx: dit is geen Excel-werkmap die gelezen kan worden"},
		{[]string{"catalogus", "controleer", writeFile(t, data, "leeg.csv", "")}, 1, "het bestand is leeg"},
		{[]string{"catalogus", "controleer", data}, 1, "is een map, geen bestand."},
		{[]string{"catalogus", "exporteer", filepath.Join(data, "weg", "catalogus.xlsx")}, 1, "de map " + filepath.Join(data, "weg") + " bestaat niet."},
		{[]string{"catalogus", "verwijder", "x"}, 2, `onbekende opdracht "catalogus verwijder"`},
		{[]string{"catalogus"}, 2, "Gebruik:"},
		{[]string{"afdrukken"}, 2, `onbekende opdracht "afdrukken"`},
		{[]string{"kaarten"}, 2, "geef met --uit BESTAND.pdf aan"},
	}
	for _, tt := range tests {
		code, _, errOut := cli(t, data, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.message) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.message)
		}
	}
}

func TestCurrent_DamagedStoredCatalogue(t *testing.T) {
	data := t.TempDir()
	s := newCatalogueStore(data)
	damaged := "[[instrument]]\nid = \"kapot"
	writeFile(t, data, "catalogus.toml", damaged)
	cat, notice, err := s.current()
	if err != nil || cat.Len() != 44 {
		t.Fatalf("current() = %v cards, %v", cat, err)
	}
	if !strings.Contains(notice, "De app gebruikt nu de ingebouwde catalogus") {
		t.Errorf("notice = %q", notice)
	}
	if got := mustRead(t, filepath.Join(data, "catalogus.toml")); got != damaged {
		t.Error("damaged catalogue was changed")
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCatalogueCommands_ExcelFiles: the files Excel makes are imported with
// every letter intact, or refused without changing the catalogue in use;
// the export is a workbook others may read.
func TestCatalogueCommands_ExcelFiles(t *testing.T) {
	data, files := t.TempDir(), t.TempDir()
	fixture := func(name string) string { return filepath.Join("..", "cards", "testdata", name) }

	code, out, errOut := cli(t, data, "catalogus", "importeer", fixture("excel-ansi.csv"))
	if code != 0 || !strings.Contains(out, "gelezen als Windows-1252") || !strings.Contains(out, "2 instrumenten") {
		t.Fatalf("importeer excel-ansi.csv: %d %q %q", code, out, errOut)
	}
	stored := filepath.Join(data, storage.CatalogueFileName)
	before, err := os.ReadFile(stored)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(before), "Brede intake – café") || strings.ContainsRune(string(before), '\uFFFD') {
		t.Fatalf("stored catalogue garbled:\n%s", before)
	}
	for _, refused := range []string{fixture("excel-formula.xlsx"), writeFile(t, files, "plaatje.csv", "\x89PNG\r\n\x1a\n\x00\x00")} {
		code, _, errOut := cli(t, data, "catalogus", "importeer", refused)
		if code != 1 || !strings.Contains(errOut, "Er is 1 probleem:") {
			t.Errorf("importeer %s: %d %q", refused, code, errOut)
		}
		if after, _ := os.ReadFile(stored); !bytes.Equal(after, before) {
			t.Errorf("importeer %s changed the catalogue in use", refused)
		}
	}

	export := filepath.Join(files, "catalogus.xlsx")
	if code, out, errOut := cli(t, data, "catalogus", "exporteer", export); code != 0 {
		t.Fatalf("exporteer: %d %q %q", code, out, errOut)
	}
	if info, err := os.Stat(export); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("exported file: %v, %v; want mode 0644", info.Mode(), err)
	}
	if code, out, _ := cli(t, data, "catalogus", "controleer", export); code != 0 || !strings.Contains(out, "in orde: 2 instrumenten") {
		t.Errorf("controleer the export: %d %q", code, out)
	}
}

// TestUsage_CatalogueFileTypes: the help of each catalogue command names
// every file type the command takes, and no other.
func TestUsage_CatalogueFileTypes(t *testing.T) {
	reads := func(ext string) bool {
		_, _, err := cards.ParseFile("x"+ext, nil)
		return !strings.Contains(fmt.Sprint(err), "onbekend bestandstype")
	}
	writes := func(ext string) bool { return cards.WriteFile("x"+ext, io.Discard, nil) == nil }
	tests := []struct {
		command string
		takes   func(ext string) bool
	}{
		{"catalogus controleer", reads},
		{"catalogus importeer", reads},
		{"catalogus exporteer", writes},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			// The command's text runs to the next command.
			_, help, _ := strings.Cut(usage, "samenbeslissen "+tt.command+" ")
			help, _, _ = strings.Cut(help, "samenbeslissen ")
			for _, ext := range append(slices.Clone(cards.FileTypes), ".xls", ".ods", ".json") {
				named := regexp.MustCompile(regexp.QuoteMeta(ext) + `\b`).MatchString(help)
				if took := tt.takes(ext); named != took {
					t.Errorf("the help names %s: %v; the command takes it: %v\n%s", ext, named, took, help)
				}
			}
		})
	}
}
