package cards

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A conversation of Samen Beslissen walks seven steps (Arnhem's guide).
const (
	StepPrepare   = 1 // voorbereiden en informeren
	StepSituation = 2 // persoonlijke situatie
	StepDrivers   = 3 // drijfveren en beweegredenen
	StepGoal      = 4 // doel bepalen
	StepOptions   = 5 // keuzemogelijkheden
	StepDecide    = 6 // samen beslissen
	StepEvaluate  = 7 // evaluatie
	Steps         = 7
)

// Limits on what identifies a client; a name is a name, not a note.
const (
	MaxNameLength      = 100
	MaxReferenceLength = 50
)

// Client is a person the municipality helps, kept pseudonymous: a name or
// initials and an optional own reference, never a BSN.
type Client struct {
	ID           int64
	Name         string
	Reference    string
	Created      time.Time
	LastActivity time.Time // of the latest session
	Sessions     int       // number of sessions
	Language     string    // the client's language (BCP 47, such as "ar"); "" until chosen
}

// Handover is a client given from one professional to another in a team,
// with a note for the one who takes over.
type Handover struct {
	From, To, Note string // logins
	At             time.Time
}

// Change is a field of a session that someone else saved while it was open
// here. As a conflict it is a field typed here too: Mine was not saved,
// and the professional chooses between the two.
type Change struct {
	Key   string
	Value string // as the other saved it
	By    string // the other's login
	Mine  string // what was typed here, for a conflict
}

// Organisation is the municipality as the printables name it.
type Organisation struct {
	Name    string // "Gemeente Arnhem"
	Contact string // whom the client can call
	Phone   string
	Logo    []byte // PNG or JPEG; optional
	// Colour, when set (by the municipality's settings file), colours the
	// plan's headings and the deck's shared backs and instruction cards.
	Colour *RGB
}

// LifeArea is a part of the client's life looked at in step 2.
type LifeArea string

// The life areas of step 2.
const (
	AreaWork      LifeArea = "werk"
	AreaMoney     LifeArea = "geld"
	AreaHousing   LifeArea = "wonen"
	AreaHealth    LifeArea = "gezondheid"
	AreaPeople    LifeArea = "mensen"
	AreaCare      LifeArea = "zorg"
	AreaLanguage  LifeArea = "taal"
	AreaTransport LifeArea = "vervoer"
)

// LifeAreas lists the life areas in the order they are discussed.
var LifeAreas = []LifeArea{AreaWork, AreaMoney, AreaHousing, AreaHealth, AreaPeople, AreaCare, AreaLanguage, AreaTransport}

// Mark is how a life area is going.
type Mark string

// The marks of a life area; empty means not discussed yet.
const (
	MarkGood      Mark = "goed"
	MarkAttention Mark = "aandacht"
	MarkWorry     Mark = "zorgen"
)

// Marks lists the marks from good to worrying.
var Marks = []Mark{MarkGood, MarkAttention, MarkWorry}

// Answer is a yes/no answer that may not be given yet.
type Answer string

// The answers.
const (
	AnswerNone Answer = ""
	AnswerYes  Answer = "ja"
	AnswerNo   Answer = "nee"
)

// Area is what was said about one life area.
type Area struct {
	Note string
	Mark Mark
}

// Driver is what helps and what holds the client back on one IGM factor.
type Driver struct {
	Helps, HoldsBack string
}

// Agreement is one row of the action plan: who does what before when.
type Agreement struct {
	ID   int64
	Who  string
	What string
	Due  string
}

// AgreementField names a field of an agreement; the values are the
// storage's column names.
type AgreementField string

// The fields of an agreement.
const (
	AgreementWho  AgreementField = "who"
	AgreementWhat AgreementField = "what"
	AgreementDue  AgreementField = "due"
)

// SessionSummary is one entry of a client's timeline of sessions.
type SessionSummary struct {
	ID         int64
	PreviousID int64
	Started    time.Time
	Updated    time.Time
	Step       int
	Goal       string
}

// Option is a card discussed in step 5, as it was shown then, with how much
// each pro and con matters to the client (0–3, −1 when not weighed yet).
type Option struct {
	Card       Card
	ProWeights []int
	ConWeights []int
}

// Session is one conversation with a client. Client-facing fields and the
// professional's notes are separate: Notes is never shown to the client.
type Session struct {
	ID         int64
	ClientID   int64
	PreviousID int64 // the session this one follows up; 0 for a first one
	Started    time.Time
	Updated    time.Time
	Step       int
	// Revision counts the saves of the session; a save says which revision
	// it was typed on, so that a field someone else changed meanwhile is
	// not overwritten unseen.
	Revision int64

	Expectations string // step 1: what the client expects
	Needs        string // step 1: what the client needs

	Areas      map[LifeArea]Area // step 2
	Recognised Answer            // step 2: the client recognises the picture
	Profile    Profile           // step 2: age, work experience, Dutch; for matching cards

	Drivers map[Factor]Driver // step 3
	WorkOn  []Factor          // step 3: the factors the client wants to work on

	Goal     string // step 4
	Goals    []Goal // step 4: what the goal is about, for matching cards
	Feasible string // step 4: is it feasible, and what is needed
	SubGoals string // step 4: one per line

	Options []Option // step 5: 2 to 4 cards side by side

	Sure            [4]Answer // step 6: the SURE test
	Decision        string    // step 6: the chosen card's ID
	Why             string    // step 6: why, in the client's words
	Agreements      []Agreement
	NextAppointment string

	Review         string // step 7: how did it go
	GoalStillRight Answer // step 7

	Notes map[int]string // professional-only note per step
}

// NewSession returns an empty session at step 1.
func NewSession() Session {
	return Session{Step: StepPrepare, Areas: map[LifeArea]Area{}, Drivers: map[Factor]Driver{}, Notes: map[int]string{}}
}

// SureReadyScore is the number of "yes" answers in the SURE test from which
// a client is ready to decide: below it, all four, the client still has
// decisional conflict (Légaré et al. 2010). The conversation, the client
// view, the report and the figures all count with it.
const SureReadyScore = 4

// SureReady says whether the SURE test shows the client ready to decide.
func (s *Session) SureReady() bool { return s.SureScore() >= SureReadyScore }

// SureScore counts the "yes" answers of the SURE test (SureReadyScore).
func (s *Session) SureScore() int {
	n := 0
	for _, a := range s.Sure {
		if a == AnswerYes {
			n++
		}
	}
	return n
}

// Option returns the compared option for a card.
func (s *Session) Option(cardID string) (*Option, bool) {
	for i := range s.Options {
		if s.Options[i].Card.ID == cardID {
			return &s.Options[i], true
		}
	}
	return nil, false
}

// Weighed sums how much the pros and the cons of an option matter to the
// client; unweighed points count as zero.
func (o *Option) Weighed() (pros, cons int) {
	for _, w := range o.ProWeights {
		pros += max(w, 0)
	}
	for _, w := range o.ConWeights {
		cons += max(w, 0)
	}
	return pros, cons
}

// MaxWeight is the highest weight of a pro or con.
const MaxWeight = 3

// Session values are stored as text under a key, one key per thing the user
// types or chooses, so that every edit is saved on its own. The keys:
const (
	KeyExpectations    = "verwachtingen"
	KeyNeeds           = "behoeften"
	KeyRecognised      = "herkend"
	KeyWorkOn          = "werken-aan"
	KeyGoal            = "doel"
	KeyFeasible        = "haalbaar"
	KeySubGoals        = "subdoelen"
	KeyDecision        = "besluit"
	KeyWhy             = "waarom"
	KeyNextAppointment = "volgende-afspraak"
	KeyReview          = "terugblik"
	KeyGoalStillRight  = "doel-klopt"
	KeyStep            = "stap"
	KeyAge             = "leeftijd"
	KeyExperience      = "werkervaring"
	KeyLanguage        = "taalniveau"
	KeyGoals           = "doelen"
)

// KeyAreaNote and the other Key… functions name keys with a part in them.
func KeyAreaNote(a LifeArea) string      { return "leefgebied/" + string(a) + "/notitie" }
func KeyAreaMark(a LifeArea) string      { return "leefgebied/" + string(a) + "/markering" }
func KeyDriverHelps(f Factor) string     { return "drijfveer/" + string(f) + "/helpt" }
func KeyDriverHoldsBack(f Factor) string { return "drijfveer/" + string(f) + "/remt" }
func KeySure(i int) string               { return "sure/" + strconv.Itoa(i+1) }
func KeyNote(step int) string            { return "notitie/" + strconv.Itoa(step) }
func KeyProWeight(card string, i int) string {
	return "weging/" + card + "/voordeel/" + strconv.Itoa(i)
}
func KeyConWeight(card string, i int) string { return "weging/" + card + "/nadeel/" + strconv.Itoa(i) }

// IsNoteKey reports whether key holds a professional-only note.
func IsNoteKey(key string) bool { return strings.HasPrefix(key, "notitie/") }

// textFields are the session values stored as they are typed, by key.
var textFields = map[string]func(*Session) *string{
	KeyExpectations:    func(s *Session) *string { return &s.Expectations },
	KeyNeeds:           func(s *Session) *string { return &s.Needs },
	KeyGoal:            func(s *Session) *string { return &s.Goal },
	KeyFeasible:        func(s *Session) *string { return &s.Feasible },
	KeySubGoals:        func(s *Session) *string { return &s.SubGoals },
	KeyDecision:        func(s *Session) *string { return &s.Decision },
	KeyWhy:             func(s *Session) *string { return &s.Why },
	KeyNextAppointment: func(s *Session) *string { return &s.NextAppointment },
	KeyReview:          func(s *Session) *string { return &s.Review },
}

// Set puts a stored value into the session. Options must be in place
// before their weights are set.
func (s *Session) Set(key, value string) error {
	if field, ok := textFields[key]; ok {
		*field(s) = value
		return nil
	}
	switch key {
	case KeyRecognised:
		s.Recognised = Answer(value)
	case KeyGoalStillRight:
		s.GoalStillRight = Answer(value)
	case KeyWorkOn:
		s.WorkOn = splitValues[Factor](value)
	case KeyGoals:
		s.Goals = splitValues[Goal](value)
	case KeyAge:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("leeftijd %q is geen getal", value)
		}
		s.Profile.Age = n
	case KeyExperience:
		s.Profile.WorkExperience = WorkExperience(value)
	case KeyLanguage:
		s.Profile.Language = LanguageLevel(value)
	case KeyStep:
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > Steps {
			return fmt.Errorf("stap %q bestaat niet", value)
		}
		s.Step = n
	default:
		return s.setPart(key, value)
	}
	return nil
}

// setPart handles the keys with a variable part: "leefgebied/geld/notitie".
func (s *Session) setPart(key, value string) error {
	parts := strings.Split(key, "/")
	bad := fmt.Errorf("onbekend gegeven %q", key)
	switch {
	case len(parts) == 3 && parts[0] == "leefgebied":
		a := s.Areas[LifeArea(parts[1])]
		switch parts[2] {
		case "notitie":
			a.Note = value
		case "markering":
			a.Mark = Mark(value)
		default:
			return bad
		}
		s.Areas[LifeArea(parts[1])] = a
	case len(parts) == 3 && parts[0] == "drijfveer":
		d := s.Drivers[Factor(parts[1])]
		switch parts[2] {
		case "helpt":
			d.Helps = value
		case "remt":
			d.HoldsBack = value
		default:
			return bad
		}
		s.Drivers[Factor(parts[1])] = d
	case len(parts) == 2 && parts[0] == "sure":
		i, err := strconv.Atoi(parts[1])
		if err != nil || i < 1 || i > len(s.Sure) {
			return bad
		}
		s.Sure[i-1] = Answer(value)
	case len(parts) == 2 && parts[0] == "notitie":
		step, err := strconv.Atoi(parts[1])
		if err != nil || step < 1 || step > Steps {
			return bad
		}
		s.Notes[step] = value
	case len(parts) == 4 && parts[0] == "weging":
		o, ok := s.Option(parts[1])
		i, err := strconv.Atoi(parts[3])
		w, werr := strconv.Atoi(value)
		if !ok || err != nil || werr != nil || w < -1 || w > MaxWeight {
			return bad
		}
		switch parts[2] {
		case "voordeel":
			if i < 0 || i >= len(o.ProWeights) {
				return bad
			}
			o.ProWeights[i] = w
		case "nadeel":
			if i < 0 || i >= len(o.ConWeights) {
				return bad
			}
			o.ConWeights[i] = w
		default:
			return bad
		}
	default:
		return bad
	}
	return nil
}

// Values returns the session's values by key: what Set reads. Empty values
// are left out.
func (s *Session) Values() map[string]string {
	v := map[string]string{}
	put := func(k, val string) {
		if val != "" {
			v[k] = val
		}
	}
	for key, field := range textFields {
		put(key, *field(s))
	}
	put(KeyStep, strconv.Itoa(s.Step))
	put(KeyRecognised, string(s.Recognised))
	put(KeyGoalStillRight, string(s.GoalStillRight))
	put(KeyWorkOn, JoinValues(s.WorkOn))
	put(KeyGoals, JoinValues(s.Goals))
	if s.Profile.Age > 0 {
		put(KeyAge, strconv.Itoa(s.Profile.Age))
	}
	put(KeyExperience, string(s.Profile.WorkExperience))
	put(KeyLanguage, string(s.Profile.Language))
	for a, area := range s.Areas {
		put(KeyAreaNote(a), area.Note)
		put(KeyAreaMark(a), string(area.Mark))
	}
	for f, d := range s.Drivers {
		put(KeyDriverHelps(f), d.Helps)
		put(KeyDriverHoldsBack(f), d.HoldsBack)
	}
	for i, a := range s.Sure {
		put(KeySure(i), string(a))
	}
	for step, n := range s.Notes {
		put(KeyNote(step), n)
	}
	for _, o := range s.Options {
		for i, w := range o.ProWeights {
			if w >= 0 {
				v[KeyProWeight(o.Card.ID, i)] = strconv.Itoa(w)
			}
		}
		for i, w := range o.ConWeights {
			if w >= 0 {
				v[KeyConWeight(o.Card.ID, i)] = strconv.Itoa(w)
			}
		}
	}
	return v
}

// JoinValues stores a list of values under one key: "attitude,zelfregulering".
func JoinValues[T ~string](vs []T) string { return strings.Join(strs(vs), ",") }

func splitValues[T ~string](s string) []T {
	var out []T
	for _, v := range strings.Split(s, ",") {
		if v != "" {
			out = append(out, T(v))
		}
	}
	return out
}

// NewOption returns card c as an option to compare, not weighed yet.
func NewOption(c Card) Option {
	o := Option{Card: c, ProWeights: make([]int, len(c.Pros)), ConWeights: make([]int, len(c.Cons))}
	for i := range o.ProWeights {
		o.ProWeights[i] = -1
	}
	for i := range o.ConWeights {
		o.ConWeights[i] = -1
	}
	return o
}

// ChosenOption returns the option the client decided on.
func (s *Session) ChosenOption() (*Option, bool) {
	if s.Decision == "" {
		return nil, false
	}
	return s.Option(s.Decision)
}

// IsComparing reports whether card id is among the options.
func (s *Session) IsComparing(id string) bool {
	return slices.ContainsFunc(s.Options, func(o Option) bool { return o.Card.ID == id })
}

// ClientSees reports whether the client view shows the value under key:
// what an inzage marks as seen by the client. The client view shows the
// client's own words and choices: expectations and needs, the life areas,
// the factors to work on with what helps and holds back on those (not on
// the others), the goal and its small steps, the weights, the SURE
// answers, the decision and why, and the next appointment; in a follow-up
// also the review. It never shows the professional's notes, the profile
// used to match cards (age, work experience, Dutch), what the goal is
// about, or whether it is feasible. Agreements and the compared cards,
// which are not values under a key, are shown too. Unknown keys count as
// not shown. ui/clientsees_test.go checks this against the client view.
func (s *Session) ClientSees(key string) bool {
	switch key {
	case KeyExpectations, KeyNeeds, KeyRecognised, KeyWorkOn, KeyGoal, KeySubGoals,
		KeyDecision, KeyWhy, KeyNextAppointment:
		return true
	case KeyReview, KeyGoalStillRight:
		return s.PreviousID != 0 // a first session's client view says the review comes later
	}
	parts := strings.Split(key, "/")
	switch {
	case len(parts) == 3 && parts[0] == "leefgebied":
		return parts[2] == "notitie" || parts[2] == "markering"
	case len(parts) == 3 && parts[0] == "drijfveer":
		return slices.Contains(s.WorkOn, Factor(parts[1]))
	case len(parts) == 2 && parts[0] == "sure":
		return true
	case len(parts) == 4 && parts[0] == "weging":
		return true
	}
	return false
}
