package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is the app's look: always the light variant, whatever the
// computer's setting, because the cards' pale category colours and the
// printed cards are designed on white, and a calm light screen is what a
// client is shown.
func Theme() fyne.Theme { return lightTheme{} }

type lightTheme struct{}

// Colours that differ from Fyne's light theme, so that every text meets
// WCAG AA (4.5:1) on its background; ui/contrast_test.go checks them.
var themeColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNamePrimary:     color.NRGBA{R: 0x1F, G: 0x5F, B: 0xAF, A: 0xFF}, // the blue of "klantbeeld"
	theme.ColorNamePlaceHolder: color.NRGBA{R: 0x5E, G: 0x5E, B: 0x5E, A: 0xFF},
	theme.ColorNameDisabled:    color.NRGBA{R: 0x6B, G: 0x6B, B: 0x6B, A: 0xFF}, // also quiet (low importance) text
	theme.ColorNameError:       color.NRGBA{R: 0xB3, G: 0x26, B: 0x1E, A: 0xFF},
	// The outline of a field and of an unchosen radio circle: Fyne's
	// light grey (1.3:1) all but vanishes; this is 3:1 and more.
	theme.ColorNameInputBorder: color.NRGBA{R: 0x7A, G: 0x7A, B: 0x7A, A: 0xFF},
}

func (lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := themeColors[n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (lightTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (lightTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (lightTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
