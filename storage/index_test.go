package storage

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// explain returns the server's plan for a query as this login runs it.
func (d *DB) explain(t *testing.T, query string, args ...any) string {
	t.Helper()
	rows, err := d.db().Query("EXPLAIN "+query, args...)
	if err != nil {
		t.Fatalf("EXPLAIN %s: %v", query, err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		rows.Scan(&l)
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// TestTeamIndexes_Used: on a team database of 20,000 clients, the server's
// plan for each query the app runs uses an index, and every index of the
// schema but the primary keys is used by one of them (among them the
// lookups of the foreign-key checks, as the server runs them).
func TestTeamIndexes_Used(t *testing.T) {
	tt := openTeamTest(t)
	const pros = 40
	for i := 1; i <= pros; i++ {
		if err := AddLogin(context.Background(), tt.admin(), loadLogin(i), LoginProfessional); err != nil {
			t.Fatal(err)
		}
	}
	lead := tt.login(t, LoginTeamLead)
	typeIn := seedTeam(t, tt.srv, tt.db, 20_000, pros)
	// The team's figures once, which makes the things they count of every
	// client the seed saved.
	month := cards.MonthOf(time.Now())
	if _, err := lead.Figures(month, month, nil); err != nil {
		t.Fatal(err)
	}
	tt.srv.Exec(t, tt.db, "ANALYZE")
	pro := tt.open(t, loadLogin(1))
	session := typeIn[loadLogin(1)]
	s, err := pro.Session(session)
	if err != nil {
		t.Fatal(err)
	}
	client := s.ClientID

	plans := map[string]string{}
	// The app's queries, ListClients' as it builds it.
	list := func(d *DB, query string) string {
		q, args := d.listQuery(query, 200)
		return d.explain(t, q, args...)
	}
	plans["list own clients"] = list(pro, "")
	plans["search own clients"] = list(pro, "jansen")
	plans["list the team's clients"] = list(lead, "")
	plans["search the team's clients"] = list(lead, "aicha el am")
	plans["open a client"] = pro.explain(t, `SELECT `+clientColumns+` FROM clients c WHERE c.id = ?`, client)
	plans["a client's sessions"] = pro.explain(t, `SELECT id FROM sessions s WHERE s.client_id = ? ORDER BY s.started_at, s.id`, client)
	plans["open a session"] = pro.explain(t, `SELECT key, value FROM session_values WHERE session_id = ?`, session) + "\n" +
		pro.explain(t, `SELECT id, who, what, due FROM agreements WHERE session_id = ? ORDER BY position`, session) + "\n" +
		pro.explain(t, `SELECT card_id, snapshot FROM session_cards WHERE session_id = ? ORDER BY position`, session)
	plans["what colleagues saved"] = pro.explain(t, `SELECT key, value, changed_by FROM session_values WHERE session_id = ? AND revision > ? AND changed_by <> ?`, session, s.Revision, pro.Login())
	plans["who works with a client"] = pro.explain(t, `SELECT professional FROM client_colleagues WHERE client_id = ?`, client)
	plans["hand-overs"] = pro.explain(t, `SELECT note FROM handovers WHERE client_id = ? ORDER BY at, id`, client)
	plans["copied before"] = pro.explain(t, `SELECT id FROM clients WHERE origin = ?`, "x/client/1") + "\n" +
		pro.explain(t, `SELECT id FROM sessions WHERE origin = ?`, "x/session/1")
	plans["figures of a month"] = pro.explain(t, `SELECT session_id, client_id FROM session_facts WHERE started_at >= ? AND started_at < ?`,
		millis(month.Start()), millis(month.Next().Start()))
	privacy := tt.login(t, LoginPrivacy)
	plans["the audit log of a client"] = privacy.explain(t, `SELECT at, who FROM audit_log WHERE client_id = ? ORDER BY at, id`, client)

	var all string

	// What runs inside the functions the policies and the list use, as
	// their owner; and the lookups of the foreign-key checks when a
	// client's sessions are erased. EXPLAIN shows neither from outside.
	asOwner := func(query string) string {
		out, err := tt.srv.Psql(tt.db, "postgres", "SET search_path = samenbeslissen; EXPLAIN "+query)
		if err != nil || strings.Contains(out, "ERROR") {
			t.Fatalf("EXPLAIN %s: %v\n%s", query, err, out)
		}
		return out
	}
	me := pro.Login()
	plans["inside my_clients()"] = asOwner(`SELECT id FROM clients WHERE holder = '` + me + `' UNION ALL SELECT client_id FROM client_colleagues WHERE professional = '` + me + `'`)
	plans["inside reaches_session()"] = asOwner(`SELECT 1 FROM sessions x JOIN clients c ON c.id = x.client_id WHERE x.id = 1 AND c.holder = '` + me + `'`)
	plans["inside team_figures(): a changed client's things made again"] = asOwner(`DELETE FROM fact_items WHERE client_id = ANY ('{1}')`) + "\n" +
		asOwner(`SELECT * FROM fact_items_now WHERE client_id = ANY ('{1}')`)
	plans["follow-ups of an erased session (foreign key)"] = asOwner(`SELECT 1 FROM ONLY sessions x WHERE previous_id = 1 FOR KEY SHARE OF x`)
	plans["plan prints of an erased session (foreign key)"] = asOwner(`SELECT 1 FROM ONLY plan_prints x WHERE session_id = 1 FOR KEY SHARE OF x`)
	plans["outbox batches of an erased session (foreign key)"] = asOwner(`SELECT 1 FROM ONLY applied_edits x WHERE session_id = 1 FOR KEY SHARE OF x`)
	all = strings.Join(slices.Collect(maps.Values(plans)), "\n")

	for what, plan := range plans {
		if !strings.Contains(plan, "Index") && !strings.Contains(plan, "Conflict Arbiter") {
			t.Errorf("%s: the plan uses no index:\n%s", what, plan)
		}
		if testing.Verbose() {
			t.Logf("%s:\n%s", what, plan)
		}
	}
	// Every index but the primary keys, which are there to keep rows apart.
	indexes, _ := tt.srv.Psql(tt.db, "postgres", `SELECT indexname FROM pg_indexes WHERE schemaname = 'samenbeslissen' AND indexname NOT LIKE '%_pkey' ORDER BY 1`)
	if len(strings.Fields(indexes)) < 10 {
		t.Fatalf("indexes: %q", indexes)
	}
	for _, index := range strings.Fields(indexes) {
		if !strings.Contains(all, index) {
			t.Errorf("index %s is used by no query of the app", index)
		}
	}
}
