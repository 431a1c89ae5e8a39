package app

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// TestVersion_FyneApp keeps Version equal to FyneApp.toml's, which
// `fyne package` puts into the installed app.
func TestVersion_FyneApp(t *testing.T) {
	var meta struct{ Details struct{ Version string } }
	if _, err := toml.DecodeFile(filepath.Join("..", "FyneApp.toml"), &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Details.Version != Version {
		t.Errorf("app.Version is %q, FyneApp.toml says %q", Version, meta.Details.Version)
	}
}

// asProfessional makes the reports of a test say name printed them.
func asProfessional(t *testing.T, name string) {
	old := professional
	professional = func() string { return name }
	t.Cleanup(func() { professional = old })
}

// exampleData makes the example client (id 1) with its conversation
// (session 1), and a follow-up (session 2) with a note and a review.
func exampleData(t *testing.T) (dataDir string) {
	t.Helper()
	data := t.TempDir()
	if code, _, stderr := cli(t, data, "voorbeeld"); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	db, err := storage.Open(filepath.Join(data, storage.DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f, err := db.CreateFollowUp(1)
	if err != nil || f.ID != 2 {
		t.Fatalf("follow-up %d: %v", f.ID, err)
	}
	if err := db.SetValues(2, map[string]string{
		cards.KeyReview:                   "De opvang is geregeld.",
		cards.KeyNote(cards.StepEvaluate): "Alleen voor mij: eerst bellen met de buurtmoeder.",
	}); err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReportCommand(t *testing.T) {
	asProfessional(t, "Jan de Vries")
	data := exampleData(t)
	out := filepath.Join(t.TempDir(), "verslag.pdf")
	code, stdout, stderr := cli(t, data, "verslag", "--sessie", "1", "--uit", out)
	if code != 0 || !strings.Contains(stdout, "gemaakt") {
		t.Fatalf("verslag: %d %q", code, stderr)
	}
	_, text := pdfInfo(t, out)
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Gespreksverslag", "Samira (voorbeeld)", "VB-001",
		"Stap 1 van 7: Voorbereiden en informeren", "Stap 7 van 7: Evaluatie",
		"Huurachterstand: met toestemming aanmelden bij schuldhulp.", // the professional's note
		"Werkervaringsplaats", "gewicht 3: heel belangrijk",
		"Besluit Werkervaringsplaats", "Opvang na school regelen met de buurtmoeder",
		"door Jan de Vries · Samen Beslissen " + Version,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("verslag lacks %q", want)
		}
	}
	if strings.Contains(text, "cliënt zag dit") {
		t.Error("the report for the file has the inzage marks")
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("verslag.pdf: %v, %v; want mode 0600", info.Mode(), err)
	}

	en := filepath.Join(t.TempDir(), "report.pdf")
	if code, _, stderr := cli(t, data, "verslag", "--sessie", "2", "--taal", "en", "--uit", en); code != 0 {
		t.Fatalf("verslag --taal en: %s", stderr)
	}
	_, text = pdfInfo(t, en)
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Conversation report", "Follow-up of the conversation of", "De opvang is geregeld.", "Printed on"} {
		if !strings.Contains(text, want) {
			t.Errorf("English verslag lacks %q", want)
		}
	}
}

func TestReportCommands_Errors(t *testing.T) {
	data := t.TempDir()
	dir := t.TempDir()
	pdfPath, zipPath := filepath.Join(dir, "x.pdf"), filepath.Join(dir, "x.zip")
	tests := []struct {
		args    []string
		code    int
		message string
	}{
		{[]string{"verslag", "--sessie", "99", "--uit", pdfPath}, 1, "gesprek 99: niet gevonden"},
		{[]string{"verslag", "--uit", pdfPath}, 2, "geef met --sessie ID aan van welk gesprek het verslag is"},
		{[]string{"verslag", "--sessie", "1"}, 2, "geef met --uit BESTAND.pdf aan"},
		{[]string{"verslag", "--sessie", "1", "--taal", "ar", "--uit", pdfPath}, 2, `in het Nederlands (nl) of het Engels (en), niet in "ar"`},
		{[]string{"inzage", "--client", "99", "--uit", zipPath}, 1, "cliënt 99: niet gevonden"},
		{[]string{"inzage", "--uit", zipPath}, 2, "geef met --client ID aan van welke cliënt de inzage is"},
		{[]string{"inzage", "--client", "1"}, 2, "geef met --uit BESTAND.zip aan"},
		{[]string{"inzage", "--klant", "1", "--uit", zipPath}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		code, _, stderr := cli(t, data, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.message) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, stderr, tt.code, tt.message)
		}
	}
	for _, p := range []string{pdfPath, zipPath} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("a failed command left %s", p)
		}
	}
}

// readZip returns a zip's entries by name, checking each is for the user only.
func readZip(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string][]byte{}
	for _, f := range zr.File {
		if f.Mode().Perm() != 0o600 {
			t.Errorf("%s in the zip has mode %v, want 0600", f.Name, f.Mode())
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	return out
}

func TestInzageCommand(t *testing.T) {
	asProfessional(t, "Jan de Vries")
	data := exampleData(t)
	db, err := storage.Open(filepath.Join(data, storage.DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	err = db.SetClientLanguage(1, "ar")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "inzage.zip")
	code, stdout, stderr := cli(t, data, "inzage", "--client", "1", "--uit", out)
	if code != 0 || !strings.Contains(stdout, "gemaakt") {
		t.Fatalf("inzage: %d %q", code, stderr)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("inzage.zip: %v, %v; want mode 0600", info.Mode(), err)
	}
	files := readZip(t, out)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{"gegevens.json", "gesprek-1-plan.pdf", "gesprek-1-verslag.pdf", "gesprek-2-plan.pdf", "gesprek-2-verslag.pdf"}
	if !slices.Equal(names, want) {
		t.Fatalf("zip holds %v, want %v", names, want)
	}

	// Every PDF reads back; the reports mark what the client saw.
	dir := t.TempDir()
	for _, n := range names[1:] {
		p := filepath.Join(dir, n)
		os.WriteFile(p, files[n], 0o600)
		_, text := pdfInfo(t, p)
		text = strings.Join(strings.Fields(text), " ")
		wantText := []string{"Mijn plan", "Samira (voorbeeld)"}
		if strings.HasSuffix(n, "verslag.pdf") {
			wantText = []string{"Gespreksverslag", "cliënt zag dit", "alleen medewerker", "Samen Beslissen " + Version}
		}
		for _, w := range wantText {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", n, w)
			}
		}
	}
	_, text := pdfInfo(t, filepath.Join(dir, "gesprek-2-verslag.pdf"))
	if !strings.Contains(text, "Alleen voor mij: eerst bellen met de buurtmoeder.") {
		t.Error("the follow-up's report lacks its note")
	}

	// The JSON holds the same data.
	var got inzageData
	if err := json.Unmarshal(files["gegevens.json"], &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != inzageFormat || got.Version != Version || got.Client.Name != "Samira (voorbeeld)" || got.Client.Reference != "VB-001" || got.Client.Language != "ar" {
		t.Errorf("gegevens.json: %q %q %+v", got.Format, got.Version, got.Client)
	}
	if len(got.Sessions) != 2 || got.Sessions[1].PreviousID != 1 || got.Sessions[0].Report != "gesprek-1-verslag.pdf" {
		t.Fatalf("gegevens.json sessions: %+v", got.Sessions)
	}
	value := func(s inzageSession, key string) (inzageValue, bool) {
		i := slices.IndexFunc(s.Values, func(v inzageValue) bool { return v.Key == key })
		if i < 0 {
			return inzageValue{}, false
		}
		return s.Values[i], true
	}
	first, second := got.Sessions[0], got.Sessions[1]
	for _, tt := range []struct {
		s         inzageSession
		key, want string
		saw       bool
	}{
		{first, cards.KeyGoal, "Over een jaar werk ik 20 uur per week, dichtbij huis en onder schooltijd.", true},
		{first, cards.KeyNote(cards.StepSituation), "Huurachterstand: met toestemming aanmelden bij schuldhulp.", false},
		{first, cards.KeyFeasible, "Kan, als de opvang na school geregeld is.", false},
		{first, cards.KeyAge, "34", false},
		{first, cards.KeySure(3), "nee", true},
		{first, cards.KeyProWeight("werkervaringsplaats", 1), "3", true},
		{second, cards.KeyReview, "De opvang is geregeld.", true},
		{second, cards.KeyNote(cards.StepEvaluate), "Alleen voor mij: eerst bellen met de buurtmoeder.", false},
	} {
		v, ok := value(tt.s, tt.key)
		if !ok || v.Value != tt.want || v.ClientSaw != tt.saw {
			t.Errorf("session %d %s = %+v (found %v), want %q, client saw %v", tt.s.ID, tt.key, v, ok, tt.want, tt.saw)
		}
	}
	if _, ok := value(first, cards.KeyReview); ok {
		t.Error("the first session has a review")
	}
	if first.SureScore != 3 || len(first.Agreements) != 2 || first.Agreements[0] != (inzageAgreement{"Samira", "Opvang na school regelen met de buurtmoeder", "1 december"}) {
		t.Errorf("first session: score %d, agreements %+v", first.SureScore, first.Agreements)
	}
	if len(first.Cards) != 3 {
		t.Fatalf("compared cards: %+v", first.Cards)
	}
	c := first.Cards[0]
	if c.ID != "werkervaringsplaats" || c.Title != "Werkervaringsplaats" || !c.Chosen || c.Pros[1].Weight == nil || *c.Pros[1].Weight != 3 || c.ProTotal != 5 {
		t.Errorf("first card: %+v", c)
	}
	if first.Cards[1].Chosen {
		t.Error("the second card is marked chosen")
	}
	// Every field the JSON has is explained in it.
	for _, field := range []string{"client", "gesprekken", "gesprekken[].waarden", "gesprekken[].afspraken", "gesprekken[].vergeleken_kaarten"} {
		if got.Explanation[field] == "" {
			t.Errorf("gegevens.json does not explain %q", field)
		}
	}
}

// TestPrinter_ReportAndExport tests what the window's buttons call: the
// files go into the storage folder's afdrukken/, for the user only.
func TestPrinter_ReportAndExport(t *testing.T) {
	asProfessional(t, "Jan de Vries")
	data := exampleData(t)
	db, err := storage.Open(filepath.Join(data, storage.DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cat, err := builtIn()
	if err != nil {
		t.Fatal(err)
	}
	files := filepath.Join(data, "afdrukken")
	p := printer{db: db, cat: cat, now: func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local) }, files: files}

	path, err := p.PrintReport(1, "nl")
	if err != nil || path != filepath.Join(files, "verslag-1-nl.pdf") {
		t.Fatalf("PrintReport: %q, %v", path, err)
	}
	_, text := pdfInfo(t, path)
	if !strings.Contains(text, "Afgedrukt op 23-11-2026 door Jan de Vries") {
		t.Error("the printed report lacks its footer")
	}
	zipPath, err := p.ExportClient(1)
	if err != nil || zipPath != filepath.Join(files, "inzage-1.zip") {
		t.Fatalf("ExportClient: %q, %v", zipPath, err)
	}
	if n := len(readZip(t, zipPath)); n != 5 {
		t.Errorf("the export holds %d files, want 5", n)
	}
	for _, f := range []string{path, zipPath} {
		if info, err := os.Stat(f); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", f, info.Mode(), err)
		}
	}
	if _, err := p.ExportClient(99); err == nil || !strings.Contains(err.Error(), "cliënt 99: niet gevonden") {
		t.Errorf("ExportClient(99): %v", err)
	}
}
