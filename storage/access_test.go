package storage

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// secretTeam is a team database where bram holds a client whose every
// text carries a marker, handed over to him by carla with a note, and has
// looked at the client; anna is another professional with a client of
// her own, lena a team lead, pim the privacy officer and ben policy staff.
type secretTeam struct {
	teamTest
	anna, bram, carla, lena, pim, ben string
	bramDB                            *DB
	client                            int64 // bram's
	annaClient                        int64
	session                           int64
	marker                            string
}

func newSecretTeam(t *testing.T) secretTeam {
	st := secretTeam{teamTest: openTeamTest(t), marker: "Geheim-c0ffee"}
	st.anna = st.newLogin(t, LoginProfessional)
	st.bram = st.newLogin(t, LoginProfessional)
	st.carla = st.newLogin(t, LoginProfessional)
	st.lena = st.newLogin(t, LoginTeamLead)
	st.pim = st.newLogin(t, LoginPrivacy)
	st.ben = st.newLogin(t, LoginPolicy)
	m := st.marker

	carla := st.open(t, st.carla)
	c, err := carla.CreateClient("Cliënt "+m, "REF-"+m)
	if err != nil {
		t.Fatal(err)
	}
	if err := carla.HandOver(c.ID, st.bram, "Overdracht "+m); err != nil {
		t.Fatal(err)
	}
	st.bramDB = st.open(t, st.bram)
	d := st.bramDB
	s, err := d.CreateSession(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetValues(s.ID, map[string]string{cards.KeyGoal: "Doel " + m, cards.KeyNote(2): "Notitie " + m}); err != nil {
		t.Fatal(err)
	}
	a, _ := d.AddAgreement(s.ID)
	if err := d.SetAgreement(a.ID, cards.AgreementWhat, "Afspraak "+m); err != nil {
		t.Fatal(err)
	}
	card := testCard("eigen-kaart")
	card.Title = "Kaart " + m
	if err := d.AddOption(s.ID, card); err != nil {
		t.Fatal(err)
	}
	if err := d.SetClientLanguage(c.ID, "ti"); err != nil {
		t.Fatal(err)
	}
	if err := d.SetProfessional("Bram "+m, "06 "+m); err != nil {
		t.Fatal(err)
	}
	if err := d.LogAction(c.ID, ActionOpened, "Detail "+m); err != nil {
		t.Fatal(err)
	}
	anna := st.open(t, st.anna)
	own, _ := anna.CreateClient("Anna's eigen cliënt", "")
	os, _ := anna.CreateSession(own.ID)
	anna.SetValue(os.ID, cards.KeyGoal, "Eigen doel")
	st.client, st.session, st.annaClient = c.ID, s.ID, own.ID
	// Statistics could show common values of the table to anyone who may
	// select from it; the server hides them where row security applies.
	st.srv.Exec(t, st.db, "ANALYZE")
	return st
}

// psql runs SQL as a login through psql, as a person with that login
// would, and returns everything psql printed.
func (st secretTeam) psql(t *testing.T, login, sql string) string {
	t.Helper()
	out, _ := st.srv.Psql(st.db, login, sql)
	return out
}

// teamTables are the schema's tables, read from the server's catalogue so
// a table added later is attacked too.
func (st secretTeam) teamTables(t *testing.T) []string {
	out := st.psql(t, "postgres", `SELECT tablename FROM pg_tables WHERE schemaname = 'samenbeslissen' ORDER BY 1`)
	tables := strings.Fields(out)
	if len(tables) < 9 {
		t.Fatalf("tables: %q", out)
	}
	return tables
}

// TestAccess_ProfessionalSeesNoOtherClients: anna, with psql, finds
// nothing of bram's client in any table or statistic, cannot change it, and
// cannot get at it through the functions.
func TestAccess_ProfessionalSeesNoOtherClients(t *testing.T) {
	st := newSecretTeam(t)
	var read strings.Builder
	for _, table := range st.teamTables(t) {
		fmt.Fprintf(&read, "SELECT '%s', t::text FROM samenbeslissen.%s t;\n", table, table)
	}
	read.WriteString("SELECT * FROM pg_stats WHERE schemaname = 'samenbeslissen';\n")
	// A function in the query that prints every row it sees: the server
	// applies the row policies first.
	read.WriteString(`CREATE FUNCTION pg_temp.leak(text) RETURNS boolean COST 0.0000001 LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'gezien: %', $1; RETURN true; END $$;
SELECT count(*) FROM samenbeslissen.session_values WHERE pg_temp.leak(value);
SELECT count(*) FROM samenbeslissen.clients WHERE pg_temp.leak(name);
SET ROLE samenbeslissen_eigenaar;
SET ROLE samenbeslissen_medewerker;
SELECT t::text FROM samenbeslissen.clients t;
RESET ROLE;
`)
	out := st.psql(t, st.anna, read.String())
	if strings.Contains(out, st.marker) {
		t.Errorf("anna reads bram's client:\n%s", out)
	}
	if !strings.Contains(out, "Anna's eigen cliënt") || !strings.Contains(out, "Eigen doel") {
		t.Errorf("anna does not see her own client, so the test shows nothing:\n%s", out)
	}
	if !strings.Contains(out, "permission denied to set role \"samenbeslissen_eigenaar\"") {
		t.Errorf("anna could become the owner:\n%s", out)
	}

	// Changing, adding, taking over and erasing: all refused or without effect.
	id, sid := st.client, st.session
	attack := fmt.Sprintf(`UPDATE samenbeslissen.session_values SET value = 'overschreven' WHERE session_id = %[2]d;
DELETE FROM samenbeslissen.agreements WHERE session_id = %[2]d;
UPDATE samenbeslissen.clients SET name = 'overschreven' WHERE id = %[1]d;
UPDATE samenbeslissen.clients SET language = 'fa' WHERE id = %[1]d;
INSERT INTO samenbeslissen.session_values VALUES (%[2]d, 'ingebroken', 'x');
INSERT INTO samenbeslissen.sessions (client_id, started_at, updated_at) VALUES (%[1]d, 0, 0);
UPDATE samenbeslissen.clients SET holder = current_user WHERE id = %[1]d;
SELECT samenbeslissen.hand_over(%[1]d, current_user, '', '');
SELECT samenbeslissen.add_colleague(%[1]d, current_user, '');
SELECT samenbeslissen.erase_client(%[1]d, '');
SELECT samenbeslissen.log_action(%[1]d, 'geopend', '', '');
SELECT samenbeslissen.audit(%[1]d, 'vals', '', '');
INSERT INTO samenbeslissen.client_colleagues VALUES (%[1]d, current_user, current_user, 0);
`, id, sid)
	out = st.psql(t, st.anna, attack)
	if n := strings.Count(out, "ERROR"); n != 9 {
		t.Errorf("anna's attack: %d errors, want 9 (the first three updates and the delete change nothing, silently):\n%s", n, out)
	}
	s, err := st.bramDB.Session(sid)
	if err != nil || s.Goal != "Doel "+st.marker || len(s.Agreements) != 1 || s.Values()["ingebroken"] != "" {
		t.Errorf("bram's session after the attack: %+v, %v", s, err)
	}
	if c, err := st.bramDB.Client(id); err != nil || c.Name != "Cliënt "+st.marker || c.Sessions != 1 || c.Language != "ti" {
		t.Errorf("bram's client after the attack: %+v, %v", c, err)
	}
	if h, _ := st.bramDB.Holders(id); len(h) != 1 || h[0] != st.bram {
		t.Errorf("who works with bram's client: %v", h)
	}
	// No other professional is named as a colleague; the superuser, who
	// is a member of every role, is no colleague either.
	anna := st.open(t, st.anna)
	if got, err := anna.Colleagues(); err != nil || slices.Contains(got, "postgres") || !slices.Contains(got, st.bram) || slices.Contains(got, st.pim) {
		t.Errorf("anna's colleagues: %v, %v", got, err)
	}
	// The client's language, through the app as through psql.
	if _, err := anna.Client(id); !errors.Is(err, ErrNotFound) {
		t.Errorf("anna reads bram's client: %v", err)
	}
	if err := anna.SetClientLanguage(id, "fa"); !errors.Is(err, ErrNotFound) {
		t.Errorf("anna sets the language of bram's client: %v", err)
	}
	byLanguage := fmt.Sprintf(`SELECT count(*) FROM samenbeslissen.clients WHERE id = %d AND language = 'ti'`, id)
	if out := st.psql(t, st.bram, byLanguage); strings.TrimSpace(out) != "1" {
		t.Errorf("bram counts his client by its language: %q, want 1", out)
	}
	if out := st.psql(t, st.anna, byLanguage); strings.TrimSpace(out) != "0" {
		t.Errorf("anna counts bram's client by its language: %q, want 0", out)
	}
	if c, _ := st.bramDB.Client(id); c.Language != "ti" {
		t.Errorf("bram's client's language after anna's tries: %q, want ti", c.Language)
	}
	if err := anna.HandOver(st.annaClient, "postgres", ""); err == nil {
		t.Error("a client was handed over to the superuser")
	}
}

// TestAccess_TeamLead: lena sees every client and who holds it, and hands
// clients over, but reads no conversation of a client not her own.
func TestAccess_TeamLead(t *testing.T) {
	st := newSecretTeam(t)
	out := st.psql(t, st.lena, `SELECT name, holder FROM samenbeslissen.clients ORDER BY id;
SELECT t::text FROM samenbeslissen.session_values t;
SELECT t::text FROM samenbeslissen.agreements t;
SELECT t::text FROM samenbeslissen.session_cards t;
SELECT t::text FROM samenbeslissen.handovers t;
SELECT t::text FROM samenbeslissen.settings t;`)
	if !strings.Contains(out, "Cliënt "+st.marker+"|"+st.bram) || !strings.Contains(out, "Anna's eigen cliënt|"+st.anna) {
		t.Errorf("lena does not see the team's clients and their holders:\n%s", out)
	}
	for _, text := range []string{"Doel ", "Afspraak ", "Kaart ", "Overdracht ", "Bram ", "Eigen doel"} {
		if strings.Contains(out, text) {
			t.Errorf("lena reads %q:\n%s", text, out)
		}
	}
	lena := st.open(t, st.lena)
	if err := lena.HandOver(st.client, st.anna, "Bram is ziek."); err != nil {
		t.Fatal(err)
	}
	if _, err := st.bramDB.Session(st.session); !errors.Is(err, ErrNotFound) {
		t.Errorf("bram still opens the session after the hand-over: %v", err)
	}
	anna := st.open(t, st.anna)
	if s, err := anna.Session(st.session); err != nil || s.Goal != "Doel "+st.marker {
		t.Errorf("anna after the hand-over: %+v, %v", s, err)
	}
	if hs, _ := anna.Handovers(st.client); len(hs) != 2 || hs[1].Note != "Bram is ziek." || hs[1].From != st.bram || hs[1].To != st.anna {
		t.Errorf("hand-overs anna sees: %+v", hs)
	}
}

// TestAccess_PolicyCountsOnly: ben, policy staff, with psql, reads no row
// of any table and changes nothing; the server counts the team for him,
// and what comes back is counts of card ids and keys, over whole months
// in Dutch time whatever zone he sets. A professional and the privacy
// officer cannot have the team counted.
func TestAccess_PolicyCountsOnly(t *testing.T) {
	st := newSecretTeam(t)
	tables := st.teamTables(t)
	var read strings.Builder
	for _, table := range tables {
		fmt.Fprintf(&read, "SELECT '%s', t::text FROM samenbeslissen.%s t;\n", table, table)
	}
	read.WriteString(`SELECT * FROM pg_stats WHERE schemaname = 'samenbeslissen';
SET ROLE samenbeslissen_medewerker;
SELECT * FROM samenbeslissen.my_clients();
UPDATE samenbeslissen.clients SET name = 'overschreven';
INSERT INTO samenbeslissen.session_facts (session_id, client_id, previous_id, started_at, decision, goal_right, sure_yes, worries, attention, factors, cards, languages)
	VALUES (1, 1, 0, 0, '', '', 0, '', '', '', '', '');
`)
	out := st.psql(t, st.ben, read.String())
	if strings.Contains(out, st.marker) || strings.Contains(out, "Eigen doel") {
		t.Errorf("ben reads a client's data:\n%s", out)
	}
	// He may read schema_version, and his own settings.
	if n := strings.Count(out, "permission denied for table"); n != len(tables)-2+2 {
		t.Errorf("%d refusals for %d tables and two changes:\n%s", n, len(tables), out)
	}
	if !strings.Contains(out, `permission denied to set role "samenbeslissen_medewerker"`) || !strings.Contains(out, "permission denied for function my_clients") {
		t.Errorf("ben acts as a professional:\n%s", out)
	}

	counts := st.psql(t, st.ben, `SELECT what, item, clients FROM samenbeslissen.team_figures(current_date - 40, current_date + 40, '{eigen-kaart}', '{werk}');`)
	for _, want := range []string{"clients||2\n", "compared|eigen-kaart|1\n", "category-compared|werk|1\n"} {
		if !strings.Contains(counts, want) {
			t.Errorf("the team's figures lack %q:\n%s", want, counts)
		}
	}
	row := regexp.MustCompile(`^[a-z-]+\|[a-z0-9-]*\|[0-9]+$`)
	for _, line := range strings.Split(strings.TrimSpace(counts), "\n") {
		if !row.MatchString(line) {
			t.Errorf("not a count: %q", line)
		}
	}

	// bram's conversation at 23:30 on 31 March UTC is on 1 April in Dutch time.
	st.srv.Exec(t, st.db, fmt.Sprintf("UPDATE samenbeslissen.sessions SET started_at = %d WHERE id = %d",
		time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC).UnixMilli(), st.session))
	months := st.psql(t, st.ben, `SET TimeZone = 'UTC';
SELECT clients FROM samenbeslissen.team_figures('2026-03-31', '2026-03-31', '{}', '{}') WHERE what = 'clients';
SELECT clients FROM samenbeslissen.team_figures('2026-04-01', '2026-04-01', '{}', '{}') WHERE what = 'clients';`)
	if months != "0\n1\n" {
		t.Errorf("March and April in UTC: %q, want 0 and 1 client as in Dutch time", months)
	}

	call := `SELECT * FROM samenbeslissen.team_figures(current_date, current_date, '{}', '{}');`
	for _, login := range []string{st.anna, st.pim} {
		if out := st.psql(t, login, call); !strings.Contains(out, "permission denied for function team_figures") {
			t.Errorf("%s counts the team:\n%s", login, out)
		}
	}
}

// TestAccess_AuditLogAppendOnly: nobody changes or removes a line of the
// audit log, not the professional it is about, not the privacy officer who
// reads it, not even the server's superuser without first dropping the
// trigger; the privacy officer reads one client's log.
func TestAccess_AuditLogAppendOnly(t *testing.T) {
	st := newSecretTeam(t)
	change := `UPDATE samenbeslissen.audit_log SET who = 'iemand anders';
DELETE FROM samenbeslissen.audit_log;
TRUNCATE samenbeslissen.audit_log;
`
	for _, login := range []string{st.bram, st.pim, st.lena, "postgres"} {
		if out := st.psql(t, login, change); strings.Count(out, "ERROR") != 3 {
			t.Errorf("%s changed the audit log:\n%s", login, out)
		}
	}
	// Professionals cannot write a line of their own making either.
	for _, login := range []string{st.bram, st.pim, st.lena} {
		out := st.psql(t, login, `INSERT INTO samenbeslissen.audit_log (client_id, action) VALUES (1, 'vals');`)
		if !strings.Contains(out, "permission denied") {
			t.Errorf("%s wrote in the audit log:\n%s", login, out)
		}
	}
	pim := st.open(t, st.pim)
	log, err := pim.AuditLog(st.client)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range log {
		lines = append(lines, e.Who+" "+e.Action)
	}
	want := []string{st.carla + " overgedragen", st.bram + " geopend"}
	if strings.Join(lines, "; ") != strings.Join(want, "; ") {
		t.Errorf("audit log: %q, want %q", lines, want)
	}
	if _, err := st.bramDB.AuditLog(st.client); err == nil {
		t.Error("bram reads the audit log")
	}

	// Erasing leaves one line: that the erasure happened.
	if _, err := st.bramDB.EraseClient(st.client, nil); err != nil {
		t.Fatal(err)
	}
	log, err = pim.AuditLog(st.client)
	if err != nil || len(log) != 1 || log[0].Action != "gewist" || log[0].Who != st.bram {
		t.Errorf("audit log after the erase: %+v, %v", log, err)
	}
	out := st.psql(t, "postgres", "SELECT t::text FROM samenbeslissen.audit_log t; SELECT t::text FROM samenbeslissen.handovers t;")
	if strings.Contains(out, st.marker) {
		t.Errorf("after the erase the server still holds the client's text:\n%s", out)
	}
}
