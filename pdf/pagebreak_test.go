package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// TestWritePlan_EndNotAlone lengthens the plan a line at a time, so that
// somewhere its end (whom to call, and that it was decided together) falls
// just over the page, and reads every version back: the last page always
// holds some of the plan itself, and the end is never torn over two pages.
func TestWritePlan_EndNotAlone(t *testing.T) {
	for _, two := range []bool{false, true} {
		for n := 0; n <= 24; n++ {
			p := examplePlan(t, "nl")
			if two {
				p = examplePlan(t, "ar")
				p.RTL = true
				p.Dutch = examplePlan(t, "nl").T
			}
			for i := range n {
				p.Session.SubGoals += fmt.Sprintf("\nStap %d", i+1)
			}
			var buf bytes.Buffer
			if err := WritePlan(&buf, p); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, buf.Bytes())
			pages := strings.Split(text, "\f")
			pages = pages[:len(pages)-1]
			last := pages[len(pages)-1]
			end := []string{p.T("plan.questions"), contactLine(p.T, p.Org), p.T("plan.together"), p.T("plan.page", map[string]any{"N": len(pages)})}
			if p.Dutch != nil {
				end = append(end, p.Dutch("plan.questions"), contactLine(p.Dutch, p.Org), p.Dutch("plan.together"))
			}
			rest := bareText(last)
			for _, e := range end {
				rest = strings.ReplaceAll(rest, bareText(e), "")
			}
			if len(pages) > 1 && rest == "" {
				t.Errorf("two languages %v, %d more steps: the last page holds only the plan's end:\n%s", two, n, last)
			}
			if len(pages) > 1 && !strings.Contains(bareText(last), bareText(p.T("plan.together"))) {
				t.Errorf("two languages %v, %d more steps: the end is torn over the pages", two, n)
			}
			for i, page := range pages[:len(pages)-1] {
				if h := lastHeading(p, page); h != "" {
					t.Errorf("two languages %v, %d more steps: page %d ends with the heading %q", two, n, i+1, h)
				}
			}
			for _, want := range []string{fmt.Sprintf("Stap %d", n), p.Session.NextAppointment} {
				if n > 0 && !strings.Contains(text, want) {
					t.Errorf("two languages %v, %d more steps: %q is missing", two, n, want)
				}
			}
		}
	}
}

// TestWritePlan_TableHeaderRepeats gives the plan more agreements than fit
// on a page: every page the table goes on to starts with its header again.
func TestWritePlan_TableHeaderRepeats(t *testing.T) {
	p := examplePlan(t, "nl")
	p.Session.Agreements = nil
	for i := range 40 {
		p.Session.Agreements = append(p.Session.Agreements, cards.Agreement{Who: "Samira", What: fmt.Sprintf("Afspraak nummer %d", i+1), Due: "1 december"})
	}
	var buf bytes.Buffer
	if err := WritePlan(&buf, p); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(pdfText(t, buf.Bytes()), "\f")
	seen := 0
	for i, page := range pages {
		if !strings.Contains(page, "Afspraak nummer") {
			continue
		}
		seen++
		for _, h := range []string{"Wie", "Doet wat", "Voor wanneer"} {
			if !strings.Contains(page, h) {
				t.Errorf("page %d has agreements but no header %q", i+1, h)
			}
		}
		if first, header := strings.Index(page, "Afspraak nummer"), strings.Index(page, "Doet wat"); header > first {
			t.Errorf("page %d: the header comes after the first agreement", i+1)
		}
	}
	if seen < 2 {
		t.Fatalf("the agreements are on %d pages; the test needs them on more", seen)
	}
}

// bareText is text as pdftotext gives it back, to compare: shaped letters
// as letters, without spaces and punctuation, which it moves about in
// right-to-left lines, and without invisible characters, which it adds.
func bareText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || textdir.Invisible(r) {
			return -1
		}
		return r
	}, normalizeArabic(norm.NFKC.String(s)))
}

// TestWriteReport_TableHeaderRepeats gives the report more agreements than
// fit on a page: the table's header comes again on the next page.
func TestWriteReport_TableHeaderRepeats(t *testing.T) {
	r := exampleReport(t, "nl")
	r.Session.Agreements = nil
	for i := range 90 {
		r.Session.Agreements = append(r.Session.Agreements, cards.Agreement{Who: "Samira", What: fmt.Sprintf("Afspraak nummer %d", i+1), Due: "1 december"})
	}
	checkHeaderOnEveryPage(t, writeReport(t, r), "Afspraak nummer", []string{r.T("agreement.who"), r.T("agreement.what"), r.T("agreement.due")})
}

// TestWriteFigures_TableHeaderRepeats gives a table of the figures more
// rows than fit on a page: its header comes again on the next.
func TestWriteFigures_TableHeaderRepeats(t *testing.T) {
	table := cards.FigureTable{Title: "Talen", Intro: "Per taal.", Header: []string{"Taal", "Plannen", "Cliënten"}, BarCell: -1}
	for i := range 90 {
		table.Rows = append(table.Rows, cards.FigureRow{Labels: []string{fmt.Sprintf("Rij %d", i+1)}, Cells: []cards.Cell{{N: 10 + i}, {N: 20 + i}}})
	}
	var buf bytes.Buffer
	err := WriteFigures(&buf, Figures{Report: cards.FiguresReport{Threshold: 5, Clients: cards.Cell{N: 100}, Tables: []cards.FigureTable{table}}, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	checkHeaderOnEveryPage(t, buf.Bytes(), "Rij ", []string{"Taal", "Plannen", "Cliënten"})
}

// checkHeaderOnEveryPage reads a PDF back: every page that holds rows
// (which have row in them) has the header, before the first row.
func checkHeaderOnEveryPage(t *testing.T, data []byte, row string, header []string) {
	t.Helper()
	seen := 0
	for i, page := range strings.Split(pdfText(t, data), "\f") {
		first := strings.Index(page, row)
		if first < 0 {
			continue
		}
		seen++
		for _, h := range header {
			if at := strings.Index(page, h); at < 0 || at > first {
				t.Errorf("page %d has rows but not the header %q before them", i+1, h)
			}
		}
	}
	if seen < 2 {
		t.Fatalf("the rows are on %d pages; the test needs them on more", seen)
	}
}

// lastHeading returns the heading a page ends with, if it does: the last
// line above the page number is a section's heading, or its Dutch.
func lastHeading(p Plan, page string) string {
	var lines []string
	for _, l := range strings.Split(page, "\n") {
		if bareText(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) < 2 {
		return ""
	}
	last := bareText(lines[len(lines)-2]) // the last is the page number
	for _, id := range []string{"plan.goal", "plan.choice", "plan.why", "plan.agreements", "plan.next", "plan.questions"} {
		for _, tr := range []Translate{p.T, p.Dutch} {
			if tr != nil && last == bareText(tr(id)) {
				return tr(id)
			}
		}
	}
	return ""
}
