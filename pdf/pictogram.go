package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"slices"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
)

// pictogramPixels is the size pictograms are rasterised at: sharp in print
// up to about 4 cm.
const pictogramPixels = 480

var pictogramPNGs sync.Map // name → []byte

// pictogramPNG renders one of our SVG pictograms to PNG. fpdf cannot fill
// SVG paths, so the drawing goes into the PDF as an image.
func pictogramPNG(name string) ([]byte, error) {
	if data, ok := pictogramPNGs.Load(name); ok {
		return data.([]byte), nil
	}
	svg, ok := assets.Pictogram(name)
	if !ok {
		svg, _ = assets.Pictogram(assets.FallbackPictogram)
	}
	icon, err := oksvg.ReadIconStream(bytes.NewReader(svg))
	if err != nil {
		return nil, fmt.Errorf("pictogram %s: %w", name, err)
	}
	// fpdf writes images ordered by width only; a width of its own for each
	// pictogram keeps the PDF the same byte for byte from run to run.
	px := pictogramPixels + slices.Index(cards.Pictograms, name) + 1
	icon.SetTarget(0, 0, float64(px), float64(px))
	img := image.NewRGBA(image.Rect(0, 0, px, px))
	icon.Draw(rasterx.NewDasher(px, px, rasterx.NewScannerGV(px, px, img, img.Bounds())), 1)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	pictogramPNGs.Store(name, buf.Bytes())
	return buf.Bytes(), nil
}

// pictogram draws one of our pictograms, size millimetres square.
func (d *doc) pictogram(name string, x, y, size float64) {
	data, err := pictogramPNG(name)
	if err != nil {
		d.SetError(err)
		return
	}
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	d.RegisterImageOptionsReader("picto-"+name, opts, bytes.NewReader(data))
	d.ImageOptions("picto-"+name, x, y, size, size, false, opts, 0, "")
}
