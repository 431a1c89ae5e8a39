// Package pgtest starts a throwaway PostgreSQL server for tests and
// benchmarks: a new cluster in a temporary folder that listens only on a
// Unix socket there, so it takes no TCP port and cannot be reached from
// outside. Stop removes it again.
//
// Without PostgreSQL on the machine, Start skips the test, unless
// SAMENBESLISSEN_PG_REQUIRED is set (make test sets it), when it fails.
package pgtest

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a running throwaway cluster. Its superuser is "postgres".
type Server struct {
	Dir  string // the socket folder; the cluster is in Dir/data
	Port int    // names the socket file; nothing listens on TCP
	bin  string
	// asPostgres runs the server's programs as the postgres user: initdb
	// refuses to run as root.
	asPostgres bool
	serverOpts string // pg_ctl's -o: socket, port and settings

	mu      sync.Mutex
	running bool
	nextDB  int
}

// Options change how the cluster runs.
type Options struct {
	// Durable keeps fsync on, for benchmarks that measure real commits;
	// tests turn it off for speed.
	Durable bool
	// Settings are extra server settings, name → value.
	Settings map[string]string
}

var (
	sharedOnce sync.Once
	shared     *Server
	sharedErr  error
)

// Shared returns one server for the whole test binary, started at the
// first call. The package's TestMain stops it with StopShared.
func Shared(t testing.TB) *Server {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = start(Options{}) })
	if sharedErr != nil {
		skipOrFail(t, sharedErr)
	}
	return shared
}

// StopShared stops the shared server if one was started.
func StopShared() {
	if shared != nil {
		shared.Stop()
	}
}

// Start starts a server of its own for t, stopped when t ends.
func Start(t testing.TB, o Options) *Server {
	t.Helper()
	s, err := start(o)
	if err != nil {
		skipOrFail(t, err)
	}
	t.Cleanup(s.Stop)
	return s
}

func skipOrFail(t testing.TB, err error) {
	t.Helper()
	if _, missing := err.(errNoPostgres); missing && os.Getenv("SAMENBESLISSEN_PG_REQUIRED") == "" {
		t.Skip(err)
	}
	t.Fatal(err)
}

type errNoPostgres struct{}

func (errNoPostgres) Error() string {
	return "PostgreSQL is not installed (Debian: apt-get install postgresql); make test installs it"
}

// binDir finds the server's programs: initdb on the PATH, or the newest
// of Debian's /usr/lib/postgresql/N/bin.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		a, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		b, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return a > b
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errNoPostgres{}
}

func start(o Options) (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "samenbeslissen-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, Port: 5432, bin: bin, asPostgres: os.Geteuid() == 0}
	if s.asPostgres {
		pg, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("user postgres (made by Debian's postgresql package): %w", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale", "C", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	fsync := "off"
	if o.Durable {
		fsync = "on"
	}
	opts := fmt.Sprintf("-k %s -p %d -c listen_addresses='' -c fsync=%s", dir, s.Port, fsync)
	for k, v := range o.Settings {
		opts += fmt.Sprintf(" -c %s=%s", k, v)
	}
	s.serverOpts = opts
	if err := s.pgctl("start", "-o", opts); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.watch()
	return s, nil
}

// watch starts a watchdog, in a session of its own, that stops the server
// and removes its folder once this process has ended without doing so
// itself (a test binary that panicked, or was killed): nothing is left
// running. It looks once a second; after a normal Stop it finds the folder
// gone and ends.
func (s *Server) watch() {
	stop := fmt.Sprintf("%q -D %q -m immediate -w stop", filepath.Join(s.bin, "pg_ctl"), filepath.Join(s.Dir, "data"))
	if s.asPostgres {
		stop = "runuser -u postgres -- " + stop
	}
	script := fmt.Sprintf(`while kill -0 %d 2>/dev/null && [ -d %q ]; do sleep 1; done
if [ -d %q ]; then %s >/dev/null 2>&1; rm -rf %q; fi`, os.Getpid(), s.Dir, s.Dir, stop, s.Dir)
	cmd := exec.Command("sh", "-c", script)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if cmd.Start() == nil {
		go cmd.Wait() // reaped if this process outlives it
	}
}

// run runs one of the server's programs, as the postgres user when we are root.
func (s *Server) run(prog string, args ...string) ([]byte, error) {
	path := filepath.Join(s.bin, prog)
	var cmd *exec.Cmd
	if s.asPostgres {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = s.Dir
	return cmd.CombinedOutput()
}

// pgctl runs pg_ctl on the cluster, waiting until it is done.
func (s *Server) pgctl(action string, args ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := append([]string{action, "-D", filepath.Join(s.Dir, "data"), "-w", "-l", filepath.Join(s.Dir, "log")}, args...)
	if action == "stop" {
		all = append(all, "-m", "fast")
	}
	out, err := s.run("pg_ctl", all...)
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(s.Dir, "log"))
		return fmt.Errorf("pg_ctl %s: %v\n%s\n%s", action, err, out, log)
	}
	s.running = action != "stop"
	return nil
}

// Halt stops the server but keeps its cluster, as when a network drops;
// Resume starts it again.
func (s *Server) Halt() error { return s.pgctl("stop") }

// Resume starts a halted server again.
func (s *Server) Resume() error {
	return s.pgctl("start", "-o", s.serverOpts)
}

// Stop stops the server and removes its folder.
func (s *Server) Stop() {
	s.mu.Lock()
	running := s.running
	s.mu.Unlock()
	if running {
		s.pgctl("stop")
	}
	os.RemoveAll(s.Dir)
}

// RequirePasswords makes the server ask every login but the superuser for
// its password (scram-sha-256) from now on.
func (s *Server) RequirePasswords(t testing.TB) {
	t.Helper()
	hba := "local all postgres trust\nlocal all all scram-sha-256\n"
	if err := os.WriteFile(filepath.Join(s.Dir, "data", "pg_hba.conf"), []byte(hba), 0o600); err != nil {
		t.Fatal(err)
	}
	s.Exec(t, "postgres", `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pgtest_probe') THEN CREATE ROLE pgtest_probe LOGIN; END IF; END $$`)
	if out, err := s.run("pg_ctl", "-D", filepath.Join(s.Dir, "data"), "reload"); err != nil {
		t.Fatalf("pg_ctl reload: %v\n%s", err, out)
	}
	// The server reloads in its own time: wait until it asks the probe
	// for a password.
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := pgx.Connect(context.Background(), s.URL("postgres", "pgtest_probe"))
		if err != nil {
			return
		}
		conn.Close(context.Background())
		if time.Now().After(deadline) {
			t.Fatal("the server does not ask for passwords after reloading pg_hba.conf")
		}
		runtime.Gosched()
	}
}

// URL is the connection URL for user on database db, over the socket.
func (s *Server) URL(db, user string) string {
	q := url.Values{"host": {s.Dir}, "port": {strconv.Itoa(s.Port)}, "user": {user}, "sslmode": {"disable"}}
	return "postgres:///" + db + "?" + q.Encode()
}

// NewDatabase creates an empty database and returns its name.
func (s *Server) NewDatabase(t testing.TB) string {
	t.Helper()
	s.mu.Lock()
	s.nextDB++
	name := fmt.Sprintf("test%d", s.nextDB)
	s.mu.Unlock()
	s.Exec(t, "postgres", "CREATE DATABASE "+name)
	return name
}

// Exec runs statements as the superuser on database db.
func (s *Server) Exec(t testing.TB, db, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, s.URL(db, "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// Psql runs psql as user on database db with the given SQL on its input
// and returns what it printed (stdout and stderr), the way a person with
// that login would see it.
func (s *Server) Psql(db, user, sql string) (string, error) {
	cmd := exec.Command(filepath.Join(s.bin, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=0",
		"-h", s.Dir, "-p", strconv.Itoa(s.Port), "-U", user, "-d", db)
	cmd.Stdin = bytes.NewBufferString(sql)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
