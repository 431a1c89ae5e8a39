package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/assets"
	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Our pictograms (assets/pictograms) are drawn with a small part of SVG:
// filled paths of absolute M, L, H, V, Q and Z commands, and filled
// circles, on a 96 by 96 view box. They go into a PDF as vector shapes of
// the same paths, sharp at any size and with no rasteriser at run time.

const pictogramViewBox = 96.0

// shape is one filled path or circle of a pictogram.
type shape struct {
	rgb    [3]int
	circle []float64 // cx, cy, r; nil for a path
	path   []pathOp
}

// pathOp is one command of a path with its absolute coordinates.
type pathOp struct {
	cmd  byte // M, L, Q or Z
	args []float64
}

var pictogramShapes sync.Map // name → []shape

// pictogramShapesOf parses one of our pictograms, once.
func pictogramShapesOf(name string) ([]shape, error) {
	if s, ok := pictogramShapes.Load(name); ok {
		return s.([]shape), nil
	}
	svg, ok := assets.Pictogram(name)
	if !ok {
		svg, _ = assets.Pictogram(assets.FallbackPictogram)
	}
	shapes, err := parsePictogram(svg)
	if err != nil {
		return nil, fmt.Errorf("pictogram %s: %w", name, err)
	}
	pictogramShapes.Store(name, shapes)
	return shapes, nil
}

// parsePictogram reads the SVG subset our pictograms use.
func parsePictogram(svg []byte) ([]shape, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var out []shape
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				return out, nil
			}
			return nil, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local == "svg" {
			continue
		}
		attr := map[string]string{}
		for _, a := range el.Attr {
			attr[a.Name.Local] = a.Value
		}
		rgb, err := hexColour(attr["fill"])
		if err != nil {
			return nil, err
		}
		switch el.Name.Local {
		case "circle":
			var c []float64
			for _, k := range []string{"cx", "cy", "r"} {
				v, err := strconv.ParseFloat(attr[k], 64)
				if err != nil {
					return nil, fmt.Errorf("circle %s: %w", k, err)
				}
				c = append(c, v)
			}
			out = append(out, shape{rgb: rgb, circle: c})
		case "path":
			ops, err := parsePath(attr["d"])
			if err != nil {
				return nil, err
			}
			out = append(out, shape{rgb: rgb, path: ops})
		default:
			return nil, fmt.Errorf("element <%s> is not drawn", el.Name.Local)
		}
	}
}

// parsePath reads absolute M, L, H, V, Q and Z commands; H and V become L.
func parsePath(d string) ([]pathOp, error) {
	fields := strings.FieldsFunc(d, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' || r == '\t' })
	var tokens []string
	for _, f := range fields { // a command letter may stick to its first number
		for len(f) > 0 && unicode.IsLetter(rune(f[0])) {
			tokens = append(tokens, f[:1])
			f = f[1:]
		}
		if f != "" {
			tokens = append(tokens, f)
		}
	}
	var ops []pathOp
	var x, y float64
	num := func(i int) (float64, error) {
		if i >= len(tokens) {
			return 0, fmt.Errorf("path %q ends too soon", d)
		}
		return strconv.ParseFloat(tokens[i], 64)
	}
	for i := 0; i < len(tokens); {
		cmd := tokens[i]
		need := map[string]int{"M": 2, "L": 2, "H": 1, "V": 1, "Q": 4, "Z": 0}[cmd]
		if _, known := map[string]bool{"M": true, "L": true, "H": true, "V": true, "Q": true, "Z": true}[cmd]; !known {
			return nil, fmt.Errorf("path command %q is not drawn", cmd)
		}
		args := make([]float64, need)
		for k := range args {
			v, err := num(i + 1 + k)
			if err != nil {
				return nil, err
			}
			args[k] = v
		}
		i += 1 + need
		switch cmd {
		case "H":
			cmd, args = "L", []float64{args[0], y}
		case "V":
			cmd, args = "L", []float64{x, args[0]}
		}
		if len(args) >= 2 {
			x, y = args[len(args)-2], args[len(args)-1]
		}
		ops = append(ops, pathOp{cmd: cmd[0], args: args})
	}
	return ops, nil
}

func hexColour(s string) ([3]int, error) {
	c, ok := cards.ParseRGB(s)
	if !ok {
		return [3]int{}, fmt.Errorf("fill %q is not a #RRGGBB colour", s)
	}
	return [3]int{int(c[0]), int(c[1]), int(c[2])}, nil
}

// pictogram draws one of our pictograms as vector shapes, size
// millimetres square, its top left corner at x, y. Each pictogram goes into
// the PDF once, as a form that every card showing it refers to.
func (d *doc) pictogram(name string, x, y, size float64) {
	t, ok := d.pictograms[name]
	if !ok {
		shapes, err := pictogramShapesOf(name)
		if err != nil {
			d.SetError(err)
			return
		}
		box := fpdf.SizeType{Wd: pictogramViewBox, Ht: pictogramViewBox}
		t = d.CreateTemplateCustom(fpdf.PointType{}, box, func(tpl *fpdf.Tpl) { drawShapes(tpl, shapes) })
		d.pictograms[name] = t
	}
	d.UseTemplateScaled(t, fpdf.PointType{X: x, Y: y}, fpdf.SizeType{Wd: size, Ht: size})
}

// drawShapes draws a pictogram's shapes in its own view box units.
func drawShapes(p *fpdf.Tpl, shapes []shape) {
	for _, s := range shapes {
		p.SetFillColor(s.rgb[0], s.rgb[1], s.rgb[2])
		if s.circle != nil {
			p.Circle(s.circle[0], s.circle[1], s.circle[2], "F")
			continue
		}
		for _, op := range s.path {
			a := op.args
			switch op.cmd {
			case 'M':
				p.MoveTo(a[0], a[1])
			case 'L':
				p.LineTo(a[0], a[1])
			case 'Q':
				p.CurveTo(a[0], a[1], a[2], a[3])
			case 'Z':
				p.ClosePath()
			}
		}
		p.DrawPath("F")
	}
}
