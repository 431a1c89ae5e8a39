package storage

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"
)

// The team load: a municipality's team database after some years, and a
// busy morning on it.
const (
	loadClients = 100_000
	loadPros    = 200
	loadEvery   = 300 * time.Millisecond
)

// envInt reads a whole number from the environment, or gives def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// loadLogin is the login of professional i (1-based).
func loadLogin(i int) string { return fmt.Sprintf("belast%03d", i) }

// seedTeam fills a set-up team database, as its superuser, with clients
// spread over pros professionals, each client with one session of a few
// values, in one COPY; and returns, per professional, one of their
// sessions to type in.
func seedTeam(tb testing.TB, srv *pgtest.Server, db string, clients, pros int) map[string]int64 {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, srv.URL(db, "postgres"))
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	r := rand.New(rand.NewPCG(1, 2))
	now := time.Now().UnixMilli()
	rows := make([][]any, clients)
	for i := range rows {
		name := firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))]
		ref := fmt.Sprintf("K%05d", i)
		last := now - r.Int64N(3*365*24*3600*1000)
		rows[i] = []any{int64(i + 1), name, searchText(name, ref), ref, last, last, loadLogin(i%pros + 1)}
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"samenbeslissen", "clients"},
		[]string{"id", "name", "search", "reference", "created_at", "last_activity", "holder"}, pgx.CopyFromRows(rows)); err != nil {
		tb.Fatal(err)
	}
	for _, q := range []string{
		`SELECT setval(pg_get_serial_sequence('samenbeslissen.clients', 'id'), (SELECT max(id) FROM samenbeslissen.clients))`,
		`INSERT INTO samenbeslissen.sessions (client_id, started_at, updated_at) SELECT id, last_activity, last_activity FROM samenbeslissen.clients`,
		`INSERT INTO samenbeslissen.session_values (session_id, key, value, changed_by)
			SELECT s.id, k.key, k.value, c.holder FROM samenbeslissen.sessions s JOIN samenbeslissen.clients c ON c.id = s.client_id,
			(VALUES ('stap', '6'), ('doel', 'Werk in de zorg, 20 uur per week'), ('notitie/2', 'Notitie van de klantmanager.')) AS k (key, value)`,
		`INSERT INTO samenbeslissen.agreements (session_id, position, who, what, due)
			SELECT s.id, p, 'Cliënt', 'Bellen met het werkgeverspunt', 'vrijdag' FROM samenbeslissen.sessions s, generate_series(1, 2) p`,
		// One in 23 clients has a colleague for a duo intake, one in 11 was
		// handed over, and each was opened a few times (prime steps, so
		// every professional keeps clients of their own).
		`INSERT INTO samenbeslissen.client_colleagues (client_id, professional, added_by, added_at)
			SELECT id, holder, holder, 0 FROM samenbeslissen.clients WHERE id % 23 = 0`,
		`UPDATE samenbeslissen.clients c SET holder = (SELECT holder FROM samenbeslissen.clients WHERE id = c.id + 1) WHERE c.id % 23 = 0 AND c.id < (SELECT max(id) FROM samenbeslissen.clients)`,
		`INSERT INTO samenbeslissen.handovers (client_id, from_professional, to_professional, note, at)
			SELECT id, 'vorige', holder, 'Overdracht.', 0 FROM samenbeslissen.clients WHERE id % 11 = 0`,
		// Each professional's own settings; and outbox batches, stored
		// after the network dropped, for one session in ten.
		`INSERT INTO samenbeslissen.settings (owner, key, value)
			SELECT DISTINCT holder, k, 'x'::bytea FROM samenbeslissen.clients, (VALUES ('klantmanager'), ('klantmanager_telefoon')) AS s (k)`,
		`INSERT INTO samenbeslissen.applied_edits (id, session_id, applied_at)
			SELECT md5(id::text), id, 0 FROM samenbeslissen.sessions WHERE id % 10 = 0`,
		`INSERT INTO samenbeslissen.plan_prints (session_id, lang, printed_at)
			SELECT id, (ARRAY['nl', 'ar', 'tr', 'pl'])[id % 4 + 1], 0 FROM samenbeslissen.sessions WHERE id % 3 = 0`,
		`ALTER TABLE samenbeslissen.audit_log DISABLE TRIGGER stamp`,
		`INSERT INTO samenbeslissen.audit_log (client_id, action, who) SELECT id, 'geopend', holder FROM samenbeslissen.clients, generate_series(1, 3)`,
		`ALTER TABLE samenbeslissen.audit_log ENABLE TRIGGER stamp`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
	var card bytes.Buffer
	cards.WriteTOML(&card, []cards.Card{testCard("kaart-X")})
	if _, err := conn.Exec(ctx, `INSERT INTO samenbeslissen.session_cards (session_id, card_id, position, snapshot)
		SELECT s.id, 'kaart-' || p, p, replace($1, 'kaart-X', 'kaart-' || p) FROM samenbeslissen.sessions s, generate_series(1, 2) p`, card.String()); err != nil {
		tb.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `VACUUM ANALYZE`); err != nil {
		tb.Fatal(err)
	}
	// As a database that has been in use: vacuumed and analysed (above), so
	// the run does not pay for settling after the bulk load.
	typeIn := map[string]int64{}
	res, err := conn.Query(ctx, `SELECT DISTINCT ON (c.holder) c.holder, s.id FROM samenbeslissen.clients c JOIN samenbeslissen.sessions s ON s.client_id = c.id ORDER BY c.holder, c.id`)
	if err != nil {
		tb.Fatal(err)
	}
	for res.Next() {
		var login string
		var id int64
		res.Scan(&login, &id)
		typeIn[login] = id
	}
	res.Close()
	return typeIn
}

// newLoadTeam starts a server of its own, durable as in production, with a
// set-up team database, pros professionals and a team lead, and the seed.
func newLoadTeam(tb testing.TB, clients, pros int) (teamTest, map[string]int64) {
	srv := pgtest.Start(tb, pgtest.Options{Durable: true, Settings: map[string]string{"max_connections": strconv.Itoa(pros + 20)}})
	tt := teamTest{srv: srv, db: srv.NewDatabase(tb)}
	ctx := context.Background()
	if _, err := SetUpTeam(ctx, tt.admin()); err != nil {
		tb.Fatal(err)
	}
	for i := 1; i <= pros; i++ {
		if err := AddLogin(ctx, tt.admin(), loadLogin(i), LoginProfessional); err != nil {
			tb.Fatal(err)
		}
	}
	if err := AddLogin(ctx, tt.admin(), "belastleider", LoginTeamLead); err != nil {
		tb.Fatal(err)
	}
	return tt, seedTeam(tb, srv, tt.db, clients, pros)
}

// percentile is the p-th percentile (0–100) of sorted durations, in ms.
func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := min(len(sorted)-1, int(float64(len(sorted))*p/100))
	return float64(sorted[i].Microseconds()) / 1000
}

// BenchmarkTeamLoad is a busy morning on a team database of 100,000
// clients: 200 professionals, each on their own connection, save an edit
// every 300 ms for 60 s (SAMENBESLISSEN_LOAD_SECONDS to change). It reports
// the edits sent and stored (each edit writes a field of its own, so a
// lost or doubled edit shows in the count), the save latency (apart, the
// first save on each new connection, which fills the server's caches for
// it), and client search as a professional and as a team lead. Run it once:
//
//	go test ./storage -run '^$' -bench TeamLoad -benchtime 1x
func BenchmarkTeamLoad(b *testing.B) {
	seconds := envInt("SAMENBESLISSEN_LOAD_SECONDS", 60)
	tt, typeIn := newLoadTeam(b, loadClients, loadPros)
	for b.Loop() {
		var (
			mu        sync.Mutex
			latencies []time.Duration // steady: every save but each connection's first
			firsts    []time.Duration // each connection's first save, which loads the server's caches for it
			sent      int
			failures  []error
			wg        sync.WaitGroup
		)
		dbs := make([]*DB, loadPros)
		for i := range dbs {
			dbs[i] = tt.open(b, loadLogin(i+1))
		}
		stop := time.Now().Add(time.Duration(seconds) * time.Second)
		for i, d := range dbs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				session := typeIn[loadLogin(i+1)]
				s, err := d.Session(session)
				if err != nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
					return
				}
				seen := s.Revision
				time.Sleep(time.Duration(rand.Int64N(int64(loadEvery)))) // not all at once
				tick := time.NewTicker(loadEvery)
				defer tick.Stop()
				for n := 0; time.Now().Before(stop); n++ {
					start := time.Now()
					saved, err := d.SaveEdits(session, seen, map[string]string{fmt.Sprintf("belasting/%d", n): "Notitie van de klantmanager, getypt tijdens de belasting."})
					took := time.Since(start)
					mu.Lock()
					if err != nil {
						failures = append(failures, err)
					} else {
						sent++
						if n == 0 {
							firsts = append(firsts, took)
						} else {
							latencies = append(latencies, took)
						}
						seen = saved.Revision
					}
					mu.Unlock()
					<-tick.C
				}
			}()
		}
		wg.Wait()
		var stored int
		out, err := tt.srv.Psql(tt.db, "postgres", `SELECT count(*) FROM samenbeslissen.session_values WHERE key LIKE 'belasting/%'`)
		if err != nil {
			b.Fatal(out)
		}
		fmt.Sscan(out, &stored)
		slices.Sort(latencies)
		slices.Sort(firsts)
		b.ReportMetric(float64(sent), "edits-sent")
		b.ReportMetric(float64(stored), "edits-stored")
		b.ReportMetric(float64(len(failures)), "failed")
		b.ReportMetric(percentile(latencies, 50), "save-p50-ms")
		b.ReportMetric(percentile(latencies, 90), "save-p90-ms")
		b.ReportMetric(percentile(latencies, 99), "save-p99-ms")
		b.ReportMetric(percentile(latencies, 100), "save-max-ms")
		b.ReportMetric(percentile(firsts, 50), "first-save-p50-ms")
		b.ReportMetric(percentile(firsts, 100), "first-save-max-ms")
		if len(failures) > 0 {
			b.Errorf("%d saves failed, the first: %v", len(failures), failures[0])
		}
		if stored != sent {
			b.Errorf("%d edits sent, %d stored", sent, stored)
		}

		pro, lead := dbs[0], tt.open(b, "belastleider")
		for _, search := range []struct {
			who   string
			d     *DB
			query string
		}{
			{"pro", pro, "jansen"}, {"pro-rare", pro, "K0999"},
			{"lead", lead, "aicha el am"}, {"lead-rare", lead, "K09999"},
		} {
			var times []time.Duration
			for range 30 {
				start := time.Now()
				if _, err := search.d.ListClients(context.Background(), search.query, 200); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(percentile(times, 50), "search-"+search.who+"-ms")
		}
	}
}

// TestSeedTeam_Spread: the load's seed gives each professional their own
// clients, and a professional finds only theirs when searching.
func TestSeedTeam_Spread(t *testing.T) {
	tt := openTeamTest(t)
	for i := 1; i <= 3; i++ {
		if err := AddLogin(context.Background(), tt.admin(), loadLogin(i), LoginProfessional); err != nil {
			t.Fatal(err)
		}
	}
	typeIn := seedTeam(t, tt.srv, tt.db, 300, 3)
	d := tt.open(t, loadLogin(2))
	cs, err := d.ListClients(context.Background(), "", 1000)
	out, _ := tt.srv.Psql(tt.db, "postgres", `SELECT count(*) FROM samenbeslissen.clients WHERE holder = 'belast002'
		OR id IN (SELECT client_id FROM samenbeslissen.client_colleagues WHERE professional = 'belast002')`)
	if want, _ := strconv.Atoi(strings.TrimSpace(out)); err != nil || len(cs) != want || want < 100 {
		t.Fatalf("professional 2 lists %d clients, want %d: %v", len(cs), want, err)
	}
	s, err := d.Session(typeIn[loadLogin(2)])
	if err != nil || s.Goal != "Werk in de zorg, 20 uur per week" {
		t.Errorf("the session to type in: %+v, %v", s, err)
	}
	if _, err := d.Session(typeIn[loadLogin(1)]); err == nil {
		t.Error("professional 2 opens professional 1's session")
	}
}
