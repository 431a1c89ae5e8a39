package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// datedSession is privateSession with agreements that have dates, a next
// appointment, a Farsi reason with a zero-width non-joiner and all four
// SURE questions answered yes.
func datedSession(t *testing.T) (*Main, fyne.Window) {
	t.Helper()
	m, w, _, db := newTestMainDB(t, "")
	id, _ := privateSession(t, db, m)
	for _, a := range [][3]string{{"Samira", "Opvang regelen", "15-1-2027"}, {"Klantmanager", "Werkplek zoeken", "1 februari 2027"}} {
		ag, _ := db.AddAgreement(id)
		db.SetAgreement(ag.ID, cards.AgreementWho, a[0])
		db.SetAgreement(ag.ID, cards.AgreementWhat, a[1])
		db.SetAgreement(ag.ID, cards.AgreementDue, a[2])
	}
	values := map[string]string{
		cards.KeyNextAppointment:             "Maandag 1 februari 2027, 10.00 uur",
		cards.KeyWhy:                         "می\u200cخواهم کار کنم \u200fو\u200f Jan",
		cards.KeyAreaMark(cards.AreaHousing): string(cards.MarkGood),
		cards.KeyAreaMark(cards.AreaWork):    string(cards.MarkAttention),
	}
	for i := range 4 {
		values[cards.KeySure(i)] = string(cards.AnswerYes)
	}
	db.SetValues(id, values)
	m.OpenSession(id)
	return m, w
}

// drawnLines returns what a label draws, line by line, each from left to
// right.
func drawnLines(l *bidiLabel) [][]*canvas.Text {
	r := test.WidgetRenderer(l).(*bidiRenderer)
	lh := r.lineHeight()
	var lines [][]*canvas.Text
	for _, o := range r.Objects() {
		t := o.(*canvas.Text)
		i := int(t.Position().Y / lh)
		for len(lines) <= i {
			lines = append(lines, nil)
		}
		lines[i] = append(lines[i], t)
	}
	for _, line := range lines {
		sort.Slice(line, func(a, b int) bool { return line[a].Position().X < line[b].Position().X })
	}
	return lines
}

// capture writes the window to a PNG in the folder SAMENBESLISSEN_SHOTS
// names, if it is set, to look at what the test saw.
func capture(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("SAMENBESLISSEN_SHOTS")
	if dir == "" {
		return
	}
	path := filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "-")+"-"+name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// TestClientView_AgreementDatesRightToLeft: in the Arabic client view an
// agreement's date reads as typed, 15-1-2027, inside the brackets with the
// Arabic "before", and so does a written date.
func TestClientView_AgreementDatesRightToLeft(t *testing.T) {
	m, w := datedSession(t)
	m.clientLang = "ar"
	m.showClientView(m.Session())
	m.ClientView().goTo(cards.StepDecide)
	w.Resize(fyne.NewSize(1280, 1600))
	capture(t, w, "ar-step6.png")
	for _, tt := range []struct{ who, date string }{{"Samira", "15-1-2027"}, {"Klantmanager", "1 februari 2027"}} {
		labels := find(w.Canvas(), func(l *bidiLabel) bool { return strings.Contains(l.text, tt.who) })
		if len(labels) != 1 {
			t.Fatalf("%d lines with %q", len(labels), tt.who)
		}
		lines := drawnLines(labels[0])
		if len(lines) != 1 {
			t.Fatalf("the agreement of %s is drawn on %d lines", tt.who, len(lines))
		}
		var seen string
		for _, p := range lines[0] {
			seen += p.Text
		}
		// From left to right: the closing bracket (mirrored), the date, the
		// Arabic word, the opening bracket, the task, the name, the bullet.
		date, before := strings.Index(seen, tt.date), strings.Index(seen, "قبل")
		open, close := strings.Index(seen, "("), strings.LastIndex(seen, ")")
		if date < 0 || strings.Count(seen, "(") != 1 || strings.Count(seen, ")") != 1 ||
			!(open < date && date < before && before < close) ||
			!(close < strings.Index(seen, tt.who) && strings.Index(seen, tt.who) < strings.Index(seen, "•")) {
			t.Errorf("the agreement is drawn as %q, want (%s قبل) left of the task, name and bullet", seen, tt.date)
		}
	}
}

// TestClientView_NoFormatCharacterDrawn: joiners, marks and isolates steer
// shaping and order but no drawn piece of text holds one.
func TestClientView_NoFormatCharacterDrawn(t *testing.T) {
	for _, lang := range []string{"ar", "fa", "nl"} {
		t.Run(lang, func(t *testing.T) {
			m, w := datedSession(t)
			m.clientLang = lang
			m.showClientView(m.Session())
			cv := m.ClientView()
			for step := 1; step <= cards.Steps; step++ {
				cv.goTo(step)
				for _, l := range find(w.Canvas(), func(*bidiLabel) bool { return true }) {
					for _, line := range drawnLines(l) {
						for _, p := range line {
							if strings.IndexFunc(p.Text, textdir.Invisible) >= 0 {
								t.Errorf("step %d draws %+q", step, p.Text)
							}
						}
					}
				}
			}
		})
	}
	// The non-joiner still separates: its two halves are drawn apart, the
	// second word half on the left.
	test.NewTempApp(t)
	l := newBidiLabel("می\u200cخواهم", true)
	l.inScript("fa", false)
	test.NewTempWindow(t, l).Resize(fyne.NewSize(400, 100))
	var got []string
	for _, p := range drawnLines(l)[0] {
		got = append(got, p.Text)
	}
	if want := []string{"خواهم", "می"}; !slices.Equal(got, want) {
		t.Errorf("drawn %q, want %q", got, want)
	}
}

// hasGlyphs reports whether a font file has every character of s.
func hasGlyphs(t *testing.T, res fyne.Resource, s string) bool {
	t.Helper()
	face, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s {
		if _, ok := face.NominalGlyph(r); !ok {
			return false
		}
	}
	return true
}

// TestBidiLabel_OneFontPerPiece: each piece is drawn in a font that has
// all its characters, in the label's weight, so that Fyne never falls back
// to a font of the system (regular, on a baseline of its own); and every
// piece of a line stands on one baseline as Fyne draws it.
func TestBidiLabel_OneFontPerPiece(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		bold       bool
	}{
		{"ar", "الخطوة 6 من 7: نقرر معا", true},
		{"ar", "• " + textdir.Isolate("Samira") + ": " + textdir.Isolate("Opvang regelen") + " (قبل " + textdir.Isolate("15-1-2027") + ")", false},
		{"ti", "ደረጃ 6 ካብ 7: (ምውሳን)", true},
		{"fa", "مرحله 6 از 7", true},
		{"ar", "هل أنت مستعد للاختيار؟", true},
		{"ar", "مَكْتَبٌ، (2)", false},
	} {
		t.Run(tt.text, func(t *testing.T) {
			test.NewTempApp(t)
			l := newBidiLabel(tt.text, textdir.RightToLeft(tt.lang))
			l.style.Bold = tt.bold
			l.inScript(tt.lang, tt.bold)
			test.NewTempWindow(t, l).Resize(fyne.NewSize(1200, 100))
			lines := drawnLines(l)
			if len(lines) != 1 {
				t.Fatalf("%d lines", len(lines))
			}
			var baselines []float32
			for _, p := range lines[0] {
				if p.TextStyle.Bold != tt.bold {
					t.Errorf("%q drawn bold %v", p.Text, p.TextStyle.Bold)
				}
				if f := p.FontSource; f == nil && !hasGlyphs(t, Theme().Font(p.TextStyle), p.Text) ||
					f != nil && !hasGlyphs(t, f, p.Text) {
					t.Errorf("%q drawn in a font (%v) that lacks some of its characters", p.Text, f)
				}
				if p.FontSource != nil && tt.bold != strings.HasSuffix(p.FontSource.Name(), "-Bold.ttf") {
					t.Errorf("%q drawn in %s", p.Text, p.FontSource.Name())
				}
				// Where Fyne's painter puts the baseline: the text centred
				// in its box, then its ascent.
				size, base := fyne.CurrentApp().Driver().RenderedTextSize(p.Text, p.TextSize, p.TextStyle, p.FontSource)
				baselines = append(baselines, p.Position().Y+(p.Size().Height-size.Height)/2+base)
			}
			for k, b := range baselines {
				if d := b - baselines[0]; d > 0.5 || d < -0.5 {
					t.Errorf("%q stands %.1f lower than %q", lines[0][k].Text, d, lines[0][0].Text)
				}
			}
		})
	}
}

// TestClientView_BadgesOnOneLine: a life area's badge ("Gaat goed") is
// never broken over two lines.
func TestClientView_BadgesOnOneLine(t *testing.T) {
	for _, lang := range []string{"nl", "ar"} {
		t.Run(lang, func(t *testing.T) {
			m, w := datedSession(t)
			m.clientLang = lang
			m.showClientView(m.Session())
			cv := m.ClientView()
			cv.goTo(cards.StepSituation)
			w.Resize(fyne.NewSize(800, 700))
			capture(t, w, "step2.png")
			for _, mark := range cards.Marks {
				badge := cv.tr.T("mark." + string(mark))
				labels := find(w.Canvas(), func(l *bidiLabel) bool { return l.text == badge })
				if len(labels) == 0 {
					t.Fatalf("no badge %q", badge)
				}
				for _, l := range labels {
					if need := l.measure(badge).Width; l.MinSize().Width < need {
						t.Errorf("badge %q may be %.0f wide, its phrase needs %.0f", badge, l.MinSize().Width, need)
					}
					if n := len(drawnLines(l)); n != 1 {
						t.Errorf("badge %q drawn on %d lines", badge, n)
					}
				}
			}
		})
	}
}

// backgroundOf returns the fill of the rounded box around a text.
func backgroundOf(t *testing.T, c fyne.Canvas, text string) color.Color {
	t.Helper()
	var found color.Color
	var walk func(o fyne.CanvasObject, bg color.Color)
	walk = func(o fyne.CanvasObject, bg color.Color) {
		switch x := o.(type) {
		case *fyne.Container:
			if len(x.Objects) > 1 {
				if r, ok := x.Objects[0].(*canvas.Rectangle); ok {
					bg = r.FillColor
				}
			}
			for _, child := range x.Objects {
				walk(child, bg)
			}
		case *bidiLabel:
			if strings.HasPrefix(x.text, text) {
				found = bg
			}
		case *canvas.Text:
			if strings.HasPrefix(x.Text, text) {
				found = bg
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child, bg)
			}
		}
	}
	walk(c.Content(), nil)
	if found == nil {
		t.Fatalf("no %q on the screen", text)
	}
	return found
}

// TestDecide_ReadyAdviceSameInBothViews: four times yes is good news, in
// the same green in the professional view and the client view.
func TestDecide_ReadyAdviceSameInBothViews(t *testing.T) {
	m, w := datedSession(t)
	ready := "Alle 4 vragen met ja"
	m.Session().goTo(cards.StepDecide)
	professional := backgroundOf(t, w.Canvas(), ready)
	m.clientLang = "nl"
	m.showClientView(m.Session())
	m.ClientView().goTo(cards.StepDecide)
	client := backgroundOf(t, w.Canvas(), ready)
	if fmt.Sprint(professional) != fmt.Sprint(readyTint) || fmt.Sprint(client) != fmt.Sprint(readyTint) {
		t.Errorf("ready advice on %v in the professional view, %v in the client view; want both %v", professional, client, readyTint)
	}
}

// TestContrast_ChoiceCircles: an unchosen radio circle (Fyne's RadioGroup
// in the professional view draws it in the input border colour, our
// choiceItem in the foreground) stands out 3:1 from what is around it.
func TestContrast_ChoiceCircles(t *testing.T) {
	for name, th := range map[string]fyne.Theme{"professional view": Theme(), "client view": clientTheme{Theme()}} {
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
		for _, bg := range []struct {
			what string
			c    color.Color
		}{{"background", c(theme.ColorNameBackground)}, {"field", c(theme.ColorNameInputBackground)}, {"pros list", tint(proColor, 0.9)}, {"cons list", tint(conColor, 0.9)}} {
			for _, circle := range []fyne.ThemeColorName{theme.ColorNameInputBorder, theme.ColorNameForeground} {
				if r := contrast(c(circle), bg.c); r < 3 {
					t.Errorf("%s: unchosen circle (%s) on %s is %.2f:1, below 3:1", name, circle, bg.what, r)
				}
			}
		}
	}
}
