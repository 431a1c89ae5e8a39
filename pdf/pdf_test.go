package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// pdfFonts returns the fonts pdffonts lists, with whether each is embedded.
func pdfFonts(t testing.TB, data []byte) map[string]bool {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, data, 0o600)
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	fonts := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(l)
		if len(f) >= 5 {
			fonts[f[0]] = f[len(f)-5] == "yes"
		}
	}
	return fonts
}

func pages(t testing.TB, data []byte) int {
	return strings.Count(pdfText(t, data), "\f")
}

// TestWritePlan_EveryScript prints Latin, Cyrillic, Arabic and Ethiopic,
// with an emoji and a character no font has, and checks the fonts are
// embedded and the text comes back.
func TestWritePlan_EveryScript(t *testing.T) {
	p := examplePlan(t, "nl")
	p.Session.Goal = "Робота в Утрехті. ስራ በአምስተርዳም። عمل في روتردام 2026. Werk 🙂 en \U0010FFFD."
	var buf bytes.Buffer
	if err := WritePlan(&buf, p); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{"Робота в Утрехті.", "ስራ", "Werk ? en ?."} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q", want)
		}
	}
	fonts := pdfFonts(t, buf.Bytes())
	for _, f := range []string{"utf8sans", "utf8sansB", "utf8arabic", "utf8ethiopic"} {
		if embedded, ok := fonts[f]; !ok || !embedded {
			t.Errorf("font %s: present %v, embedded %v (fonts %v)", f, ok, embedded, fonts)
		}
	}
	// Subset: the whole PDF is smaller than the three regular fonts alone.
	if full := 512672 + 244072 + 343168; buf.Len() > full {
		t.Errorf("plan is %d bytes: the fonts are not subset", buf.Len())
	}
}

// TestWritePlan_RightToLeftReadingOrder checks that an Arabic and a Farsi
// plan's lines come out of the PDF in reading order: pdftotext, which
// applies the bidi algorithm itself, reads back the logical text, numbers
// and a Latin name in their places, the Persian letters (پ چ ژ گ ک ی)
// shaped and readable.
func TestWritePlan_RightToLeftReadingOrder(t *testing.T) {
	tests := []struct {
		lang, goal string
		want       [][]string
	}{
		{"ar", "أريد أن أعمل 20 ساعة في الأسبوع مع Jan de Vries.",
			[][]string{{"أريدأنأعمل20ساعةفيالأسبوعمع", "JandeVries"}, {"خطتي"}, {"قررناهذامعا"}}},
		{"fa", "می‌خواهم هفته‌ای 20 ساعت با Jan de Vries کار کنم؛ پچ ژگ کی.",
			[][]string{{"میخواهمهفتهای20ساعتبا", "JandeVries", "کارکنم"}, {"پچژگکی"}, {"برنامهیمن"}, {"اینراباهمتصمیمگرفتیم"}}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			p := examplePlan(t, tt.lang)
			p.Session.Goal = tt.goal
			var buf bytes.Buffer
			if err := WritePlan(&buf, p); err != nil {
				t.Fatal(err)
			}
			text := normalizeArabic(pdfText(t, buf.Bytes()))
			// pdftotext marks runs with bidi controls and spaces them its
			// own way, and drops the zero-width non-joiner: compare
			// without any of these, line by line.
			squeeze := func(s string) string {
				return strings.Map(func(r rune) rune {
					if r == ' ' || r == 0x200C || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 {
						return -1
					}
					return r
				}, s)
			}
			lines := strings.Split(squeeze(text), "\n")
			for _, want := range tt.want {
				found := false
				for _, l := range lines {
					all := true
					for _, w := range want {
						all = all && strings.Contains(l, w)
					}
					found = found || all
				}
				if !found {
					t.Errorf("the %s plan has no line that reads %q in order; it has:\n%s", tt.lang, want, text)
				}
			}
		})
	}
}

// normalizeArabic turns presentation forms back into letters (NFKC), as
// they are shaped in the PDF.
func normalizeArabic(s string) string {
	var b strings.Builder
	for _, r := range s {
		if base, ok := presentationBase[r]; ok {
			b.WriteString(base)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var presentationBase = func() map[rune]string {
	m := map[rune]string{}
	for _, r := range "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي" + "پچژکگی" {
		for _, f := range textdir.ShapeArabic(string(r)) + textdir.ShapeArabic("ـ"+string(r)) + textdir.ShapeArabic(string(r)+"ـ") + textdir.ShapeArabic("ـ"+string(r)+"ـ") {
			if f != 'ـ' {
				m[f] = string(r)
			}
		}
	}
	for _, a := range "آأإا" {
		for _, f := range textdir.ShapeArabic("ل"+string(a)) + textdir.ShapeArabic("ـل"+string(a)) {
			if f != 'ـ' {
				m[f] = "ل" + string(a)
			}
		}
	}
	return m
}()

// TestWritePlan_LongTextFlows checks that a very long text is not cut off
// but flows over the pages.
func TestWritePlan_LongTextFlows(t *testing.T) {
	p := examplePlan(t, "nl")
	p.Session.Why = strings.Repeat("Ik wil dit omdat het vlakbij is. ", 300) + "EINDE"
	var buf bytes.Buffer
	if err := WritePlan(&buf, p); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	if n := pages(t, buf.Bytes()); n < 3 {
		t.Errorf("%d pages for a very long text", n)
	}
	if got := strings.Count(text, "vlakbij"); got != 300 {
		t.Errorf("%d of 300 sentences printed", got)
	}
	if !strings.Contains(text, "EINDE") || !strings.Contains(text, "Dit hebben we samen besloten.") {
		t.Error("the end of the plan is missing")
	}
}

// TestWrite_Reproducible checks that the same input and date give the same
// bytes.
func TestWrite_Reproducible(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer) error{
		"plan": func(b *bytes.Buffer) error { return WritePlan(b, examplePlan(t, "ar")) },
		"deck": func(b *bytes.Buffer) error { return WriteDeck(b, exampleDeck(t, "nl", 5)) },
		"overview": func(b *bytes.Buffer) error {
			p := examplePlan(t, "nl")
			return WriteOverview(b, Overview{Options: p.Session.Options, Weighed: true, Context: p.Context})
		},
	} {
		var a, b bytes.Buffer
		if err := write(&a); err != nil {
			t.Fatal(err)
		}
		write(&b)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two runs differ", name)
		}
	}
}

// TestWrite_Metadata checks title, author, subject and language.
func TestWrite_Metadata(t *testing.T) {
	var buf bytes.Buffer
	WritePlan(&buf, examplePlan(t, "nl"))
	path := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Title:           Mijn plan", "Author:          Gemeente Voorbeeld", "Subject:         Doel en afspraken, samen gemaakt", "CreationDate:    Mon Nov 23 10:00:00 2026"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	if !bytes.Contains(buf.Bytes(), []byte("/Lang (nl)")) {
		t.Error("no /Lang in the catalog")
	}
}

func TestVisualSpans(t *testing.T) {
	spans := visualSpans("Naam: سمير (34)", false)
	var got []string
	for _, s := range spans {
		got = append(got, s.face.family+":"+s.text)
	}
	// The Arabic run is shaped and reversed for drawing left to right.
	want := []string{"sans:Naam: ", "sans:(", "sans:34", "sans:) ", "arabic:" + string([]rune{'\uFEAE', '\uFEF4', '\uFEE4', '\uFEB3'})}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("visualSpans = %q\nwant          %q", got, want)
	}
}

// TestPlainLatin checks what plainLatin takes for granted: the first face
// has every character it passes.
func TestPlainLatin(t *testing.T) {
	for r := rune(' '); r <= 0x17F; r++ {
		if plainLatin(string(r)) && faceFor(r) != faces[0] {
			t.Errorf("%U passes plainLatin but the first face lacks it", r)
		}
	}
	for _, s := range []string{"a\tb", "a\u00a0b", "مرحبا", "Ωmega", "ẞ"} {
		if plainLatin(s) {
			t.Errorf("plainLatin(%q) = true", s)
		}
	}
}
