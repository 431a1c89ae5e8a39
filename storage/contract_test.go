package storage

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"
)

// eachEngine runs a contract test on a new, empty database of each
// engine: the laptop's SQLite file, and a team database on a throwaway
// PostgreSQL server, worked on as an ordinary professional's login.
func eachEngine(t *testing.T, f func(t *testing.T, d *DB)) {
	t.Run("sqlite", func(t *testing.T) { f(t, openTest(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, openTeamTest(t).login(t, LoginProfessional)) })
}

// teamTest is a team database, set up, on the shared test server.
type teamTest struct {
	srv *pgtest.Server
	db  string
}

// openTeamTest makes a new database on the shared server and sets it up as
// a database administrator (the server's superuser) would.
func openTeamTest(t testing.TB) teamTest {
	t.Helper()
	srv := pgtest.Shared(t)
	tt := teamTest{srv: srv, db: srv.NewDatabase(t)}
	if _, err := SetUpTeam(context.Background(), tt.admin()); err != nil {
		t.Fatal(err)
	}
	return tt
}

// admin is the superuser's URL, for setting up.
func (tt teamTest) admin() string { return tt.srv.URL(tt.db, "postgres") }

var logins atomic.Int64

// newLogin creates a login of a kind, unique in the cluster, and returns
// its name.
func (tt teamTest) newLogin(t testing.TB, kind int) string {
	t.Helper()
	name := fmt.Sprintf("medewerker%d", logins.Add(1))
	if err := AddLogin(context.Background(), tt.admin(), name, kind); err != nil {
		t.Fatal(err)
	}
	return name
}

// open opens the team database as a login.
func (tt teamTest) open(t testing.TB, name string) *DB {
	t.Helper()
	d, err := Open(tt.srv.URL(tt.db, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// login creates a new login of a kind and opens the database as it.
func (tt teamTest) login(t testing.TB, kind int) *DB {
	t.Helper()
	return tt.open(t, tt.newLogin(t, kind))
}
