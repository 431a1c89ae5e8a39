package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

var testDate = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// examplePlan is a filled-in plan in lang, with the cards in that language.
func examplePlan(t testing.TB, lang string) Plan {
	t.Helper()
	tr, err := locales.New(lang)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := cards.ParseTOML("catalogus.toml", assets.Catalogue())
	if err != nil {
		t.Fatal(err)
	}
	cat := cards.NewCatalogue(cs)
	translations, _ := assets.CardTranslations(lang)
	s := cards.NewSession()
	s.Goal = "Over een jaar werk ik 20 uur per week, dichtbij huis en onder schooltijd."
	s.SubGoals = "Opvang regelen\nWerkervaring opdoen\nSolliciteren"
	for _, id := range []string{"werkervaringsplaats", "kinderopvang-regelen"} {
		c, _ := cat.Card(id)
		if tc, ok := translations.Apply(c); ok {
			c = tc
		}
		o := cards.NewOption(c)
		for i := range o.ProWeights {
			o.ProWeights[i] = i % 4
		}
		s.Options = append(s.Options, o)
	}
	s.Decision = "werkervaringsplaats"
	s.Why = "Dan doe ik weer ervaring op. En ik kan het doen als de kinderen op school zijn."
	s.Agreements = []cards.Agreement{
		{Who: "Samira", What: "Opvang na school regelen met de buurtmoeder", Due: "1 december"},
		{Who: "Klantmanager", What: "Een werkervaringsplaats in de buurt zoeken", Due: "12 december"},
	}
	s.NextAppointment = "Dinsdag 16 december, 10.00 uur, stadskantoor"
	s.Notes[2] = "GEHEIME NOTITIE VAN DE KLANTMANAGER"
	return Plan{
		Client:  cards.Client{Name: "Samira El Amrani"},
		Session: s,
		Context: Context{
			Org:  cards.Organisation{Name: "Gemeente Voorbeeld", Contact: "Jan de Vries", Phone: "14 026"},
			Lang: lang,
			RTL:  lang == "ar",
			T:    tr.T,
			Date: testDate,
		},
	}
}

// pdfText runs pdftotext (poppler-utils) on a PDF.
func pdfText(t testing.TB, data []byte, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, data, 0o600)
	out, err := exec.Command("pdftotext", append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestWritePlan_Dutch(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePlan(&buf, examplePlan(t, "nl")); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{"Mijn plan", "Samira El Amrani", "Mijn doel", "Over een jaar werk ik 20 uur", "Werkervaringsplaats",
		"Waarom ik dit kies", "Opvang na school regelen", "Volgende afspraak", "Jan de Vries", "Dit hebben we samen besloten."} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q", want)
		}
	}
	if strings.Contains(text, "GEHEIME NOTITIE") {
		t.Error("the plan shows a professional note")
	}
}
