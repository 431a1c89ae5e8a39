package cards

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// MinCount is the smallest count a figures report shows; a municipality
// may raise it, never lower it.
const MinCount = 5

// CellKind says what a number in a figures report is.
type CellKind int

const (
	KindCount CellKind = iota // clients
	KindShare                 // N of Of, shown as a percentage
	KindDays                  // a median number of days
)

// Cell is one number of a figures report.
type Cell struct {
	Kind   CellKind
	N      int     // clients; for a share the part
	Of     int     // for a share, the whole
	Days   float64 // for a median
	Hidden bool    // a small count, or what could reveal one
	// Secondary: hidden not for being small but so that a small one
	// cannot be worked out from a total; shown as "×", not "< 5".
	Secondary bool
	None      bool // nothing to show: a share of zero, a median of nobody
}

// Text is the cell as shown: "< 5", "×" (hidden with it, or a share of a
// hidden count), "37%", "12", "14 dagen" or "–".
func (c Cell) Text(threshold int) string {
	switch {
	case c.Hidden && (c.Secondary || c.Kind == KindShare):
		return "×"
	case c.Hidden:
		return "< " + strconv.Itoa(threshold)
	case c.None:
		return "–"
	case c.Kind == KindShare:
		return strconv.Itoa(int(math.Round(100*float64(c.N)/float64(c.Of)))) + "%"
	case c.Kind == KindDays:
		return strconv.FormatFloat(c.Days, 'f', -1, 64) + " dagen"
	}
	return strconv.Itoa(c.N)
}

// FigureRow is a row of a figures table: its labels, its numbers, and in
// plain Dutch what its bar shows.
type FigureRow struct {
	Labels  []string
	Cells   []Cell
	Caption string
}

// FigureTable is one theme of a figures report: a sheet of the workbook, a
// page of the PDF.
type FigureTable struct {
	Title   string
	Intro   string
	Header  []string // labels, then numbers
	Rows    []FigureRow
	BarCell int // which cell the PDF draws as a bar; -1 for none
	// Nested: the cell after the bar cell is a part of it (chosen of
	// compared), drawn dark within it. Stacked: it is another part of the
	// whole, drawn light after it (aandacht nodig after zorgen).
	Nested, Stacked bool
}

// FiguresReport is figures made fit to show: every count below the
// threshold hidden, and where a total is shown, enough other cells hidden
// that no hidden count can be worked out from it.
type FiguresReport struct {
	From, To  Month
	Counted   string // whose clients: "alle cliënten van het team"
	Threshold int
	Clients   Cell
	Tables    []FigureTable
	Unknown   []string // instrument ids the catalogue does not have
}

// Report makes the figures fit to show, with the catalogue's titles and
// categories and t's Dutch names of areas, factors and categories; lang
// names a language code. threshold below MinCount is MinCount.
func (f *Figures) Report(cat *Catalogue, threshold int, t func(id string) string, lang func(code string) string) FiguresReport {
	k := max(threshold, MinCount)
	count := func(n int) Cell { return Cell{Kind: KindCount, N: n, Hidden: n > 0 && n < k} }
	share := func(part, whole Cell) Cell {
		return Cell{Kind: KindShare, N: part.N, Of: whole.N, Hidden: part.Hidden || whole.Hidden, None: whole.N == 0}
	}
	median := func(days map[int]int) Cell {
		m, ok := Median(days)
		n := 0
		for _, c := range days {
			n += c
		}
		return Cell{Kind: KindDays, Days: m, N: n, Hidden: ok && n < k, None: !ok}
	}
	r := FiguresReport{From: f.From, To: f.To, Threshold: k, Clients: count(f.Clients), Unknown: f.UnknownInstruments(cat)}
	period := fmt.Sprintf("%s tot en met %s", f.From, f.To)

	// Instruments, most compared first.
	instruments := FigureTable{Title: "Instrumenten", BarCell: 0, Nested: true,
		Intro:  "Per instrument: hoeveel cliënten het vergeleken in stap 5, en hoeveel het kozen in stap 6 (" + period + ").",
		Header: []string{"Id", "Titel", "Categorie", "Vergeleken", "Gekozen", "Aandeel gekozen"}}
	ids := slices.Collect(func(yield func(string) bool) {
		for _, c := range cat.Cards() {
			if !yield(c.ID) {
				return
			}
		}
		for _, id := range r.Unknown {
			if !yield(id) {
				return
			}
		}
	})
	slices.SortStableFunc(ids, func(a, b string) int { return cmp.Compare(f.Instruments[b].Compared, f.Instruments[a].Compared) })
	for _, id := range ids {
		x := f.Instruments[id]
		title, category := "(niet in de catalogus)", ""
		if c, ok := cat.Card(id); ok {
			title, category = c.Title, t("category."+string(c.Category))
		}
		compared, chosen := count(x.Compared), count(x.Chosen)
		row := FigureRow{Labels: []string{id, title, category}, Cells: []Cell{compared, chosen, share(chosen, compared)}}
		row.Caption = fmt.Sprintf("%s van de %s cliënten die %s vergeleken, kozen het.", chosen.Text(k), compared.Text(k), title)
		instruments.Rows = append(instruments.Rows, row)
	}

	categories := FigureTable{Title: "Categorieën", BarCell: 0, Nested: true,
		Intro:  "Per categorie: hoeveel cliënten een instrument ervan vergeleken en kozen; wie er twee vergeleek, telt één keer.",
		Header: []string{"Categorie", "Vergeleken", "Gekozen", "Aandeel gekozen"}}
	for _, c := range Categories {
		x := f.Categories[c]
		compared, chosen := count(x.Compared), count(x.Chosen)
		categories.Rows = append(categories.Rows, FigureRow{Labels: []string{t("category." + string(c))},
			Cells:   []Cell{compared, chosen, share(chosen, compared)},
			Caption: fmt.Sprintf("%s van de %s cliënten die iets uit %s vergeleken, kozen daaruit.", chosen.Text(k), compared.Text(k), t("category."+string(c)))})
	}

	// Areas: the three columns add up to all clients, so a hidden one
	// takes another with it.
	areas := FigureTable{Title: "Leefgebieden", BarCell: 0, Stacked: true,
		Intro:  fmt.Sprintf("Per leefgebied (stap 2): bij hoeveel van de %s cliënten het gemarkeerd is als zorgen of als aandacht nodig.", r.Clients.Text(k)),
		Header: []string{"Leefgebied", "Zorgen", "Aandacht nodig", "Gaat goed of niet gemarkeerd"}}
	for _, a := range LifeAreas {
		x := f.Areas[a]
		cells := []Cell{count(x.Worries), count(x.Attention), count(f.Clients - x.Worries - x.Attention)}
		complement(cells, r.Clients)
		areas.Rows = append(areas.Rows, FigureRow{Labels: []string{t("area." + string(a))}, Cells: cells,
			Caption: fmt.Sprintf("Bij %s van de %s cliënten is %s gemarkeerd als zorgen, bij %s als aandacht nodig.",
				cells[0].Text(k), r.Clients.Text(k), t("area."+string(a)), cells[1].Text(k))})
	}

	factors := FigureTable{Title: "Drijfveren", BarCell: 0,
		Intro:  "Per factor van willen en kunnen (stap 3): bij hoeveel cliënten er iets over genoteerd is. Wat er staat, telt niet mee.",
		Header: []string{"Factor", "Cliënten met een notitie"}}
	for _, fa := range Factors {
		n := count(f.Factors[fa])
		factors.Rows = append(factors.Rows, FigureRow{Labels: []string{t("factor." + string(fa))}, Cells: []Cell{n},
			Caption: fmt.Sprintf("Bij %s van de %s cliënten is iets genoteerd over %s.", n.Text(k), r.Clients.Text(k), t("factor."+string(fa)))})
	}

	decided := count(f.Decided)
	sure := []Cell{count(f.UnsureDecided), count(f.Decided - f.UnsureDecided)}
	complement(sure, decided)
	decisions := FigureTable{Title: "Besluiten", BarCell: -1,
		Intro:  "Hoeveel cliënten een keuze maakten, en hoe zeker: bij minder dan vier keer ja in de SURE-test twijfelde de cliënt nog.",
		Header: []string{"", "Cliënten", "Aandeel"},
		Rows: []FigureRow{
			{Labels: []string{"Besloten"}, Cells: []Cell{decided, share(decided, r.Clients)}},
			{Labels: []string{"Besloten met twijfel (minder dan vier keer ja)"}, Cells: []Cell{sure[0], share(sure[0], decided)}},
			{Labels: []string{"Besloten zonder twijfel (vier keer ja)"}, Cells: []Cell{sure[1], share(sure[1], decided)}},
			{Labels: []string{"Mediaan: dagen van het eerste gesprek tot het besluit"}, Cells: []Cell{median(f.DaysToDecision), {None: true}}},
		}}

	followed := count(f.FollowedUp)
	fits := []Cell{count(f.GoalFits), count(f.FollowedUp - f.GoalFits)}
	complement(fits, followed)
	changed := count(f.WayChanged)
	followUp := FigureTable{Title: "Vervolg", BarCell: -1,
		Intro:  "In een vervolggesprek (stap 7): past het doel nog, en koos de cliënt een andere weg?",
		Header: []string{"", "Cliënten", "Aandeel"},
		Rows: []FigureRow{
			{Labels: []string{"Doel besproken in een vervolggesprek"}, Cells: []Cell{followed, share(followed, r.Clients)}},
			{Labels: []string{"Doel past nog"}, Cells: []Cell{fits[0], share(fits[0], followed)}},
			{Labels: []string{"Doel past niet meer"}, Cells: []Cell{fits[1], share(fits[1], followed)}},
			{Labels: []string{"Andere keuze gemaakt"}, Cells: []Cell{changed, share(changed, decided)}},
			{Labels: []string{"Mediaan: dagen van het besluit tot het eerste vervolggesprek"}, Cells: []Cell{median(f.DaysToFollowUp), {None: true}}},
		}}

	languages := FigureTable{Title: "Talen", BarCell: 0,
		Intro:  "In welke taal cliënten hun plan mee naar huis namen.",
		Header: []string{"Taal", "Cliënten"}}
	codes := slices.Sorted(func(yield func(string) bool) {
		for code := range f.PlanLanguages {
			if !yield(code) {
				return
			}
		}
	})
	// A language few took is not named: together they are "andere talen".
	others := 0
	for _, code := range codes {
		if f.PlanLanguages[code] < k {
			others += f.PlanLanguages[code]
			continue
		}
		n := count(f.PlanLanguages[code])
		languages.Rows = append(languages.Rows, FigureRow{Labels: []string{lang(code)}, Cells: []Cell{n},
			Caption: fmt.Sprintf("%s cliënten namen hun plan mee in het %s.", n.Text(k), lang(code))})
	}
	if others > 0 {
		n := count(others)
		languages.Rows = append(languages.Rows, FigureRow{Labels: []string{"Andere talen"}, Cells: []Cell{n},
			Caption: fmt.Sprintf("%s cliënten namen hun plan mee in een andere taal.", n.Text(k))})
	}

	// For the catalogue's owner: what nobody compared, and what many
	// compared but few chose.
	owner := FigureTable{Title: "Voor de catalogus", BarCell: -1,
		Intro:  "Instrumenten die in deze periode niemand vergeleek, en instrumenten die vaak vergeleken maar weinig gekozen werden (minder dan een op de vijf).",
		Header: []string{"Id", "Titel", "Wat opviel", "Vergeleken", "Gekozen"}}
	for _, c := range cat.Cards() {
		if f.Instruments[c.ID].Compared == 0 {
			owner.Rows = append(owner.Rows, FigureRow{Labels: []string{c.ID, c.Title, "niet vergeleken"}, Cells: []Cell{count(0), count(0)}})
		}
	}
	for _, row := range instruments.Rows {
		compared, chosen := row.Cells[0], row.Cells[1]
		if !compared.Hidden && compared.N >= 2*k && chosen.N*5 < compared.N {
			owner.Rows = append(owner.Rows, FigureRow{Labels: []string{row.Labels[0], row.Labels[1], "vaak vergeleken, weinig gekozen"}, Cells: []Cell{compared, chosen}})
		}
	}
	r.Tables = []FigureTable{instruments, categories, areas, factors, decisions, followUp, languages, owner}
	return r
}

// complement hides, when the parts add up to a shown total and one of them
// is hidden, the smallest shown part too, so that the hidden one cannot be
// worked out by subtraction.
func complement(parts []Cell, total Cell) {
	if total.Hidden {
		return
	}
	hidden := 0
	for _, c := range parts {
		if c.Hidden {
			hidden++
		}
	}
	if hidden != 1 {
		return
	}
	smallest := -1
	for i, c := range parts {
		if !c.Hidden && (smallest < 0 || c.N < parts[smallest].N) {
			smallest = i
		}
	}
	if smallest >= 0 {
		parts[smallest].Hidden, parts[smallest].Secondary = true, true
	}
}
