// Package ui holds the Fyne screens and widgets of Samen Beslissen. It reads
// cards and translations and draws them; it has no SQL and no PDF drawing.
// It never imports fyne.io/fyne/v2/app, so every screen tests headless.
package ui

import (
	"image/color"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// CategoryColor returns the colour of a route category (cards.Category.Colour).
func CategoryColor(c cards.Category) color.NRGBA { return nrgba(c.Colour()) }

func nrgba(rgb cards.RGB) color.NRGBA {
	return color.NRGBA{R: rgb[0], G: rgb[1], B: rgb[2], A: 0xFF}
}

// tint mixes c with white; amount 0 is c, 1 is white. Used for calm
// backgrounds in a category's colour.
func tint(c color.NRGBA, amount float64) color.NRGBA {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*amount) }
	return color.NRGBA{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 0xFF}
}

var (
	proColor = nrgba(cards.ProColour)
	conColor = nrgba(cards.ConColour)
)

// noteColor marks the professional's own notes, which the client never sees.
var noteColor = color.NRGBA{R: 0xFF, G: 0xF3, B: 0xCC, A: 0xFF}

// warningTint is the calm background of advice to wait before deciding.
var warningTint = color.NRGBA{R: 0xFF, G: 0xE4, B: 0xB5, A: 0xFF}

// readyTint is the background of the advice that the client is ready to
// choose (all four SURE questions yes), in both views.
var readyTint = tint(proColor, 0.85)
