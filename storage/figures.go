package storage

import (
	"fmt"
	"strings"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Figures counts, per client, how the offering was used in the
// conversations that started from month from through month to: only
// counts leave this function (see cards.Figures). The database reads each
// conversation in the period once and gives back one row of what can be
// counted about it: the compared cards' ids, the chosen one, the SURE
// answers, which areas and factors were marked or noted (as bits, never
// the notes), the plan languages. Those rows are then added up per client
// here. In a team database it counts what this login may read.
func (d *DB) Figures(from, to cards.Month, cat *cards.Catalogue) (*cards.Figures, error) {
	f := cards.NewFigures(from, to)
	convs, err := d.countable(millis(from.Start()), millis(to.Next().Start()))
	if err != nil {
		return nil, err
	}
	category := map[string]cards.Category{}
	if cat != nil {
		for _, c := range cat.Cards() {
			category[c.ID] = c.Category
		}
	}
	for i := 0; i < len(convs); {
		j := i
		for j < len(convs) && convs[j].client == convs[i].client {
			j++
		}
		addClient(f, convs[i:j], category)
		i = j
	}
	return f, nil
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

// unit separates the ids and languages the database joins into one text.
const unit = "\x1f"

// countable reads, in one query, a row per conversation that started in
// [start, end), ordered by client and time. The database joins each
// conversation's decision, SURE answers, area marks and goal answer as
// key=value (a factor's note as its key only, so no note leaves it), its
// cards and its plan languages; reading them apart is cheaper here than a
// column for each in SQL.
func (d *DB) countable(start, end int64) ([]*conversation, error) {
	concat := "group_concat(%s, char(31))"
	if d.engine == enginePostgres {
		concat = "string_agg(%s, chr(31))"
	}
	// Only card ids, marks and answers leave the database, never a typed
	// text. No stored text holds the separator (checkText drops it), so
	// none is read as two.
	query := `SELECT s.id, s.client_id, coalesce(s.previous_id, 0), s.started_at,
		coalesce(` + fmt.Sprintf(concat, `CASE WHEN v.key LIKE 'drijfveer/%' THEN CASE WHEN trim(v.value) <> '' THEN v.key END
			WHEN v.key LIKE 'leefgebied/%/markering' OR v.key LIKE 'sure/%' OR v.key IN ('`+cards.KeyDecision+`', '`+cards.KeyGoalStillRight+`')
			THEN v.key || '=' || v.value END`) + `, ''),
		coalesce((SELECT ` + fmt.Sprintf(concat, "sc.card_id") + ` FROM session_cards sc WHERE sc.session_id = s.id), ''),
		coalesce((SELECT ` + fmt.Sprintf(concat, "p.lang") + ` FROM plan_prints p WHERE p.session_id = s.id), '')
		FROM sessions s LEFT JOIN session_values v ON v.session_id = s.id
		WHERE s.started_at >= ? AND s.started_at < ?
		GROUP BY s.id, s.client_id, s.previous_id, s.started_at ORDER BY s.client_id, s.started_at, s.id`
	rows, err := d.db().Query(query, start, end)
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
	sure := map[string]bool{}
	for q := range 4 {
		sure[cards.KeySure(q)] = true
	}
	var out []*conversation
	for rows.Next() {
		c := &conversation{}
		var values, cardIDs, languages string
		if err := rows.Scan(&c.id, &c.client, &c.previous, &c.started, &values, &cardIDs, &languages); err != nil {
			return nil, fmt.Errorf("cijfers: %w", err)
		}
		for _, kv := range strings.Split(values, unit) {
			key, value, _ := strings.Cut(kv, "=")
			if i, ok := factor[key]; ok {
				c.factors |= 1 << i
				continue
			}
			switch i, isArea := area[key]; {
			case key == cards.KeyDecision:
				c.decision = value
			case key == cards.KeyGoalStillRight:
				c.goalRight = value
			case sure[key] && cards.Answer(value) == cards.AnswerYes:
				c.yes++
			case isArea && cards.Mark(value) == cards.MarkWorry:
				c.worries |= 1 << i
			case isArea && cards.Mark(value) == cards.MarkAttention:
				c.attention |= 1 << i
			}
		}
		if cardIDs != "" {
			c.cards = strings.Split(cardIDs, unit)
		}
		if languages != "" {
			c.languages = strings.Split(languages, unit)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// addClient adds one client's conversations, oldest first, to the figures:
// everything they did counts once.
func addClient(f *cards.Figures, convs []*conversation, category map[string]cards.Category) {
	f.Clients++
	byID := map[int64]*conversation{}
	compared, chosen, languages := map[string]bool{}, map[string]bool{}, map[string]bool{}
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
		categories := map[cards.Category]bool{}
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
		f.UnsureDecided += count01(decided.yes < 3)
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
