package app

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The command that voorbeeld prints opens the same data folder and
// database: run through a real shell, it gives back the same paths, even
// with spaces and quotes in them, and the session is in that database.
func TestExample_PrintsTheOpenCommand(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no shell:", err)
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "map met spaties")
	db := filepath.Join(dir, "Jan's gegevens", "een.db")
	tests := []struct {
		name  string
		args  []string
		wants []string // the arguments the shell should pass
	}{
		{"data", []string{"--data", data}, []string{"--data", data}},
		{"data and db", []string{"--data", data, "--db", db}, []string{"--data", data, "--db", db}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runArgs(append(tt.args, "voorbeeld")...)
			if code != 0 {
				t.Fatalf("voorbeeld: %d %s", code, stderr)
			}
			m := regexp.MustCompile(`Open het met: (samenbeslissen .*)\n$`).FindStringSubmatch(stdout)
			if m == nil {
				t.Fatalf("no open command in %q", stdout)
			}
			// A shell function in place of the app prints the arguments it gets.
			out, err := exec.Command(sh, "-c", `samenbeslissen() { printf '%s\n' "$@"; }; `+m[1]).Output()
			if err != nil {
				t.Fatalf("%s: %v", m[1], err)
			}
			got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			n := len(got) - 2 // then --sessie ID
			if n < 0 || strings.Join(got[:n], "|") != strings.Join(tt.wants, "|") || got[n] != "--sessie" {
				t.Fatalf("the shell gives %q, want %q and --sessie", got, tt.wants)
			}
			// Following it finds the conversation.
			pdf := filepath.Join(dir, tt.name+".pdf")
			if code, _, stderr := runArgs(append(got[:n], "plan", "--sessie", got[n+1], "--uit", pdf)...); code != 0 {
				t.Fatalf("plan with the printed arguments: %s", stderr)
			}
		})
	}
}

func TestExample_DefaultFolderNotSpelledOut(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", "")
	code, stdout, stderr := runArgs("voorbeeld")
	if code != 0 {
		t.Fatalf("voorbeeld: %d %s", code, stderr)
	}
	if !strings.HasSuffix(stdout, "Open het met: samenbeslissen --sessie 1\n") {
		t.Errorf("stdout = %q", stdout)
	}
}

func TestShellQuote(t *testing.T) {
	for _, tt := range []struct{ in, goos, want string }{
		{"/home/jan/data", "linux", "/home/jan/data"},
		{"/home/jan/mijn gegevens", "linux", "'/home/jan/mijn gegevens'"},
		{"/home/jan/Jan's", "darwin", `'/home/jan/Jan'\''s'`},
		{"/home/jan/$HOME", "linux", "'/home/jan/$HOME'"},
		{"/home/jan/cliënten", "linux", "/home/jan/cliënten"},
		{"", "linux", "''"},
		{`C:\Users\jan\data`, "windows", `C:\Users\jan\data`},
		{`C:\Users\jan\mijn gegevens`, "windows", `"C:\Users\jan\mijn gegevens"`},
		{`C:\Users\jan\data`, "linux", `'C:\Users\jan\data'`},
	} {
		if got := shellQuote(tt.in, tt.goos); got != tt.want {
			t.Errorf("shellQuote(%q, %s) = %s, want %s", tt.in, tt.goos, got, tt.want)
		}
	}
}

func runArgs(args ...string) (code int, stdout, stderr string) {
	var out, errOut strings.Builder
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}
