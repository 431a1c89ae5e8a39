package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// quietArgsEnv holds the arguments for TestQuietChild, one per line.
const quietArgsEnv = "SAMENBESLISSEN_QUIET_ARGS"

// TestQuiet runs subcommands in a process of their own, under locales
// that Fyne cannot parse and under none, and expects nothing on standard
// error but our own words: no toolkit noise.
func TestQuiet(t *testing.T) {
	data := t.TempDir()
	if code := run([]string{"--data", data, "voorbeeld"}, &strings.Builder{}, &strings.Builder{}); code != 0 {
		t.Fatal("voorbeeld failed")
	}
	commands := [][]string{
		{"--data", data, "plan", "--sessie", "1", "--uit", filepath.Join(data, "plan.pdf")},
		{"--data", data, "kaarten", "--kaarten", "werkfit-traject", "--uit", filepath.Join(data, "kaarten.pdf")},
		{"--data", data, "catalogus", "exporteer", filepath.Join(data, "c.toml")},
		{"--data", data, "zelftest"},
	}
	for _, env := range [][]string{{"LANG=C"}, {"LANG=xx"}, {"LC_ALL=zz_ZZ.UTF-8"}, {"LANG=", "LC_ALL=", "LC_MESSAGES="}} {
		for _, args := range commands {
			cmd := exec.Command(os.Args[0], "-test.run=^TestQuietChild$")
			cmd.Env = append(append(withoutLocale(os.Environ()), env...), quietArgsEnv+"="+strings.Join(args, "\n"))
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%v %v: %v\n%s", env, args[2:], err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("%v %v printed on standard error:\n%s", env, args[2:], stderr.String())
			}
			if out := stdout.String(); !strings.Contains(out, "gemaakt") && !strings.Contains(out, "opgeslagen") && !strings.Contains(out, "Alles werkt") {
				t.Errorf("%v %v: %q", env, args[2:], stdout.String())
			}
		}
	}
}

func withoutLocale(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "LANG=") && !strings.HasPrefix(e, "LC_") {
			out = append(out, e)
		}
	}
	return out
}

// TestQuietChild is the command line of TestQuiet, run as a process.
func TestQuietChild(t *testing.T) {
	args := os.Getenv(quietArgsEnv)
	if args == "" {
		t.Skip("run by TestQuiet")
	}
	os.Exit(Main(strings.Split(args, "\n")))
}
