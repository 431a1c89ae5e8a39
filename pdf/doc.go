// Package pdf draws the printables of Samen Beslissen with go-pdf/fpdf:
// the client's plan, the side-by-side overview and card decks. It draws
// from plain data (cards types and a session value), so the app, the
// command line and the tests share one code path. Fonts are embedded and
// subset; Arabic is shaped (textdir.ShapeArabic) and every line is ordered
// with the Unicode bidi algorithm (textdir.VisualRuns), which fpdf does not
// do itself.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/samenbeslissen/samenbeslissen/assets"
)

// Meta is what a PDF says about itself.
type Meta struct {
	Title   string
	Author  string // the municipality
	Subject string
	Lang    string    // BCP 47, such as "nl" or "ar"
	Created time.Time // fixed in tests, so the output is byte for byte the same
	Archive bool      // PDF/A-2b, for documents that go into a file (pdfa.go)
}

// face is an embedded font family and the characters it has.
type face struct {
	family string
	file   string // regular; the bold one adds "-Bold"
	font   *sfnt.Font
	// How far its letters reach above and below the baseline, in ems
	// (metrics.go).
	ascent, descent float64
}

// faces are tried in order for each character: Latin and Cyrillic, Arabic
// and Farsi, Ethiopic.
var faces = []*face{
	{family: "sans", file: "NotoSans"},
	{family: "arabic", file: "NotoSansArabic"},
	{family: "ethiopic", file: "NotoSansEthiopic"},
}

func init() {
	for _, f := range faces {
		data, ok := assets.Font(f.file + "-Regular")
		if !ok {
			panic("pdf: missing font " + f.file) // a build mistake; assets tests catch it
		}
		font, err := sfnt.Parse(data)
		if err != nil {
			panic("pdf: font " + f.file + ": " + err.Error())
		}
		f.font = font
		f.ascent, f.descent = inkExtent(font, inkRanges[f.file])
	}
}

// has reports whether the face has a glyph for r.
func (f *face) has(r rune) bool {
	var buf sfnt.Buffer
	i, err := f.font.GlyphIndex(&buf, r)
	return err == nil && i != 0
}

// doc is one PDF being drawn.
type doc struct {
	*fpdf.Fpdf
	root       *fpdf.Fpdf               // the document, when Fpdf is a form being drawn
	rtl        bool                     // the document's main direction
	added      map[string]bool          // fonts already in the PDF
	font       fontState                // the font fpdf has selected
	widths     map[widthKey]float64     // text widths at 1 pt, in millimetres
	pictograms map[string]fpdf.Template // each pictogram drawn once, then reused
}

// fontState is a face, style and size as fpdf has it selected.
type fontState struct {
	face *face
	st   style
}

// newDoc starts a PDF with the embedded fonts and the metadata.
func newDoc(orientation string, size fpdf.SizeType, m Meta, rtl bool) *doc {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: size})
	// fpdf reads past the end of a string that is not valid UTF-8 and panics.
	valid := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	m.Title, m.Author, m.Subject = valid(m.Title), valid(m.Author), valid(m.Subject)
	p.SetTitle(m.Title, true)
	p.SetAuthor(m.Author, true)
	p.SetSubject(m.Subject, true)
	p.SetCreator("Samen Beslissen", true)
	p.SetProducer(producer, true)
	p.SetLang(m.Lang)
	p.SetCreationDate(m.Created)
	p.SetModificationDate(m.Created)
	p.SetCatalogSort(true)
	p.SetAutoPageBreak(false, 0)
	p.SetCompression(false) // compressStreams does it, faster
	if m.Archive {
		archival(p, m)
	}
	return &doc{Fpdf: p, root: p, rtl: rtl, added: map[string]bool{}, widths: map[widthKey]float64{}, pictograms: map[string]fpdf.Template{}}
}

// setFont selects a face; a font goes into the PDF only once it is used,
// and then only the characters used (fpdf subsets it). fpdf writes every
// selection into the page, so one that changes nothing is skipped.
func (d *doc) setFont(f *face, st style) {
	if d.font == (fontState{f, st}) {
		return
	}
	d.font = fontState{f, st}
	key := f.family + st.fontStyle()
	if !d.added[key] {
		file := f.file + "-Regular"
		if st.bold {
			file = f.file + "-Bold"
		}
		data, _ := assets.Font(file)
		d.root.AddUTF8FontFromBytes(f.family, st.fontStyle(), data)
		d.added[key] = true
	}
	d.SetFont(f.family, st.fontStyle(), st.size)
}

// ClipEnd ends a clip, and TransformEnd a transformation, as fpdf does:
// with PDF's Q, which also brings back the font and colours from before
// they began, while fpdf still thinks its own are set. So they are set
// again.
func (d *doc) ClipEnd() {
	d.Fpdf.ClipEnd()
	d.restoreState()
}

// TransformEnd: see ClipEnd.
func (d *doc) TransformEnd() {
	d.Fpdf.TransformEnd()
	d.restoreState()
}

func (d *doc) restoreState() {
	d.font = fontState{} // the next setFont selects its font again
	d.SetFillColor(d.GetFillColor())
	d.SetDrawColor(d.GetDrawColor())
	d.SetTextColor(d.GetTextColor())
}

// drawInto makes draw draw into a form (an fpdf template) instead of the
// page. The form shares the document's fonts, which are added to the
// document itself.
func (d *doc) drawInto(tpl *fpdf.Tpl, draw func()) {
	page := d.Fpdf
	d.Fpdf, d.font = &tpl.Fpdf, fontState{} // the form starts with no font
	draw()
	d.Fpdf, d.font = page, fontState{}
	if err := tpl.Error(); err != nil {
		d.SetError(err)
	}
}

// write finishes the PDF into w.
func (d *doc) write(w io.Writer) error {
	if err := d.Error(); err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		return fmt.Errorf("pdf maken: %w", err)
	}
	out, err := compressStreams(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
