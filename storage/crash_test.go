package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// The crash test runs this test binary again as a child that opens the
// database, says "writing", edits it and prints a line after each commit;
// the parent kills it with SIGKILL at a random moment after "writing",
// many times, and then checks that every edit the child reported is there
// and the database is sound.
const (
	crashDBEnv    = "SAMENBESLISSEN_CRASH_DB"
	crashStartEnv = "SAMENBESLISSEN_CRASH_START"
	crashRuns     = 200
)

func TestCrash_KilledWriterLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash test starts 200 processes")
	}
	path := filepath.Join(t.TempDir(), DatabaseFileName)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := d.CreateClient("Crash", "")
	s, _ := d.CreateSession(c.ID)
	d.Close()

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	reported := map[string][]int{}
	for run := 0; run < crashRuns; run++ {
		// Each run numbers its edits in a range of its own: an edit that
		// committed but was not reported before the kill must not be
		// mistaken for one of the next run.
		next := (run + 1) * 1_000_000
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashStartEnv+"="+strconv.Itoa(next))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The random delay starts once the child has opened the database
		// and is about to write, so that a slow start on a busy machine
		// does not eat the time it has to write.
		sc := bufio.NewScanner(out)
		if !sc.Scan() || sc.Text() != "writing" {
			said := sc.Text()
			for sc.Scan() { // a failing child test reports on stdout
				said += "\n" + sc.Text()
			}
			cmd.Wait()
			t.Fatalf("run %d: the child did not start writing: %s\n%s", run, said, stderr.String())
		}
		delay := time.Duration(2+r.IntN(80)) * time.Millisecond
		timer := time.AfterFunc(delay, func() { cmd.Process.Kill() })
		for sc.Scan() {
			kind, n, ok := strings.Cut(sc.Text(), " ")
			if num, err := strconv.Atoi(n); ok && err == nil {
				reported[kind] = append(reported[kind], num)
			}
		}
		timer.Stop()
		cmd.Wait()
	}
	total := len(reported["client"]) + len(reported["note"]) + len(reported["agreement"])
	t.Logf("%d runs killed, %d edits reported", crashRuns, total)
	if total < crashRuns {
		t.Fatalf("only %d edits in %d runs: the child hardly ran before it was killed", total, crashRuns)
	}

	d, err = Open(path)
	if err != nil {
		t.Fatalf("database unusable after the crashes: %v", err)
	}
	defer d.Close()
	if res, err := d.IntegrityCheck(); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	for _, n := range reported["client"] {
		var count int
		d.sql.QueryRow(`SELECT count(*) FROM clients WHERE name = ?`, fmt.Sprintf("Cliënt %d", n)).Scan(&count)
		if count != 1 {
			t.Errorf("reported client %d: %d rows", n, count)
		}
	}
	got, err := d.Session(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for _, a := range got.Agreements {
		texts[a.What] = true
	}
	for _, n := range reported["agreement"] {
		if !texts[fmt.Sprintf("Afspraak %d", n)] {
			t.Errorf("reported agreement %d is missing", n)
		}
	}
	// The note is overwritten by each edit: it must hold the last reported
	// one, or one made after it that committed before the kill.
	if notes := reported["note"]; len(notes) > 0 {
		last := notes[len(notes)-1]
		n, err := strconv.Atoi(strings.TrimPrefix(got.Notes[1], "Notitie "))
		if err != nil || n < last {
			t.Errorf("note = %q, want edit %d or later", got.Notes[1], last)
		}
	}
}

// TestCrashChild is the child of the crash test; on its own it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("runs only as the child of TestCrash_KilledWriterLosesNothing")
	}
	n, _ := strconv.Atoi(os.Getenv(crashStartEnv))
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sessions, _ := d.Sessions(1)
	sessionID := sessions[0].ID
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "writing")
	w.Flush()
	for ; ; n++ {
		var kind string
		switch n % 3 {
		case 0:
			kind = "client"
			_, err = d.CreateClient(fmt.Sprintf("Cliënt %d", n), "")
		case 1:
			kind = "note"
			err = d.SetValue(sessionID, cards.KeyNote(1), fmt.Sprintf("Notitie %d", n))
		case 2:
			kind = "agreement"
			var a cards.Agreement
			if a, err = d.AddAgreement(sessionID); err == nil {
				err = d.SetAgreement(a.ID, cards.AgreementWhat, fmt.Sprintf("Afspraak %d", n))
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "%s %d\n", kind, n)
		w.Flush()
	}
}
