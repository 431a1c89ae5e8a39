package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// The worksheet "Mijn kaarten" is the last page of a group kit, on the
// deck's paper, upright: room for three cards side by side with the rows of
// the overview (the same questions, in the same order), circles to colour
// by how much a pro or con weighs, and "Mijn volgende stap" at the foot.
// It is for writing on by hand, so its lines are far apart.

// worksheetRow is a row of the worksheet: its label and how many written
// lines it has; weighed rows have three circles after each line.
type worksheetRow struct {
	label   string
	lines   int
	weighed bool
}

// worksheet adds the worksheet page.
func (cw *cardWriter) worksheet(paper Size) {
	t := cw.dk.T
	if paper.W > paper.H {
		paper = Size{paper.H, paper.W}
	}
	cw.AddPageFormat("P", fpdf.SizeType{Wd: paper.W, Ht: paper.H})
	const margin, rule = 14.0, 7.5
	width := paper.W - 2*margin
	// mirror places a box from the start of the line: from the right in a
	// right-to-left language.
	mirror := func(x, w float64) float64 {
		if cw.rtl {
			return paper.W - x - w
		}
		return x
	}
	grey := cards.RGB{0x88, 0x88, 0x88}

	// Title, the municipality, name and date.
	y := margin
	title := style{size: 20, bold: true}
	cw.line(margin, y+title.lineHeight()*0.75, width, t("kit.sheet.title"), title, alignStart)
	cw.line(margin, y+title.lineHeight()*0.75, width, cw.dk.Org.Name, style{size: 10}, alignEnd)
	y += title.lineHeight() + 3
	body := style{size: 11}
	half := width / 2
	for i, label := range []string{t("kit.sheet.name"), t("kit.sheet.date")} {
		x := margin + float64(i)*half
		lw := cw.textWidth(label+":", body) + 2
		cw.line(mirror(x, lw), y+rule, lw, label+":", body, alignStart)
		cw.SetDrawColor(int(grey[0]), int(grey[1]), int(grey[2]))
		cw.SetLineWidth(0.25)
		lx := mirror(x+lw, half-lw-6)
		cw.Line(lx, y+rule+1, lx+half-lw-6, y+rule+1)
	}
	y += rule + 5
	for _, l := range cw.wrap(t("kit.sheet.intro"), width, body) {
		y += body.lineHeight()
		cw.line(margin, y-body.lineHeight()*0.25, width, l, body, alignStart)
	}
	y += 3

	// The table: a label column and three columns to write in.
	rows := []worksheetRow{
		{t("row.what"), 2, false}, {t("row.duration"), 1, false}, {t("row.hours"), 1, false},
		{t("row.yields"), 1, false}, {t("row.asks"), 2, false},
		{t("row.pros"), 3, true}, {t("row.cons"), 3, true},
		{t("row.effect"), 1, false}, {t("row.weighing"), 1, false},
	}
	label := style{size: 10, bold: true}
	labelW := 36.0
	colW := (width - labelW) / 3
	head := rule * 1.6
	cw.SetFillColor(0xEE, 0xEE, 0xEE)
	cw.Rect(margin, y, width, head, "F")
	for i := range 3 {
		x := mirror(margin+labelW+float64(i)*colW, colW)
		cw.line(x+2, y+head*0.45, colW-4, t("kit.sheet.option", map[string]any{"N": i + 1}), label, alignStart)
		cw.SetDrawColor(int(grey[0]), int(grey[1]), int(grey[2]))
		cw.Line(x+2, y+head-1.5, x+colW-2, y+head-1.5)
	}
	y += head
	circleR := 2.0
	for _, row := range rows {
		h := float64(row.lines)*rule + 2
		cw.SetDrawColor(0xCC, 0xCC, 0xCC)
		cw.SetLineWidth(0.3)
		cw.Line(margin, y, margin+width, y)
		lines := cw.wrap(row.label, labelW-3, label)
		h = max(h, float64(len(lines))*label.lineHeight()+2)
		for i, l := range lines {
			cw.line(mirror(margin+1, labelW-3), y+label.lineHeight()*float64(i+1), labelW-3, l, label, alignStart)
		}
		for c := range 3 {
			x := margin + labelW + float64(c)*colW
			for l := 1; l <= row.lines; l++ {
				ly := y + float64(l)*rule
				end := x + colW - 3
				if row.weighed {
					end -= 3 * (2*circleR + 1.2)
					for k := range 3 {
						cx := end + 1.2 + circleR + float64(k)*(2*circleR+1.2)
						cw.SetDrawColor(0x55, 0x55, 0x55)
						cw.Circle(mirror(cx, 0), ly-circleR, circleR, "D")
					}
				}
				cw.SetDrawColor(int(grey[0]), int(grey[1]), int(grey[2]))
				cw.SetLineWidth(0.25)
				cw.Line(mirror(x+2, end-x-2), ly, mirror(x+2, end-x-2)+end-x-2, ly)
			}
		}
		y += h
	}
	cw.SetDrawColor(0xCC, 0xCC, 0xCC)
	cw.Line(margin, y, margin+width, y)

	// My next step, who helps and when, in a green box to the foot.
	y += 6
	box := Rect{margin, y, width, paper.H - margin - y}
	light := tintRGB(cards.ProColour, 0.88)
	cw.SetFillColor(int(light[0]), int(light[1]), int(light[2]))
	cw.RoundedRect(box.X, box.Y, box.W, box.H, 3, "1234", "F")
	heading := style{size: 14, bold: true}
	cw.SetTextColor(int(cards.ProColour[0]), int(cards.ProColour[1]), int(cards.ProColour[2]))
	cw.line(box.X+4, box.Y+heading.lineHeight(), box.W-8, t("kit.sheet.next"), heading, alignStart)
	cw.SetTextColor(0, 0, 0)
	ly := box.Y + heading.lineHeight() + 2
	bottom := box.Y + box.H - 2*rule - 3
	cw.ruled(Rect{box.X + 4, ly, box.W - 8, bottom - ly}, rule, grey)
	for i, label := range []string{t("kit.sheet.who"), t("kit.sheet.when")} {
		by := bottom + float64(i+1)*rule
		lw := cw.textWidth(label, body) + 3
		cw.line(mirror(box.X+4, lw), by, lw, label, body, alignStart)
		cw.SetDrawColor(int(grey[0]), int(grey[1]), int(grey[2]))
		lx := mirror(box.X+4+lw, box.W-8-lw)
		cw.Line(lx, by, lx+box.W-8-lw, by)
	}
}
