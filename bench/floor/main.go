// Command floor writes what a 200-card deck writes, with bare fpdf and no
// layout: the same number of pages (A6 cards without bleed, four to an A4
// sheet, fronts and backs), the same embedded fonts, a coloured band and a
// few lines of text per card. It is the yardstick scripts/bench-printables.sh
// times the app's own deck against.
//
// Usage: floor OUT.pdf
package main

import (
	"fmt"
	"os"

	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/assets"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor OUT.pdf")
		os.Exit(2)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	for _, f := range []struct{ name, style string }{{"NotoSans-Regular", ""}, {"NotoSans-Bold", "B"}} {
		data, _ := assets.Font(f.name)
		pdf.AddUTF8FontFromBytes("noto", f.style, data)
	}
	const cards, perSheet = 200, 4
	for sheet := 0; sheet < cards/perSheet; sheet++ {
		for side := 0; side < 2; side++ {
			pdf.AddPage()
			for i := 0; i < perSheet; i++ {
				x, y := float64(i%2)*105, float64(i/2)*148.5
				pdf.SetFillColor(0x1F, 0x5F, 0xAF)
				pdf.Rect(x, y, 105, 20, "F")
				pdf.SetFont("noto", "B", 14)
				pdf.Text(x+8, y+40, fmt.Sprintf("Kaart %d", sheet*perSheet+i+1))
				pdf.SetFont("noto", "", 10)
				for l := 0; l < 6; l++ {
					pdf.Text(x+8, y+55+float64(l)*6, "Je krijgt hulp bij de volgende stap naar werk.")
				}
			}
		}
	}
	if err := pdf.OutputFileAndClose(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
