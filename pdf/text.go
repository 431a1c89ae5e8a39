package pdf

import (
	"strings"
	"sync"
	"unicode"

	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// span is a piece of a line in one face, shaped and in visual order: what
// fpdf can draw from left to right.
type span struct {
	text string
	face *face
}

// Align places a line within its box.
type align int

const (
	alignStart align = iota // left, or right in a right-to-left document
	alignCenter
	alignEnd
)

// visualSpans orders a logical line with the bidi algorithm, shapes its
// Arabic, reverses and mirrors its right-to-left runs (fpdf draws every run
// left to right) and splits it by the face that has each character. The
// characters that steer shaping and order but have no glyph (zero-width
// non-joiner, direction marks, …) have done their work by then and are left
// out: a font may draw them, as Noto Sans Arabic draws U+200C as a bar.
func visualSpans(line string, rtl bool) []span {
	var out []span
	for _, run := range textdir.VisualRuns(line, rtl) {
		text := run.Text
		if run.RTL {
			text = reverseClusters(textdir.ShapeArabic(text))
		}
		out = append(out, splitFaces(textdir.StripInvisible(text))...)
	}
	return out
}

// reverseClusters reverses a right-to-left run for drawing from left to
// right: letters in reverse order, each still followed by its marks
// (harakat), and brackets mirrored.
func reverseClusters(s string) string {
	var clusters [][]rune
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) && len(clusters) > 0 {
			last := len(clusters) - 1
			clusters[last] = append(clusters[last], r)
			continue
		}
		clusters = append(clusters, []rune{textdir.Mirror(r)})
	}
	out := make([]rune, 0, len(s))
	for i := len(clusters) - 1; i >= 0; i-- {
		out = append(out, clusters[i]...)
	}
	return string(out)
}

// splitFaces cuts text where the face that has its characters changes.
// Spaces and punctuation stay with the text around them. A character that
// no face has, such as an emoji, is drawn as "?" rather than as nothing.
func splitFaces(text string) []span {
	if plainLatin(text) {
		return []span{{text, faces[0]}}
	}
	var out []span
	var b strings.Builder
	var cur *face
	flush := func() {
		if b.Len() > 0 {
			out = append(out, span{b.String(), cur})
			b.Reset()
		}
	}
	for _, r := range text {
		if unicode.IsSpace(r) && cur != nil {
			b.WriteRune(' ')
			continue
		}
		f := faceFor(r)
		if f == nil {
			f, r = faces[0], '?'
		}
		if cur != nil && f != cur && !(cur.has(r) && !unicode.IsLetter(r)) {
			flush()
		}
		if b.Len() == 0 {
			cur = f
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

// plainLatin reports whether every character of s is one the first face
// has and splitFaces would keep as it is: printable ASCII, a plain space,
// and the accented letters of Latin-1 and Latin Extended-A. Most lines are.
func plainLatin(s string) bool {
	for _, r := range s {
		if !(r >= ' ' && r <= '~' || r >= 0xC0 && r <= 0x17F) {
			return false
		}
	}
	return true
}

// faceFor returns the first face with a glyph for r, or nil.
func faceFor(r rune) *face {
	if f, ok := faceCache.Load(r); ok {
		return f.(*face)
	}
	var found *face
	for _, f := range faces {
		if f.has(r) {
			found = f
			break
		}
	}
	faceCache.Store(r, found)
	return found
}

// faceCache remembers faceFor's answers: looking a glyph up in a font's
// character map is slow enough to show in a 200-card deck.
var faceCache sync.Map // rune → *face

// style is how a piece of text is set.
type style struct {
	size float64 // points
	bold bool
}

func (s style) fontStyle() string {
	if s.bold {
		return "B"
	}
	return ""
}

// lineHeight is the distance between baselines, in millimetres.
func (s style) lineHeight() float64 { return s.size * 0.3528 * 1.35 }

// spansWidth measures spans in millimetres.
func (d *doc) spansWidth(spans []span, st style) float64 {
	var w float64
	for _, sp := range spans {
		w += d.spanWidth(sp, st)
	}
	return w
}

// widthKey is a span of text in one face and weight, whose width grows in
// proportion to the size.
type widthKey struct {
	text string
	face *face
	bold bool
}

// spanWidth measures a span once per face and weight: fitting a card's text
// measures the same words at many sizes.
func (d *doc) spanWidth(sp span, st style) float64 {
	k := widthKey{sp.text, sp.face, st.bold}
	w, ok := d.widths[k]
	if !ok {
		d.setFont(sp.face, st)
		w = d.GetStringWidth(sp.text) / st.size
		d.widths[k] = w
	}
	return w * st.size
}

// textWidth measures a logical line.
func (d *doc) textWidth(line string, st style) float64 {
	k := widthKey{text: line, bold: st.bold} // no face: the whole line, in d's direction
	w, ok := d.widths[k]
	if !ok {
		w = d.spansWidth(visualSpans(line, d.rtl), style{size: 1, bold: st.bold})
		d.widths[k] = w
	}
	return w * st.size
}

// line draws one logical line in the box from x to x+w with its baseline
// at y. The line reads in the direction of its first letter with one, so a
// Dutch sentence on an Arabic plan keeps its full stop at the end; it is
// aligned by the document's direction.
func (d *doc) line(x, y, w float64, text string, st style, a align) {
	rtl := d.rtl
	if r, ok := textdir.StrongDirection(text); ok {
		rtl = r
	}
	spans := visualSpans(text, rtl)
	width := d.spansWidth(spans, st)
	if d.rtl && a != alignCenter {
		a = alignEnd - a // start is right, end is left
	}
	switch a {
	case alignCenter:
		x += (w - width) / 2
	case alignEnd:
		x += w - width
	}
	for _, sp := range spans {
		d.setFont(sp.face, st)
		d.Text(x, y, sp.text)
		x += d.spanWidth(sp, st)
	}
}

// wrap breaks text into lines, in logical order, that fit width. A word
// longer than the width starts a line and is broken where it must be.
func (d *doc) wrap(text string, width float64, st style) []string {
	space := d.textWidth(" ", st)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		line, lineW := "", 0.0
		for _, word := range words {
			ww := d.textWidth(word, st)
			if ww > width {
				pieces := d.breakWord(word, width, st)
				if line != "" {
					lines = append(lines, line)
				}
				lines = append(lines, pieces[:len(pieces)-1]...)
				word = pieces[len(pieces)-1]
				line, lineW = word, d.textWidth(word, st)
				continue
			}
			if line == "" {
				line, lineW = word, ww
				continue
			}
			if lineW+space+ww > width {
				lines = append(lines, line)
				line, lineW = word, ww
				continue
			}
			line += " " + word
			lineW += space + ww
		}
		lines = append(lines, line)
	}
	return lines
}

// breakWord cuts a word wider than width into pieces that fit, between
// characters but never inside one (textdir.Clusters). A piece has at least
// one character.
func (d *doc) breakWord(word string, width float64, st style) []string {
	var pieces []string
	var piece strings.Builder
	var pieceW float64
	for _, c := range textdir.Clusters(word) {
		cw := d.textWidth(c, st)
		if piece.Len() > 0 && pieceW+cw > width {
			pieces = append(pieces, piece.String())
			piece.Reset()
			pieceW = 0
		}
		piece.WriteString(c)
		pieceW += cw
	}
	return append(pieces, piece.String())
}
