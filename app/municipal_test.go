package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

func TestMunicipalPaths(t *testing.T) {
	env := func(k string) string { return map[string]string{"PROGRAMDATA": `C:\ProgramData`}[k] }
	tests := map[string]string{
		"windows": filepath.Join(`C:\ProgramData`, "SamenBeslissen", "gemeente.toml"),
		"linux":   "/etc/samenbeslissen/gemeente.toml",
		"darwin":  "/Library/Application Support/SamenBeslissen/gemeente.toml",
	}
	for goos, want := range tests {
		got := municipalPaths(goos, "/opt/sb", env)
		if len(got) != 2 || got[0] != "/opt/sb/gemeente.toml" || got[1] != want {
			t.Errorf("%s: %v, want next to the program, then %s", goos, got, want)
		}
	}
}

// writeSettings places a settings file as IT would, with a logo and a
// catalogue beside it, and returns its folder.
func writeSettings(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "logo.png"), assets.Icon, 0o644)
	os.WriteFile(filepath.Join(dir, MunicipalFileName), []byte(text), 0o644)
	return dir
}

func TestLoadMunicipal(t *testing.T) {
	dir := writeSettings(t, "naam = \"Gemeente Voorbeeld\"\ncontact = \"Team Werk\"\ntelefoon = \"14 026\"\nlogo = \"logo.png\"\nkleur = \"#1F5FAF\"\ntaal = \"ar\"\ncatalogus = 'catalogus.xlsx'\n")
	m, err := loadMunicipal([]string{filepath.Join(t.TempDir(), "nergens.toml"), filepath.Join(dir, MunicipalFileName)})
	if err != nil || m == nil {
		t.Fatalf("%v, %v", m, err)
	}
	if m.Org.Colour == nil || *m.Org.Colour != (cards.RGB{0x1F, 0x5F, 0xAF}) {
		t.Errorf("colour %v", m.Org.Colour)
	}
	if m.Org.Name != "Gemeente Voorbeeld" || m.Org.Phone != "14 026" || len(m.Org.Logo) == 0 || m.Language != "ar" || m.Catalogue != filepath.Join(dir, "catalogus.xlsx") {
		t.Errorf("read %+v", m)
	}
	if m, err := loadMunicipal([]string{filepath.Join(t.TempDir(), "nergens.toml")}); m != nil || err != nil {
		t.Errorf("no file: %v, %v", m, err)
	}
	for text, want := range map[string]string{
		"naam = \"X\"\nkleuren = \"#123456\"\n": `onbekende instelling "kleuren"`,
		"taal = \"xx\"\n":                       `taal "xx" ken ik niet`,
		"logo = \"gemeente.toml\"\n":            "alleen PNG of JPEG",
		"naam = \"X\n":                          "geen geldige TOML",
	} {
		dir := writeSettings(t, text)
		_, err := loadMunicipal([]string{filepath.Join(dir, MunicipalFileName)})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "ICT-afdeling") {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

// TestSharedCatalogue loads the municipality's shared catalogue at start:
// a good file becomes the catalogue in use; a bad one leaves the last good
// one in use, and the professional is told once per version of the file.
func TestSharedCatalogue(t *testing.T) {
	data := t.TempDir()
	share := filepath.Join(t.TempDir(), "catalogus.toml")
	good := strings.Replace(string(assets.Catalogue()), `titel = "Brede intake (leefgebiedenscan)"`, `titel = "Brede intake van de gemeente"`, 1)
	os.WriteFile(share, []byte(good), 0o644)
	// start loads the shared catalogue as each start of the app does.
	start := func() (*cards.Catalogue, string, error) {
		store := newCatalogueStore(data)
		store.loadShared(share)
		return store.current()
	}
	cat, notice, err := start()
	if err != nil || notice != "" {
		t.Fatalf("a good shared catalogue: %v, %q", err, notice)
	}
	if c, _ := cat.Card("brede-intake-leefgebieden"); c.Title != "Brede intake van de gemeente" {
		t.Fatalf("the shared catalogue is not in use: %q", c.Title)
	}
	// IT saves a file with a mistake.
	os.WriteFile(share, []byte("[[instrument]]\nid = \"kapot\"\n"), 0o644)
	for i, wantNotice := range []bool{true, false} {
		cat, notice, err = start()
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := cat.Card("brede-intake-leefgebieden"); c.Title != "Brede intake van de gemeente" {
			t.Errorf("start %d: the last good catalogue is not in use", i+1)
		}
		if got := strings.Contains(notice, "kan niet geladen worden. De app gebruikt de vorige goede catalogus"); got != wantNotice {
			t.Errorf("start %d: told %v, want %v: %q", i+1, got, wantNotice, notice)
		}
	}
	// Another version with a mistake is told again; so is a missing file.
	os.WriteFile(share, []byte("[[instrument]]\nid = \"kapot-2\"\n"), 0o644)
	os.Chtimes(share, time.Now(), time.Now().Add(time.Minute))
	if _, notice, _ = start(); notice == "" {
		t.Error("a new bad version is not told")
	}
	os.Remove(share)
	if _, notice, _ = start(); !strings.Contains(notice, "bestaat niet") {
		t.Errorf("a missing share: %q", notice)
	}
}

// TestMunicipal_FixedOrganisation prints with the municipality the settings
// file fixes, and refuses to change it on the laptop.
func TestMunicipal_FixedOrganisation(t *testing.T) {
	dir := writeSettings(t, "naam = \"Gemeente Voorbeeld\"\ntelefoon = \"14 026\"\n")
	m, err := loadMunicipal([]string{filepath.Join(dir, MunicipalFileName)})
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(filepath.Join(t.TempDir(), storage.DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := printer{db: db, now: time.Now, mun: m}
	if o, _ := p.Organisation(); o.Name != "Gemeente Voorbeeld" {
		t.Errorf("organisation %q", o.Name)
	}
	if err := p.SetOrganisation(cards.Organisation{Name: "Andere gemeente"}); err == nil || !strings.Contains(err.Error(), "vastgelegd door de ICT-afdeling in "+m.Path) {
		t.Errorf("SetOrganisation: %v", err)
	}
	var out, errOut strings.Builder
	if code := runOrganisation(p, []string{"--naam", "Andere gemeente"}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "vastgelegd") {
		t.Errorf("gemeente: exit %d, %q", code, errOut.String())
	}
}

// TestPlan_Professional prints the plan after the professional set their
// name and phone: the client is told to call them.
func TestPlan_Professional(t *testing.T) {
	data := exampleData(t)
	db, err := storage.Open(filepath.Join(data, storage.DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetProfessional("Jan de Vries", "06 1234 5678"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := filepath.Join(data, "plan.pdf")
	if code, _, stderr := cli(t, data, "plan", "--sessie", "1", "--uit", out); code != 0 {
		t.Fatalf("plan: %s", stderr)
	}
	if _, text := pdfInfo(t, out); !strings.Contains(strings.Join(strings.Fields(text), " "), "Bel Jan de Vries, 06 1234 5678.") {
		t.Errorf("the plan does not say whom to call:\n%s", text)
	}
}
