package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestDB_Professional(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFileName)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, p, err := d.Professional(); n != "" || p != "" || err != nil {
		t.Fatalf("unset: %q %q %v", n, p, err)
	}
	if err := d.SetProfessional("Jan de Vries", "06 1234 5678"); err != nil {
		t.Fatal(err)
	}
	if n, p, _ := d.Professional(); n != "Jan de Vries" || p != "06 1234 5678" {
		t.Errorf("got %q %q", n, p)
	}
	if on, _ := d.HasBackPIN(); on {
		t.Error("a PIN before one was set")
	}
	if err := d.SetBackPIN("4826"); err != nil {
		t.Fatal(err)
	}
	for pin, want := range map[string]bool{"4826": true, "4827": false, "": false, "48266": false} {
		if ok, err := d.CheckBackPIN(pin); ok != want || err != nil {
			t.Errorf("CheckBackPIN(%q) = %v, %v", pin, ok, err)
		}
	}
	d.Close()
	// The PIN is not in the file as typed.
	for _, f := range []string{path, path + "-wal"} {
		if data, err := os.ReadFile(f); err == nil && bytes.Contains(data, []byte("4826")) {
			t.Errorf("%s holds the PIN as typed", filepath.Base(f))
		}
	}
	d, _ = Open(path)
	defer d.Close()
	if err := d.SetBackPIN(""); err != nil {
		t.Fatal(err)
	}
	if on, _ := d.HasBackPIN(); on {
		t.Error("the PIN is still asked after it was taken away")
	}
}
