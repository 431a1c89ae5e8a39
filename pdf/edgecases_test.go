package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// The texts that go wrong, as a client or professional might type them
// (issue 11): a very long note, emoji, control characters and the
// right-to-left override, Arabic with digits, a word too long for any line,
// and nothing at all.
var (
	edgeLongWord = strings.Repeat("Lang", 50) // 200 characters, no space
	edgeLong     = func() string {
		s := strings.Repeat("Ze wil werken, maar de kinderen en het geld maken het moeilijk. ", 400)
		return s[:20_000-len("EINDE")] + "EINDE"
	}()
	edgeEmoji   = "Werk 👩🏽‍💻 en 🙂 ❤️ 🇳🇱 klaar"
	edgeControl = "Begin\u202Eomgekeerd\u202C \x00\x01\x07\x1b\x7f\u200b\u200f\ufeff\u2028tab\there\r\neinde"
	edgeArabic  = "موعدك في 12/12/2026 الساعة 10:30 في الغرفة ٢١٤ مع Jan de Vries (34)"
)

// edgePlan is a plan with every edge case in a field the plan prints.
func edgePlan(t *testing.T, lang string) Plan {
	t.Helper()
	p := examplePlan(t, lang)
	s := &p.Session
	s.Goal = edgeLongWord
	s.SubGoals = edgeEmoji + "\n" + edgeControl + "\n\n" + edgeArabic + "\n" + edgeLongWord
	s.Why = edgeLong
	s.NextAppointment = edgeArabic
	s.Notes[3] = edgeLong
	s.Agreements = []cards.Agreement{
		{Who: edgeArabic, What: edgeLongWord + " " + edgeControl, Due: edgeEmoji},
		{},
		{Who: edgeLongWord, What: strings.Repeat("Een afspraak die heel lang is. ", 200), Due: edgeLongWord},
	}
	p.Client.Name = strings.Repeat("Naam", cards.MaxNameLength/4)
	return p
}

// bboxWord is a word pdftotext -bbox finds, in points from the top left.
type bboxWord struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	bboxPage   = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWordRe = regexp.MustCompile(`<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>`)
)

// checkInsidePages fails on a word drawn (partly) outside its page, and on
// two words on one page whose boxes overlap: text over text.
func checkInsidePages(t *testing.T, data []byte, what string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, data, 0o600)
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	pages := strings.Split(string(out), "<page ")[1:]
	if len(pages) == 0 {
		t.Fatalf("%s: no pages", what)
	}
	const slack = 0.5 // points
	for n, pg := range pages {
		m := bboxPage.FindStringSubmatch("<page " + pg)
		if m == nil {
			t.Fatalf("%s: page %d has no size", what, n+1)
		}
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		var words []bboxWord
		for _, wm := range bboxWordRe.FindAllStringSubmatch(pg, -1) {
			var b [4]float64
			for i := range b {
				b[i], _ = strconv.ParseFloat(wm[i+1], 64)
			}
			words = append(words, bboxWord{n + 1, b[0], b[1], b[2], b[3], wm[5]})
		}
		for _, wd := range words {
			if wd.xMin < -slack || wd.yMin < -slack || wd.xMax > w+slack || wd.yMax > h+slack {
				t.Errorf("%s: page %d: %.30q lies outside the page (%.0f,%.0f)–(%.0f,%.0f) of %.0f×%.0f",
					what, n+1, wd.text, wd.xMin, wd.yMin, wd.xMax, wd.yMax, w, h)
			}
		}
		for i, a := range words {
			for _, b := range words[i+1:] {
				// A little overlap is how glyph boxes touch within a
				// line; text over text overlaps by much more.
				dx := min(a.xMax, b.xMax) - max(a.xMin, b.xMin)
				dy := min(a.yMax, b.yMax) - max(a.yMin, b.yMin)
				if dx > 2 && dy > 0.5*min(a.yMax-a.yMin, b.yMax-b.yMin) {
					t.Errorf("%s: page %d: %.30q and %.30q overlap", what, n+1, a.text, b.text)
				}
			}
		}
	}
}

// squeezed is text without white space and formatting characters (those
// typed, and those pdftotext puts around right-to-left runs), so that a
// word broken over lines reads as one.
func squeezed(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

func TestWritePlan_EdgeCases(t *testing.T) {
	for _, lang := range []string{"nl", "ar"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WritePlan(&buf, edgePlan(t, lang)); err != nil {
				t.Fatal(err)
			}
			checkInsidePages(t, buf.Bytes(), "plan "+lang)
			// Without the page numbers at the foot (from 800 pt), which
			// would come between the parts of a sentence over two pages.
			text := pdfText(t, buf.Bytes(), "-x", "0", "-y", "0", "-W", "595", "-H", "800")
			for _, want := range []string{edgeLongWord, "EINDE", "Werk?", "Beginomgekeerd", "einde", "JandeVries", strings.Repeat("Naam", 25)} {
				if !strings.Contains(squeezed(text), want) {
					t.Errorf("the plan lacks %.40q", want)
				}
			}
			if got, want := strings.Count(squeezed(text), "Zewilwerken"), strings.Count(edgeLong, "Ze wil werken"); got != want {
				t.Errorf("%d of the long text's %d sentences printed", got, want)
			}
		})
	}
}

func TestWriteOverview_EdgeCases(t *testing.T) {
	for _, lang := range []string{"nl", "ar"} {
		t.Run(lang, func(t *testing.T) {
			p := edgePlan(t, lang)
			opts := p.Session.Options
			opts = append(opts, opts[0], opts[1])
			for i := range opts {
				c := opts[i].Card
				c.ID = fmt.Sprint("kaart-", i)
				c.Pros = append([]string{edgeLongWord, edgeEmoji, edgeControl, edgeArabic}, c.Pros...)
				c.Summary = edgeArabic
				c.WhatYouDo = edgeLong[:1990] + " SLOT" + fmt.Sprint(i) // about the most a catalogue allows
				c.Effect.Explanation = edgeControl + " " + edgeLongWord
				c.Duration = edgeEmoji
				c.Title = strings.Repeat("Titel", 12)
				opts[i].Card = c
				opts[i].ProWeights = make([]int, len(c.Pros))
				opts[i].ProWeights[0] = 3
			}
			var buf bytes.Buffer
			err := WriteOverview(&buf, Overview{Options: opts, Weighed: true, Client: p.Client.Name, Context: p.Context})
			if err != nil {
				t.Fatal(err)
			}
			checkInsidePages(t, buf.Bytes(), "overview "+lang)
			text := squeezed(pdfText(t, buf.Bytes()))
			for _, want := range []string{edgeLongWord, "omgekeerd", "JandeVries", "SLOT0", "SLOT1", "SLOT2", "SLOT3", strings.Repeat("Naam", 25)} {
				if !strings.Contains(text, want) {
					t.Errorf("the overview lacks %.40q", want)
				}
			}
		})
	}
}

// TestWriteReport_EdgeCases prints the gespreksverslag, which has every
// field and the professional's notes, with the edge cases in them.
func TestWriteReport_EdgeCases(t *testing.T) {
	r := exampleReport(t, "nl")
	p := edgePlan(t, "nl")
	s := p.Session
	s.ID, s.Step, s.Started, s.Updated = r.Session.ID, r.Session.Step, r.Session.Started, r.Session.Updated
	s.Expectations, s.Needs, s.Feasible, s.Review = edgeEmoji, edgeControl, edgeArabic, edgeLongWord
	s.Areas = map[cards.LifeArea]cards.Area{cards.AreaMoney: {Mark: cards.MarkWorry, Note: edgeArabic}, cards.AreaWork: {Note: edgeLongWord}}
	s.Drivers = map[cards.Factor]cards.Driver{cards.FactorAttitude: {Helps: edgeControl, HoldsBack: edgeEmoji}}
	for step := 1; step <= cards.Steps; step++ {
		s.Notes[step] = []string{edgeLong, edgeLongWord, edgeControl, edgeArabic, edgeEmoji, "", edgeLong}[step-1]
	}
	r.Session, r.Client.Name = s, p.Client.Name
	for _, marks := range []bool{false, true} {
		r.ClientMarks = marks
		data := writeReport(t, r)
		checkInsidePages(t, data, fmt.Sprintf("report (client marks %v)", marks))
		text := squeezed(pdfText(t, data, "-x", "0", "-y", "0", "-W", "595", "-H", "770"))
		for _, want := range []string{edgeLongWord, "EINDE", "Beginomgekeerd", "JandeVries", strings.Repeat("Naam", 25)} {
			if !strings.Contains(text, want) {
				t.Errorf("client marks %v: the report lacks %.40q", marks, want)
			}
		}
	}
}
