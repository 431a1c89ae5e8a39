package pdf

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestLineBox checks the room a line gets above and below its baseline
// against the fonts themselves: at least as far as the ink of every glyph
// drawn for it reaches, read from the font files, for each script the plan
// prints. So an Arabic line's dots never reach into the Dutch line beneath.
func TestLineBox(t *testing.T) {
	fonts := map[string]*sfnt.Font{}
	for _, name := range []string{"NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansEthiopic-Regular"} {
		data, _ := assets.Font(name)
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		fonts[name] = f
	}
	// ink measures how far the glyphs of s reach, in ems, from the first of
	// the fonts that has each.
	ink := func(s string) (ascent, descent float64) {
		var buf sfnt.Buffer
		for _, r := range s {
			for _, name := range []string{"NotoSans-Regular", "NotoSansArabic-Regular", "NotoSansEthiopic-Regular"} {
				f := fonts[name]
				i, err := f.GlyphIndex(&buf, r)
				if err != nil || i == 0 {
					continue
				}
				b, _, _ := f.GlyphBounds(&buf, i, fixed.I(1000), font.HintingNone)
				em := float64(fixed.I(1000))
				ascent, descent = max(ascent, float64(-b.Min.Y)/em), max(descent, float64(b.Max.Y)/em)
				break
			}
		}
		return ascent, descent
	}
	for _, tt := range []struct{ script, line string }{
		{"Latin", "Mijn plan. Één ŻÓŁW gąsior, Ğğ Şş İ"},
		{"Cyrillic", "Мій план. Ї Й Ґ"},
		{"Arabic", "خطتي. هدفي. إيجاد عمل. أسئلة؟ يُـ"},
		{"Farsi", "برنامه‌ی من. هدف من. گزینه‌ها، پژوهش"},
		{"Ethiopic", "ትልመይ። ዕላማይ። ሕቶ ኣለኩም ዶ?"},
	} {
		for _, st := range []style{planBody, planHeading, planTitle, planDutch} {
			var drawn string
			for _, sp := range visualSpans(tt.line, false) {
				drawn += sp.text
			}
			ascent, descent := ink(drawn)
			above, below := lineBox(tt.line, st)
			if want := ascent * st.size * ptMM; above < want {
				t.Errorf("%s at %.1f pt: %.2f mm above the baseline, its ink reaches %.2f mm", tt.script, st.size, above, want)
			}
			if want := descent * st.size * ptMM; below < want {
				t.Errorf("%s at %.1f pt: %.2f mm below the baseline, its ink reaches %.2f mm", tt.script, st.size, below, want)
			}
			if tt.script == "Latin" && (above != 0.75*st.lineHeight() || below != 0.25*st.lineHeight()) {
				t.Errorf("Latin at %.1f pt: %.2f + %.2f mm, want the line height of before, %.2f", st.size, above, below, st.lineHeight())
			}
		}
	}
}

// TestWritePlan_TwoLanguageLinesClear prints two-language plans with the
// headings in red, renders their first page at 200 dpi and looks at each
// row of pixels: no row has both the red of a heading in the client's
// language and the grey or black of the Dutch beneath it (or of any other
// text), so the dots of "خطتي" do not land in "Mijn plan".
func TestWritePlan_TwoLanguageLinesClear(t *testing.T) {
	for _, lang := range []string{"ar", "fa", "ti", "uk"} {
		p := examplePlan(t, lang)
		p.RTL = lang == "ar" || lang == "fa"
		p.Dutch = examplePlan(t, "nl").T
		p.Org.Colour = &cards.RGB{0xFF, 0, 0}
		var buf bytes.Buffer
		if err := WritePlan(&buf, p); err != nil {
			t.Fatal(err)
		}
		img := renderAt(t, buf.Bytes(), 1, 200)
		b := img.Bounds()
		// Leave out the pictograms beside the headings, which have colours
		// of their own.
		px := func(mm float64) int { return int(mm / 25.4 * 200) }
		x0, x1 := px(planMargin+15), px(planMargin+planWidth)
		if p.RTL {
			x0, x1 = px(planMargin), px(planMargin+planWidth-15)
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			red, dark := false, false
			for x := x0; x < x1; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				r, g, bl = r>>8, g>>8, bl>>8
				switch {
				case r > 180 && g < 110 && bl < 110:
					red = true
				case r < 0x90 && absDiff(r, g) < 16 && absDiff(g, bl) < 16:
					dark = true
				}
			}
			if red && dark {
				t.Errorf("%s: row %d (%.1f mm from the top) has a heading's red and other text in it", lang, y, float64(y)*25.4/200)
				break
			}
		}
	}
}

// renderAt renders one page with pdftoppm at dpi.
func renderAt(t *testing.T, data []byte, page, dpi int) image.Image {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "x.pdf")
	os.WriteFile(path, data, 0o600)
	n, r := strconv.Itoa(page), strconv.Itoa(dpi)
	if out, err := exec.Command("pdftoppm", "-png", "-r", r, "-f", n, "-l", n, "-singlefile", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "p.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
