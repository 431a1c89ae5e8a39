package storage

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Figures counts, per client, how the offering was used in the
// conversations that started from month from through month to: only
// counts leave this function (see cards.Figures). It reads what can be
// counted about each conversation from session_facts, which triggers keep
// up to date as conversations are saved: card ids, answers, and the keys
// of marked areas and noted factors, never a typed text. Those rows are
// added up per client here. In a team database, policy staff and team
// leads count the whole team on the server (see CountsTeam); anyone else
// counts what their login may read.
func (d *DB) Figures(from, to cards.Month, cat *cards.Catalogue) (*cards.Figures, error) {
	if d.CountsTeam() {
		return d.teamFigures(from, to, cat)
	}
	f := cards.NewFigures(from, to)
	byClient, err := d.countable(millis(from.Start()), millis(to.Next().Start()))
	if err != nil {
		return nil, err
	}
	category := map[string]cards.Category{}
	if cat != nil {
		for _, c := range cat.Cards() {
			category[c.ID] = c.Category
		}
	}
	s := newScratch()
	for _, convs := range byClient {
		slices.SortFunc(convs, func(a, b *conversation) int {
			return cmp.Or(cmp.Compare(a.started, b.started), cmp.Compare(a.id, b.id))
		})
		addClient(f, convs, category, s)
	}
	return f, nil
}

// CountsTeam says whether Figures counts every client of the team: for
// policy staff and team leads on a team database. They read no
// conversation; the server counts, and only the counts leave it.
func (d *DB) CountsTeam() bool { return d.team != nil && (d.team.Policy || d.team.Lead) }

// teamFigures has the team database count the figures of all its clients
// (team_figures in migrations/postgres/access.sql, which counts as
// addClient does) and reads the counts it returns.
func (d *DB) teamFigures(from, to cards.Month, cat *cards.Catalogue) (*cards.Figures, error) {
	ids, categories := []string{}, []string{}
	if cat != nil {
		for _, c := range cat.Cards() {
			ids, categories = append(ids, c.ID), append(categories, string(c.Category))
		}
	}
	rows, err := d.db().Query(`SELECT what, item, clients FROM team_figures(?, ?, ?, ?)`,
		from.String()+"-01", to.String()+"-01", ids, categories)
	if err != nil {
		return nil, fmt.Errorf("cijfers van het team: %w", d.describe(err))
	}
	defer rows.Close()
	area := map[string]cards.LifeArea{}
	for _, a := range cards.LifeAreas {
		area[string(a)] = a
	}
	factor := map[string]cards.Factor{}
	for _, fa := range cards.Factors {
		factor[string(fa)] = fa
	}
	f := cards.NewFigures(from, to)
	for rows.Next() {
		var what, item string
		var n int
		if err := rows.Scan(&what, &item, &n); err != nil {
			return nil, fmt.Errorf("cijfers van het team: %w", err)
		}
		switch what {
		case "clients":
			f.Clients = n
		case "compared", "chosen":
			f.Instruments[item] = setInstrument(f.Instruments[item], what == "chosen", n)
		case "category-compared", "category-chosen":
			c := cards.Category(item)
			f.Categories[c] = setInstrument(f.Categories[c], what == "category-chosen", n)
		case "worries", "attention":
			if a, ok := area[item]; ok {
				x := f.Areas[a]
				if what == "worries" {
					x.Worries = n
				} else {
					x.Attention = n
				}
				f.Areas[a] = x
			}
		case "factor":
			if fa, ok := factor[item]; ok {
				f.Factors[fa] = n
			}
		case "language":
			f.PlanLanguages[item] = n
		case "days-to-decision", "days-to-follow-up":
			days, err := strconv.Atoi(item)
			if err != nil {
				return nil, fmt.Errorf("cijfers van het team: %s %q: %w", what, item, err)
			}
			if what == "days-to-decision" {
				f.DaysToDecision[days] = n
			} else {
				f.DaysToFollowUp[days] = n
			}
		case "decided":
			f.Decided = n
		case "unsure":
			f.UnsureDecided = n
		case "followed-up":
			f.FollowedUp = n
		case "goal-fits":
			f.GoalFits = n
		case "way-changed":
			f.WayChanged = n
		default:
			return nil, fmt.Errorf("cijfers van het team: onbekend soort cijfer %q; richt de teamdatabase in met deze versie van de app", what)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cijfers van het team: %w", d.describe(err))
	}
	return f, nil
}

// setInstrument sets how many clients chose, or compared, an instrument
// or a category.
func setInstrument(x cards.InstrumentFigures, chosen bool, n int) cards.InstrumentFigures {
	if chosen {
		x.Chosen = n
	} else {
		x.Compared = n
	}
	return x
}

// conversation is what can be counted about one conversation.
type conversation struct {
	id, client, previous int64
	started              int64
	decision, goalRight  string
	yes                  int   // SURE answers "ja"
	worries, attention   int64 // bit i: cards.LifeAreas[i] marked so
	factors              int64 // bit i: something noted for cards.Factors[i]
	cards, languages     []string
}

// unit separates the keys, ids and languages joined in one column of
// session_facts; record separates the columns countable reads as one.
const unit, record = "\x1f", "\x1e"

// countable reads the facts of every conversation that started in
// [start, end), by client.
func (d *DB) countable(start, end int64) (map[int64][]*conversation, error) {
	// The texts come joined into one column with the record separator,
	// which no stored text holds either: reading one column of a row
	// costs less than reading seven.
	sep := "char(30)"
	if d.engine == enginePostgres {
		sep = "chr(30)"
	}
	texts := strings.Join([]string{"decision", "goal_right", "worries", "attention", "factors", "cards", "languages"}, " || "+sep+" || ")
	rows, err := d.db().Query(`SELECT session_id, client_id, previous_id, started_at, sure_yes, `+texts+`
		FROM session_facts WHERE started_at >= ? AND started_at < ?`, start, end)
	if err != nil {
		return nil, fmt.Errorf("cijfers: %w", d.describe(err))
	}
	defer rows.Close()
	area := map[string]int{}
	for i, a := range cards.LifeAreas {
		area[cards.KeyAreaMark(a)] = i
	}
	factor := map[string]int{}
	for i, fa := range cards.Factors {
		factor[cards.KeyDriverHelps(fa)], factor[cards.KeyDriverHoldsBack(fa)] = i, i
	}
	bits := func(joined string, index map[string]int) (b int64) {
		for _, k := range split(joined) {
			if i, ok := index[k]; ok {
				b |= 1 << i
			}
		}
		return b
	}
	out := map[int64][]*conversation{}
	for rows.Next() {
		c := &conversation{}
		var joined string
		if err := rows.Scan(&c.id, &c.client, &c.previous, &c.started, &c.yes, &joined); err != nil {
			return nil, fmt.Errorf("cijfers: %w", err)
		}
		t := strings.SplitN(joined, record, 7)
		if len(t) < 7 {
			return nil, fmt.Errorf("cijfers: gesprek %d: %w", c.id, errDamaged)
		}
		c.decision, c.goalRight = t[0], t[1]
		c.worries, c.attention, c.factors = bits(t[2], area), bits(t[3], area), bits(t[4], factor)
		c.cards, c.languages = split(t[5]), split(t[6])
		out[c.client] = append(out[c.client], c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cijfers: %w", d.describe(err))
	}
	return out, nil
}

// split reads a list joined with unit; nil for none.
func split(joined string) []string {
	if joined == "" {
		return nil
	}
	return strings.Split(joined, unit)
}

// scratch are the sets addClient fills for one client, emptied and used
// again for the next: tens of thousands of clients need no new maps each.
type scratch struct {
	byID                        map[int64]*conversation
	compared, chosen, languages map[string]bool
	categories                  map[cards.Category]bool
}

func newScratch() *scratch {
	return &scratch{map[int64]*conversation{}, map[string]bool{}, map[string]bool{}, map[string]bool{}, map[cards.Category]bool{}}
}

// addClient adds one client's conversations, oldest first, to the figures:
// everything they did counts once.
func addClient(f *cards.Figures, convs []*conversation, category map[string]cards.Category, s *scratch) {
	f.Clients++
	clear(s.byID)
	clear(s.compared)
	clear(s.chosen)
	clear(s.languages)
	byID, compared, chosen, languages := s.byID, s.compared, s.chosen, s.languages
	var worries, attention, factors int64
	for _, c := range convs {
		byID[c.id] = c
		for _, id := range c.cards {
			compared[id] = true
		}
		if c.decision != "" {
			chosen[c.decision] = true
		}
		for _, l := range c.languages {
			languages[l] = true
		}
		worries, attention, factors = worries|c.worries, attention|c.attention, factors|c.factors
	}
	count := func(ids map[string]bool, chosen bool) {
		categories := s.categories
		clear(categories)
		for id := range ids {
			x := f.Instruments[id]
			if chosen {
				x.Chosen++
			} else {
				x.Compared++
			}
			f.Instruments[id] = x
			if c, ok := category[id]; ok {
				categories[c] = true
			}
		}
		for c := range categories {
			x := f.Categories[c]
			if chosen {
				x.Chosen++
			} else {
				x.Compared++
			}
			f.Categories[c] = x
		}
	}
	count(compared, false)
	count(chosen, true)
	for i, a := range cards.LifeAreas {
		if worries&(1<<i) != 0 || attention&(1<<i) != 0 {
			x := f.Areas[a]
			if worries&(1<<i) != 0 {
				x.Worries++
			}
			if attention&(1<<i) != 0 {
				x.Attention++
			}
			f.Areas[a] = x
		}
	}
	for i, fa := range cards.Factors {
		if factors&(1<<i) != 0 {
			f.Factors[fa]++
		}
	}
	for l := range languages {
		f.PlanLanguages[l]++
	}

	const day = 24 * 60 * 60 * 1000
	first := convs[0].started
	var decided *conversation // the first conversation with a decision
	followed, fits, changed := false, false, false
	for _, c := range convs {
		if c.decision != "" && decided == nil {
			decided = c
		}
		if c.previous != 0 && c.goalRight != "" {
			followed = true
			fits = fits || cards.Answer(c.goalRight) == cards.AnswerYes
		}
		if p, ok := byID[c.previous]; ok && c.decision != "" && p.decision != "" && c.decision != p.decision {
			changed = true
		}
	}
	if decided != nil {
		f.Decided++
		// The SURE test as it stood when the client decided.
		f.UnsureDecided += count01(decided.yes < cards.SureReadyScore)
		f.DaysToDecision[int((decided.started-first)/day)]++
		for _, c := range convs {
			if c != decided && c.previous != 0 && c.started >= decided.started {
				f.DaysToFollowUp[int((c.started-decided.started)/day)]++
				break
			}
		}
	}
	f.FollowedUp += count01(followed)
	f.GoalFits += count01(fits)
	f.WayChanged += count01(changed)
}

func count01(b bool) int {
	if b {
		return 1
	}
	return 0
}
