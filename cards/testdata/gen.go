//go:build ignore

// Writes the fixture files in this folder as Excel on Dutch Windows writes
// them, from two instruments with the letters that go wrong (é, ë, ï, €,
// curly quotes, an en dash):
//
//	excel-ansi.csv      "CSV (gescheiden door lijstscheidingsteken)": Windows-1252,
//	                    no byte order mark, semicolons, CRLF; Excel turned "1-2"
//	                    hours into the date "1-feb"
//	excel-unicode.txt   "Unicode-tekst": UTF-16 little-endian with a byte order
//	                    mark, tabs, CRLF
//	excel-typed.xlsx    a workbook as someone typing in Excel leaves it: hours as a
//	                    number and as a date (Excel's "4-8"), the review date as a
//	                    date cell, text cells with accents
//	excel-formula.xlsx  the same with a formula in one cell
//	export.xlsx         the two instruments as the app exports a workbook
//
// Run from the repository root: go run cards/testdata/gen.go
//
// Two more are made by LibreOffice Calc, which types a third instrument
// into a new row, with "27+" as its age (libreoffice-type.py, with
// Debian's libreoffice-calc-nogui and python3-uno):
//
//	libreoffice-nieuwe-rij.xlsx        into export.xlsx as the app wrote it
//	                                   before its columns were text: Calc
//	                                   stored the age as the number 27
//	libreoffice-nieuwe-rij-tekst.xlsx  into today's export.xlsx: the text "27+"
//
//	/usr/bin/python3 cards/testdata/libreoffice-type.py "$PWD/cards/testdata/export.xlsx" "$PWD/cards/testdata/libreoffice-nieuwe-rij-tekst.xlsx"
package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const dir = "cards/testdata/"

var header = []string{"id", "categorie", "titel", "samenvatting", "wat ga je doen", "duur", "uren per week", "aanbieder",
	"igm-factoren", "doelen", "leeftijd", "werkervaring", "taalniveau", "voorwaarden", "voordelen", "nadelen", "effect",
	"effect uitleg", "bron", "cliënten zeggen", "pictogram", "laatst bekeken"}

var rows = [][]string{
	{"brede-intake", "klantbeeld", "Brede intake – café", "Je praat over je leven, niet alleen over werk.",
		"Je drinkt koffie in het café met een coach.\nSamen maak je een plan.", "2 weken", "1-feb", "Gemeente, team Werk",
		"attitude, omstandigheden", "motivatie", "", "", "", "Geen.",
		"Je krijgt “echte” aandacht.\nHet kost niets: € 0.", "Het duurt even.\nJe vertelt veel over jezelf.",
		"onbekend", "Er is nog geen goed onderzoek.", "", "Mensen zijn blij met de naïeve vragen.", "coach", "1-10-2026"},
	{"taalcafe", "praktisch", "Taalcafé", "Je oefent Nederlands met buren.",
		"Je praat één keer per week.", "12 weken", "2", "Bibliotheek",
		"kennis-vaardigheden", "nederlandse-taal", "18-27", "geen, weinig", "A1", "Geen.",
		"Je leert snel.\nHet is gezellig.", "Je moet op tijd komen.\nHet is druk.",
		"onbekend", "Er is nog geen goed onderzoek.", "", "Eén keer per week is genoeg.", "taal", "2026-10-01"},
}

func main() {
	all := append([][]string{header}, rows...)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	w.WriteAll(all)
	ansi, err := charmap.Windows1252.NewEncoder().Bytes(buf.Bytes())
	check(err)
	check(os.WriteFile(dir+"excel-ansi.csv", ansi, 0o644))

	buf.Reset()
	w = csv.NewWriter(&buf)
	w.Comma = '\t'
	w.UseCRLF = true
	w.WriteAll(all)
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(buf.Bytes())
	check(err)
	check(os.WriteFile(dir+"excel-unicode.txt", utf16, 0o644))

	writeTyped("excel-typed.xlsx", false)
	writeTyped("excel-formula.xlsx", true)

	cs, _, err := cards.ParseCSV("excel-ansi.csv", ansi)
	check(err)
	out, err := os.Create(dir + "export.xlsx")
	check(err)
	check(cards.WriteXLSX(out, cs))
	check(out.Close())
}

// writeTyped writes the workbook someone typing in Dutch Excel leaves:
// what looks like a number or a date became one.
func writeTyped(name string, formula bool) {
	f := excelize.NewFile()
	sheet := "Blad1"
	f.SetSheetName("Sheet1", sheet)
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // d-m-jjjj
	check(err)
	dayMonth := "d-mmm"
	dayMonthStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dayMonth})
	check(err)
	for c, h := range header {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		f.SetCellStr(sheet, cell, h)
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			switch {
			case header[c] == "uren per week" && r == 0:
				f.SetCellValue(sheet, cell, 45508) // Excel's 4-8: 4 August 2024
				f.SetCellStyle(sheet, cell, cell, dayMonthStyle)
			case header[c] == "uren per week":
				f.SetCellInt(sheet, cell, 2)
			case header[c] == "laatst bekeken":
				f.SetCellValue(sheet, cell, 46296) // 1 October 2026
				f.SetCellStyle(sheet, cell, cell, dateStyle)
			default:
				f.SetCellStr(sheet, cell, strings.TrimSpace(v))
			}
		}
	}
	if formula {
		f.SetCellFormula(sheet, "C3", `CONCATENATE("Taal","café")`)
	}
	check(f.SaveAs(dir + name))
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}
