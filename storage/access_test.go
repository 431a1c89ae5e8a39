package storage

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// secretTeam is a team database where bram holds a client whose every
// text carries a marker, handed over to him by carla with a note, and has
// looked at the client; anna is another professional with a client of
// her own, lena a team lead and pim the privacy officer.
type secretTeam struct {
	teamTest
	anna, bram, carla, lena, pim string
	bramDB                       *DB
	client                       int64 // bram's
	annaClient                   int64
	session                      int64
	marker                       string
}

func newSecretTeam(t *testing.T) secretTeam {
	st := secretTeam{teamTest: openTeamTest(t), marker: "Geheim-c0ffee"}
	st.anna = st.newLogin(t, LoginProfessional)
	st.bram = st.newLogin(t, LoginProfessional)
	st.carla = st.newLogin(t, LoginProfessional)
	st.lena = st.newLogin(t, LoginTeamLead)
	st.pim = st.newLogin(t, LoginPrivacy)
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
		t.Errorf("anna's attack: %d errors, want 9 (the first two updates and the delete change nothing, silently):\n%s", n, out)
	}
	s, err := st.bramDB.Session(sid)
	if err != nil || s.Goal != "Doel "+st.marker || len(s.Agreements) != 1 || s.Values()["ingebroken"] != "" {
		t.Errorf("bram's session after the attack: %+v, %v", s, err)
	}
	if c, err := st.bramDB.Client(id); err != nil || c.Name != "Cliënt "+st.marker || c.Sessions != 1 {
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
