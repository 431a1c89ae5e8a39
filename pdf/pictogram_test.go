package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
)

func TestParsePath(t *testing.T) {
	got, err := parsePath("M10 20 H30 V40 L5,6 Q1 2 3 4 Z")
	if err != nil {
		t.Fatal(err)
	}
	want := []pathOp{{'M', []float64{10, 20}}, {'L', []float64{30, 20}}, {'L', []float64{30, 40}}, {'L', []float64{5, 6}}, {'Q', []float64{1, 2, 3, 4}}, {'Z', []float64{}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parsePath = %v, want %v", got, want)
	}
	for _, bad := range []string{"M10", "A 1 1 0 0 1 2 2", "M1 x"} {
		if _, err := parsePath(bad); err == nil {
			t.Errorf("parsePath(%q) accepted", bad)
		}
	}
}

// TestPictograms_EveryOneParses: every pictogram the catalogue may name is
// drawn from shapes, none of them empty.
func TestPictograms_EveryOneParses(t *testing.T) {
	for _, name := range cards.Pictograms {
		shapes, err := pictogramShapesOf(name)
		if err != nil || len(shapes) == 0 {
			t.Errorf("%s: %d shapes, %v", name, len(shapes), err)
		}
	}
	if _, ok := assets.Pictogram(assets.FallbackPictogram); !ok {
		t.Error("no fallback pictogram")
	}
}

// TestPictograms_NoImages: a plan and a deck carry their pictograms as
// vector shapes; pdfimages finds no image in them.
func TestPictograms_NoImages(t *testing.T) {
	var plan, deck bytes.Buffer
	if err := WritePlan(&plan, examplePlan(t, "nl")); err != nil {
		t.Fatal(err)
	}
	if err := WriteDeck(&deck, exampleDeck(t, "nl", 6)); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"plan": plan.Bytes(), "deck": deck.Bytes()} {
		f := t.TempDir() + "/" + name + ".pdf"
		if err := os.WriteFile(f, data, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdfimages", "-list", f).Output()
		if err != nil {
			t.Fatal(err)
		}
		if lines := strings.Split(strings.TrimSpace(string(out)), "\n"); len(lines) > 2 {
			t.Errorf("the %s holds images:\n%s", name, out)
		}
	}
}
