package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// noSpace drops the spaces and line breaks pdftotext puts in text.
func noSpace(s string) string { return strings.Join(strings.Fields(s), "") }

// A BSN typed into the goal, or any other text the plan prints, is not on
// the plan; the text around it is, and the session is left as it was.
func TestWritePlan_NoBSN(t *testing.T) {
	for _, lang := range []string{"nl", "ar"} {
		t.Run(lang, func(t *testing.T) {
			p := examplePlan(t, lang)
			p.Session.Goal = "Werk vinden. BSN 123456782, zei ze."
			p.Session.SubGoals = "Formulier met 111.222.333 invullen\nSolliciteren"
			p.Session.Why = "Mijn nummer 1234.56.782 staat op de brief."
			p.Session.NextAppointment = "Dinsdag 16 december, neem 987 654 305 mee"
			p.Session.Agreements = append(p.Session.Agreements, cards.Agreement{Who: "987654305", What: "Bellen met 123-456-782", Due: "1 mei"})
			p.Client.Name = "Samira 123456782"
			var buf bytes.Buffer
			if err := WritePlan(&buf, p); err != nil {
				t.Fatal(err)
			}
			text := noSpace(pdfText(t, buf.Bytes()))
			for _, bsn := range []string{"123456782", "111.222.333", "1234.56.782", "987654305", "123-456-782"} {
				if strings.Contains(text, bsn) {
					t.Errorf("the plan shows %s", bsn)
				}
			}
			if lang == "nl" {
				for _, want := range []string{"Werkvinden.BSN,zeize.", "Formuliermetinvullen", "Mijnnummerstaatopdebrief.", "Bellenmet", "Samira"} {
					if !strings.Contains(text, want) {
						t.Errorf("plan lacks %q", want)
					}
				}
			}
			if p.Session.Goal != "Werk vinden. BSN 123456782, zei ze." || p.Session.Agreements[2].Who != "987654305" {
				t.Error("printing changed the session")
			}
		})
	}
}

// The overview's only typed text, the client's name, has no BSN either.
func TestWriteOverview_NoBSN(t *testing.T) {
	p := examplePlan(t, "nl")
	var buf bytes.Buffer
	if err := WriteOverview(&buf, Overview{Options: p.Session.Options, Weighed: true, Client: "Samira 123456782", Context: p.Context}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	if strings.Contains(noSpace(text), "123456782") || !strings.Contains(text, "Samira") {
		t.Errorf("overview title: %q", text[:min(len(text), 200)])
	}
}
