package app

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage"
	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"
)

// seedFigures makes a laptop database of 100,000 conversations with 40,000
// clients, each conversation with compared cards, most with a decision,
// the SURE answers, marked life areas, notes on factors and a printed
// plan, written in one transaction as the app's rows. The triggers that
// keep session_facts up to date are set aside while the rows go in, and
// the facts are then made at once from the schema's own view: the same
// rows as the triggers make one save at a time (storage's TestDB_Figures
// checks those), in seconds rather than minutes.
func seedFigures(b *testing.B, path string, cat *cards.Catalogue) {
	d, err := storage.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	d.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	must := func(_ sql.Result, err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	var names, triggers []string
	rows, err := tx.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'facts\_%' ESCAPE '\'`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var name, ddl string
		rows.Scan(&name, &ddl)
		names, triggers = append(names, name), append(triggers, ddl)
	}
	rows.Close()
	if len(triggers) == 0 {
		b.Fatal("no triggers keep session_facts")
	}
	for _, name := range names {
		must(tx.Exec(`DROP TRIGGER ` + name))
	}
	r := rand.New(rand.NewPCG(9, 10))
	all := cat.Cards()
	const clients, conversations = 40_000, 100_000
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local).UnixMilli()
	for i := 1; i <= clients; i++ {
		must(tx.Exec(`INSERT INTO clients (id, name, search, reference, created_at, last_activity) VALUES (?, ?, ?, '', ?, ?)`, i, "C", "c", start, start))
	}
	for i := 1; i <= conversations; i++ {
		at := start + r.Int64N(330*24*3600*1000)
		must(tx.Exec(`INSERT INTO sessions (id, client_id, started_at, updated_at) VALUES (?, ?, ?, ?)`, i, r.IntN(clients)+1, at, at))
		for p := range 3 {
			must(tx.Exec(`INSERT OR IGNORE INTO session_cards (session_id, card_id, position, snapshot) VALUES (?, ?, ?, '')`, i, all[r.IntN(len(all))].ID, p+1))
		}
		values := map[string]string{cards.KeyGoal: "Werk in de zorg"}
		if r.IntN(5) > 0 {
			values[cards.KeyDecision] = all[r.IntN(len(all))].ID
		}
		for q := range 4 {
			values[cards.KeySure(q)] = []string{"ja", "nee"}[r.IntN(2)]
		}
		values[cards.KeyAreaMark(cards.LifeAreas[r.IntN(len(cards.LifeAreas))])] = string(cards.MarkWorry)
		values[cards.KeyAreaMark(cards.LifeAreas[r.IntN(len(cards.LifeAreas))])] = string(cards.MarkAttention)
		values[cards.KeyDriverHelps(cards.Factors[r.IntN(len(cards.Factors))])] = "Een notitie"
		for k, v := range values {
			must(tx.Exec(`INSERT INTO session_values (session_id, key, value) VALUES (?, ?, ?)`, i, k, v))
		}
		must(tx.Exec(`INSERT INTO plan_prints (session_id, lang, printed_at) VALUES (?, ?, ?)`, i, []string{"nl", "ar", "tr"}[r.IntN(3)], at))
	}
	must(tx.Exec(`INSERT INTO session_facts SELECT * FROM session_facts_now`))
	for _, ddl := range triggers {
		must(tx.Exec(ddl))
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// buildWithFloor builds the app into dir and times its floor: the
// program doing next to nothing (samenbeslissen versie), to compare with.
func buildWithFloor(b *testing.B, dir string) (bin string) {
	bin = filepath.Join(dir, "samenbeslissen")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	b.Run("floor", func(b *testing.B) {
		for b.Loop() {
			if msg, err := exec.Command(bin, "versie").CombinedOutput(); err != nil {
				b.Fatalf("%v\n%s", err, msg)
			}
		}
	})
	return bin
}

// BenchmarkFiguresProcess is the figures of 100,000 conversations as the
// user waits for them: the whole program, from start to the workbook
// written, run as a separate process each time. "floor" is the same
// program doing next to nothing (samenbeslissen versie), to compare with.
//
//	go test ./app -run '^$' -bench FiguresProcess -benchtime 5x
func BenchmarkFiguresProcess(b *testing.B) {
	dir := b.TempDir()
	store := newCatalogueStore(dir)
	cat, _, err := store.current()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, storage.DatabaseFileName)
	seedFigures(b, path, cat)
	bin := buildWithFloor(b, dir)
	for _, ext := range []string{"xlsx", "pdf"} {
		b.Run(ext, func(b *testing.B) {
			out := filepath.Join(dir, "cijfers."+ext)
			for b.Loop() {
				cmd := exec.Command(bin, "--data", dir, "cijfers", "--van", "2026-01", "--tot", "2026-12", "--uit", out)
				cmd.Env = append(os.Environ(), "LANG=nl_NL.UTF-8")
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, msg)
				}
			}
			if info, err := os.Stat(out); err != nil || info.Size() == 0 {
				b.Fatal(fmt.Sprint("no figures written: ", err))
			}
		})
	}
}

// seedTeamFigures fills a team database, as its superuser, with 100,000
// conversations of 40,000 clients like seedFigures', made on the server:
// the rows a save writes, with the facts triggers set aside, then the
// facts made at once from the schema's own views.
func seedTeamFigures(b *testing.B, srv *pgtest.Server, db string, cat *cards.Catalogue) {
	srv.Exec(b, db, teamFiguresSeed(cat))
}

// teamFiguresSeed is the SQL that seedTeamFigures runs.
func teamFiguresSeed(cat *cards.Catalogue) string {
	quoted := func(ss []string) string {
		q := make([]string, len(ss))
		for i, s := range ss {
			q[i] = "'" + s + "'"
		}
		return "ARRAY[" + strings.Join(q, ", ") + "]"
	}
	var ids, areas, factors []string
	for _, c := range cat.Cards() {
		ids = append(ids, c.ID)
	}
	for _, a := range cards.LifeAreas {
		areas = append(areas, string(a))
	}
	for _, f := range cards.Factors {
		factors = append(factors, string(f))
	}
	// pick(array) is one of its elements at random, row by row.
	pick := func(array string) string {
		return fmt.Sprintf("(%[1]s)[1 + floor(random() * cardinality(%[1]s))::int]", array)
	}
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local).UnixMilli()
	tables := "sessions, session_values, session_cards, plan_prints, session_facts"
	var q strings.Builder
	q.WriteString("SET search_path = samenbeslissen;\nSELECT setseed(0.25);\n")
	for _, t := range strings.Split(tables, ", ") {
		fmt.Fprintf(&q, "ALTER TABLE %s DISABLE TRIGGER USER;\n", t)
	}
	fmt.Fprintf(&q, `INSERT INTO clients (id, name, search, reference, created_at, last_activity, holder)
	SELECT g, 'C', 'c', '', %[1]d, %[1]d, 'medewerker' FROM generate_series(1, 40000) g;
INSERT INTO sessions (id, client_id, started_at, updated_at)
	SELECT g, 1 + floor(random() * 40000)::int, at, at
	FROM (SELECT g, %[1]d + floor(random() * 330 * 86400000)::bigint AS at FROM generate_series(1, 100000) g) x;
INSERT INTO session_cards (session_id, card_id, position, snapshot)
	SELECT id, %[2]s, p, '' FROM sessions, generate_series(1, 3) p ON CONFLICT DO NOTHING;
INSERT INTO session_values (session_id, key, value)
	SELECT id, 'besluit', %[2]s FROM sessions WHERE random() < 0.8
	UNION ALL SELECT id, 'sure/' || q, CASE WHEN random() < 0.5 THEN 'ja' ELSE 'nee' END FROM sessions, generate_series(1, 4) q
	UNION ALL SELECT id, 'leefgebied/' || %[3]s || '/markering', 'zorgen' FROM sessions
	UNION ALL SELECT id, 'leefgebied/' || %[3]s || '/markering', 'aandacht' FROM sessions
	UNION ALL SELECT id, 'drijfveer/' || %[4]s || '/helpt', 'Een notitie' FROM sessions
	UNION ALL SELECT id, 'doel', 'Werk in de zorg' FROM sessions
	ON CONFLICT DO NOTHING;
INSERT INTO plan_prints (session_id, lang, printed_at) SELECT id, %[5]s, started_at FROM sessions;
INSERT INTO session_facts SELECT * FROM session_facts_now;
INSERT INTO fact_items SELECT * FROM fact_items_now;
`, start, pick(quoted(ids)), pick(quoted(areas)), pick(quoted(factors)), pick(quoted([]string{"nl", "ar", "tr"})))
	for _, t := range strings.Split(tables, ", ") {
		fmt.Fprintf(&q, "ALTER TABLE %s ENABLE TRIGGER USER;\n", t)
	}
	q.WriteString("ANALYZE;\n")
	return q.String()
}

// BenchmarkTeamFiguresProcess is the figures of a team database of
// 100,000 conversations as policy staff wait for them: the whole program,
// connecting to the server, having it count and writing the workbook, as
// a separate process each time; "floor" is samenbeslissen versie.
//
//	go test ./app -run '^$' -bench TeamFiguresProcess -benchtime 5x
func BenchmarkTeamFiguresProcess(b *testing.B) {
	dir := b.TempDir()
	cat, _, err := newCatalogueStore(dir).current()
	if err != nil {
		b.Fatal(err)
	}
	srv := pgtest.Shared(b)
	db := srv.NewDatabase(b)
	admin := srv.URL(db, "postgres")
	if code, _, errOut := runArgs("team", "inrichten", "--db", admin); code != 0 {
		b.Fatal(errOut)
	}
	for _, args := range [][]string{{"--naam", "medewerker"}, {"--naam", "beleid", "--beleid"}} {
		if code, _, errOut := runArgs(append([]string{"team", "medewerker", "--db", admin}, args...)...); code != 0 {
			b.Fatal(errOut)
		}
	}
	seedTeamFigures(b, srv, db, cat)
	bin := buildWithFloor(b, dir)
	b.Run("xlsx", func(b *testing.B) {
		out := filepath.Join(dir, "cijfers.xlsx")
		var msg []byte
		for b.Loop() {
			cmd := exec.Command(bin, "--data", dir, "--db", srv.URL(db, "beleid"), "cijfers", "--van", "2026-01", "--tot", "2026-12", "--uit", out)
			cmd.Env = append(os.Environ(), "LANG=nl_NL.UTF-8")
			if msg, err = cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v\n%s", err, msg)
			}
		}
		// 40,000 clients, of whom some had no conversation in 2026.
		if !regexp.MustCompile(`, 3[0-9]{4} cliënten`).Match(msg) {
			b.Fatalf("not the seeded figures: %s", msg)
		}
	})
}
