package app

import (
	"path/filepath"
	"testing"
)

func TestDataDirFor(t *testing.T) {
	env := map[string]string{"LOCALAPPDATA": `C:\Users\jan\AppData\Local`, "APPDATA": `\\gemeente-fs01\profielen\jan\AppData\Roaming`}
	getenv := func(k string) string { return env[k] }
	tests := []struct{ goos, home, config, want string }{
		{"windows", `C:\Users\jan`, "", filepath.Join(`C:\Users\jan\AppData\Local`, "SamenBeslissen")},
		{"linux", "/home/jan", "/home/jan/.config", "/home/jan/.config/fyne/nl.samenbeslissen.app"},
		{"darwin", "/Users/jan", "", "/Users/jan/Library/Preferences/fyne/nl.samenbeslissen.app"},
	}
	for _, tt := range tests {
		if got := dataDirFor(tt.goos, getenv, tt.home, tt.config); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.goos, got, tt.want)
		}
	}
	// Without LOCALAPPDATA, still the local folder, not the roaming one.
	if got := dataDirFor("windows", func(string) string { return "" }, `C:\Users\jan`, ""); got != filepath.Join(`C:\Users\jan`, "AppData", "Local", "SamenBeslissen") {
		t.Errorf("windows without LOCALAPPDATA: %q", got)
	}
}
