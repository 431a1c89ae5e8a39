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

func (lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (lightTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (lightTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (lightTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
