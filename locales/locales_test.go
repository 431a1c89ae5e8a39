package locales

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
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

// TestMessageFiles_IDs checks that the full languages have exactly the
// messages Dutch has, and a client language every client-view message and
// nothing Dutch lacks, so no text silently falls back to Dutch.
func TestMessageFiles_IDs(t *testing.T) {
	names, _ := fs.Glob(files, "*.toml")
	idsOf := func(name string) map[string]string {
		data, _ := files.ReadFile(name)
		var m map[string]any
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out := map[string]string{}
		for id, v := range m {
			s, _ := v.(string)
			out[id] = s
		}
		return out
	}
	nl := idsOf("nl.toml")
	for _, n := range names {
		lang := strings.TrimSuffix(n, ".toml")
		got := idsOf(n)
		full := slices.ContainsFunc(Full, func(t language.Tag) bool { return t.String() == lang })
		for id := range nl {
			client := slices.ContainsFunc(ClientPrefixes, func(p string) bool { return strings.HasPrefix(id, p) })
			if _, ok := got[id]; !ok && (full || client) {
				t.Errorf("%s lacks %q", n, id)
			}
		}
		for id := range got {
			if _, ok := nl[id]; !ok {
				t.Errorf("%s has %q, which nl.toml does not", n, id)
			}
		}
	}
	if len(Languages()) != len(names) {
		t.Errorf("Languages() = %v for files %v", Languages(), names)
	}
}

// TestMessageFiles_Placeholders checks that a translation keeps the
// template fields of the Dutch message, such as {{.N}}.
func TestMessageFiles_Placeholders(t *testing.T) {
	field := regexp.MustCompile(`{{\.[A-Za-z]+}}`)
	nlData, _ := files.ReadFile("nl.toml")
	var nl map[string]any
	toml.Unmarshal(nlData, &nl)
	names, _ := fs.Glob(files, "*.toml")
	for _, n := range names {
		data, _ := files.ReadFile(n)
		var m map[string]any
		toml.Unmarshal(data, &m)
		for id, v := range m {
			s, ok := v.(string)
			src, _ := nl[id].(string)
			if !ok {
				continue
			}
			for _, f := range field.FindAllString(src, -1) {
				if !strings.Contains(s, f) {
					t.Errorf("%s %q lacks %s", n, id, f)
				}
			}
		}
	}
}
