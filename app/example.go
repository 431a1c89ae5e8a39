package app

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"unicode"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
)

// runExample makes a fictional client with one conversation filled in up
// to step 6, for training and for trying the app out. It prints the command
// that opens it, with the --data and --db it was given (flagSet says which
// were given), so that following it opens the same folder.
func runExample(s catalogueStore, dataDir, dbPath string, flagSet map[string]bool, stdout, stderr io.Writer) int {
	cat, _, err := s.current()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	db, err := storage.Open(dbPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer db.Close()
	id, err := createExample(db, cat)
	if err != nil {
		fmt.Fprintf(stderr, "voorbeeld maken: %v\n", err)
		return 1
	}
	args := []string{"samenbeslissen"}
	if flagSet["data"] {
		args = append(args, "--data", shellQuote(absPath(dataDir), runtime.GOOS))
	}
	if flagSet["db"] {
		if !storage.IsTeamURL(dbPath) {
			dbPath = absPath(dbPath)
		}
		args = append(args, "--db", shellQuote(dbPath, runtime.GOOS))
	}
	args = append(args, "--sessie", strconv.FormatInt(id, 10))
	fmt.Fprintf(stdout, "Voorbeeldcliënt gemaakt met gesprek %d. Open het met: %s\n", id, strings.Join(args, " "))
	return 0
}

// absPath makes path absolute, so that a printed command works from any
// folder; it leaves path as it is if that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// shellQuote quotes s for the shell of goos when it holds more than
// letters, digits and the characters of an ordinary path: in single quotes
// for a Unix shell, in double quotes for Windows (whose paths cannot hold
// a double quote).
func shellQuote(s, goos string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_-.,/:@%+=", r) &&
			!(goos == "windows" && r == '\\')
	}) < 0 {
		return s
	}
	if goos == "windows" {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// exampleOptions are the cards the example compares; the first is chosen.
var exampleOptions = []string{"werkervaringsplaats", "vrijwilligerswerk-als-opstap", "kinderopvang-regelen"}

func createExample(db *storage.DB, cat *cards.Catalogue) (int64, error) {
	c, err := db.CreateClient("Samira (voorbeeld)", "VB-001")
	if err != nil {
		return 0, err
	}
	s, err := db.CreateSession(c.ID)
	if err != nil {
		return 0, err
	}
	values := map[string]string{
		cards.KeyExpectations:                               "Ik wil weten wat ik kan doen om weer te werken.",
		cards.KeyNeeds:                                      "Rustig de tijd. Mijn zus komt mee.",
		cards.KeyAreaNote(cards.AreaWork):                   "Drie jaar schoonmaakwerk gedaan. Nu twee jaar zonder werk.",
		cards.KeyAreaMark(cards.AreaWork):                   string(cards.MarkAttention),
		cards.KeyAreaNote(cards.AreaMoney):                  "Huurachterstand van twee maanden.",
		cards.KeyAreaMark(cards.AreaMoney):                  string(cards.MarkWorry),
		cards.KeyAreaNote(cards.AreaHousing):                "Woont met twee kinderen in een flat.",
		cards.KeyAreaMark(cards.AreaHousing):                string(cards.MarkGood),
		cards.KeyAreaNote(cards.AreaHealth):                 "Last van haar rug. Geen zwaar tilwerk.",
		cards.KeyAreaMark(cards.AreaHealth):                 string(cards.MarkAttention),
		cards.KeyAreaNote(cards.AreaPeople):                 "Haar zus woont dichtbij en helpt.",
		cards.KeyAreaMark(cards.AreaPeople):                 string(cards.MarkGood),
		cards.KeyAreaNote(cards.AreaCare):                   "Twee kinderen van 4 en 7 jaar.",
		cards.KeyAreaMark(cards.AreaCare):                   string(cards.MarkAttention),
		cards.KeyAreaNote(cards.AreaLanguage):               "Spreekt goed Nederlands. Schrijven is lastiger.",
		cards.KeyAreaMark(cards.AreaLanguage):               string(cards.MarkGood),
		cards.KeyAreaNote(cards.AreaTransport):              "Heeft een fiets.",
		cards.KeyAreaMark(cards.AreaTransport):              string(cards.MarkGood),
		cards.KeyAge:                                        "34",
		cards.KeyExperience:                                 string(cards.ExperienceSome),
		cards.KeyLanguage:                                   string(cards.LanguageB1),
		cards.KeyRecognised:                                 string(cards.AnswerYes),
		cards.KeyDriverHelps(cards.FactorAttitude):          "Ik wil mijn kinderen laten zien dat werken loont.",
		cards.KeyDriverHoldsBack(cards.FactorSelfEfficacy):  "Ik ben bang dat ik het niet meer kan.",
		cards.KeyDriverHoldsBack(cards.FactorCircumstances): "Opvang voor de kinderen na school.",
		cards.KeyWorkOn:                                     cards.JoinValues([]cards.Factor{cards.FactorSelfEfficacy, cards.FactorCircumstances}),
		cards.KeyGoal:                                       "Over een jaar werk ik 20 uur per week, dichtbij huis en onder schooltijd.",
		cards.KeyGoals:                                      cards.JoinValues([]cards.Goal{cards.GoalWorkExperience, cards.GoalCare}),
		cards.KeyFeasible:                                   "Kan, als de opvang na school geregeld is.",
		cards.KeySubGoals:                                   "Opvang regelen\nWerkervaring opdoen\nSolliciteren",
		cards.KeySure(0):                                    string(cards.AnswerYes),
		cards.KeySure(1):                                    string(cards.AnswerYes),
		cards.KeySure(2):                                    string(cards.AnswerYes),
		cards.KeySure(3):                                    string(cards.AnswerNo),
		cards.KeyDecision:                                   exampleOptions[0],
		cards.KeyWhy:                                        "Dan doe ik weer ervaring op. En ik kan het doen als de kinderen op school zijn.",
		cards.KeyNextAppointment:                            "Maandag 1 februari 2027, 10.00 uur, stadskantoor",
		cards.KeyNote(cards.StepSituation):                  "Huurachterstand: met toestemming aanmelden bij schuldhulp.",
		cards.KeyStep:                                       "6",
	}
	for i, id := range exampleOptions {
		card, ok := cat.Card(id)
		if !ok {
			continue // a municipality's own catalogue may not have it
		}
		if err := db.AddOption(s.ID, card); err != nil {
			return 0, err
		}
		for p := range card.Pros {
			values[cards.KeyProWeight(id, p)] = fmt.Sprint((p + i + 2) % (cards.MaxWeight + 1))
		}
		for p := range card.Cons {
			values[cards.KeyConWeight(id, p)] = fmt.Sprint((p + 2*i + 1) % (cards.MaxWeight + 1))
		}
	}
	if err := db.SetValues(s.ID, values); err != nil {
		return 0, err
	}
	for _, a := range [][3]string{
		{"Samira", "Opvang na school regelen met de buurtmoeder", "1 december"},
		{"Klantmanager", "Een werkervaringsplaats in de buurt zoeken", "15-1-2027"}, // dates typed both ways
	} {
		ag, err := db.AddAgreement(s.ID)
		if err != nil {
			return 0, err
		}
		for f, v := range map[cards.AgreementField]string{cards.AgreementWho: a[0], cards.AgreementWhat: a[1], cards.AgreementDue: a[2]} {
			if err := db.SetAgreement(ag.ID, f, v); err != nil {
				return 0, err
			}
		}
	}
	return s.ID, nil
}
