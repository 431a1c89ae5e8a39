package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// workbook reads every sheet of an xlsx file as rows of cell texts, as a
// spreadsheet shows them (numbers as numbers).
func workbook(t *testing.T, path string) map[string][][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out[sheet] = rows
	}
	return out
}

// row finds the row of a sheet whose first cells hold label.
func row(sheet [][]string, label string) []string {
	for _, r := range sheet {
		for _, c := range r[:min(3, len(r))] {
			if c == label {
				return r
			}
		}
	}
	return nil
}

// ordinaryAndDistinctive fills a laptop database with 60 ordinary clients,
// all alike, and one who is not: the only one to compare and choose a
// rare card, with worries about transport, doubts in the SURE test, and a
// plan in Tigrinya.
func ordinaryAndDistinctive(t *testing.T, data string) (rare cards.Card) {
	t.Helper()
	store := newCatalogueStore(data)
	cat, _, err := store.current()
	if err != nil {
		t.Fatal(err)
	}
	d, err := storage.Open(filepath.Join(data, storage.DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	return addOrdinaryAndDistinctive(t, d, cat)
}

// addOrdinaryAndDistinctive adds the 61 clients of ordinaryAndDistinctive
// to a database.
func addOrdinaryAndDistinctive(t *testing.T, d *storage.DB, cat *cards.Catalogue) (rare cards.Card) {
	t.Helper()
	all := cat.Cards()
	common, other, rare := all[0], all[1], all[len(all)-1]
	add := func(name string, options []cards.Card, values map[string]string, lang string) {
		c, _ := d.CreateClient(name, "")
		s, _ := d.CreateSession(c.ID)
		for _, o := range options {
			if err := d.AddOption(s.ID, o); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.SetValues(s.ID, values); err != nil {
			t.Fatal(err)
		}
		if err := d.RecordPlanPrint(s.ID, lang); err != nil {
			t.Fatal(err)
		}
	}
	sure := func(yes int) map[string]string {
		v := map[string]string{}
		for q := range 4 {
			v[cards.KeySure(q)] = map[bool]string{true: "ja", false: "nee"}[q < yes]
		}
		return v
	}
	for i := range 60 {
		v := sure(4)
		v[cards.KeyDecision] = common.ID
		v[cards.KeyAreaMark(cards.AreaMoney)] = string(cards.MarkWorry)
		add("Gewoon "+strconv.Itoa(i), []cards.Card{common, other}, v, "nl")
	}
	v := sure(1)
	v[cards.KeyDecision] = rare.ID
	v[cards.KeyAreaMark(cards.AreaTransport)] = string(cards.MarkWorry)
	v[cards.KeyDriverHoldsBack(cards.FactorCircumstances)] = "Geen rijbewijs"
	add("Bijzonder", []cards.Card{common, rare}, v, "ti")
	return rare
}

// TestFigures_DistinctiveClient: nothing about the one client who is not
// like the others can be read or worked out from the workbook, while the
// ordinary figures are there.
func TestFigures_DistinctiveClient(t *testing.T) {
	data := t.TempDir()
	rare := ordinaryAndDistinctive(t, data)
	out := filepath.Join(data, "cijfers.xlsx")
	if code, _, errOut := runArgs("--data", data, "cijfers", "--uit", out); code != 0 {
		t.Fatal(errOut)
	}
	wb := workbook(t, out)
	for _, want := range []string{"Over deze cijfers", "Instrumenten", "Categorieën", "Leefgebieden", "Drijfveren", "Besluiten", "Vervolg", "Talen", "Voor de catalogus"} {
		if wb[want] == nil {
			t.Errorf("no sheet %q", want)
		}
	}
	// The ordinary figures.
	if r := row(wb["Leefgebieden"], "Geld en schulden"); r == nil || r[1] != "60" {
		t.Errorf("worries about money: %q", r)
	}
	if r := row(wb["Besluiten"], "Besloten"); r == nil || r[1] != "61" {
		t.Errorf("decided: %q", r)
	}
	// The distinctive client: every count about them hidden, and what adds
	// up to a shown total hidden with it.
	// hidden checks cells of a row: "< 5" for a small count, "×" for one
	// hidden with it or a share of a hidden count.
	hidden := func(sheet, label string, cells ...any) {
		t.Helper()
		r := row(wb[sheet], label)
		if r == nil {
			t.Errorf("%s: no row %q", sheet, label)
			return
		}
		for i := 0; i < len(cells); i += 2 {
			c, want := cells[i].(int), cells[i+1].(string)
			if c >= len(r) || r[c] != want {
				t.Errorf("%s, %s: cell %d is %q, want %q (row %q)", sheet, label, c, r[min(c, len(r)-1)], want, r)
			}
		}
	}
	hidden("Instrumenten", rare.ID, 3, "< 5", 4, "< 5", 5, "×")
	hidden("Leefgebieden", "Vervoer", 1, "< 5", 2, "×")
	hidden("Besluiten", "Besloten met twijfel (minder dan vier keer ja)", 1, "< 5", 2, "×")
	hidden("Besluiten", "Besloten zonder twijfel (vier keer ja)", 1, "×", 2, "×")
	hidden("Drijfveren", "Drempels in je leven", 1, "< 5")
	hidden("Talen", "Andere talen", 1, "< 5")
	all := ""
	for _, sheet := range wb {
		for _, r := range sheet {
			all += strings.Join(r, "\t") + "\n"
			for _, cell := range r {
				if n, err := strconv.Atoi(cell); err == nil && n > 0 && n < 5 {
					t.Errorf("a count of %d is shown: %q", n, r)
				}
			}
		}
	}
	for _, secret := range []string{"Tigrinya", "Bijzonder", "Geen rijbewijs", "Gewoon"} {
		if strings.Contains(all, secret) {
			t.Errorf("the workbook holds %q", secret)
		}
	}
	if !regexp.MustCompile(`Aantallen onder de 5 staan er als "< 5"`).MatchString(all) {
		t.Error("the workbook does not say how small numbers are hidden")
	}
}

// TestFigures_MergeThreeLaptops: three laptops' raw files add up, small
// counts are hidden only after merging, and an instrument one laptop's
// catalogue had but the one in use does not is reported, not dropped.
func TestFigures_MergeThreeLaptops(t *testing.T) {
	var files []string
	for i := range 3 {
		data := t.TempDir()
		ordinaryAndDistinctive(t, data)
		file := filepath.Join(data, "laptop.json")
		if code, _, errOut := runArgs("--data", data, "cijfers", "--uit", file); code != 0 {
			t.Fatal(errOut)
		}
		if i == 2 {
			raw, _ := os.ReadFile(file)
			raw = bytes.Replace(raw, []byte(`"instrumenten": {`), []byte(`"instrumenten": {"oud-instrument": {"vergeleken": 7, "gekozen": 2},`), 1)
			os.WriteFile(file, raw, 0o600)
		}
		files = append(files, file)
	}
	raw, _ := os.ReadFile(files[0])
	if !strings.Contains(string(raw), `"gekozen": 1`) {
		t.Error("a laptop's raw file hides its small counts already")
	}
	out := filepath.Join(t.TempDir(), "totaal.xlsx")
	code, stdout, errOut := runArgs(append(append([]string{"cijfers", "samenvoegen"}, files...), "--uit", out)...)
	if code != 0 || !strings.Contains(stdout, "183 cliënten") {
		t.Fatalf("samenvoegen: %d %s %s", code, stdout, errOut)
	}
	if !strings.Contains(errOut, `"oud-instrument"`) {
		t.Errorf("the unknown instrument is not reported: %s", errOut)
	}
	wb := workbook(t, out)
	if r := row(wb["Leefgebieden"], "Geld en schulden"); r == nil || r[1] != "180" {
		t.Errorf("worries about money, merged: %q", r)
	}
	// Three distinctive clients together are still fewer than five.
	if r := row(wb["Talen"], "Andere talen"); r == nil || r[1] != "< 5" {
		t.Errorf("other languages, merged: %q", r)
	}
	if r := row(wb["Over deze cijfers"], "Geteld: de cliënten van 3 laptops samen."); r == nil {
		t.Error("the merged workbook does not say whose clients it counts")
	}
	if r := row(wb["Instrumenten"], "oud-instrument"); r == nil || r[1] != "(niet in de catalogus)" || r[3] != "7" {
		t.Errorf("the unknown instrument in the workbook: %q", r)
	}
	if code, _, errOut := runArgs("cijfers", "samenvoegen", files[0], "--uit", filepath.Join(t.TempDir(), "x.json")); code != 2 {
		t.Errorf("merging into raw JSON: %d %s", code, errOut)
	}
}

// TestFigures_PDF: the report as a PDF, read back: a page per theme, the
// bars drawn as vectors (no images), the captions, the period and the
// sentence on hidden numbers, and nothing of the distinctive client.
func TestFigures_PDF(t *testing.T) {
	data := t.TempDir()
	rare := ordinaryAndDistinctive(t, data)
	out := filepath.Join(data, "cijfers.pdf")
	if code, _, errOut := runArgs("--data", data, "cijfers", "--van", "2020-01", "--uit", out); code != 0 {
		t.Fatal(errOut)
	}
	pages, text := pdfInfo(t, out)
	if pages < 8 {
		t.Errorf("%d pages, want one per theme at least", pages)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Cijfers: Instrumenten", "Cijfers: Leefgebieden", "Cijfers: Besluiten", "Cijfers: Talen", "Cijfers: Voor de catalogus",
		"van 2020-01 tot en met", "61 cliënten", "Aantallen onder de 5 staan er als", "de cliënten op deze laptop",
		"Bij 60 van de 61 cliënten is Geld en schulden gemarkeerd als zorgen, bij × als aandacht nodig.", // the one other client hidden, and 0 with it
		"< 5 van de < 5 cliënten die " + rare.Title + " vergeleken, kozen het.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	for _, secret := range []string{"Tigrinya", "Bijzonder", "Geen rijbewijs"} {
		if strings.Contains(flat, secret) {
			t.Errorf("the PDF holds %q", secret)
		}
	}
	for _, m := range regexp.MustCompile(`(?:^|\s)([1-4]) (?:van de|cliënten)`).FindAllStringSubmatch(flat, -1) {
		t.Errorf("a small count is shown: %q", m[0])
	}
	if images, err := exec.Command("pdfimages", "-list", out).Output(); err != nil || strings.Count(string(images), "\n") > 2 {
		t.Errorf("the PDF has images: %s %v", images, err)
	}
}

// TestWindow_Figures: the Cijfers screen from the Gegevens menu shows the
// counts of the laptop's database, small ones hidden, and saves them.
func TestWindow_Figures(t *testing.T) {
	data := t.TempDir()
	rare := ordinaryAndDistinctive(t, data)
	wa := openWindow(t, data)
	c := wa.w.Canvas()
	tapButton(t, c, "Gegevens")
	tapMenuItem(t, c, "Cijfers…")
	if highlighted(c, "Cliënten") {
		t.Error("the Cliënten tab is marked as the one shown")
	}
	got := labels(c)
	for _, want := range []string{"Cijfers", "61 cliënten", `Aantallen onder de 5 staan er als "< 5"`, rare.Title, "Vergeleken"} {
		if !strings.Contains(got, want) {
			t.Errorf("the screen lacks %q:\n%s", want, got)
		}
	}
	for _, secret := range []string{"Bijzonder", "Tigrinya", "Geen rijbewijs"} {
		if strings.Contains(got, secret) {
			t.Errorf("the screen shows %q", secret)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if n, err := strconv.Atoi(line); err == nil && n > 0 && n < 5 {
			t.Errorf("the screen shows a count of %d", n)
		}
	}
	tapButton(t, c, "Opslaan als Excel")
	if files, _ := filepath.Glob(filepath.Join(wa.printsDir(), "cijfers-*.xlsx")); len(files) != 1 {
		t.Errorf("saved: %v", files)
	}
}

// TestFigures_Team: in a team database bram and anna each have the 61
// clients of ordinaryAndDistinctive. ben, policy staff, counts all 122,
// with the command and in a window that opens on the Cijfers screen and
// offers no clients; bram counts his own 61. The distinctive clients stay
// hidden in the team's figures too.
func TestFigures_Team(t *testing.T) {
	url := newTeam(t, "bram", "anna")
	if code, out, errOut := runArgs("team", "medewerker", "--db", url("postgres"), "--naam", "ben", "--beleid"); code != 0 || !strings.Contains(out, "ben is beleidsmedewerker") {
		t.Fatalf("team medewerker --beleid: %d\n%s%s", code, out, errOut)
	}
	data := t.TempDir()
	cat, _, err := newCatalogueStore(data).current()
	if err != nil {
		t.Fatal(err)
	}
	var rare cards.Card
	for _, login := range []string{"bram", "anna"} {
		d, err := storage.Open(url(login))
		if err != nil {
			t.Fatal(err)
		}
		rare = addOrdinaryAndDistinctive(t, d, cat)
		d.Close()
	}
	for _, c := range []struct{ login, want, counted string }{
		{"ben", "122 cliënten", "Geteld: alle cliënten van het team."},
		{"bram", "61 cliënten", "Geteld: alleen de eigen cliënten van bram."},
	} {
		file := filepath.Join(data, c.login+".xlsx")
		code, out, errOut := runArgs("--data", data, "--db", url(c.login), "cijfers", "--uit", file)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("cijfers as %s: %d\n%s%s", c.login, code, out, errOut)
		}
		if r := row(workbook(t, file)["Over deze cijfers"], c.counted); r == nil {
			t.Errorf("the workbook of %s does not say %q", c.login, c.counted)
		}
	}
	wb := workbook(t, filepath.Join(data, "ben.xlsx"))
	if r := row(wb["Besluiten"], "Besloten"); r == nil || r[1] != "122" {
		t.Errorf("decided in the team: %q", r)
	}
	if r := row(wb["Instrumenten"], rare.ID); r == nil || r[3] != "< 5" || r[4] != "< 5" {
		t.Errorf("the two distinctive clients' card: %q", r)
	}

	wa := openWindowOn(t, data, url("ben"), nil)
	c := wa.w.Canvas()
	var buttons []string
	for _, o := range objects(c) {
		if text := buttonText(o); text != "" {
			buttons = append(buttons, text)
		}
	}
	if !slices.Contains(buttons, "Cijfers") || !slices.Contains(buttons, "Kaarten") || slices.Contains(buttons, "Cliënten") || slices.Contains(buttons, "Nieuwe cliënt") {
		t.Errorf("the buttons of ben's window: %q", buttons)
	}
	if !highlighted(c, "Cijfers") {
		t.Error("the Cijfers tab is not marked as the one shown")
	}
	if got := labels(c); !strings.Contains(got, "122 cliënten, geteld: alle cliënten van het team") || strings.Contains(got, "toegang") {
		t.Errorf("ben's window:\n%s", got)
	}
	tapButton(t, c, "Opslaan als PDF")
	files, _ := filepath.Glob(filepath.Join(wa.printsDir(), "cijfers-*.pdf"))
	if len(files) != 1 {
		t.Fatalf("saved: %v", files)
	}
	if text, err := exec.Command("pdftotext", files[0], "-").Output(); err != nil || !strings.Contains(string(text), "122") || !strings.Contains(string(text), "alle cliënten van het team") {
		t.Errorf("the team's figures as PDF: %v\n%s", err, text)
	}
}

// highlighted says whether the button with this text is marked as the
// tab shown. The window's buttons embed a widget.Button in a type of the
// ui package, so the test reaches it by reflection.
func highlighted(c fyne.Canvas, label string) bool {
	for _, o := range objects(c) {
		if buttonText(o) != label {
			continue
		}
		if f := reflect.Indirect(reflect.ValueOf(o)).FieldByName("Importance"); f.IsValid() {
			return f.Interface() == widget.HighImportance
		}
	}
	return false
}
