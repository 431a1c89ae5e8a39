package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/storage/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

// runOut runs the app's command line and returns its exit code and what
// it wrote to stdout and stderr.
func runOut(args ...string) (int, string, string) {
	var out, errOut strings.Builder
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestTeam_CommandLine: the administrator sets up a team database and
// makes a login; the professional's commands then work on it as on the
// laptop's file, and the self-test checks the connection.
func TestTeam_CommandLine(t *testing.T) {
	srv := pgtest.Shared(t)
	db := srv.NewDatabase(t)
	admin := srv.URL(db, "postgres")
	data := t.TempDir()

	code, out, errOut := runOut("--data", data, "team", "inrichten", "--db", admin)
	if code != 0 || !strings.Contains(out, "ingericht: schema 0 → 5") {
		t.Fatalf("team inrichten: %d\n%s%s", code, out, errOut)
	}
	if code, out, _ = runOut("team", "inrichten", "--db", admin); code != 0 || !strings.Contains(out, "was al bij") {
		t.Errorf("second run: %d %s", code, out)
	}
	if code, out, errOut = runOut("team", "medewerker", "--db", admin, "--naam", "jdevries"); code != 0 || !strings.Contains(out, "jdevries is medewerker") {
		t.Fatalf("team medewerker: %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut = runOut("team", "medewerker", "--db", admin, "--naam", "Jan de Vries"); code != 1 || !strings.Contains(errOut, "kan geen login zijn") {
		t.Errorf("an odd login name: %d %s", code, errOut)
	}

	pro := srv.URL(db, "jdevries")
	code, out, errOut = runOut("--data", data, "--db", pro, "voorbeeld")
	if code != 0 || !strings.Contains(out, "--db "+shellQuote(pro, "linux")) {
		t.Fatalf("voorbeeld: %d\n%s%s", code, out, errOut)
	}
	pdf := filepath.Join(data, "plan.pdf")
	if code, _, errOut = runOut("--data", data, "--db", pro, "plan", "--sessie", "1", "--uit", pdf); code != 0 {
		t.Fatalf("plan: %s", errOut)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(text), "Mijn plan") {
		t.Errorf("the plan from the team database: %v\n%s", err, text)
	}
	if code, out, errOut = runOut("--data", data, "--db", pro, "zelftest"); !strings.Contains(out, "Teamdatabase") || !strings.Contains(out, "verbinding, login en schema zijn in orde") {
		t.Errorf("zelftest: %d\n%s%s", code, out, errOut)
	}
	// The administrator's own login bypasses the access rules: refused.
	if code, _, errOut = runOut("--data", data, "--db", admin, "plan", "--sessie", "1", "--uit", pdf); code != 1 || !strings.Contains(errOut, "omzeilt de toegangsregels") {
		t.Errorf("plan as the superuser: %d %s", code, errOut)
	}
}
