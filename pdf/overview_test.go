package pdf

import (
	"bytes"
	"strings"
	"testing"
)

func TestWriteOverview(t *testing.T) {
	for _, weighed := range []bool{true, false} {
		p := examplePlan(t, "nl")
		var buf bytes.Buffer
		err := WriteOverview(&buf, Overview{Options: p.Session.Options, Weighed: weighed, Client: "Samira", Context: p.Context})
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, buf.Bytes(), "-layout")
		for _, want := range []string{"Keuzes naast elkaar", "Wat is het?", "Voordelen", "Nadelen", "Wat weten we", "Werkervaringsplaats", "Kinderopvang regelen"} {
			if !strings.Contains(text, want) {
				t.Errorf("weighed=%v: overview lacks %q", weighed, want)
			}
		}
		if weighed != strings.Contains(text, "punten") {
			t.Errorf("weighed=%v: totals shown = %v", weighed, !weighed)
		}
	}
}
