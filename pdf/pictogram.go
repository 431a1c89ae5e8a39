package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"github.com/samenbeslissen/samenbeslissen/assets"
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
	icon.SetTarget(0, 0, pictogramPixels, pictogramPixels)
	img := image.NewRGBA(image.Rect(0, 0, pictogramPixels, pictogramPixels))
	icon.Draw(rasterx.NewDasher(pictogramPixels, pictogramPixels, rasterx.NewScannerGV(pictogramPixels, pictogramPixels, img, img.Bounds())), 1)
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
