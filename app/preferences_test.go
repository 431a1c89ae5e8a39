package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestPreferences_RoundTrip(t *testing.T) {
	path := preferencesPath(filepath.Join(t.TempDir(), "map"))
	p, err := loadPreferences(path, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	changes := 0
	p.AddChangeListener(func() { changes++ })
	p.SetString("fyne:fileDialogLastFolder", "file:///home/jan/catalogus")
	p.SetInt("width", 1024)
	p.SetFloat("scale", 1.5)
	p.SetBool("rtl", true)
	p.SetStringList("recent", []string{"a", "b"})
	p.SetIntList("sizes", []int{3, 4})
	p.SetFloatList("weights", []float64{0.5})
	p.SetBoolList("marks", []bool{true, false})
	p.SetStringList("empty", nil)
	p.SetString("gone", "x")
	p.RemoveValue("gone")
	p.SetInt("width", 1024) // unchanged: no change, no write
	if changes != 11 {
		t.Errorf("%d changes reported, want 11", changes)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("written before the delay or Flush: %v", err)
	}
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}

	q, err := loadPreferences(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.String("fyne:fileDialogLastFolder"); got != "file:///home/jan/catalogus" {
		t.Errorf("String = %q", got)
	}
	if q.Int("width") != 1024 || q.Float("width") != 1024 || q.Float("scale") != 1.5 || !q.Bool("rtl") {
		t.Errorf("Int %d Float %v scale %v Bool %v", q.Int("width"), q.Float("width"), q.Float("scale"), q.Bool("rtl"))
	}
	if !slices.Equal(q.StringList("recent"), []string{"a", "b"}) || !slices.Equal(q.IntList("sizes"), []int{3, 4}) ||
		!slices.Equal(q.FloatList("sizes"), []float64{3, 4}) || !slices.Equal(q.FloatList("weights"), []float64{0.5}) ||
		!slices.Equal(q.BoolList("marks"), []bool{true, false}) {
		t.Errorf("lists: %v %v %v %v", q.StringList("recent"), q.IntList("sizes"), q.FloatList("weights"), q.BoolList("marks"))
	}
	if l := q.StringListWithFallback("empty", []string{"x"}); l == nil || len(l) != 0 {
		t.Errorf("empty list = %#v", l)
	}
	if q.StringWithFallback("gone", "fallback") != "fallback" || q.IntWithFallback("rtl", 7) != 7 || q.StringWithFallback("width", "w") != "w" {
		t.Error("a missing key or one of another type does not give the fallback")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries) // no temporary files
	}
}

func TestPreferences_WrittenAfterDelay(t *testing.T) {
	path := preferencesPath(t.TempDir())
	p, _ := loadPreferences(path, func(err error) { t.Error(err) })
	p.SetString("k", "v")
	// Polls until a deadline far past the delay, so a loaded machine
	// does not fail it.
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		if data, err := os.ReadFile(path); err == nil {
			if !strings.Contains(string(data), `"k":"v"`) {
				t.Errorf("file = %s", data)
			}
			return
		}
		time.Sleep(preferencesSaveDelay / 10)
	}
	t.Fatal("not written after the delay")
}

// An empty file (as Fyne's own in-place writes leave after a crash) is
// empty preferences, without a word; an unreadable one is reported, and
// replaced by the first change.
func TestPreferences_DamagedFile(t *testing.T) {
	dir := t.TempDir()
	path := preferencesPath(dir)
	os.WriteFile(path, nil, 0o600)
	if p, err := loadPreferences(path, nil); err != nil || p.String("x") != "" {
		t.Errorf("empty file: %v", err)
	}
	os.WriteFile(path, []byte(`{"x": "y"`), 0o600)
	p, err := loadPreferences(path, nil)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("half a file: %v", err)
	}
	p.SetString("x", "z")
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if q, err := loadPreferences(path, nil); err != nil || q.String("x") != "z" {
		t.Errorf("after a change: %q, %v", q.String("x"), err)
	}
}

// Nothing changed, nothing written: a copy that is refused at start, or
// one that only reads, leaves the folder as it was.
func TestPreferences_NoChangeNoWrite(t *testing.T) {
	dir := t.TempDir()
	p, _ := loadPreferences(preferencesPath(dir), nil)
	p.String("x")
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files: %v", entries)
	}
}

// Through Fyne's cloud hook, what Fyne and its widgets store in
// preferences, such as the file dialog's last folder, goes to our file.
func TestDataFolder_ReplacesFynePreferences(t *testing.T) {
	a := test.NewTempApp(t)
	path := preferencesPath(t.TempDir())
	p, _ := loadPreferences(path, nil)
	a.SetCloudProvider(dataFolder{p})
	a.Preferences().SetString("fyne:fileDialogLastFolder", "file:///tmp")
	if a.Preferences() != p {
		t.Fatal("the app does not use the data folder's preferences")
	}
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(path); err != nil || !strings.Contains(string(data), "fileDialogLastFolder") {
		t.Errorf("%s: %s %v", path, data, err)
	}
}
