package cards

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"time"
)

// Figures are anonymous counts of how the offering was used over a period
// of whole months, counted per client, not per conversation: what policy
// and quality staff need to keep the catalogue fitting. They hold only
// counts and day differences: no names, references, free text, notes, or
// dates finer than a month. Raw figures still have counts below the
// threshold; Suppress makes them fit to show.
type Figures struct {
	From, To Month // the first and the last month, both included
	// Clients had a conversation that started in the period.
	Clients int
	// Instruments by card id: how many clients compared each in step 5,
	// and chose it in step 6.
	Instruments map[string]InstrumentFigures
	// Categories by the catalogue in use on the laptop: how many clients
	// compared and chose an instrument of each (a client who compared two
	// of one category counts once).
	Categories map[Category]InstrumentFigures
	// Areas: how many clients' situation (step 2) was marked "zorgen" or
	// "aandacht nodig" in each life area.
	Areas map[LifeArea]AreaFigures
	// Factors: for how many clients step 3 noted what helps or what holds
	// back on a willen/kunnen factor (that something was noted, not what).
	Factors map[Factor]int
	// Decided chose in step 6; UnsureDecided did so with fewer than three
	// "ja" in the SURE test (decisional conflict).
	Decided, UnsureDecided int
	// FollowedUp said in a follow-up (step 7) whether the goal still fits;
	// GoalFits said yes. WayChanged chose another card in a follow-up than
	// in the conversation it followed.
	FollowedUp, GoalFits, WayChanged int
	// Days from a client's first conversation to their decision, and from
	// the decision to their first follow-up: days → clients.
	DaysToDecision, DaysToFollowUp map[int]int
	// PlanLanguages: how many clients took their plan home in each
	// language.
	PlanLanguages map[string]int
}

// InstrumentFigures are the clients that compared an instrument and chose it.
type InstrumentFigures struct {
	Compared int `json:"vergeleken"`
	Chosen   int `json:"gekozen"`
}

// AreaFigures are the clients whose life area was marked each way.
type AreaFigures struct {
	Worries   int `json:"zorgen"`
	Attention int `json:"aandacht"`
}

// Month is a calendar month, the finest time the figures know.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads "2026-01".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return Month{}, fmt.Errorf("%q is geen maand; schrijf jaar-maand, zoals 2026-01", s)
	}
	return Month{t.Year(), t.Month()}, nil
}

// MonthOf is the month a time falls in, in local time.
func MonthOf(t time.Time) Month { return Month{t.Year(), t.Month()} }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Start is the first moment of the month, local time.
func (m Month) Start() time.Time { return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.Local) }

// Next is the month after.
func (m Month) Next() Month { return MonthOf(m.Start().AddDate(0, 1, 0)) }

// Before says whether m comes before o.
func (m Month) Before(o Month) bool { return m.Start().Before(o.Start()) }

// MarshalText writes "2026-01".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads "2026-01".
func (m *Month) UnmarshalText(b []byte) error {
	parsed, err := ParseMonth(string(b))
	*m = parsed
	return err
}

// NewFigures are empty figures for a period.
func NewFigures(from, to Month) *Figures {
	return &Figures{
		From: from, To: to,
		Instruments: map[string]InstrumentFigures{}, Categories: map[Category]InstrumentFigures{}, Areas: map[LifeArea]AreaFigures{}, Factors: map[Factor]int{},
		DaysToDecision: map[int]int{}, DaysToFollowUp: map[int]int{}, PlanLanguages: map[string]int{},
	}
}

// Add adds the figures of another laptop: every count is summed, and the
// period becomes the one that covers both. Clients of one laptop are not
// on another, so per-client counts add up.
func (f *Figures) Add(o *Figures) {
	if o.From.Before(f.From) {
		f.From = o.From
	}
	if f.To.Before(o.To) {
		f.To = o.To
	}
	f.Clients += o.Clients
	for id, x := range o.Instruments {
		y := f.Instruments[id]
		f.Instruments[id] = InstrumentFigures{Compared: y.Compared + x.Compared, Chosen: y.Chosen + x.Chosen}
	}
	for c, x := range o.Categories {
		y := f.Categories[c]
		f.Categories[c] = InstrumentFigures{Compared: y.Compared + x.Compared, Chosen: y.Chosen + x.Chosen}
	}
	for a, x := range o.Areas {
		y := f.Areas[a]
		f.Areas[a] = AreaFigures{Worries: y.Worries + x.Worries, Attention: y.Attention + x.Attention}
	}
	addCounts(f.Factors, o.Factors)
	f.Decided += o.Decided
	f.UnsureDecided += o.UnsureDecided
	f.FollowedUp += o.FollowedUp
	f.GoalFits += o.GoalFits
	f.WayChanged += o.WayChanged
	addCounts(f.DaysToDecision, o.DaysToDecision)
	addCounts(f.DaysToFollowUp, o.DaysToFollowUp)
	addCounts(f.PlanLanguages, o.PlanLanguages)
}

func addCounts[K comparable](to, from map[K]int) {
	for k, n := range from {
		to[k] += n
	}
}

// Median is the median of days → clients, and whether there are any.
func Median(days map[int]int) (float64, bool) {
	total := 0
	for _, n := range days {
		total += n
	}
	if total == 0 {
		return 0, false
	}
	keys := slices.Sorted(maps.Keys(days))
	at := func(i int) int { // the i-th value, 0-based, in sorted order
		for _, d := range keys {
			if i < days[d] {
				return d
			}
			i -= days[d]
		}
		return keys[len(keys)-1]
	}
	if total%2 == 1 {
		return float64(at(total / 2)), true
	}
	return float64(at(total/2-1)+at(total/2)) / 2, true
}

// figuresFileKind names a laptop's raw figures file.
const figuresFileKind = "Samen Beslissen: ruwe cijfers van één laptop"

// figuresFileNote says in the file what it is and is not.
const figuresFileNote = "Alleen aantallen per cliënt, geen namen, kenmerken, teksten, notities of datums. " +
	"Kleine aantallen zijn hier nog niet verborgen: deel dit bestand niet. " +
	"Voeg de bestanden van alle laptops samen met 'samenbeslissen cijfers samenvoegen'; dan pas worden kleine aantallen verborgen."

// figuresFile is the JSON of a laptop's raw figures.
type figuresFile struct {
	Kind           string                         `json:"soort"`
	Note           string                         `json:"let_op"`
	Version        int                            `json:"versie"`
	From           Month                          `json:"van"`
	To             Month                          `json:"tot_en_met"`
	Clients        int                            `json:"clienten"`
	Instruments    map[string]InstrumentFigures   `json:"instrumenten"`
	Categories     map[Category]InstrumentFigures `json:"categorieen"`
	Areas          map[LifeArea]AreaFigures       `json:"leefgebieden"`
	Factors        map[Factor]int                 `json:"factoren_genoteerd"`
	Decided        int                            `json:"besloten"`
	UnsureDecided  int                            `json:"besloten_met_twijfel"`
	FollowedUp     int                            `json:"vervolg_doel_beantwoord"`
	GoalFits       int                            `json:"vervolg_doel_past"`
	WayChanged     int                            `json:"vervolg_andere_keuze"`
	DaysToDecision map[int]int                    `json:"dagen_tot_besluit"`
	DaysToFollowUp map[int]int                    `json:"dagen_tot_vervolg"`
	PlanLanguages  map[string]int                 `json:"plan_talen"`
}

// WriteFiguresJSON writes raw figures for merging, with a note in the file
// that says they are raw.
func WriteFiguresJSON(w io.Writer, f *Figures) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(figuresFile{
		Kind: figuresFileKind, Note: figuresFileNote, Version: 1, From: f.From, To: f.To, Clients: f.Clients,
		Instruments: f.Instruments, Categories: f.Categories, Areas: f.Areas, Factors: f.Factors,
		Decided: f.Decided, UnsureDecided: f.UnsureDecided, FollowedUp: f.FollowedUp, GoalFits: f.GoalFits, WayChanged: f.WayChanged,
		DaysToDecision: f.DaysToDecision, DaysToFollowUp: f.DaysToFollowUp, PlanLanguages: f.PlanLanguages,
	})
}

// ReadFiguresJSON reads a laptop's raw figures; a file that is not one, or
// whose counts cannot be, is refused.
func ReadFiguresJSON(name string, r io.Reader) (*Figures, error) {
	var ff figuresFile
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ff); err != nil || ff.Kind != figuresFileKind {
		return nil, fmt.Errorf("%s is geen bestand met cijfers van een laptop (gemaakt met 'samenbeslissen cijfers --uit laptop.json')", name)
	}
	if ff.Version != 1 {
		return nil, fmt.Errorf("%s is gemaakt door een nieuwere versie van Samen Beslissen (versie %d); werk de app bij", name, ff.Version)
	}
	f := NewFigures(ff.From, ff.To)
	f.Clients, f.Decided, f.UnsureDecided, f.FollowedUp, f.GoalFits, f.WayChanged = ff.Clients, ff.Decided, ff.UnsureDecided, ff.FollowedUp, ff.GoalFits, ff.WayChanged
	maps.Copy(f.Instruments, ff.Instruments)
	maps.Copy(f.Categories, ff.Categories)
	maps.Copy(f.Areas, ff.Areas)
	maps.Copy(f.Factors, ff.Factors)
	maps.Copy(f.DaysToDecision, ff.DaysToDecision)
	maps.Copy(f.DaysToFollowUp, ff.DaysToFollowUp)
	maps.Copy(f.PlanLanguages, ff.PlanLanguages)
	if err := f.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// check refuses counts that no laptop writes: negative ones, more clients
// doing something than there are, an area or factor the app does not know.
func (f *Figures) check() error {
	bad := func(what string, n int) error {
		return fmt.Errorf("het aantal %s (%d) kan niet kloppen; het bestand is veranderd of beschadigd", what, n)
	}
	counts := map[string]int{"cliënten": f.Clients, "besloten": f.Decided, "met twijfel besloten": f.UnsureDecided,
		"vervolggesprekken": f.FollowedUp, "doel past": f.GoalFits, "andere keuze": f.WayChanged}
	for _, what := range slices.Sorted(maps.Keys(counts)) {
		if n := counts[what]; n < 0 || n > f.Clients {
			return bad(what, n)
		}
	}
	for id, x := range f.Instruments {
		if x.Compared < 0 || x.Chosen < 0 || x.Compared > f.Clients || x.Chosen > f.Clients {
			return bad("bij instrument "+id, max(x.Compared, x.Chosen))
		}
	}
	for c, x := range f.Categories {
		if !slices.Contains(Categories, c) {
			return fmt.Errorf("categorie %q ken ik niet", c)
		}
		if x.Compared < 0 || x.Chosen < 0 || x.Compared > f.Clients || x.Chosen > f.Clients {
			return bad("bij categorie "+string(c), max(x.Compared, x.Chosen))
		}
	}
	for a, x := range f.Areas {
		if !slices.Contains(LifeAreas, a) {
			return fmt.Errorf("leefgebied %q ken ik niet", a)
		}
		if x.Worries < 0 || x.Attention < 0 || x.Worries+x.Attention > f.Clients {
			return bad("bij leefgebied "+string(a), x.Worries+x.Attention)
		}
	}
	for fa, n := range f.Factors {
		if !slices.Contains(Factors, fa) {
			return fmt.Errorf("factor %q ken ik niet", fa)
		}
		if n < 0 || n > f.Clients {
			return bad("bij factor "+string(fa), n)
		}
	}
	for _, m := range []map[int]int{f.DaysToDecision, f.DaysToFollowUp} {
		for d, n := range m {
			if d < 0 || n < 0 {
				return errors.New("een aantal dagen kan niet kloppen; het bestand is veranderd of beschadigd")
			}
		}
	}
	return nil
}

// UnknownInstruments are the ids in the figures that catalogue cat does
// not have, sorted: reported when merging, never dropped silently.
func (f *Figures) UnknownInstruments(cat *Catalogue) []string {
	var out []string
	for id := range f.Instruments {
		if _, ok := cat.Card(id); !ok {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
