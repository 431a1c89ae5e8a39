package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// exampleReport is the example plan's conversation filled in on every
// step, as a report in lang.
func exampleReport(t testing.TB, lang string) Report {
	t.Helper()
	p := examplePlan(t, "nl")
	tr, err := locales.New(lang)
	if err != nil {
		t.Fatal(err)
	}
	p.T, p.Lang = tr.T, lang
	s := &p.Session
	s.ID, s.Step = 12, 6
	s.Started = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	s.Updated = time.Date(2026, 11, 20, 10, 45, 0, 0, time.UTC)
	s.Expectations = "Ik wil weten welke hulp er is."
	s.Needs = "Een tolk bij het volgende gesprek."
	s.Areas[cards.AreaMoney] = cards.Area{Mark: cards.MarkWorry, Note: "Huurachterstand van drie maanden"}
	s.Areas[cards.AreaHealth] = cards.Area{Mark: cards.MarkGood}
	s.Profile = cards.Profile{Age: 34, WorkExperience: cards.ExperienceSome, Language: cards.LanguageA2}
	s.Recognised = cards.AnswerYes
	s.Drivers[cards.FactorSelfEfficacy] = cards.Driver{Helps: "Mijn zus gelooft in mij", HoldsBack: "Ik ben bang om te falen"}
	s.Drivers[cards.FactorCircumstances] = cards.Driver{HoldsBack: "Geen opvang na school"}
	s.WorkOn = []cards.Factor{cards.FactorSelfEfficacy}
	s.Goals = []cards.Goal{cards.GoalWorkExperience}
	s.Feasible = "Haalbaar als de opvang geregeld is."
	s.Sure = [4]cards.Answer{cards.AnswerYes, cards.AnswerYes, cards.AnswerNo, cards.AnswerYes}
	s.Options[0].ProWeights[0] = 3
	for step := 1; step <= cards.Steps; step++ {
		s.Notes[step] = "Notitie bij stap " + strconv.Itoa(step) + " van de klantmanager."
	}
	return Report{
		Context: p.Context, Client: cards.Client{Name: "Samira El Amrani", Reference: "WI-2026-0042"}, Session: p.Session,
		Professional: "Jan de Vries", Version: "9.8.7",
	}
}

func writeReport(t testing.TB, r Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReport(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// oneLine joins pdftotext's lines, so that a check does not depend on where
// a line was wrapped.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestWriteReport_Dutch(t *testing.T) {
	r := exampleReport(t, "nl")
	data := writeReport(t, r)
	text := oneLine(pdfText(t, data))
	want := []string{
		"Gespreksverslag", "Samira El Amrani", "WI-2026-0042", "nummer 12, begonnen op 20-11-2026",
		"Stap 1 van 7: Voorbereiden en informeren", "Stap 2 van 7: Persoonlijke situatie", "Stap 3 van 7: Drijfveren en beweegredenen",
		"Stap 4 van 7: Doel bepalen", "Stap 5 van 7: Keuzemogelijkheden", "Stap 6 van 7: Samen beslissen", "Stap 7 van 7: Evaluatie",
		"Ik wil weten welke hulp er is.", "Een tolk bij het volgende gesprek.",
		"Geld en schulden", "Zorgen. Huurachterstand van drie maanden", "Gaat goed.",
		"Leeftijd: 34 · werkervaring: weinig · Nederlands: A2",
		"Geloven dat je het kunt (willen) · wil hieraan werken", "Wat helpt: Mijn zus gelooft in mij", "Wat houdt tegen: Geen opvang na school",
		"Over een jaar werk ik 20 uur", "Werkervaring opdoen", "Haalbaar als de opvang geregeld is.", "• Opvang regelen",
		"Werkervaringsplaats", "gewicht 3: heel belangrijk", "niet gewogen", "Kinderopvang regelen",
		"Weet je zeker wat voor jou de beste keuze is? Ja", "Weet je welke voordelen en nadelen voor jou het belangrijkst zijn? Nee",
		"3 van de 4 vragen met ja.", "Besluit Werkervaringsplaats", "Dan doe ik weer ervaring op.",
		"Opvang na school regelen met de buurtmoeder", "12 december", "Dinsdag 16 december, 10.00 uur",
		"De terugblik volgt in een vervolggesprek.",
		"Notitie van de klantmanager (de cliënt ziet dit niet)", "Notitie bij stap 2 van de klantmanager.",
		"Afgedrukt op 23-11-2026 door Jan de Vries · Samen Beslissen 9.8.7", "Bladzijde 1 van",
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	// The options total: pro weights 0,1,2,3… of the example plus the 3 set here.
	o := r.Session.Options[0]
	pros, cons := o.Weighed()
	if total := "Voordelen: " + strconv.Itoa(pros) + " punten. Nadelen: " + strconv.Itoa(cons) + " punten."; !strings.Contains(text, total) {
		t.Errorf("report lacks the totals %q", total)
	}
	// Without the inzage flag, no marks.
	for _, mark := range []string{"cliënt zag dit", "alleen medewerker"} {
		if strings.Contains(text, mark) {
			t.Errorf("the report for the file has the inzage mark %q", mark)
		}
	}
	// Every page has the footer, and they say how many there are.
	n := pages(t, data)
	for i := 1; i <= n; i++ {
		if want := "Bladzijde " + strconv.Itoa(i) + " van " + strconv.Itoa(n); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q", i, want)
		}
	}
	if got := strings.Count(text, "Samen Beslissen 9.8.7"); got != n {
		t.Errorf("the version is in %d footers, want %d", got, n)
	}
}

func TestWriteReport_English(t *testing.T) {
	text := oneLine(pdfText(t, writeReport(t, exampleReport(t, "en"))))
	for _, w := range []string{"Conversation report", "Step 3 of 7: Drivers and motives", "Professional's note", "Printed on 23-11-2026 by Jan de Vries", "Page 1 of"} {
		if !strings.Contains(text, w) {
			t.Errorf("English report lacks %q", w)
		}
	}
}

// TestWriteReport_Inzage checks that each field says whether the client
// saw it: the goal yes, its feasibility and the notes no.
func TestWriteReport_Inzage(t *testing.T) {
	r := exampleReport(t, "nl")
	r.ClientMarks = true
	data := writeReport(t, r)
	text := pdfText(t, data, "-layout")
	for _, tt := range []struct{ field, mark string }{
		{"Doel  ", "cliënt zag dit"},
		{"Is het haalbaar? Wat is ervoor nodig?", "alleen medewerker"},
		{"Notitie van de klantmanager", "alleen medewerker"},
		{"Over de cliënt, om passende kaarten te vinden", "alleen medewerker"},
		{"Wat de cliënt van het gesprek verwacht", "cliënt zag dit"},
		{"Wil werken aan", "cliënt zag dit"},
		{"Drempels in je leven (kunnen)", "alleen medewerker"},
		{"Geloven dat je het kunt (willen)", "cliënt zag dit"},
		{"Afspraken", "cliënt zag dit"},
	} {
		re := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(strings.TrimSpace(tt.field)) + `\s.*` + regexp.QuoteMeta(tt.mark) + `\s*$`)
		if !re.MatchString(text) {
			t.Errorf("%q is not marked %q", tt.field, tt.mark)
		}
	}
	if !strings.Contains(oneLine(text), "Inzage: bij elk gegeven staat of de cliënt het in de app zag") {
		t.Error("the inzage report does not explain its marks")
	}
}

// TestWriteReport_LongText prints a 20,000-character note, a word of 200
// letters and right-to-left text with digits: they flow onto more pages,
// and no two words overlap or leave the page.
func TestWriteReport_LongText(t *testing.T) {
	r := exampleReport(t, "nl")
	short := pages(t, writeReport(t, r))
	var b strings.Builder
	for i := 0; b.Len() < 20_000; i++ {
		b.WriteString("Zin " + strconv.Itoa(i) + " van een lange notitie over de situatie. ")
	}
	r.Session.Notes[2] = b.String() + "EINDE-NOTITIE"
	r.Session.Why = strings.Repeat("x", 200) + " en عمل في روتردام 2026"
	r.Session.Agreements = append(r.Session.Agreements, cards.Agreement{Who: "Samira", What: strings.Repeat("Heel lang verhaal. ", 300), Due: "ooit"})
	data := writeReport(t, r)
	long := pages(t, data)
	if long < short+4 {
		t.Errorf("a 20,000-character note made %d pages, from %d", long, short)
	}
	text := pdfText(t, data)
	for _, w := range []string{"Zin 0 van een lange notitie", "EINDE-NOTITIE", "Bladzijde " + strconv.Itoa(long) + " van " + strconv.Itoa(long)} {
		if !strings.Contains(text, w) {
			t.Errorf("long report lacks %q", w)
		}
	}
	checkNoOverlap(t, data)
}

// checkNoOverlap reads every word's box (pdftotext -bbox) and fails when
// one leaves the page or two overlap.
func checkNoOverlap(t *testing.T, data []byte) {
	t.Helper()
	html := pdfText(t, data, "-bbox")
	pageRe := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe := regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
	type box struct {
		x0, y0, x1, y1 float64
		w              string
	}
	for n, page := range strings.Split(html, "</page>") {
		m := pageRe.FindStringSubmatch(page)
		if m == nil {
			continue
		}
		pw, _ := strconv.ParseFloat(m[1], 64)
		ph, _ := strconv.ParseFloat(m[2], 64)
		var boxes []box
		for _, w := range wordRe.FindAllStringSubmatch(page, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			b := box{f(w[1]), f(w[2]), f(w[3]), f(w[4]), w[5]}
			// pdftotext gives a word the height of its font's whole box,
			// which for Arabic reaches into the lines around it; the
			// letters themselves are in the middle.
			mid, h := (b.y0+b.y1)/2, (b.y1-b.y0)*0.3
			b.y0, b.y1 = mid-h, mid+h
			if b.x0 < 0 || b.y0 < 0 || b.x1 > pw || b.y1 > ph {
				t.Errorf("page %d: %q is off the page at %v", n+1, b.w, b)
			}
			boxes = append(boxes, b)
		}
		const slack = 0.5 // points: glyph boxes of neighbouring lines touch
		for i, a := range boxes {
			for _, b := range boxes[i+1:] {
				if a.x0+slack < b.x1 && b.x0+slack < a.x1 && a.y0+slack < b.y1 && b.y0+slack < a.y1 {
					t.Errorf("page %d: %q and %q overlap", n+1, a.w, b.w)
				}
			}
		}
	}
}
