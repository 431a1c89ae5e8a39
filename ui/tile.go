package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// Size of a card in the browser's grid.
var tileSize = fyne.NewSize(228, 272)

const (
	tileBand     = 34 // height of the colour band with the category name
	tilePictoDim = 76
)

// cardTile shows one card in the grid: a band in the category's colour with
// its name, the pictogram, the title and the one-line summary. Tapping it
// opens the card.
type cardTile struct {
	widget.BaseWidget
	card  cards.Card
	onTap func(cards.Card)

	bg       *canvas.Rectangle
	band     *canvas.Rectangle
	category *canvas.Text
	picto    *canvas.Image
	title    *widget.Label
	summary  *widget.Label
}

func newCardTile(onTap func(cards.Card)) *cardTile {
	t := &cardTile{
		onTap:    onTap,
		bg:       canvas.NewRectangle(theme.Color(theme.ColorNameBackground)),
		band:     canvas.NewRectangle(CategoryColor("")),
		category: canvas.NewText("", color.White),
		title:    widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		summary:  widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{}),
		picto:    pictogram(assets.FallbackPictogram, tilePictoDim),
	}
	t.bg.CornerRadius = 10
	t.bg.StrokeWidth = 1
	t.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	t.band.TopLeftCornerRadius, t.band.TopRightCornerRadius = 10, 10
	t.category.TextStyle = fyne.TextStyle{Bold: true}
	t.category.TextSize = theme.TextSize() * 0.9
	t.title.Wrapping = fyne.TextWrapWord
	t.summary.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	return t
}

// set shows card c on the tile.
func (t *cardTile) set(c cards.Card, tr *locales.Translator) {
	t.card = c
	t.band.FillColor = CategoryColor(c.Category)
	t.bg.FillColor = tint(CategoryColor(c.Category), 0.93)
	t.category.Text = tr.T("category." + string(c.Category))
	t.picto.Resource = pictogramResource(c.Pictogram)
	t.title.SetText(c.Title)
	t.summary.SetText(c.Summary)
	t.Refresh()
}

// AccessibilityLabel is the card's title and summary.
func (t *cardTile) AccessibilityLabel() string { return t.card.Title + ". " + t.card.Summary }

// AccessibilityRole is a button's: tapping it opens the card.
func (t *cardTile) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// Tapped opens the card.
func (t *cardTile) Tapped(*fyne.PointEvent) {
	if t.onTap != nil && t.card.ID != "" {
		t.onTap(t.card)
	}
}

// Cursor shows a hand over a card, as over a link.
func (t *cardTile) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (t *cardTile) CreateRenderer() fyne.WidgetRenderer {
	return &tileRenderer{t: t}
}

type tileRenderer struct{ t *cardTile }

func (r *tileRenderer) Layout(size fyne.Size) {
	t := r.t
	pad := theme.Padding()
	t.bg.Resize(size)
	t.band.Move(fyne.NewPos(0, 0))
	t.band.Resize(fyne.NewSize(size.Width, tileBand))
	cs := t.category.MinSize()
	t.category.Move(fyne.NewPos((size.Width-cs.Width)/2, (tileBand-cs.Height)/2))
	t.picto.Resize(fyne.NewSquareSize(tilePictoDim))
	t.picto.Move(fyne.NewPos((size.Width-tilePictoDim)/2, tileBand+2*pad))
	y := tileBand + 3*pad + tilePictoDim
	t.title.Move(fyne.NewPos(pad, y))
	t.title.Resize(fyne.NewSize(size.Width-2*pad, t.title.MinSize().Height))
	y += t.title.MinSize().Height - pad
	t.summary.Move(fyne.NewPos(pad, y))
	t.summary.Resize(fyne.NewSize(size.Width-2*pad, size.Height-y-pad))
}

func (r *tileRenderer) MinSize() fyne.Size { return tileSize }

func (r *tileRenderer) Refresh() {
	r.t.bg.Refresh()
	r.t.band.Refresh()
	r.t.category.Refresh()
	r.t.picto.Refresh()
	r.Layout(r.t.Size())
}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	t := r.t
	return []fyne.CanvasObject{t.bg, t.band, t.category, t.picto, t.title, t.summary}
}

func (r *tileRenderer) Destroy() {}
