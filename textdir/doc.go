// Package textdir orders mixed-direction text for display (Unicode bidi
// algorithm) and shapes Arabic-script letters for PDF, so that the screens
// (ui) and the printables (pdf) show Arabic and Farsi the same way and the
// domain (cards) knows nothing of text direction.
//
// A line is first cut into runs of one direction in visual order
// (VisualRuns; StrongDirection tells a paragraph's direction). A renderer
// that shapes Arabic itself, as Fyne does, draws a right-to-left run as the
// pieces RTLPieces gives; one that draws code points as they come, as fpdf
// does, needs the letters in their presentation forms first (ShapeArabic)
// and brackets mirrored (Mirror). It imports only the standard library and
// golang.org/x/text.
package textdir
