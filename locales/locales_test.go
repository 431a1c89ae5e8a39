package locales

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestTranslator_T(t *testing.T) {
	tests := []struct {
		lang, id string
		data     any
		want     string
	}{
		{"nl", "detail.pros", nil, "Voordelen"},
		{"en", "detail.pros", nil, "Pros"},
		{"nl", "detail.age.range", map[string]any{"Min": 18, "Max": 27}, "18 tot 27 jaar"},
		{"en-GB", "detail.cons", nil, "Cons"},
		{"klingon", "detail.cons", nil, "Nadelen"},
		{"nl", "bestaat.niet", nil, "bestaat.niet"},
	}
	for _, tt := range tests {
		tr, err := New(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.T(tt.id, tt.data); got != tt.want {
			t.Errorf("%s T(%q) = %q, want %q", tt.lang, tt.id, got, tt.want)
		}
	}
}

func TestTranslator_N(t *testing.T) {
	tr, _ := New("nl")
	if got := tr.N("browser.count", 1); got != "1 kaart" {
		t.Errorf("N(1) = %q", got)
	}
	if got := tr.N("browser.count", 44); got != "44 kaarten" {
		t.Errorf("N(44) = %q", got)
	}
}

// TestMessageFiles_SameIDs checks that every language has exactly the
// messages Dutch has, so no text silently falls back.
func TestMessageFiles_SameIDs(t *testing.T) {
	names, _ := fs.Glob(files, "*.toml")
	idsOf := func(name string) []string {
		data, _ := files.ReadFile(name)
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var ids []string
		for id := range m {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		return ids
	}
	want := idsOf("nl.toml")
	for _, n := range names {
		if got := idsOf(n); !slices.Equal(got, want) {
			t.Errorf("%s has other message ids than nl.toml:\n%s\nwant\n%s", n, strings.Join(got, " "), strings.Join(want, " "))
		}
	}
	if len(Languages()) != len(names) {
		t.Errorf("Languages() = %v for files %v", Languages(), names)
	}
}
