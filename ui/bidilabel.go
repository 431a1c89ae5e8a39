package ui

import (
	"image/color"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/samenbeslissen/samenbeslissen/textdir"
)

// bidiLabel shows text that may run right to left. Fyne shapes Arabic within
// a run but lays the runs of a line out from left to right, so this label
// wraps the text to its width itself, orders each line with the Unicode
// bidi algorithm (textdir.VisualRuns) and draws each run as its own
// canvas.Text, aligned right for a right-to-left paragraph. Format
// characters (textdir.Invisible) order and join but are never drawn. The
// script's own font draws only what it has beyond ASCII: Latin, ASCII
// digits and brackets come from the theme's font in the label's style, so
// a bold heading is bold throughout, and every piece stands on one baseline.
type bidiLabel struct {
	widget.BaseWidget
	text  string
	rtl   bool    // the paragraph's direction
	right bool    // align to the right, as in a right-to-left screen
	scale float32 // text size relative to the theme's; 0 is 1
	style fyne.TextStyle
	color color.Color   // nil is the theme's foreground
	font  fyne.Resource // the script's own font; nil is the theme's
	one   bool          // one line, never wrapped, as on a button
}

// newBidiLabel shows text aligned as the screen's direction says; the
// text's own direction comes from its first letter with a strong direction,
// so a Dutch note on an Arabic screen still reads left to right.
func newBidiLabel(text string, rightToLeft bool) *bidiLabel {
	rtl, found := textdir.StrongDirection(text)
	if !found {
		rtl = rightToLeft
	}
	l := &bidiLabel{text: text, rtl: rtl, right: rightToLeft}
	l.ExtendBaseWidget(l)
	return l
}

// inScript draws the label's letters in a language's own font, if it has
// one (scriptFont), bold or not.
func (l *bidiLabel) inScript(lang string, bold bool) {
	l.font = scriptFont(lang, bold)
}

// AccessibilityLabel is the text, in logical order.
func (l *bidiLabel) AccessibilityLabel() string { return l.text }

// AccessibilityRole is text's.
func (l *bidiLabel) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// fontOf is the font r is drawn in: the script's own for what it has
// beyond ASCII (letters, marks, the script's punctuation and digits),
// otherwise the theme's (nil), which has Latin, digits and brackets in
// every weight.
func (l *bidiLabel) fontOf(r rune) fyne.Resource {
	if l.font != nil && r >= 0x80 && fontHas(l.font, r) {
		return l.font
	}
	return nil
}

// partFont is the font a part of byFont is drawn in: that of its first
// character other than a space; spaces alone take the script's.
func (l *bidiLabel) partFont(part string) fyne.Resource {
	for _, r := range part {
		if !unicode.IsSpace(r) {
			return l.fontOf(r)
		}
	}
	return l.font
}

// byFont cuts text where the font it is drawn in changes. A space stays
// with the text before it, so that a line of one script is measured whole.
func (l *bidiLabel) byFont(text string) []string {
	if l.font == nil {
		return []string{text}
	}
	var parts []string
	start, started := 0, false
	var cur fyne.Resource
	for i, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		f := l.fontOf(r)
		if started && f != cur {
			parts = append(parts, text[start:i])
			start = i
		}
		cur, started = f, true
	}
	return append(parts, text[start:])
}

// measureIn is the size of text drawn in font (nil: the theme's), and the
// distance from its top to its baseline.
func (l *bidiLabel) measureIn(text string, font fyne.Resource) (fyne.Size, float32) {
	return fyne.CurrentApp().Driver().RenderedTextSize(text, l.textSize(), l.style, font)
}

// measure is the size of text as the label draws it, each part in its own
// font, format characters left out; so a layout outside the client view's
// theme measures the same as the drawing.
func (l *bidiLabel) measure(text string) fyne.Size {
	var size fyne.Size
	for _, visible := range textdir.VisibleParts(text) {
		for _, part := range l.byFont(visible) {
			s, _ := l.measureIn(part, l.partFont(part))
			size.Width += s.Width
			size.Height = max(size.Height, s.Height)
		}
	}
	return size
}

// SetText changes the text.
func (l *bidiLabel) SetText(text string) {
	l.text = text
	l.Refresh()
}

// textSize follows the theme of the label's container, so the client view's
// larger text applies.
func (l *bidiLabel) textSize() float32 {
	size := theme.SizeForWidget(theme.SizeNameText, l)
	if l.scale > 0 {
		size *= l.scale
	}
	return size
}

func (l *bidiLabel) CreateRenderer() fyne.WidgetRenderer {
	return &bidiRenderer{l: l}
}

type bidiRenderer struct {
	l        *bidiLabel
	texts    []fyne.CanvasObject
	width    float32 // of the last layout
	minLines int     // lines the last MinSize allowed for
}

// wrapSlack is left free at the end of a line. A scroll bar appearing
// narrows a label by a pixel or so after its parent has laid it out; without
// slack such a change could add a line the parent has no room for.
const wrapSlack = 6

// wrap breaks the text into lines of whole words that fit width, each line
// in logical order. A word wider than the line is broken between
// characters.
func (r *bidiRenderer) wrap(width float32) []string {
	l := r.l
	if l.one {
		return []string{strings.Join(strings.Fields(l.text), " ")}
	}
	width -= wrapSlack
	var lines []string
	for _, para := range strings.Split(l.text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		var split []string
		for _, w := range words {
			if width > 0 && l.measure(w).Width > width {
				split = append(split, r.breakWord(w, width)...)
			} else {
				split = append(split, w)
			}
		}
		line := split[0]
		for _, w := range split[1:] {
			if width > 0 && l.measure(line+" "+w).Width > width {
				lines = append(lines, line)
				line = w
			} else {
				line += " " + w
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// breakWord cuts a word wider than width into pieces that fit, never
// inside a character (textdir.Clusters); each piece has one at least.
func (r *bidiRenderer) breakWord(word string, width float32) []string {
	var pieces []string
	piece, pieceW := "", float32(0)
	for _, c := range textdir.Clusters(word) {
		cw := r.l.measure(c).Width
		if piece != "" && pieceW+cw > width {
			pieces = append(pieces, piece)
			piece, pieceW = "", 0
		}
		piece += c
		pieceW += cw
	}
	return append(pieces, piece)
}

// metrics are the line's ascent and descent: the larger of the theme's
// font and the script's, as a line may hold both.
func (r *bidiRenderer) metrics() (ascent, descent float32) {
	for _, font := range []fyne.Resource{nil, r.l.font} {
		size, base := r.l.measureIn("Mg", font)
		ascent, descent = max(ascent, base), max(descent, size.Height-base)
	}
	return ascent, descent
}

func (r *bidiRenderer) lineHeight() float32 {
	ascent, descent := r.metrics()
	return ascent + descent + theme.SizeForWidget(theme.SizeNameLineSpacing, r.l)
}

// piece is a part of a line drawn as one canvas.Text.
type piece struct {
	text string
	font fyne.Resource
}

// pieces orders a line (textdir.VisualRuns) and cuts it into what is drawn
// from left to right: right-to-left runs into words and the punctuation
// between them (textdir.RTLPieces), every run at its format characters,
// which are left out (textdir.VisibleParts), and at each change of font.
func (r *bidiRenderer) pieces(line string) []piece {
	l := r.l
	var out []piece
	for _, run := range textdir.VisualRuns(line, l.rtl) {
		var texts []string
		parts := textdir.VisibleParts(run.Text)
		if run.RTL {
			slices.Reverse(parts)
		}
		for _, part := range parts {
			if !run.RTL {
				texts = append(texts, l.byFont(part)...)
				continue
			}
			for _, p := range textdir.RTLPieces(part) {
				byFont := l.byFont(p)
				slices.Reverse(byFont)
				texts = append(texts, byFont...)
			}
		}
		for _, t := range texts {
			out = append(out, piece{t, l.partFont(t)})
		}
	}
	return out
}

func (r *bidiRenderer) Layout(size fyne.Size) {
	l := r.l
	fg := l.color
	if fg == nil {
		fg = theme.ColorForWidget(theme.ColorNameForeground, l)
	}
	r.width = size.Width
	r.texts = r.texts[:0]
	lines := r.wrap(size.Width)
	if len(lines) != r.minLines {
		// At this width the label needs another height than it asked for.
		requestReflow()
	}
	lh := r.lineHeight()
	ascent, _ := r.metrics()
	for i, line := range lines {
		pieces := r.pieces(line)
		sizes := make([]fyne.Size, len(pieces))
		bases := make([]float32, len(pieces))
		var total float32
		for k, p := range pieces {
			sizes[k], bases[k] = l.measureIn(p.text, p.font)
			total += sizes[k].Width
		}
		x := float32(0)
		if l.right {
			x = size.Width - total
		}
		for k, p := range pieces {
			t := canvas.NewText(p.text, fg)
			t.TextSize = l.textSize()
			t.TextStyle = l.style
			t.FontSource = p.font
			// Fonts differ in how far their baseline lies from the top.
			t.Move(fyne.NewPos(x, float32(i)*lh+ascent-bases[k]))
			t.Resize(sizes[k])
			r.texts = append(r.texts, t)
			x += sizes[k].Width
		}
	}
}

func (r *bidiRenderer) MinSize() fyne.Size {
	l := r.l
	// As wide as the widest word, unless that is wider than a long Dutch
	// word (about 40 letters): such a word is broken to fit.
	var widest float32
	for _, w := range strings.Fields(l.text) {
		widest = max(widest, l.measure(w).Width)
	}
	// The slack keeps the widest word whole at the least width.
	widest = min(widest, 20*l.textSize()) + wrapSlack
	if l.one {
		widest = l.measure(r.wrap(0)[0]).Width + wrapSlack
	}
	r.minLines = len(r.wrap(r.width))
	if r.width == 0 {
		r.minLines = strings.Count(l.text, "\n") + 1
	}
	return fyne.NewSize(widest, float32(r.minLines)*r.lineHeight())
}

func (r *bidiRenderer) Refresh() {
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

func (r *bidiRenderer) Objects() []fyne.CanvasObject { return r.texts }

func (r *bidiRenderer) Destroy() {}
