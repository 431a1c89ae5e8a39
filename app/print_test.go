package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/storage"
)

// pdfInfo runs pdfinfo and pdftotext (poppler-utils) on a PDF file.
func pdfInfo(t *testing.T, path string) (pages int, text string) {
	t.Helper()
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, l := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(l, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return pages, string(out)
}

func TestPrintCommands(t *testing.T) {
	data, out := t.TempDir(), t.TempDir()
	if code, stdout, stderr := cli(t, data, "voorbeeld"); code != 0 || !strings.Contains(stdout, "gesprek 1") {
		t.Fatalf("voorbeeld: %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := cli(t, data, "gemeente", "--naam", "Gemeente Voorbeeld", "--contact", "Jan de Vries", "--telefoon", "14 026"); code != 0 {
		t.Fatalf("gemeente: %s", stderr)
	}
	tests := []struct {
		args  []string
		pages int
		want  []string
	}{
		{[]string{"plan", "--sessie", "1"}, 0, []string{"Mijn plan", "Samira", "Werkervaringsplaats", "Jan de Vries", "Dit hebben we samen besloten."}},
		{[]string{"plan", "--sessie", "1", "--taal", "en"}, 0, []string{"My plan", "We decided this together."}},
		// Two languages: each heading in English with the Dutch beneath;
		// what was typed only once.
		{[]string{"plan", "--sessie", "1", "--taal", "en", "--tweetalig"}, 0, []string{"My plan", "Mijn plan", "My goal", "Mijn doel", "We decided this together.", "Dit hebben we samen besloten."}},
		{[]string{"overzicht", "--sessie", "1"}, 0, []string{"Keuzes naast elkaar", "Werkervaringsplaats", "punten"}},
		{[]string{"overzicht", "--kaarten", "schuldhulpverlening,taalcursus-nederlands", "--leeg"}, 0, []string{"Schuldhulpverlening", "Tel de rondjes"}},
		{[]string{"kaarten", "--kaarten", "schuldhulpverlening,jobhunting,open-hiring,leerwerkstage,sollicitatietraining", "--afloop=false"}, 4, []string{"Gemeente Voorbeeld", "Voordelen"}},
		{[]string{"kaarten", "--kaarten", "schuldhulpverlening,jobhunting,open-hiring", "--formaat", "a7", "--papier", "a3"}, 2, []string{"Schuldhulpverlening"}},
		{[]string{"kaarten", "--kaarten", "schuldhulpverlening,jobhunting", "--vouw", "--afloop=false"}, 1, []string{"Schuldhulpverlening", "Voordelen"}},
		{[]string{"kaarten", "--kaarten", "schuldhulpverlening", "--achterkant", "gedeeld", "--verschuiving", "0.5,-0.5"}, 2, []string{"Samen beslissen"}},
	}
	for i, tt := range tests {
		path := filepath.Join(out, strconv.Itoa(i)+".pdf")
		code, stdout, stderr := cli(t, data, append(tt.args, "--uit", path)...)
		if code != 0 || !strings.Contains(stdout, "gemaakt") {
			t.Errorf("%v: %d %q", tt.args, code, stderr)
			continue
		}
		pages, text := pdfInfo(t, path)
		if tt.pages > 0 && pages != tt.pages {
			t.Errorf("%v: %d pages, want %d", tt.args, pages, tt.pages)
		}
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%v: PDF lacks %q", tt.args, w)
			}
		}
	}
}

func TestPrintCommands_Errors(t *testing.T) {
	data := t.TempDir()
	path := filepath.Join(data, "x.pdf")
	tests := []struct {
		args    []string
		message string
	}{
		{[]string{"plan", "--sessie", "99", "--uit", path}, "gesprek 99: niet gevonden"},
		{[]string{"plan", "--uit", path}, "--sessie ID"},
		{[]string{"kaarten", "--papier", "a5", "--uit", path}, `papier "a5" ken ik niet`},
		{[]string{"kaarten", "--kaarten", "bestaat-niet", "--uit", path}, `kaart "bestaat-niet" staat niet in de catalogus`},
		{[]string{"kaarten", "--verschuiving", "veel", "--uit", path}, "verschuiving"},
		{[]string{"gemeente", "--logo", filepath.Join(data, "weg.png")}, "kan niet gelezen worden"},
	}
	for _, tt := range tests {
		code, _, stderr := cli(t, data, tt.args...)
		if code == 0 || !strings.Contains(stderr, tt.message) {
			t.Errorf("%v: exit %d, %q; want %q", tt.args, code, stderr, tt.message)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a failed command left a PDF")
	}
}

// TestPlan_ClientLanguage: without --taal the plan and the overview of a
// conversation are in the language kept with its client, a follow-up's
// too; --taal still chooses.
func TestPlan_ClientLanguage(t *testing.T) {
	data := exampleData(t)
	db, err := storage.Open(filepath.Join(data, storage.DatabaseFileName))
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Session(1)
	if err == nil {
		err = db.SetClientLanguage(s.ClientID, "tr")
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args       []string
		want, lack string
	}{
		{[]string{"plan", "--sessie", "1"}, "Planım", "Mijn plan"},
		{[]string{"plan", "--sessie", "2"}, "Planım", "Mijn plan"}, // the follow-up
		{[]string{"plan", "--sessie", "1", "--taal", "nl"}, "Mijn plan", "Planım"},
		{[]string{"overzicht", "--sessie", "1"}, "Seçenekler yan yana", "Keuzes naast elkaar"},
	}
	for i, tt := range tests {
		out := filepath.Join(data, strconv.Itoa(i)+".pdf")
		if code, _, stderr := cli(t, data, append(tt.args, "--uit", out)...); code != 0 {
			t.Errorf("%v: %s", tt.args, stderr)
			continue
		}
		_, text := pdfInfo(t, out)
		if !strings.Contains(text, tt.want) || strings.Contains(text, tt.lack) {
			t.Errorf("%v: the PDF lacks %q or has %q:\n%s", tt.args, tt.want, tt.lack, text)
		}
	}
}
