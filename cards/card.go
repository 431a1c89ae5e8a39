// Package cards is the domain of Samen Beslissen: re-integration instruments
// as choice cards (keuzekaarten), their route categories, IGM factors and
// goals, filtering and search, catalogue import/export and validation, and
// Dutch readability. It imports no UI, SQL or PDF code.
package cards

import (
	"math"
	"strconv"
	"time"
)

// Card is one re-integration instrument.
type Card struct {
	ID        string
	Category  Category
	Title     string
	Summary   string // one B1 sentence
	WhatYouDo string // "wat ga je doen"
	Duration  string // plain text, e.g. "8 weken"
	Hours     Range  // hours per week
	Provider  string
	Factors   []Factor
	Goals     []Goal
	Suits     Suitability
	Pros      []string
	Cons      []string
	Effect    Effect
	Clients   string // what clients often say
	Pictogram string
	Reviewed  time.Time
}

// Range is an inclusive range of whole numbers; Max 0 means no upper bound
// and an all-zero Range means "no limit".
type Range struct{ Min, Max int }

// IsZero reports whether the range sets no limit at all.
func (r Range) IsZero() bool { return r.Min == 0 && r.Max == 0 }

// Contains reports whether n lies within the range.
func (r Range) Contains(n int) bool {
	return n >= r.Min && (r.Max == 0 || n <= r.Max)
}

// Suitability says for whom an instrument is meant.
type Suitability struct {
	Age            Range            // zero: every age
	WorkExperience []WorkExperience // empty: every level
	MinLanguage    LanguageLevel    // minimum level of Dutch needed
	Conditions     string           // other conditions, B1
}

// Effect is what is known about an instrument's effect.
type Effect struct {
	Level       EffectLevel
	Explanation string
	Source      string // empty only when Level is EffectUnknown
}

// Category is one of the four route categories of Amsterdam's Keuzehulp.
type Category string

// The route categories, in route order.
const (
	CategoryClientPicture Category = "klantbeeld"
	CategoryPractical     Category = "praktisch"
	CategoryTowardWork    Category = "werk"
	CategoryAftercare     Category = "nazorg"
)

// Categories lists the route categories in route order.
var Categories = []Category{CategoryClientPicture, CategoryPractical, CategoryTowardWork, CategoryAftercare}

// RGB is a colour as red, green and blue, 0–255.
type RGB [3]uint8

// ParseRGB reads a colour written "#RRGGBB", as in SVG and in the
// municipality's settings file.
func ParseRGB(s string) (RGB, bool) {
	var c RGB
	if len(s) != 7 || s[0] != '#' {
		return c, false
	}
	for i := range c {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return c, false
		}
		c[i] = uint8(v)
	}
	return c, true
}

// ContrastWithWhite is the WCAG 2 contrast ratio of white text on c: at
// least 4.5 for normal text at level AA.
func (c RGB) ContrastWithWhite() float64 {
	lum := 0.0
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v := float64(c[i]) / 255
		if v <= 0.03928 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		lum += w * v
	}
	return 1.05 / (lum + 0.05)
}

// Colour returns the category's colour, the same on screen and on paper.
// The colours follow the route: blue to get to know the client, orange for
// practical problems, green toward work, purple for aftercare. Each is dark
// enough to carry white text at WCAG AA (4.5:1); an unknown category is grey.
func (c Category) Colour() RGB {
	switch c {
	case CategoryClientPicture:
		return RGB{0x1F, 0x5F, 0xAF}
	case CategoryPractical:
		return RGB{0xA8, 0x4B, 0x00}
	case CategoryTowardWork:
		return RGB{0x1E, 0x7A, 0x46}
	case CategoryAftercare:
		return RGB{0x6E, 0x3F, 0xA8}
	}
	return RGB{0x55, 0x55, 0x55}
}

// Factor is one of the six factors of the Integratief Gedragsmodel (IGM).
type Factor string

// The IGM factors: three of willen, three of kunnen.
const (
	FactorAttitude      Factor = "attitude"
	FactorSocialNorm    Factor = "sociale-norm"
	FactorSelfEfficacy  Factor = "eigen-effectiviteit"
	FactorKnowledge     Factor = "kennis-vaardigheden"
	FactorSelfRegulate  Factor = "zelfregulering"
	FactorCircumstances Factor = "omstandigheden"
)

// Factors lists the IGM factors, willen first.
var Factors = []Factor{FactorAttitude, FactorSocialNorm, FactorSelfEfficacy, FactorKnowledge, FactorSelfRegulate, FactorCircumstances}

// Goal is what an instrument helps with.
type Goal string

// The goals an instrument can serve.
const (
	GoalDebts          Goal = "schulden"
	GoalMotivation     Goal = "motivatie"
	GoalEmployeeSkill  Goal = "werknemersvaardigheden"
	GoalJobSearch      Goal = "zoeken-en-solliciteren"
	GoalSchooling      Goal = "scholing"
	GoalDutch          Goal = "nederlandse-taal"
	GoalHealth         Goal = "gezondheid"
	GoalDailyRhythm    Goal = "dagritme"
	GoalCare           Goal = "zorgtaken"
	GoalWorkExperience Goal = "werkervaring"
)

// Goals lists every goal.
var Goals = []Goal{GoalDebts, GoalMotivation, GoalEmployeeSkill, GoalJobSearch, GoalSchooling, GoalDutch, GoalHealth, GoalDailyRhythm, GoalCare, GoalWorkExperience}

// WorkExperience is how much work experience a client has.
type WorkExperience string

// The levels of work experience.
const (
	ExperienceNone WorkExperience = "geen"
	ExperienceSome WorkExperience = "weinig"
	ExperienceMuch WorkExperience = "veel"
)

// WorkExperiences lists the levels from none to much.
var WorkExperiences = []WorkExperience{ExperienceNone, ExperienceSome, ExperienceMuch}

// LanguageLevel is a level of Dutch on the CEFR scale; LanguageNone is below A1.
type LanguageLevel string

// The language levels, lowest first.
const (
	LanguageNone LanguageLevel = "geen"
	LanguageA1   LanguageLevel = "A1"
	LanguageA2   LanguageLevel = "A2"
	LanguageB1   LanguageLevel = "B1"
	LanguageB2   LanguageLevel = "B2"
	LanguageC1   LanguageLevel = "C1"
)

// LanguageLevels lists the levels, lowest first.
var LanguageLevels = []LanguageLevel{LanguageNone, LanguageA1, LanguageA2, LanguageB1, LanguageB2, LanguageC1}

// rank orders language levels; an unknown level ranks lowest.
func (l LanguageLevel) rank() int {
	for i, x := range LanguageLevels {
		if x == l {
			return i
		}
	}
	return 0
}

// AtLeast reports whether l is at least level m.
func (l LanguageLevel) AtLeast(m LanguageLevel) bool { return l.rank() >= m.rank() }

// EffectLevel says how strong the evidence for an instrument is.
type EffectLevel string

// The evidence levels, strongest first.
const (
	EffectProven     EffectLevel = "bewezen effectief"
	EffectIndication EffectLevel = "aanwijzingen"
	EffectPractice   EffectLevel = "praktijkervaring"
	EffectUnknown    EffectLevel = "onbekend"
)

// EffectLevels lists the evidence levels, strongest first.
var EffectLevels = []EffectLevel{EffectProven, EffectIndication, EffectPractice, EffectUnknown}

// Colour returns the colour of the level's badge, the same on screen and on
// paper: calmer as the evidence gets weaker, each dark enough to carry white
// text at WCAG AA.
func (l EffectLevel) Colour() RGB {
	switch l {
	case EffectProven:
		return ProColour
	case EffectIndication:
		return RGB{0x2F, 0x6B, 0x8A}
	case EffectPractice:
		return RGB{0x5A, 0x5A, 0x8A}
	}
	return RGB{0x5F, 0x5F, 0x5F}
}

// The colours of pros and of cons, on screen and on paper; each carries
// white text at WCAG AA.
var (
	ProColour = RGB{0x1E, 0x7A, 0x46}
	ConColour = RGB{0xA8, 0x3A, 0x1E}
)

// Pictograms lists the pictogram names a card may use; assets/ has an SVG for each.
var Pictograms = []string{
	"gesprek", "onderzoek", "schulden", "gezondheid", "wonen", "kinderopvang",
	"taal", "dagritme", "motivatie", "solliciteren", "scholing", "werkplek",
	"coach", "vrijwilligerswerk", "vervoer", "nazorg", "netwerk",
}
