// Package ui holds the Fyne screens and widgets of Samen Beslissen. It reads
// cards and translations and draws them; it has no SQL and no PDF drawing.
// It never imports fyne.io/fyne/v2/app, so every screen tests headless.
package ui

import (
	"image/color"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// CategoryColor returns the colour of a route category (cards.Category.Colour).
func CategoryColor(c cards.Category) color.NRGBA {
	rgb := c.Colour()
	return color.NRGBA{R: rgb[0], G: rgb[1], B: rgb[2], A: 0xFF}
}

// tint mixes c with white; amount 0 is c, 1 is white. Used for calm
// backgrounds in a category's colour.
func tint(c color.NRGBA, amount float64) color.NRGBA {
	mix := func(v uint8) uint8 { return uint8(float64(v) + (255-float64(v))*amount) }
	return color.NRGBA{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 0xFF}
}

var (
	proColor = color.NRGBA{R: 0x1E, G: 0x7A, B: 0x46, A: 0xFF}
	conColor = color.NRGBA{R: 0xA8, G: 0x3A, B: 0x1E, A: 0xFF}
)

// noteColor marks the professional's own notes, which the client never sees.
var noteColor = color.NRGBA{R: 0xFF, G: 0xF3, B: 0xCC, A: 0xFF}

// warningTint is the calm background of advice to wait before deciding.
var warningTint = color.NRGBA{R: 0xFF, G: 0xE4, B: 0xB5, A: 0xFF}
