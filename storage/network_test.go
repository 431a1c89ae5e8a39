package storage

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestUNCPath(t *testing.T) {
	tests := map[string]bool{
		`\\gemeente-fs01\home$\jan\samenbeslissen.db`: true,
		`//nas/gedeeld/samenbeslissen.db`:             true,
		`C:\Users\jan\AppData\Local\SamenBeslissen`:   false,
		`\\?\C:\Users\jan\samenbeslissen.db`:          false, // a long local path
		`\\.\PhysicalDrive0`:                          false, // a device
		`/home/jan/.config/samenbeslissen.db`:         false,
	}
	for p, want := range tests {
		if got := uncPath(p); got != want {
			t.Errorf("uncPath(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestOpen_NetworkShare opens a database on a network path, as a roaming
// profile on a share would give, and is refused with the way out; a
// local folder is not.
func TestOpen_NetworkShare(t *testing.T) {
	for _, p := range []string{`\\gemeente-fs01\profielen\jan\samenbeslissen.db`, "//nas/gedeeld/samenbeslissen.db"} {
		_, err := Open(p)
		if err == nil || !strings.Contains(err.Error(), "staat op een netwerkmap") || !strings.Contains(err.Error(), "Kies een map op deze computer") {
			t.Errorf("Open(%q): %v", p, err)
		}
		if err := Check(p); err == nil {
			t.Errorf("Check(%q) passed", p)
		}
	}
	local := filepath.Join(t.TempDir(), "nog", "niet", DatabaseFileName)
	if err := refuseNetwork(local); err != nil {
		t.Errorf("a local folder is refused: %v", err)
	}
}
