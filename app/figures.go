package app

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	xlanguage "golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
	"github.com/samenbeslissen/samenbeslissen/pdf"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

const figuresUsage = `Gebruik:
  samenbeslissen cijfers [--van 2026-01] [--tot 2026-12] --uit cijfers.xlsx (of .pdf)
        anonieme cijfers over het gebruik van de kaarten, per cliënt geteld;
        kleine aantallen verborgen (standaard: dit jaar tot en met deze maand)
  samenbeslissen cijfers [--van …] [--tot …] --uit laptop.json
        de ruwe aantallen van deze laptop, om samen te voegen (nog niet verborgen: niet delen)
  samenbeslissen cijfers samenvoegen a.json b.json … --uit totaal.xlsx (of .pdf)
        de ruwe aantallen van alle laptops bij elkaar; pas dan worden kleine aantallen verborgen
`

// runFigures writes the anonymous figures of the database in use, or
// merges laptops' raw figures.
func runFigures(db string, cat *cards.Catalogue, mun *municipal, args []string, now time.Time, stdout, stderr io.Writer) int {
	merging := len(args) > 0 && args[0] == "samenvoegen"
	if merging {
		args = args[1:]
	}
	fs := flag.NewFlagSet("cijfers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, figuresUsage) }
	from := fs.String("van", fmt.Sprintf("%d-01", now.Year()), "")
	to := fs.String("tot", cards.MonthOf(now).String(), "")
	out := fs.String("uit", "", "")
	if err := fs.Parse(flagsFirst(args)); err != nil {
		return 2
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out == "" || (ext != ".xlsx" && ext != ".pdf" && ext != ".json") || (merging && ext == ".json") || (merging && fs.NArg() == 0) {
		fmt.Fprint(stderr, figuresUsage)
		return 2
	}
	var figures *cards.Figures
	var org cards.Organisation // on the report: the settings file's, or as set on this laptop
	var counted string         // whose clients
	if mun != nil {
		org = mun.Org
	}
	if merging {
		for _, name := range fs.Args() {
			data, err := os.ReadFile(name)
			if err != nil {
				fmt.Fprintf(stderr, "%s lezen: %v\n", name, err)
				return 1
			}
			f, err := cards.ReadFiguresJSON(name, bytes.NewReader(data))
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			if figures == nil {
				figures = f
			} else {
				figures.Add(f)
			}
		}
		counted = fmt.Sprintf("de cliënten van %d laptops samen", fs.NArg())
	} else {
		first, err := cards.ParseMonth(*from)
		if err == nil {
			var last cards.Month
			if last, err = cards.ParseMonth(*to); err == nil && last.Before(first) {
				err = fmt.Errorf("--tot (%s) ligt voor --van (%s)", last, first)
			}
			if err == nil {
				figures, org, counted, err = countFigures(db, first, last, cat, mun)
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	var buf bytes.Buffer
	var err error
	if ext == ".json" {
		err = cards.WriteFiguresJSON(&buf, figures)
	} else {
		report := figuresReport(figures, cat, mun)
		report.Counted = counted
		err = writeFigures(&buf, ext, report, org, now)
		for _, id := range report.Unknown {
			fmt.Fprintf(stderr, "Let op: instrument %q staat in de cijfers, maar niet in de catalogus in gebruik; het staat in de cijfers als \"niet in de catalogus\".\n", id)
		}
	}
	if err == nil {
		err = storage.WriteFileAtomic(*out, buf.Bytes())
	}
	if err != nil {
		fmt.Fprintf(stderr, "cijfers schrijven: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Cijfers van %s tot en met %s, %s, in %s.\n", figures.From, figures.To, count(figures.Clients, "cliënt", "cliënten"), *out)
	return 0
}

// writeFigures writes a report as a workbook (.xlsx) or a PDF.
func writeFigures(w io.Writer, ext string, r cards.FiguresReport, org cards.Organisation, now time.Time) error {
	if ext == ".pdf" {
		return pdf.WriteFigures(w, pdf.Figures{Report: r, Org: org, Date: now})
	}
	return cards.WriteFiguresXLSX(w, r, org.Name)
}

// figuresScreen is what the window's Cijfers screen asks of the app: the
// figures of the database that is open, and saving them with the
// printables.
type figuresScreen struct{ p printer }

func (s figuresScreen) Figures(from, to cards.Month) (cards.FiguresReport, error) {
	f, err := s.p.db.Figures(from, to, s.p.cat)
	if err != nil {
		return cards.FiguresReport{}, err
	}
	r := figuresReport(f, s.p.cat, s.p.mun)
	r.Counted = countedIn(s.p.db)
	return r, nil
}

func (s figuresScreen) SaveFigures(r cards.FiguresReport, ext string) (string, error) {
	org, err := s.p.organisation()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := writeFigures(&buf, ext, r, org, s.p.now()); err != nil {
		return "", err
	}
	path := filepath.Join(s.p.files, fmt.Sprintf("cijfers-%s-%s%s", r.From, r.To, ext))
	return path, storage.WriteFileAtomic(path, buf.Bytes())
}

// countFigures counts the figures in the database in use, and returns the
// municipality the printables name and whose clients were counted.
func countFigures(db string, from, to cards.Month, cat *cards.Catalogue, mun *municipal) (*cards.Figures, cards.Organisation, string, error) {
	d, err := storage.OpenWith(db, storage.Options{ReadOnly: true})
	if err != nil {
		return nil, cards.Organisation{}, "", err
	}
	defer d.Close()
	org, err := printer{db: d, mun: mun}.organisation()
	if err != nil {
		return nil, org, "", err
	}
	f, err := d.Figures(from, to, cat)
	return f, org, countedIn(d), err
}

// countedIn says whose clients the figures of a database count, so that
// a professional's own figures are not taken for the team's.
func countedIn(d *storage.DB) string {
	switch {
	case d.Team() == nil:
		return "de cliënten op deze laptop"
	case d.CountsTeam():
		return "alle cliënten van het team"
	}
	return "alleen de eigen cliënten van " + d.Team().User
}

// figuresReport makes the figures fit to show, with Dutch names.
func figuresReport(f *cards.Figures, cat *cards.Catalogue, mun *municipal) cards.FiguresReport {
	tr, _ := locales.New(locales.Source.String())
	names := display.Dutch.Languages()
	lang := func(code string) string {
		if n := names.Name(xlanguage.Make(code)); n != "" {
			return n
		}
		return code
	}
	threshold := cards.MinCount
	if mun != nil {
		threshold = max(threshold, mun.FiguresMinimum)
	}
	return f.Report(cat, threshold, func(id string) string { return tr.T(id) }, lang)
}

// flagsFirst puts the flags before the file names, so that "samenvoegen
// a.json b.json --uit x.xlsx" reads as it is written; every flag of the
// command takes a value.
func flagsFirst(args []string) []string {
	var flags, files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			files = append(files, args[i+1:]...)
			return append(append(flags, "--"), files...)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			files = append(files, a)
		}
	}
	return append(flags, files...)
}
