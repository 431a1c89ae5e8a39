package storage

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// figureClient is one generated client: what happened in their
// conversations, from which the test knows every count beforehand.
type figureClient struct {
	start       time.Time
	compared    []string
	chosen      string // "" when undecided
	decidedLate bool   // the decision in a second conversation, 14 days on
	yes         int    // SURE answers "ja" in the deciding conversation
	money       cards.Mark
	attitude    bool // something noted for attitude
	followUp    bool // a follow-up 30 days after the decision
	goalFits    bool
	changedTo   string // the follow-up chose this other card
	planLang    string
}

var figureCards = []string{"werkfit", "taalcafe", "werkervaring", "vrijwilligerswerk", "kinderopvang"}

// figureCategory puts the first two generated cards in one category, so a
// client who compared both counts once there.
var figureCategory = map[string]cards.Category{
	"werkfit": cards.CategoryTowardWork, "taalcafe": cards.CategoryTowardWork, "werkervaring": cards.CategoryPractical,
	"vrijwilligerswerk": cards.CategoryPractical, "kinderopvang": cards.CategoryAftercare,
}

func figureCatalogue() *cards.Catalogue {
	var cs []cards.Card
	for _, id := range figureCards {
		c := testCard(id)
		c.Category = figureCategory[id]
		cs = append(cs, c)
	}
	return cards.NewCatalogue(cs)
}

// generateClients makes n clients with known answers; one in ten had
// their conversations before the period.
func generateClients(n int) []figureClient {
	out := make([]figureClient, n)
	for i := range out {
		c := &out[i]
		// January to September, so that a late decision and a follow-up
		// 44 days on stay in the year.
		c.start = time.Date(2026, time.Month(i%10+1), 1+i%27, 10, 0, 0, 0, time.Local)
		if i%10 == 9 {
			c.start = time.Date(2025, 6, 3, 10, 0, 0, 0, time.Local)
		}
		c.compared = []string{figureCards[i%5], figureCards[(i+1)%5]}
		if i%4 != 3 {
			c.chosen = figureCards[i%5]
			c.decidedLate = i%6 == 0
			c.yes = i % 5
			c.followUp = i%8 == 0
			c.goalFits = i%16 == 0
			if i%24 == 0 {
				c.changedTo = figureCards[(i+1)%5]
			}
		}
		switch i % 3 {
		case 0:
			c.money = cards.MarkWorry
		case 1:
			c.money = cards.MarkAttention
		}
		c.attitude = i%2 == 0
		c.planLang = []string{"nl", "ar", "tr", ""}[i%4]
	}
	return out
}

// writeClients stores the clients in one transaction, as the app's rows.
func writeClients(t *testing.T, d *DB, clients []figureClient) {
	t.Helper()
	const day = 24 * time.Hour
	err := d.tx(func(tx conn) error {
		for i, c := range clients {
			var client int64
			at := millis(c.start)
			if err := tx.QueryRow(`INSERT INTO clients (name, search, reference, created_at, last_activity) VALUES (?, ?, '', ?, ?) RETURNING id`,
				fmt.Sprintf("Cliënt %d", i), fmt.Sprintf("client %d", i), at, at).Scan(&client); err != nil {
				return err
			}
			session := func(start time.Time, previous int64, values map[string]string, compared []string) (int64, error) {
				var prev any
				if previous != 0 {
					prev = previous
				}
				var id int64
				if err := tx.QueryRow(`INSERT INTO sessions (client_id, previous_id, started_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`,
					client, prev, millis(start), millis(start)).Scan(&id); err != nil {
					return 0, err
				}
				for k, v := range values {
					if _, err := tx.Exec(`INSERT INTO session_values (session_id, key, value) VALUES (?, ?, ?)`, id, k, v); err != nil {
						return 0, err
					}
				}
				for p, card := range compared {
					if _, err := tx.Exec(`INSERT INTO session_cards (session_id, card_id, position, snapshot) VALUES (?, ?, ?, '')`, id, card, p+1); err != nil {
						return 0, err
					}
				}
				return id, nil
			}
			first := map[string]string{cards.KeyAreaMark(cards.AreaMoney): string(c.money), cards.KeyGoal: "Een doel dat niet geteld wordt"}
			if c.attitude {
				first[cards.KeyDriverHelps(cards.FactorAttitude)] = "Wil graag"
			}
			decision := map[string]string{cards.KeyDecision: c.chosen}
			for q := range 4 {
				decision[cards.KeySure(q)] = map[bool]string{true: "ja", false: "nee"}[q < c.yes]
			}
			if !c.decidedLate {
				for k, v := range decision {
					first[k] = v
				}
			}
			if c.chosen == "" {
				delete(first, cards.KeyDecision)
			}
			id, err := session(c.start, 0, first, c.compared)
			if err != nil {
				return err
			}
			decidedAt := c.start
			if c.decidedLate {
				decidedAt = c.start.Add(14 * day)
				if id, err = session(decidedAt, id, decision, c.compared); err != nil {
					return err
				}
			}
			if c.followUp {
				// A follow-up carries the previous conversation's values over.
				v := map[string]string{cards.KeyGoalStillRight: map[bool]string{true: "ja", false: "nee"}[c.goalFits]}
				for k, x := range decision {
					v[k] = x
				}
				if c.changedTo != "" {
					v[cards.KeyDecision] = c.changedTo
				}
				if _, err := session(decidedAt.Add(30*day), id, v, nil); err != nil {
					return err
				}
			}
			if c.planLang != "" {
				if _, err := tx.Exec(`INSERT INTO plan_prints (session_id, lang, printed_at) VALUES (?, ?, ?)`, id, c.planLang, at); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// expected counts the generated clients in 2026 as the figures should.
func expected(clients []figureClient) *cards.Figures {
	f := cards.NewFigures(cards.Month{Year: 2026, Month: 1}, cards.Month{Year: 2026, Month: 12})
	for _, c := range clients {
		if c.start.Year() != 2026 {
			continue
		}
		f.Clients++
		for _, id := range c.compared {
			x := f.Instruments[id]
			x.Compared++
			f.Instruments[id] = x
		}
		chosen := map[string]bool{}
		if c.chosen != "" {
			chosen[c.chosen] = true
		}
		if c.followUp && c.changedTo != "" {
			chosen[c.changedTo] = true
		}
		for id := range chosen {
			x := f.Instruments[id]
			x.Chosen++
			f.Instruments[id] = x
		}
		categories := func(ids []string) map[cards.Category]bool {
			m := map[cards.Category]bool{}
			for _, id := range ids {
				m[figureCategory[id]] = true
			}
			return m
		}
		for c := range categories(c.compared) {
			x := f.Categories[c]
			x.Compared++
			f.Categories[c] = x
		}
		for c := range categories(slices.Collect(maps.Keys(chosen))) {
			x := f.Categories[c]
			x.Chosen++
			f.Categories[c] = x
		}
		if c.money != "" {
			x := f.Areas[cards.AreaMoney]
			if c.money == cards.MarkWorry {
				x.Worries++
			} else {
				x.Attention++
			}
			f.Areas[cards.AreaMoney] = x
		}
		if c.attitude {
			f.Factors[cards.FactorAttitude]++
		}
		if c.chosen != "" {
			f.Decided++
			if c.yes < cards.SureReadyScore {
				f.UnsureDecided++
			}
			days := 0
			if c.decidedLate {
				days = 14
			}
			f.DaysToDecision[days]++
			if c.followUp {
				f.DaysToFollowUp[30]++
				f.FollowedUp++
				if c.goalFits {
					f.GoalFits++
				}
				if c.changedTo != "" {
					f.WayChanged++
				}
			}
		}
		if c.planLang != "" {
			f.PlanLanguages[c.planLang]++
		}
	}
	return f
}

// TestDB_Figures: on 2,000 generated clients with known answers, on both
// engines, every count is what the clients' conversations say; clients
// whose conversations were before the period are not counted.
func TestDB_Figures(t *testing.T) { eachEngine(t, testDB_Figures) }

func testDB_Figures(t *testing.T, d *DB) {
	clients := generateClients(2000)
	writeClients(t, d, clients)
	got, err := d.Figures(cards.Month{Year: 2026, Month: 1}, cards.Month{Year: 2026, Month: 12}, figureCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	if got.Clients != 1800 {
		t.Errorf("clients: %d, want 1800", got.Clients)
	}
	checkFigures(t, d, clients, got)
}

// TestDB_TeamFigures: two professionals each hold half of 2,000 generated
// clients in a team database. Policy staff and a team lead, who read no
// conversation, have the server count all of them, every count as the
// clients' conversations say; a professional counts their own half.
func TestDB_TeamFigures(t *testing.T) {
	tt := openTeamTest(t)
	clients := generateClients(2000)
	anna, bram := tt.login(t, LoginProfessional), tt.login(t, LoginProfessional)
	writeClients(t, anna, clients[:1000])
	writeClients(t, bram, clients[1000:])
	for _, c := range []struct {
		name    string
		d       *DB
		team    bool
		clients []figureClient
	}{
		{"beleid", tt.login(t, LoginPolicy), true, clients},
		{"teamleider", tt.login(t, LoginTeamLead), true, clients},
		{"medewerker", anna, false, clients[:1000]},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.d.CountsTeam() != c.team {
				t.Errorf("counts the team: %v, want %v", c.d.CountsTeam(), c.team)
			}
			got, err := c.d.Figures(cards.Month{Year: 2026, Month: 1}, cards.Month{Year: 2026, Month: 12}, figureCatalogue())
			if err != nil {
				t.Fatal(err)
			}
			checkFigures(t, c.d, c.clients, got)
		})
	}
}

// TestDB_TeamFiguresMatchLaptop: on conversations drawn at random, with
// what the generated clients lack (two conversations at the same moment,
// a decision taken back or changed, a follow-up of a conversation before
// the period, several follow-ups, unknown keys), the server's count for
// the team equals the app's own count of the same rows, period by period.
func TestDB_TeamFiguresMatchLaptop(t *testing.T) {
	tt := openTeamTest(t)
	pro, policy := tt.login(t, LoginProfessional), tt.login(t, LoginPolicy)
	r := rand.New(rand.NewPCG(17, 2026))
	pickOne := func(options ...string) string { return options[r.IntN(len(options))] }
	areas := append([]string{"onbekend-gebied"}, func() (s []string) {
		for _, a := range cards.LifeAreas {
			s = append(s, string(a))
		}
		return s
	}()...)
	factors := []string{"onbekende-factor", string(cards.FactorAttitude), string(cards.FactorKnowledge), string(cards.FactorCircumstances)}
	err := pro.tx(func(tx conn) error {
		for i := range 800 {
			var client int64
			if err := tx.QueryRow(`INSERT INTO clients (name, search, reference, created_at, last_activity) VALUES (?, '', '', 0, 0) RETURNING id`,
				fmt.Sprintf("Cliënt %d", i)).Scan(&client); err != nil {
				return err
			}
			// At noon, far from midnight in any European zone, so that the
			// month of each conversation is the same on the server.
			day := time.Date(2025, 11, 1+r.IntN(480), 12, 0, 0, 0, time.Local)
			var ids []int64
			for range 1 + r.IntN(5) {
				if r.IntN(4) != 0 {
					day = day.AddDate(0, 0, r.IntN(50))
				}
				var previous any
				if len(ids) > 0 && r.IntN(3) != 0 {
					previous = ids[r.IntN(len(ids))]
				}
				var id int64
				if err := tx.QueryRow(`INSERT INTO sessions (client_id, previous_id, started_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`,
					client, previous, millis(day), millis(day)).Scan(&id); err != nil {
					return err
				}
				ids = append(ids, id)
				values := map[string]string{
					cards.KeyDecision:                                pickOne("", "", "werkfit", "taalcafe", "kinderopvang", "niet-in-catalogus"),
					cards.KeyGoalStillRight:                          pickOne("", "ja", "nee", "weet-niet"),
					"leefgebied/" + pickOne(areas...) + "/markering": pickOne("zorgen", "aandacht", "goed", ""),
					"leefgebied/" + pickOne(areas...) + "/markering": pickOne("zorgen", "aandacht"),
					"drijfveer/" + pickOne(factors...) + "/" + pickOne("helpt", "remt", "notitie"): pickOne("Wil graag", " ", ""),
				}
				for q := range 4 {
					values[cards.KeySure(q)] = pickOne("ja", "nee", "")
				}
				for k, v := range values {
					if _, err := tx.Exec(`INSERT INTO session_values (session_id, key, value) VALUES (?, ?, ?)`, id, k, v); err != nil {
						return err
					}
				}
				for p, card := range r.Perm(len(figureCards))[:r.IntN(4)] {
					if _, err := tx.Exec(`INSERT INTO session_cards (session_id, card_id, position, snapshot) VALUES (?, ?, ?, '')`, id, figureCards[card], p+1); err != nil {
						return err
					}
				}
				if r.IntN(3) == 0 {
					if _, err := tx.Exec(`INSERT INTO plan_prints (session_id, lang, printed_at) VALUES (?, ?, 0)`, id, pickOne("nl", "ar", "so")); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	month := func(y, m int) cards.Month { return cards.Month{Year: y, Month: time.Month(m)} }
	compare := func(when string) {
		t.Helper()
		for _, p := range [][2]cards.Month{
			{month(2025, 11), month(2027, 6)}, {month(2026, 1), month(2026, 12)}, {month(2026, 3), month(2026, 3)}, {month(2026, 7), month(2026, 9)},
		} {
			want, err := pro.Figures(p[0], p[1], figureCatalogue())
			if err != nil {
				t.Fatal(err)
			}
			got, err := policy.Figures(p[0], p[1], figureCatalogue())
			if err != nil {
				t.Fatal(err)
			}
			if want.Clients < 50 || want.WayChanged == 0 || len(want.DaysToFollowUp) < 2 {
				t.Errorf("%s, %s–%s: too little counted to compare: %+v", when, p[0], p[1], want)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s–%s: the server counts\n%+v\nthe app counts\n%+v", when, p[0], p[1], got, want)
			}
		}
	}
	compare("as saved")
	// Decisions changed and taken back, conversations moved in time and
	// removed, cards and marks removed: the server counts the clients
	// concerned anew.
	err = pro.tx(func(tx conn) error {
		for _, q := range []string{
			`UPDATE session_values SET value = 'taalcafe' WHERE key = 'besluit' AND session_id % 7 = 0`,
			`DELETE FROM session_values WHERE key = 'besluit' AND session_id % 11 = 0`,
			`UPDATE sessions SET started_at = started_at + 3456000000 WHERE id % 13 = 0`, // 40 days
			`DELETE FROM sessions WHERE id % 17 = 0`,
			`DELETE FROM session_cards WHERE session_id % 5 = 0`,
			`UPDATE session_values SET value = 'goed' WHERE key LIKE 'leefgebied/%' AND session_id % 3 = 0`,
		} {
			if _, err := tx.Exec(q); err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	compare("after edits")
}

// checkFigures compares the figures of 2026 with what the generated
// clients' conversations say, and counts March alone.
func checkFigures(t *testing.T, d *DB, clients []figureClient, got *cards.Figures) {
	t.Helper()
	want := expected(clients)
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"clients", got.Clients, want.Clients},
		{"instruments", got.Instruments, want.Instruments},
		{"categories", got.Categories, want.Categories},
		{"areas", got.Areas, want.Areas},
		{"factors", got.Factors, want.Factors},
		{"decided", got.Decided, want.Decided},
		{"unsure", got.UnsureDecided, want.UnsureDecided},
		{"followed up", got.FollowedUp, want.FollowedUp},
		{"goal fits", got.GoalFits, want.GoalFits},
		{"way changed", got.WayChanged, want.WayChanged},
		{"days to decision", got.DaysToDecision, want.DaysToDecision},
		{"days to follow-up", got.DaysToFollowUp, want.DaysToFollowUp},
		{"plan languages", got.PlanLanguages, want.PlanLanguages},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: %v, want %v", c.what, c.got, c.want)
		}
	}
	// A period of one month counts the clients with a conversation that
	// started in it.
	inMarch := 0
	for _, c := range clients {
		decided := c.start
		if c.decidedLate {
			decided = decided.AddDate(0, 0, 14)
		}
		starts := []time.Time{c.start, decided}
		if c.followUp {
			starts = append(starts, decided.AddDate(0, 0, 30))
		}
		for _, at := range starts {
			if at.Year() == 2026 && at.Month() == time.March {
				inMarch++
				break
			}
		}
	}
	march, err := d.Figures(cards.Month{Year: 2026, Month: 3}, cards.Month{Year: 2026, Month: 3}, figureCatalogue())
	if err != nil || march.Clients != inMarch || inMarch <= len(clients)/10 {
		t.Errorf("March: %d clients, want %d: %v", march.Clients, inMarch, err)
	}
}

// TestDB_FiguresFollowEdits: the figures follow a conversation as it is
// edited through the app, changed back and erased, on both engines: the
// facts that triggers keep never lag behind what was saved.
func TestDB_FiguresFollowEdits(t *testing.T) { eachEngine(t, testDB_FiguresFollowEdits) }

func testDB_FiguresFollowEdits(t *testing.T, d *DB) {
	month := cards.MonthOf(time.Now())
	figures := func() *cards.Figures {
		t.Helper()
		f, err := d.Figures(month, month, figureCatalogue())
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	c, err := d.CreateClient("Aïcha B.", "")
	if err != nil {
		t.Fatal(err)
	}
	s, err := d.CreateSession(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f := figures(); f.Clients != 1 || f.Decided != 0 || len(f.Instruments) != 0 {
		t.Fatalf("a new conversation: %+v", f)
	}
	for _, id := range []string{"werkfit", "taalcafe"} {
		if err := d.AddOption(s.ID, testCard(id)); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		what string
		edit func() error
		want func(f *cards.Figures) bool
	}{
		{"decided", func() error {
			return d.SetValues(s.ID, map[string]string{cards.KeyDecision: "werkfit", cards.KeySure(0): "ja", cards.KeySure(1): "ja",
				cards.KeySure(2): "ja", cards.KeySure(3): "ja", cards.KeyAreaMark(cards.AreaMoney): string(cards.MarkWorry)})
		}, func(f *cards.Figures) bool {
			return f.Decided == 1 && f.UnsureDecided == 0 && f.Instruments["werkfit"] == cards.InstrumentFigures{Compared: 1, Chosen: 1} &&
				f.Instruments["taalcafe"].Compared == 1 && f.Areas[cards.AreaMoney].Worries == 1
		}},
		{"another choice, one yes taken back", func() error {
			return d.SetValues(s.ID, map[string]string{cards.KeyDecision: "taalcafe", cards.KeySure(2): "nee"})
		}, func(f *cards.Figures) bool {
			return f.UnsureDecided == 1 && f.Instruments["werkfit"].Chosen == 0 && f.Instruments["taalcafe"].Chosen == 1
		}},
		{"area marked otherwise, a factor noted", func() error {
			return d.SetValues(s.ID, map[string]string{cards.KeyAreaMark(cards.AreaMoney): string(cards.MarkAttention),
				cards.KeyDriverHoldsBack(cards.FactorAttitude): "Durft nog niet"})
		}, func(f *cards.Figures) bool {
			return f.Areas[cards.AreaMoney] == cards.AreaFigures{Attention: 1} && f.Factors[cards.FactorAttitude] == 1
		}},
		{"the note emptied", func() error { return d.SetValue(s.ID, cards.KeyDriverHoldsBack(cards.FactorAttitude), "  ") },
			func(f *cards.Figures) bool { return f.Factors[cards.FactorAttitude] == 0 }},
		{"a card taken off", func() error { return d.RemoveOption(s.ID, "werkfit") },
			func(f *cards.Figures) bool {
				return f.Instruments["werkfit"].Compared == 0 && f.Instruments["taalcafe"].Compared == 1
			}},
		{"a plan printed", func() error { return d.RecordPlanPrint(s.ID, "ar") },
			func(f *cards.Figures) bool { return f.PlanLanguages["ar"] == 1 }},
		{"a follow-up that keeps the goal", func() error {
			next, err := d.CreateFollowUp(s.ID)
			if err != nil {
				return err
			}
			return d.SetValue(next.ID, cards.KeyGoalStillRight, "ja")
		}, func(f *cards.Figures) bool {
			return f.Clients == 1 && f.FollowedUp == 1 && f.GoalFits == 1 && f.WayChanged == 0
		}},
		{"erased", func() error { _, err := d.EraseClient(c.ID, nil); return err },
			func(f *cards.Figures) bool { return f.Clients == 0 && len(f.Instruments) == 0 && f.Decided == 0 }},
	}
	for _, step := range steps {
		if err := step.edit(); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		if f := figures(); !step.want(f) {
			t.Errorf("%s: %+v", step.what, f)
		}
	}
}

// TestDB_TeamFiguresEraseClient: in a team database, erasing a client
// removes what the team's figures keep of them at once, not at the next
// count; a removed conversation takes its own along.
func TestDB_TeamFiguresEraseClient(t *testing.T) {
	tt := openTeamTest(t)
	pro, policy := tt.login(t, LoginProfessional), tt.login(t, LoginPolicy)
	var ids []int64
	for range 2 {
		c, _ := pro.CreateClient("Cliënt", "")
		s, _ := pro.CreateSession(c.ID)
		pro.AddOption(s.ID, testCard("werkfit"))
		if err := pro.SetValues(s.ID, map[string]string{cards.KeyDecision: "werkfit", cards.KeyAreaMark(cards.AreaMoney): string(cards.MarkWorry)}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	month := cards.MonthOf(time.Now())
	if f, err := policy.Figures(month, month, figureCatalogue()); err != nil || f.Clients != 2 {
		t.Fatalf("before: %+v, %v", f, err)
	}
	kept := func(table string, client int64) string {
		out, err := tt.srv.Psql(tt.db, "postgres", fmt.Sprintf("SELECT count(*) FROM samenbeslissen.%s WHERE client_id = %d", table, client))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(out)
	}
	if n := kept("fact_items", ids[0]); n == "0" {
		t.Fatal("no rows kept for the figures: the test shows nothing")
	}
	if _, err := pro.EraseClient(ids[0], nil); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"session_facts", "fact_items"} {
		if n := kept(table, ids[0]); n != "0" {
			t.Errorf("%s keeps %s rows of the erased client", table, n)
		}
	}
	if f, err := policy.Figures(month, month, figureCatalogue()); err != nil || f.Clients != 1 || f.Instruments["werkfit"].Chosen != 1 {
		t.Errorf("after: %+v, %v", f, err)
	}
}
