package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// TestWindow_PrintSaysWhatHappened prints a plan from the window with a
// PDF viewer and without one: the window says where the PDF is, offers to
// open it and its folder, and says when no viewer could be started.
func TestWindow_PrintSaysWhatHappened(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the opener here is xdg-open")
	}
	tests := []struct {
		name   string
		viewer bool
	}{
		{"no viewer", false},
		{"a viewer", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin := t.TempDir()
			log := filepath.Join(bin, "opened")
			if tt.viewer {
				script := "#!/bin/sh\necho \"$1\" >> " + log + "\n"
				if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			t.Setenv("PATH", bin)
			wa := openWindow(t, t.TempDir())
			db := wa.start.db
			c, _ := db.CreateClient("Printer", "")
			s, _ := db.CreateSession(c.ID)
			db.SetValue(s.ID, cards.KeyGoal, "Werk in de zorg")
			opened := make(chan error, 1)
			wa.main.SetOpener(func(path string, done func(error)) {
				openFile(path, func(err error) { done(err); opened <- err })
			})
			wa.main.OpenSession(s.ID)
			canvas := wa.w.Canvas()
			tapButton(t, canvas, "Plan afdrukken")
			err := <-opened
			if (err == nil) != tt.viewer {
				t.Fatalf("opening the PDF: %v", err)
			}
			text := labels(canvas)
			pdfs, _ := filepath.Glob(filepath.Join(wa.printsDir(), "*.pdf"))
			if len(pdfs) != 1 || !strings.Contains(text, "De pdf staat in "+pdfs[0]) {
				t.Fatalf("printed %v; the window says %q", pdfs, text)
			}
			failed := strings.Contains(text, "De pdf kon niet worden geopend")
			if failed == tt.viewer {
				t.Errorf("with a viewer %v, the window says %q", tt.viewer, text)
			}
			tapButton(t, canvas, "Map openen")
			<-opened
			if !tt.viewer {
				return
			}
			got, _ := os.ReadFile(log)
			if want := pdfs[0] + "\n" + filepath.Dir(pdfs[0]) + "\n"; string(got) != want {
				t.Errorf("the viewer was asked to open %q, want %q", got, want)
			}
		})
	}
}
