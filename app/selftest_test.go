package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// TestSelfTest runs zelftest on a fresh machine and on installations with
// one thing wrong each, and reads what it says as IT would.
func TestSelfTest(t *testing.T) {
	tests := []struct {
		name    string
		breakIt func(t *testing.T, data string, st *selfTest)
		want    string // the line that names the problem; "" for none
		fails   int    // how many parts fail
	}{
		{"fresh", func(*testing.T, string, *selfTest) {}, "", 0},
		{"damaged database", func(t *testing.T, data string, st *selfTest) {
			os.MkdirAll(data, 0o700)
			os.WriteFile(st.dbPath, []byte("dit is geen database, maar een brief"), 0o600)
		}, "✗ Database: " + "DATA/samenbeslissen.db", 1},
		{"unreadable catalogue", func(t *testing.T, data string, st *selfTest) {
			os.MkdirAll(data, 0o700)
			os.WriteFile(storage.NewCatalogueFile(data).Path, []byte("[[instrument]\nkapot"), 0o600)
		}, "✗ Catalogus: De catalogus van de gemeente kan niet gelezen worden", 1},
		{"font absent", func(t *testing.T, data string, st *selfTest) {
			st.font = func(name string) ([]byte, bool) {
				if name == "NotoSansArabic-Bold" {
					return nil, false
				}
				return assets.Font(name)
			}
		}, "✗ Lettertypen: NotoSansArabic-Bold.ttf ontbreekt", 1},
		{"catalogue share missing", func(t *testing.T, data string, st *selfTest) {
			st.mun = &municipal{Path: "gemeente.toml", Catalogue: "/mnt/gemeente-fs01/samenbeslissen/catalogus.xlsx"}
		}, "✗ Gedeelde catalogus: /mnt/gemeente-fs01/samenbeslissen/catalogus.xlsx bestaat niet", 1},
		{"settings file with a mistake", func(t *testing.T, data string, st *selfTest) {
			_, st.munErr = parseMunicipal("gemeente.toml", []byte("taal = \"xx\"\n"))
		}, `✗ Instellingen van de gemeente: instellingen van de gemeente in gemeente.toml: taal "xx" ken ik niet`, 1},
		{"data folder is a file", func(t *testing.T, data string, st *selfTest) {
			os.WriteFile(data, []byte("geen map"), 0o600)
		}, "✗ Opslagmap: in DATA kan de app niet schrijven", 4}, // and the database, backups and catalogue in it
	}
	for _, tt := range tests {
		data := filepath.Join(t.TempDir(), "gegevens")
		dbPath := filepath.Join(data, storage.DatabaseFileName)
		st := selfTest{dataDir: data, dbPath: dbPath, store: newCatalogueStore(data), font: assets.Font}
		tt.breakIt(t, data, &st)
		var out strings.Builder
		code := st.run(&out)
		report := strings.ReplaceAll(out.String(), data, "DATA")
		if tt.want == "" {
			if code != 0 || !strings.Contains(report, "Alles werkt.") || strings.Contains(report, "✗") {
				t.Errorf("%s: exit %d:\n%s", tt.name, code, report)
			}
			if _, err := os.Stat(data); err == nil {
				t.Errorf("%s: the self-test made %s", tt.name, data)
			}
			continue
		}
		if code != 1 || !strings.Contains(report, tt.want) || !strings.Contains(report, fmt.Sprintf("Er is iets mis (%d van de", tt.fails)) {
			t.Errorf("%s: exit %d, want 1 and %q:\n%s", tt.name, code, tt.want, report)
		}
	}
}

// TestSelfTest_Contact reads what zelftest says about whom the client can
// call: a remark (not a failure) when plans would go out with no one and
// no phone number, and who it is when set on the laptop or by the
// municipality's settings file.
func TestSelfTest_Contact(t *testing.T) {
	tests := []struct {
		name  string
		setUp func(t *testing.T, dbPath string, st *selfTest)
		want  string
	}{
		{"fresh", func(*testing.T, string, *selfTest) {}, "! Bellen vanaf het plan: op het plan van de cliënt staat niemand om te bellen en geen telefoonnummer. Vul bij Gegevens > Instellingen"},
		{"municipality without contact", func(t *testing.T, dbPath string, st *selfTest) {
			st.mun = &municipal{Path: "gemeente.toml", Org: cards.Organisation{Name: "Gemeente Voorbeeld"}}
		}, "! Bellen vanaf het plan: op het plan van de cliënt staat niemand om te bellen en geen telefoonnummer. Vul bij Gegevens > Instellingen je naam en telefoonnummer in, of bij Catalogus > Gemeente op de afdrukken een contactpersoon en telefoon, of zet contact en telefoon in gemeente.toml."},
		{"professional set", func(t *testing.T, dbPath string, st *selfTest) {
			db, err := storage.Open(dbPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SetProfessional("Jan de Vries", "06 1234 5678"); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, "✓ Bellen vanaf het plan: Jan de Vries 06 1234 5678"},
		{"municipality's phone", func(t *testing.T, dbPath string, st *selfTest) {
			st.mun = &municipal{Path: "gemeente.toml", Org: cards.Organisation{Name: "Gemeente Voorbeeld", Phone: "14 026"}}
		}, "✓ Bellen vanaf het plan: 14 026"},
	}
	for _, tt := range tests {
		data := filepath.Join(t.TempDir(), "gegevens")
		dbPath := filepath.Join(data, storage.DatabaseFileName)
		st := selfTest{dataDir: data, dbPath: dbPath, store: newCatalogueStore(data), font: assets.Font}
		tt.setUp(t, dbPath, &st)
		var out strings.Builder
		code := st.run(&out)
		if code != 0 || !strings.Contains(out.String(), tt.want) {
			t.Errorf("%s: exit %d, want 0 and %q:\n%s", tt.name, code, tt.want, out.String())
		}
	}
}

// TestSelfTest_Command runs the command as IT types it.
func TestSelfTest_Command(t *testing.T) {
	var out, errOut strings.Builder
	if code := run([]string{"--data", t.TempDir(), "zelftest"}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "Alles werkt.") {
		t.Errorf("zelftest: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := run([]string{"versie"}, &out, &errOut); code != 0 || out.String() != "Samen Beslissen "+Version+"\n" {
		t.Errorf("versie: exit %d, %q", code, out.String())
	}
}

// TestWindow_SelfTest runs the self-test from the Gegevens menu, as the
// professional or IT does on the laptop, and reads its report.
func TestWindow_SelfTest(t *testing.T) {
	wa := openWindow(t, t.TempDir())
	c := wa.w.Canvas()
	tapButton(t, c, "Gegevens")
	tapMenuItem(t, c, "Zelftest: werkt alles?")
	if got := shown(c) + labels(c); !strings.Contains(got, "✓ Database:") || !strings.Contains(got, "Alles werkt.") {
		t.Errorf("the self-test's report is not shown: %s", got)
	}
}

// TestWindow_FixedOrganisation opens the municipality's dialog when the
// settings file fixes it: shown, with where to change it, and no fields.
func TestWindow_FixedOrganisation(t *testing.T) {
	dir := writeSettings(t, "naam = \"Gemeente Voorbeeld\"\ncontact = \"Team Werk\"\n")
	m, err := loadMunicipal([]string{filepath.Join(dir, MunicipalFileName)})
	if err != nil {
		t.Fatal(err)
	}
	wa := openWindowWith(t, t.TempDir(), m)
	c := wa.w.Canvas()
	entries := func() (n int) {
		for _, o := range objects(c) {
			if _, ok := o.(interface{ SetPlaceHolder(string) }); ok { // an Entry, or a widget made of one
				n++
			}
		}
		return n
	}
	before := entries()
	tapButton(t, c, "Catalogus")
	tapMenuItem(t, c, "Gemeente op de afdrukken…")
	got := shown(c) + labels(c)
	if !strings.Contains(got, "vastgelegd voor de hele gemeente, in "+m.Path) || !strings.Contains(got, "Gemeente: Gemeente Voorbeeld") {
		t.Errorf("the fixed municipality is not shown as such: %s", got)
	}
	if entries() != before {
		t.Error("the dialog lets the municipality be typed over")
	}
}

// tapMenuItem taps the item of an open menu whose text is label.
func tapMenuItem(t *testing.T, c fyne.Canvas, label string) {
	t.Helper()
	for _, o := range objects(c) {
		tap, ok := o.(fyne.Tappable)
		w, isWidget := o.(fyne.Widget)
		if !ok || !isWidget {
			continue
		}
		for _, child := range test.WidgetRenderer(w).Objects() {
			if text, ok := child.(*canvas.Text); ok && text.Text == label {
				test.Tap(tap)
				return
			}
		}
	}
	t.Fatalf("no menu item %q on screen: %s", label, shown(c))
}

// labels is the whole text of every label on the canvas, dialogs included.
func labels(c fyne.Canvas) string {
	var parts []string
	for _, o := range objects(c) {
		if l, ok := o.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, "\n")
}
