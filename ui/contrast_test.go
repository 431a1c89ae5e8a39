package ui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// luminance is the WCAG 2 relative luminance of a colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xFFFF
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG 2 contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestContrast_Formula(t *testing.T) {
	if got := contrast(color.Black, color.White); math.Abs(got-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", got)
	}
	if got := contrast(color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xFF}, color.White); math.Abs(got-4.54) > 0.01 {
		t.Errorf("#767676 on white = %.2f, want 4.54", got)
	}
}

// TestContrast_WCAGAA checks every text/background pair the two views draw
// against WCAG AA for normal text (4.5:1), with the colours taken from the
// themes the app uses.
func TestContrast_WCAGAA(t *testing.T) {
	for name, th := range map[string]fyne.Theme{"professional view": Theme(), "client view": clientTheme{Theme()}} {
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
		type pair struct {
			what   string
			fg, bg color.Color
		}
		pairs := []pair{
			{"text", c(theme.ColorNameForeground), c(theme.ColorNameBackground)},
			{"typed text in a field", c(theme.ColorNameForeground), c(theme.ColorNameInputBackground)},
			{"hint in an empty field", c(theme.ColorNamePlaceHolder), c(theme.ColorNameInputBackground)},
			{"button text", c(theme.ColorNameForeground), c(theme.ColorNameButton)},
			{"text on a main button", c(theme.ColorNameForegroundOnPrimary), c(theme.ColorNamePrimary)},
			{"quiet text (low importance)", c(theme.ColorNameDisabled), c(theme.ColorNameBackground)},
			{"error text", c(theme.ColorNameError), c(theme.ColorNameBackground)},
			{"professional note", c(theme.ColorNameForeground), noteColor},
			{"advice to talk further", c(theme.ColorNameForeground), warningTint},
			{"advice ready to choose", c(theme.ColorNameForeground), tint(proColor, 0.85)},
			{"comparison row heading", c(theme.ColorNameForeground), color.NRGBA{R: 0xEE, G: 0xEE, B: 0xEE, A: 0xFF}},
			{"pros heading", color.White, proColor},
			{"cons heading", color.White, conColor},
			{"pros list", c(theme.ColorNameForeground), tint(proColor, 0.9)},
			{"cons list", c(theme.ColorNameForeground), tint(conColor, 0.9)},
		}
		for _, cat := range cards.Categories {
			pairs = append(pairs,
				pair{fmt.Sprintf("category band %s", cat), color.White, CategoryColor(cat)},
				pair{fmt.Sprintf("card in category %s", cat), c(theme.ColorNameForeground), tint(CategoryColor(cat), 0.92)})
		}
		for _, m := range cards.Marks {
			pairs = append(pairs, pair{fmt.Sprintf("mark %s", m), color.White, markColors[m]})
		}
		for _, l := range cards.EffectLevels {
			pairs = append(pairs, pair{fmt.Sprintf("effect badge %s", l), color.White, effectColor(l)})
		}
		for _, p := range pairs {
			if r := contrast(p.fg, p.bg); r < 4.5 {
				t.Errorf("%s: %s is %.2f:1, below 4.5:1", name, p.what, r)
			}
		}
	}
}
