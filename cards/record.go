package cards

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// record is one card as read from a file, before validation. Both file
// formats produce records, so validation and its messages are shared.
type record struct {
	line   int                 // where the card starts in the file
	values map[string][]string // by column key; single fields hold one value
	lines  map[string]int      // line of a field, where the format knows it
	bad    map[string]bool     // fields whose problem the reader reported already
}

// source describes the file records come from, for locating problems.
type source struct {
	file  string
	place string                // "kolom" or "veld"
	name  func(c column) string // how the file names a column
}

func (s source) problem(r record, key, msg string) Problem {
	p := Problem{File: s.file, Line: r.line, Place: s.place, Message: msg}
	if c, ok := columnByName(key); ok {
		p.Field = s.name(c)
	}
	if l := r.lines[key]; l > 0 {
		p.Line = l
	}
	return p
}

// parseRecords validates records and turns them into cards. It reports
// every problem, not just the first.
func parseRecords(src source, recs []record) ([]Card, Problems) {
	var probs Problems
	switch {
	case len(recs) == 0:
		return nil, Problems{{File: src.file, Message: "het bestand bevat geen instrumenten"}}
	case len(recs) > MaxCards:
		return nil, Problems{{File: src.file, Message: fmt.Sprintf("het bestand heeft %d instrumenten; een catalogus mag er hoogstens %d hebben", len(recs), MaxCards)}}
	}
	out := make([]Card, 0, len(recs))
	seen := map[string]int{}
	for _, r := range recs {
		report := func(key, format string, args ...any) {
			if r.bad[key] {
				return
			}
			probs = append(probs, src.problem(r, key, fmt.Sprintf(format, args...)))
		}
		c := parseCard(r, report)
		if c.ID != "" {
			if first, dup := seen[c.ID]; dup {
				report("id", "%q komt twee keer voor (ook op regel %d); elk instrument heeft een eigen id", c.ID, first)
			} else {
				seen[c.ID] = src.problem(r, "id", "").Line
			}
		}
		out = append(out, c)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return out, nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Limits that keep a card readable on screen and in print.
const (
	maxTitle   = 60
	maxSummary = 160
	maxText    = 2000
)

func parseCard(r record, report func(key, format string, args ...any)) Card {
	single := func(key string) string {
		v := r.values[key]
		if len(v) == 0 {
			return ""
		}
		// A carriage return alone is a line break too (old Mac files); an
		// export writes it as one, so that export and import agree.
		return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(v[0], "\r\n", "\n"), "\r", "\n"))
	}
	text := func(key string, max int) string {
		s := single(key)
		switch n := len([]rune(s)); {
		case s == "":
			report(key, "dit veld is leeg; vul het in")
		case n > max:
			report(key, "de tekst is %d tekens lang; maak hem korter (hoogstens %d)", n, max)
		}
		return s
	}
	list := func(key string, min, max int) []string {
		var out []string
		for _, v := range r.values[key] {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
		if len(out) < min {
			report(key, "er staan er %d; geef er minstens %d (één per regel)", len(out), min)
		}
		for _, s := range out {
			if n := len([]rune(s)); n > max {
				report(key, "een tekst is %d tekens lang; maak hem korter (hoogstens %d)", n, max)
			}
		}
		return out
	}

	var c Card
	c.ID = single("id")
	if c.ID == "" {
		report("id", "dit veld is leeg; geef het instrument een id, bijvoorbeeld \"schuldhulp\"")
	} else if !idPattern.MatchString(c.ID) {
		report("id", "%q is geen geldige id; gebruik alleen kleine letters, cijfers en streepjes", c.ID)
	}
	c.Category = enum(single("categorie"), Categories, "categorie", report)
	c.Title = text("titel", maxTitle)
	c.Summary = text("samenvatting", maxSummary)
	c.WhatYouDo = text("wat_ga_je_doen", maxText)
	c.Duration = text("duur", maxTitle)
	c.Hours = parseHours(single("uren_per_week"), report)
	c.Provider = text("aanbieder", maxSummary)
	c.Factors = enums(r.values["igm_factoren"], Factors, "igm_factoren", report)
	c.Goals = enums(r.values["doelen"], Goals, "doelen", report)
	c.Suits.Age = parseAge(single("leeftijd"), report)
	c.Suits.WorkExperience = enumsOptional(r.values["werkervaring"], WorkExperiences, "werkervaring", report)
	if s := single("taalniveau"); s == "" {
		c.Suits.MinLanguage = LanguageNone
	} else {
		c.Suits.MinLanguage = enum(s, LanguageLevels, "taalniveau", report)
	}
	c.Suits.Conditions = text("voorwaarden", maxText)
	c.Pros = list("voordelen", 2, maxSummary)
	c.Cons = list("nadelen", 2, maxSummary)
	c.Effect.Level = enum(single("effect"), EffectLevels, "effect", report)
	c.Effect.Explanation = text("effect_uitleg", maxText)
	c.Effect.Source = single("bron")
	if c.Effect.Source == "" && c.Effect.Level != "" && c.Effect.Level != EffectUnknown {
		report("bron", "bij effect %q hoort een bron; noem de bron of kies \"onbekend\"", c.Effect.Level)
	}
	c.Clients = text("clienten_zeggen", maxText)
	c.Pictogram = enum(single("pictogram"), Pictograms, "pictogram", report)
	c.Reviewed = parseDate(single("laatst_bekeken"), report)
	return c
}

// unknownValue names what a field holds, for messages: "… is geen bekende categorie".
var unknownValue = map[string]string{
	"categorie":    "bekende categorie",
	"igm_factoren": "bekende IGM-factor",
	"doelen":       "bekend doel",
	"werkervaring": "bekende werkervaring",
	"taalniveau":   "bekend taalniveau",
	"effect":       "bekend effectniveau",
	"pictogram":    "bekend pictogram",
}

// enum parses one value of a closed list, leniently: "Sociale norm" is "sociale-norm".
func enum[T ~string](s string, all []T, key string, report func(key, format string, args ...any)) T {
	if s == "" {
		report(key, "dit veld is leeg; kies uit: %s", joinValues(all))
		return ""
	}
	if v, ok := lookup(s, all); ok {
		return v
	}
	report(key, "%q is geen %s (kies uit: %s)", s, unknownValue[key], joinValues(all))
	return ""
}

func enums[T ~string](vals []string, all []T, key string, report func(key, format string, args ...any)) []T {
	out := enumsOptional(vals, all, key, report)
	if len(vals) == 0 {
		report(key, "dit veld is leeg; kies er minstens één uit: %s", joinValues(all))
	}
	return out
}

func enumsOptional[T ~string](vals []string, all []T, key string, report func(key, format string, args ...any)) []T {
	var out []T
	for _, s := range vals {
		v, ok := lookup(s, all)
		switch {
		case !ok:
			report(key, "%q is geen %s (kies uit: %s)", s, unknownValue[key], joinValues(all))
		case !slices.Contains(out, v):
			out = append(out, v)
		}
	}
	return out
}

func lookup[T ~string](s string, all []T) (T, bool) {
	n := normalName(s)
	for _, v := range all {
		if normalName(string(v)) == n {
			return v, true
		}
	}
	return "", false
}

func joinValues[T ~string](all []T) string { return strings.Join(strs(all), ", ") }

// parseHours reads hours per week: "4", "4 tot 8" or "4-8", or what a
// spreadsheet made of "4-8" when it took it for a date.
func parseHours(s string, report func(key, format string, args ...any)) Range {
	r, ok := parseRange(s)
	if !ok {
		r, ok = hoursFromDate(s)
	}
	if !ok || r.Max < 1 || r.Max > 60 || r.Min > r.Max {
		report("uren_per_week", "%q is geen geldig aantal uren per week; schrijf bijvoorbeeld \"4\" of \"4 tot 8\"", s)
	}
	return r
}

// Excel turns "4-8" into a date: 4 August in Dutch Excel, which a CSV then
// holds as "4-aug" or "4-8-2026", and 8 April elsewhere ("8-Apr",
// "4/8/2026"). Either way the range runs from the smaller of day and
// month to the larger, so it can be read back without a guess.
var (
	dayMonthName = regexp.MustCompile(`^(\d{1,2})[- ]([a-z]{3})\.?$`)
	monthNameDay = regexp.MustCompile(`^([a-z]{3})\.?[- ](\d{1,2})$`)
	numericDate  = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$`)
	monthNumbers = map[string]int{
		"jan": 1, "feb": 2, "mrt": 3, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
	}
)

func hoursFromDate(s string) (Range, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	var a, b int
	if m := dayMonthName.FindStringSubmatch(s); m != nil {
		a, _ = strconv.Atoi(m[1])
		b = monthNumbers[m[2]]
	} else if m := monthNameDay.FindStringSubmatch(s); m != nil {
		a = monthNumbers[m[1]]
		b, _ = strconv.Atoi(m[2])
	} else if m := numericDate.FindStringSubmatch(s); m != nil {
		a, _ = strconv.Atoi(m[1])
		b, _ = strconv.Atoi(m[2])
	}
	if a < 1 || b < 1 || a > 31 || b > 31 {
		return Range{}, false
	}
	return Range{Min: min(a, b), Max: max(a, b)}, true
}

// parseAge reads an age range: empty (every age), "18 tot 27", "18-27" or
// "27+". A bare number is refused: it is what Excel makes of "27+" in a
// cell that is not formatted as text, so reading it as "only 27" would
// quietly keep a different age than the one typed.
func parseAge(s string, report func(key, format string, args ...any)) Range {
	if s == "" {
		return Range{}
	}
	if n, found := strings.CutSuffix(s, "+"); found {
		if v, err := strconv.Atoi(strings.TrimSpace(n)); err == nil && v >= 0 && v <= 120 {
			return Range{Min: v}
		}
	} else if bareNumber.MatchString(strings.TrimSpace(s)) {
		report("leeftijd", "%s is een getal; schrijf een leeftijd als \"18 tot 27\", \"27+\" (27 en ouder) of \"27 tot 27\" (alleen 27), "+
			"of laat de cel leeg voor alle leeftijden. Maakte Excel van 27+ het getal 27? Zet de kolom dan op Tekst en typ de leeftijd opnieuw", strings.TrimSpace(s))
		return Range{}
	} else if r, ok := parseRange(s); ok && r.Min <= r.Max && r.Max <= 120 && r.Max > 0 {
		return r
	}
	report("leeftijd", "%q is geen geldige leeftijd; schrijf bijvoorbeeld \"18 tot 27\" of \"27+\", of laat het leeg voor alle leeftijden", s)
	return Range{}
}

var bareNumber = regexp.MustCompile(`^-?\d+([.,]\d+)?$`)

// parseRange reads "N", "N-M" or "N tot M".
func parseRange(s string) (Range, bool) {
	lo, hi, found := strings.Cut(s, "-")
	if !found {
		lo, hi, found = strings.Cut(s, " tot ")
	}
	a, err := strconv.Atoi(strings.TrimSpace(lo))
	if err != nil || a < 0 {
		return Range{}, false
	}
	if !found {
		return Range{Min: a, Max: a}, true
	}
	b, err := strconv.Atoi(strings.TrimSpace(hi))
	if err != nil {
		return Range{}, false
	}
	return Range{Min: a, Max: b}, true
}

// formatRange writes a range the way parseRange and parseAge read it, as
// "4 tot 8" rather than "4-8", which a spreadsheet turns into a date.
func formatRange(r Range) string {
	switch {
	case r.IsZero():
		return ""
	case r.Max == 0:
		return fmt.Sprintf("%d+", r.Min)
	case r.Min == r.Max:
		return strconv.Itoa(r.Min)
	}
	return fmt.Sprintf("%d tot %d", r.Min, r.Max)
}

// formatAge writes an age range as parseAge reads it: one age as "27 tot
// 27", since a bare number is refused.
func formatAge(r Range) string {
	if r.Min == r.Max && r.Max > 0 {
		return fmt.Sprintf("%d tot %d", r.Min, r.Max)
	}
	return formatRange(r)
}

// dateFormats are accepted for dates; Dutch Excel writes d-m-yyyy.
var dateFormats = []string{"2006-01-02", "2-1-2006", "2/1/2006", "2.1.2006"}

const isoDate = "2006-01-02"

func parseDate(s string, report func(key, format string, args ...any)) time.Time {
	if s == "" {
		report("laatst_bekeken", "dit veld is leeg; schrijf de datum als 2026-10-01 of 1-10-2026")
		return time.Time{}
	}
	for _, f := range dateFormats {
		if t, err := time.Parse(f, s); err == nil {
			return t
		}
	}
	report("laatst_bekeken", "%q is geen geldige datum; schrijf bijvoorbeeld 2026-10-01 of 1-10-2026", s)
	return time.Time{}
}

// fields is the inverse of parseCard: a card's values by column key.
func fields(c Card) map[string][]string {
	one := func(s string) []string { return []string{s} }
	return map[string][]string{
		"id":              one(c.ID),
		"categorie":       one(string(c.Category)),
		"titel":           one(c.Title),
		"samenvatting":    one(c.Summary),
		"wat_ga_je_doen":  one(c.WhatYouDo),
		"duur":            one(c.Duration),
		"uren_per_week":   one(formatRange(c.Hours)),
		"aanbieder":       one(c.Provider),
		"igm_factoren":    strs(c.Factors),
		"doelen":          strs(c.Goals),
		"leeftijd":        one(formatAge(c.Suits.Age)),
		"werkervaring":    strs(c.Suits.WorkExperience),
		"taalniveau":      one(string(c.Suits.MinLanguage)),
		"voorwaarden":     one(c.Suits.Conditions),
		"voordelen":       c.Pros,
		"nadelen":         c.Cons,
		"effect":          one(string(c.Effect.Level)),
		"effect_uitleg":   one(c.Effect.Explanation),
		"bron":            one(c.Effect.Source),
		"clienten_zeggen": one(c.Clients),
		"pictogram":       one(c.Pictogram),
		"laatst_bekeken":  one(c.Reviewed.Format(isoDate)),
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
