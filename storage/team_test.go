package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"
)

func TestMigrations_SameVersionsOnBothEngines(t *testing.T) {
	versions := func(e engine) []int {
		var vs []int
		for _, m := range migrations(e) {
			vs = append(vs, m.version)
		}
		return vs
	}
	lite, pg := versions(engineSQLite), versions(enginePostgres)
	if !reflect.DeepEqual(lite, pg) || len(lite) != SchemaVersion() {
		t.Errorf("SQLite has versions %v, PostgreSQL %v", lite, pg)
	}
}

func TestSetUpTeam_RunsAgainSafely(t *testing.T) {
	tt := openTeamTest(t)
	d := tt.login(t, LoginProfessional)
	c, err := d.CreateClient("Blijft bestaan", "")
	if err != nil {
		t.Fatal(err)
	}
	r, err := SetUpTeam(context.Background(), tt.admin())
	if err != nil {
		t.Fatal(err)
	}
	if r.From != SchemaVersion() || r.To != SchemaVersion() {
		t.Errorf("second run went from %d to %d", r.From, r.To)
	}
	if got, err := d.Client(c.ID); err != nil || got.Name != "Blijft bestaan" {
		t.Errorf("after setting up again: %+v, %v", got, err)
	}
}

// TestSetUpTeam_AsCreateRoleAdmin: a database administrator who is no
// superuser, but may create roles and owns the database, can set it up.
func TestSetUpTeam_AsCreateRoleAdmin(t *testing.T) {
	srv := pgtest.Shared(t)
	db := srv.NewDatabase(t)
	srv.Exec(t, "postgres", `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dba') THEN CREATE ROLE dba LOGIN CREATEROLE; END IF; END $$`)
	srv.Exec(t, "postgres", `ALTER DATABASE `+db+` OWNER TO dba`)
	tt := teamTest{srv: srv, db: db}
	if _, err := SetUpTeam(context.Background(), srv.URL(db, "dba")); err != nil {
		t.Fatal(err)
	}
	if err := AddLogin(context.Background(), srv.URL(db, "dba"), "via_dba", LoginProfessional); err != nil {
		t.Fatal(err)
	}
	d := tt.open(t, "via_dba")
	if _, err := d.CreateClient("A.", ""); err != nil {
		t.Fatal(err)
	}
	// The administrator is a member of the owner role, so the app refuses
	// to work as them.
	if _, err := Open(srv.URL(db, "dba")); !errors.Is(err, ErrBypassesRLS) {
		t.Errorf("opening as the administrator: %v", err)
	}
}

func TestOpenTeam_Refuses(t *testing.T) {
	tt := openTeamTest(t)
	srv := tt.srv
	plain := "gewoon" + strings.TrimPrefix(tt.db, "test")
	srv.Exec(t, "postgres", `CREATE ROLE `+plain+` LOGIN`)
	bypass := "omzeiler" + strings.TrimPrefix(tt.db, "test")
	srv.Exec(t, "postgres", `CREATE ROLE `+bypass+` LOGIN BYPASSRLS IN ROLE samenbeslissen_medewerker`)
	empty := srv.NewDatabase(t)
	pro := tt.newLogin(t, LoginProfessional)
	tests := []struct {
		name, url string
		want      error
	}{
		{"the superuser", srv.URL(tt.db, "postgres"), ErrBypassesRLS},
		{"a BYPASSRLS professional", srv.URL(tt.db, bypass), ErrBypassesRLS},
		{"a login without a team role", srv.URL(tt.db, plain), ErrNoTeamRole},
		{"a database not set up", srv.URL(empty, pro), ErrNotSetUp},
	}
	for _, tc := range tests {
		d, err := Open(tc.url)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
		if d != nil {
			d.Close()
		}
	}
	srv.Exec(t, tt.db, `UPDATE samenbeslissen.schema_version SET version = version + 1`)
	if _, err := Open(srv.URL(tt.db, pro)); !errors.Is(err, ErrTooNew) {
		t.Errorf("a newer schema: %v", err)
	}
	if _, err := SetUpTeam(context.Background(), tt.admin()); !errors.Is(err, ErrTooNew) {
		t.Errorf("setting up a newer schema: %v", err)
	}
}

// TestDB_FiguresOnOlderSetUp: a team database whose access rules predate
// the team's figures tells a team lead to have it set up again; setting it
// up again brings them.
func TestDB_FiguresOnOlderSetUp(t *testing.T) {
	tt := openTeamTest(t)
	lead := tt.login(t, LoginTeamLead)
	tt.srv.Exec(t, tt.db, `DROP FUNCTION samenbeslissen.team_figures`)
	month := cards.MonthOf(time.Now())
	if _, err := lead.Figures(month, month, nil); !errors.Is(err, ErrSetUpOld) {
		t.Errorf("figures on an older set-up: %v, want %v", err, ErrSetUpOld)
	}
	if _, err := SetUpTeam(context.Background(), tt.admin()); err != nil {
		t.Fatal(err)
	}
	if f, err := lead.Figures(month, month, nil); err != nil || f.Clients != 0 {
		t.Errorf("figures after setting up again: %+v, %v", f, err)
	}
}

func TestAddLogin_RefusesOddNames(t *testing.T) {
	tt := openTeamTest(t)
	for _, name := range []string{"", "Jan", "jan; drop table clients", `a"b`, strings.Repeat("a", 64), "1jan"} {
		if err := AddLogin(context.Background(), tt.admin(), name, LoginProfessional); err == nil {
			t.Errorf("login %q was made", name)
		}
	}
}

// TestOpenTeam_WrongPassword: a server that asks a password which the app
// does not have says so in Dutch, not as a lost connection.
func TestOpenTeam_WrongPassword(t *testing.T) {
	srv := pgtest.Start(t, pgtest.Options{Settings: map[string]string{"password_encryption": "scram-sha-256"}})
	db := srv.NewDatabase(t)
	tt := teamTest{srv: srv, db: db}
	if _, err := SetUpTeam(context.Background(), tt.admin()); err != nil {
		t.Fatal(err)
	}
	login := tt.newLogin(t, LoginProfessional)
	srv.Exec(t, "postgres", `ALTER ROLE `+login+` PASSWORD 'geheim-wachtwoord'`)
	srv.RequirePasswords(t)
	_, err := Open(srv.URL(db, login) + "&password=fout")
	if !errors.Is(err, ErrSignIn) || errors.Is(err, ErrOffline) {
		t.Errorf("a wrong password: %v", err)
	}
	d, err := Open(srv.URL(db, login) + "&password=geheim-wachtwoord")
	if err != nil {
		t.Fatalf("the right password: %v", err)
	}
	d.Close()
}
