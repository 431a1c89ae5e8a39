package cards

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// HiddenSentence says in one sentence how small numbers are hidden.
func (r FiguresReport) HiddenSentence() string {
	return fmt.Sprintf("Aantallen onder de %d staan er als \"< %d\": zo is niemand te herkennen. Waar een totaal staat, is er zo nodig nog een getal verborgen (×), zodat een verborgen aantal ook niet uit te rekenen is.", r.Threshold, r.Threshold)
}

// WriteFiguresXLSX writes the report as a workbook: a first sheet that
// says what the figures are, then one sheet per theme, its header row
// frozen, numbers as numbers (a share as a percentage), and a hidden
// number as the text "< 5".
func WriteFiguresXLSX(w io.Writer, r FiguresReport, organisation string) error {
	f := excelize.NewFile()
	defer f.Close()
	about := "Over deze cijfers"
	f.SetSheetName("Sheet1", about)
	lines := []string{
		"Samen Beslissen: cijfers over het gebruik van de keuzekaarten",
		organisation,
		fmt.Sprintf("Periode: %s tot en met %s. Gesprekken die in die maanden begonnen; elke cliënt telt één keer.", r.From, r.To),
		fmt.Sprintf("Cliënten met een gesprek in deze periode: %s.", r.Clients.Text(r.Threshold)),
		r.HiddenSentence(),
		"Er staan alleen aantallen in: geen namen, kenmerken, teksten of datums.",
	}
	if r.Counted != "" {
		lines = slices.Insert(lines, 3, "Geteld: "+r.Counted+".")
	}
	if len(r.Unknown) > 0 {
		lines = append(lines, "Niet in de catalogus in gebruik, wel in de cijfers: "+strings.Join(r.Unknown, ", ")+".")
	}
	for i, l := range lines {
		f.SetCellStr(about, fmt.Sprintf("A%d", i+1), l)
	}
	f.SetColWidth(about, "A", "A", 110)
	// The used range, which excelize leaves at A1: readers that stream a
	// sheet trust it, and would see one row.
	if err := f.SetSheetDimension(about, fmt.Sprintf("A1:A%d", len(lines))); err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}})
	if err != nil {
		return err
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 9}) // 0%
	if err != nil {
		return err
	}
	right, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right"}})
	if err != nil {
		return err
	}
	for _, t := range r.Tables {
		sheet := t.Title
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		for c, h := range t.Header {
			axis, _ := excelize.CoordinatesToCellName(c+1, 1)
			f.SetCellStr(sheet, axis, h)
			f.SetCellStyle(sheet, axis, axis, header)
		}
		for i, row := range t.Rows {
			for c, label := range row.Labels {
				axis, _ := excelize.CoordinatesToCellName(c+1, i+2)
				f.SetCellStr(sheet, axis, label)
			}
			for c, cell := range row.Cells {
				axis, _ := excelize.CoordinatesToCellName(len(row.Labels)+c+1, i+2)
				switch {
				case cell.Hidden:
					f.SetCellStr(sheet, axis, cell.Text(r.Threshold))
					f.SetCellStyle(sheet, axis, axis, right)
				case cell.None:
				case cell.Kind == KindShare:
					f.SetCellFloat(sheet, axis, float64(cell.N)/float64(cell.Of), 4, 64)
					f.SetCellStyle(sheet, axis, axis, percent)
				case cell.Kind == KindDays:
					f.SetCellFloat(sheet, axis, cell.Days, 1, 64)
				default:
					f.SetCellInt(sheet, axis, int64(cell.N))
				}
			}
		}
		for c := range t.Header {
			name, _ := excelize.ColumnNumberToName(c + 1)
			width := 14.0
			if len(t.Rows) == 0 || c < len(t.Rows[0].Labels) {
				width = 40
			}
			f.SetColWidth(sheet, name, name, width)
		}
		last, _ := excelize.CoordinatesToCellName(len(t.Header), len(t.Rows)+1)
		if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
			return err
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}
