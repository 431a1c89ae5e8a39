package cards

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func sampleFigures(from, to string, clients int) *Figures {
	f := NewFigures(must(ParseMonth(from)), must(ParseMonth(to)))
	f.Clients = clients
	f.Instruments["werkfit"] = InstrumentFigures{Compared: clients / 2, Chosen: clients / 4}
	f.Areas[AreaMoney] = AreaFigures{Worries: clients / 3, Attention: clients / 5}
	f.Factors[FactorAttitude] = clients / 2
	f.Decided, f.UnsureDecided = clients/2, clients/10
	f.FollowedUp, f.GoalFits, f.WayChanged = clients/4, clients/5, clients/20
	f.DaysToDecision[0], f.DaysToDecision[14] = clients/4, clients/4
	f.DaysToFollowUp[30] = clients / 4
	f.PlanLanguages["ar"] = clients / 3
	return f
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestFigures_JSONRoundTrip(t *testing.T) {
	f := sampleFigures("2026-01", "2026-06", 40)
	var buf bytes.Buffer
	if err := WriteFiguresJSON(&buf, f); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "geen namen") || !strings.Contains(buf.String(), "deel dit bestand niet") {
		t.Errorf("the file does not say what it holds:\n%s", buf.String())
	}
	got, err := ReadFiguresJSON("a.json", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got, f)
	}
}

func TestReadFiguresJSON_Refuses(t *testing.T) {
	for name, text := range map[string]string{
		"not ours":     `{"soort": "iets anders"}`,
		"not JSON":     `id;titel`,
		"unknown key":  `{"soort": "` + figuresFileKind + `", "versie": 1, "namen": ["Jan"]}`,
		"newer":        `{"soort": "` + figuresFileKind + `", "versie": 2}`,
		"negative":     `{"soort": "` + figuresFileKind + `", "versie": 1, "van": "2026-01", "tot_en_met": "2026-02", "clienten": 3, "besloten": -1}`,
		"too many":     `{"soort": "` + figuresFileKind + `", "versie": 1, "van": "2026-01", "tot_en_met": "2026-02", "clienten": 3, "instrumenten": {"x": {"vergeleken": 9}}}`,
		"unknown area": `{"soort": "` + figuresFileKind + `", "versie": 1, "van": "2026-01", "tot_en_met": "2026-02", "clienten": 3, "leefgebieden": {"maan": {"zorgen": 1}}}`,
	} {
		if _, err := ReadFiguresJSON("x.json", strings.NewReader(text)); err == nil {
			t.Errorf("%s: read without complaint", name)
		}
	}
}

func TestFigures_Add(t *testing.T) {
	a, b := sampleFigures("2026-03", "2026-06", 40), sampleFigures("2026-01", "2026-04", 20)
	b.Instruments["alleen-b"] = InstrumentFigures{Compared: 3}
	a.Add(b)
	if a.From.String() != "2026-01" || a.To.String() != "2026-06" || a.Clients != 60 {
		t.Errorf("period and clients: %v–%v, %d", a.From, a.To, a.Clients)
	}
	if got := a.Instruments["werkfit"]; got != (InstrumentFigures{Compared: 30, Chosen: 15}) {
		t.Errorf("werkfit: %+v", got)
	}
	if a.Instruments["alleen-b"].Compared != 3 || a.DaysToDecision[14] != 15 || a.PlanLanguages["ar"] != 19 {
		t.Errorf("merged: %+v", a)
	}
}

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		days map[int]int
		want float64
		ok   bool
	}{
		{map[int]int{}, 0, false},
		{map[int]int{7: 1}, 7, true},
		{map[int]int{0: 2, 14: 2}, 7, true},
		{map[int]int{0: 1, 14: 2}, 14, true},
		{map[int]int{3: 5, 10: 1, 40: 3}, 3, true},
		{map[int]int{3: 4, 10: 1, 40: 4}, 10, true},
	} {
		if got, ok := Median(tt.days); got != tt.want || ok != tt.ok {
			t.Errorf("Median(%v) = %v, %v; want %v", tt.days, got, ok, tt.want)
		}
	}
}

func TestFigures_ReportHides(t *testing.T) {
	cat := NewCatalogue([]Card{{ID: "werkfit", Title: "Werkfit", Category: CategoryTowardWork}, {ID: "zeldzaam", Title: "Zeldzaam", Category: CategoryAftercare}})
	f := NewFigures(must(ParseMonth("2026-01")), must(ParseMonth("2026-12")))
	f.Clients = 100
	f.Instruments["werkfit"] = InstrumentFigures{Compared: 80, Chosen: 40}
	f.Instruments["zeldzaam"] = InstrumentFigures{Compared: 3, Chosen: 1}
	f.Areas[AreaTransport] = AreaFigures{Worries: 2, Attention: 30} // the rest, 68, is shown
	f.Decided, f.UnsureDecided = 60, 4
	f.PlanLanguages["nl"], f.PlanLanguages["ti"], f.PlanLanguages["so"] = 70, 1, 2
	r := f.Report(cat, 3, func(id string) string { return id }, func(code string) string { return "taal " + code })
	if r.Threshold != MinCount {
		t.Errorf("a threshold of 3 was taken: %d", r.Threshold)
	}
	find := func(title, label string) []string {
		for _, tb := range r.Tables {
			if tb.Title != title {
				continue
			}
			for _, row := range tb.Rows {
				for _, l := range row.Labels {
					if l == label {
						var out []string
						for _, c := range row.Cells {
							out = append(out, c.Text(r.Threshold))
						}
						return out
					}
				}
			}
		}
		t.Fatalf("no row %q in %s", label, title)
		return nil
	}
	for _, tt := range []struct {
		title, label string
		want         []string
	}{
		{"Instrumenten", "werkfit", []string{"80", "40", "50%"}},
		{"Instrumenten", "zeldzaam", []string{"< 5", "< 5", "×"}},
		// 2 worries hidden; 30 and 68 add up with it to the 100 shown, so the
		// smaller, 30, is hidden too, as "×": it is not under 5.
		{"Leefgebieden", "area.vervoer", []string{"< 5", "×", "68"}},
		{"Besluiten", "Besloten met twijfel (minder dan vier keer ja)", []string{"< 5", "×"}},
		{"Besluiten", "Besloten zonder twijfel (vier keer ja)", []string{"×", "×"}},
		{"Talen", "taal nl", []string{"70"}},
		{"Talen", "Andere talen", []string{"< 5"}},
	} {
		if got := find(tt.title, tt.label); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s, %s: %q, want %q", tt.title, tt.label, got, tt.want)
		}
	}
	for _, tb := range r.Tables {
		for _, row := range tb.Rows {
			if strings.Contains(strings.Join(row.Labels, " "), "taal ti") {
				t.Error("a language one client took is named")
			}
		}
	}
}

// TestWriteFiguresXLSX_UsedRange: every sheet of the figures workbook gives
// its used range, so a reader that streams a sheet sees every row.
func TestWriteFiguresXLSX_UsedRange(t *testing.T) {
	cat := NewCatalogue([]Card{{ID: "werkfit", Title: "Werkfit", Category: CategoryTowardWork}})
	r := sampleFigures("2026-01", "2026-12", 100).Report(cat, MinCount, func(id string) string { return id }, func(code string) string { return code })
	var buf bytes.Buffer
	if err := WriteFiguresXLSX(&buf, r, "Gemeente Voorbeeld"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cols := 0
		for _, row := range rows {
			cols = max(cols, len(row))
		}
		last, _ := excelize.CoordinatesToCellName(cols, len(rows))
		if got, _ := f.GetSheetDimension(sheet); got != "A1:"+last {
			t.Errorf("sheet %q: used range %q, want A1:%s", sheet, got, last)
		}
	}
}
