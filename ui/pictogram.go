package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/samenbeslissen/samenbeslissen/assets"
)

var pictogramCache sync.Map // name → fyne.Resource

// pictogramResource returns a pictogram's SVG as a resource, made once.
func pictogramResource(name string) fyne.Resource {
	res, ok := pictogramCache.Load(name)
	if !ok {
		data, found := assets.Pictogram(name)
		if !found {
			data, _ = assets.Pictogram(assets.FallbackPictogram)
		}
		res, _ = pictogramCache.LoadOrStore(name, fyne.NewStaticResource(name+".svg", data))
	}
	return res.(fyne.Resource)
}

// pictogram returns a card's pictogram as an image of the given size.
func pictogram(name string, size float32) *canvas.Image {
	img := canvas.NewImageFromResource(pictogramResource(name))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(size))
	return img
}
