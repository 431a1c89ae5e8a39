package storage

import (
	"database/sql"
	"fmt"
	"strings"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// Figures counts, per client, how the offering was used in the
// conversations that started from month from through month to: only
// counts leave the database (see cards.Figures). The counting is done by
// the database where it can; what needs a client's conversations in order
// (days to a decision, a changed choice) comes out one row per
// conversation, with no text but the chosen card's id. In a team database
// it counts what this login may read.
func (d *DB) Figures(from, to cards.Month, cat *cards.Catalogue) (*cards.Figures, error) {
	f := cards.NewFigures(from, to)
	start, end := millis(from.Start()), millis(to.Next().Start())
	inPeriod := `s.started_at >= ? AND s.started_at < ?`
	each := func(what, query string, scan func(*sql.Rows) error, args ...any) error {
		rows, err := d.db().Query(query, append(args, start, end)...)
		if err != nil {
			return fmt.Errorf("cijfers (%s): %w", what, d.describe(err))
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("cijfers (%s): %w", what, err)
			}
		}
		return rows.Err()
	}
	err := each("cliënten", `SELECT count(DISTINCT s.client_id) FROM sessions s WHERE `+inPeriod,
		func(r *sql.Rows) error { return r.Scan(&f.Clients) })
	if err == nil {
		err = d.instrumentFigures(f, cat, inPeriod, start, end)
	}
	if err == nil {
		err = each("leefgebieden", `SELECT v.key, v.value, count(DISTINCT s.client_id) FROM session_values v JOIN sessions s ON s.id = v.session_id
			WHERE v.key IN (`+placeholders(len(areaKeys))+`) AND v.value IN (?, ?) AND `+inPeriod+` GROUP BY v.key, v.value`, func(r *sql.Rows) error {
			var key, mark string
			var n int
			if err := r.Scan(&key, &mark, &n); err != nil {
				return err
			}
			area := cards.LifeArea(strings.TrimSuffix(strings.TrimPrefix(key, "leefgebied/"), "/markering"))
			x := f.Areas[area]
			if cards.Mark(mark) == cards.MarkWorry {
				x.Worries = n
			} else {
				x.Attention = n
			}
			f.Areas[area] = x
			return nil
		}, append(areaKeys, string(cards.MarkWorry), string(cards.MarkAttention))...)
	}
	if err == nil {
		// Whether something was noted for a factor, never what.
		err = each("factoren", `SELECT factor, count(DISTINCT client) FROM (
				SELECT s.client_id AS client, replace(replace(replace(v.key, 'drijfveer/', ''), '/helpt', ''), '/remt', '') AS factor
				FROM session_values v JOIN sessions s ON s.id = v.session_id
				WHERE v.key IN (`+placeholders(len(factorKeys))+`) AND trim(v.value) <> '' AND `+inPeriod+`) x GROUP BY factor`, func(r *sql.Rows) error {
			var factor string
			var n int
			err := r.Scan(&factor, &n)
			f.Factors[cards.Factor(factor)] = n
			return err
		}, factorKeys...)
	}
	if err == nil {
		err = each("talen", `SELECT p.lang, count(DISTINCT s.client_id) FROM plan_prints p JOIN sessions s ON s.id = p.session_id
			WHERE `+inPeriod+` GROUP BY p.lang`, func(r *sql.Rows) error {
			var lang string
			var n int
			err := r.Scan(&lang, &n)
			f.PlanLanguages[lang] = n
			return err
		})
	}
	if err == nil {
		err = d.decisionFigures(f, inPeriod, start, end)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// instrumentFigures counts the clients who compared and chose each
// instrument, and an instrument of each category of cat (each client once
// per category), from the distinct pairs of client and card.
func (d *DB) instrumentFigures(f *cards.Figures, cat *cards.Catalogue, inPeriod string, start, end int64) error {
	category := map[string]cards.Category{}
	if cat != nil {
		for _, c := range cat.Cards() {
			category[c.ID] = c.Category
		}
	}
	for _, q := range []struct {
		query  string
		chosen bool
	}{
		{`SELECT DISTINCT s.client_id, sc.card_id FROM session_cards sc JOIN sessions s ON s.id = sc.session_id WHERE ` + inPeriod, false},
		{`SELECT DISTINCT s.client_id, v.value FROM session_values v JOIN sessions s ON s.id = v.session_id
			WHERE v.key = '` + cards.KeyDecision + `' AND v.value <> '' AND ` + inPeriod, true},
	} {
		rows, err := d.db().Query(q.query, start, end)
		if err != nil {
			return fmt.Errorf("cijfers (instrumenten): %w", d.describe(err))
		}
		perCategory := map[cards.Category]map[int64]bool{}
		for rows.Next() {
			var client int64
			var id string
			if err := rows.Scan(&client, &id); err != nil {
				rows.Close()
				return err
			}
			x := f.Instruments[id]
			if q.chosen {
				x.Chosen++
			} else {
				x.Compared++
			}
			f.Instruments[id] = x
			if c, ok := category[id]; ok {
				if perCategory[c] == nil {
					perCategory[c] = map[int64]bool{}
				}
				perCategory[c][client] = true
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for c, clients := range perCategory {
			x := f.Categories[c]
			if q.chosen {
				x.Chosen = len(clients)
			} else {
				x.Compared = len(clients)
			}
			f.Categories[c] = x
		}
	}
	return nil
}

// The keys the figures read, each by the index on key: an exact list
// rather than a pattern, which the index could serve only under some
// collations.
var areaKeys, factorKeys = func() (areas, factors []any) {
	for _, a := range cards.LifeAreas {
		areas = append(areas, cards.KeyAreaMark(a))
	}
	for _, f := range cards.Factors {
		factors = append(factors, cards.KeyDriverHelps(f), cards.KeyDriverHoldsBack(f))
	}
	return
}()

// placeholders is n question marks, for an IN list.
func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// conversation is what the decision figures need of one conversation.
type conversation struct {
	id, client, previous int64
	started              int64
	decision, goalRight  string
	yes                  int // SURE answers "ja"
}

// decisionFigures counts the decisions, the SURE test, the follow-ups and
// the days between, from one row per conversation in the period.
func (d *DB) decisionFigures(f *cards.Figures, inPeriod string, start, end int64) error {
	rows, err := d.db().Query(`SELECT s.id, s.client_id, coalesce(s.previous_id, 0), s.started_at,
			coalesce(max(CASE WHEN v.key = ? THEN v.value END), ''),
			coalesce(max(CASE WHEN v.key = ? THEN v.value END), ''),
			count(CASE WHEN v.key LIKE 'sure/%' AND v.value = ? THEN 1 END)
		FROM sessions s LEFT JOIN session_values v ON v.session_id = s.id AND v.key IN (?, ?, ?, ?, ?, ?)
		WHERE `+inPeriod+` GROUP BY s.id, s.client_id, s.previous_id, s.started_at ORDER BY s.client_id, s.started_at, s.id`,
		cards.KeyDecision, cards.KeyGoalStillRight, string(cards.AnswerYes),
		cards.KeyDecision, cards.KeyGoalStillRight, cards.KeySure(0), cards.KeySure(1), cards.KeySure(2), cards.KeySure(3), start, end)
	if err != nil {
		return fmt.Errorf("cijfers (besluiten): %w", d.describe(err))
	}
	defer rows.Close()
	byID := map[int64]*conversation{}
	var clients [][]*conversation
	for rows.Next() {
		c := &conversation{}
		if err := rows.Scan(&c.id, &c.client, &c.previous, &c.started, &c.decision, &c.goalRight, &c.yes); err != nil {
			return fmt.Errorf("cijfers (besluiten): %w", err)
		}
		byID[c.id] = c
		if n := len(clients); n == 0 || clients[n-1][0].client != c.client {
			clients = append(clients, nil)
		}
		clients[len(clients)-1] = append(clients[len(clients)-1], c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	const day = 24 * 60 * 60 * 1000
	for _, convs := range clients {
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
			f.UnsureDecided += count(decided.yes < 3)
			f.DaysToDecision[int((decided.started-first)/day)]++
			for _, c := range convs {
				if c != decided && c.previous != 0 && c.started >= decided.started {
					f.DaysToFollowUp[int((c.started-decided.started)/day)]++
					break
				}
			}
		}
		f.FollowedUp += count(followed)
		f.GoalFits += count(fits)
		f.WayChanged += count(changed)
	}
	return nil
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}
