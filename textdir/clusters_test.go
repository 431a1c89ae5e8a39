package textdir

import (
	"reflect"
	"strings"
	"testing"
)

func TestClusters(t *testing.T) {
	tests := []struct {
		s    string
		want []string
	}{
		{"", nil},
		{"abc", []string{"a", "b", "c"}},
		{"e\u0301é", []string{"e\u0301", "é"}},
		{"بَيت", []string{"بَ", "ي", "ت"}},
		{"a👩🏽‍💻b", []string{"a", "👩🏽‍💻", "b"}},
		{"❤️🙂", []string{"❤️", "🙂"}},
		{"\u0301a", []string{"\u0301", "a"}},
	}
	for _, tt := range tests {
		if got := Clusters(tt.s); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Clusters(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// FuzzClusters checks that the clusters make up the text and that none is
// empty.
func FuzzClusters(f *testing.F) {
	for _, s := range []string{"", "abc", "a👩🏽‍💻b", "بَيت", "\u200d\u200d", "\xff\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs := Clusters(s)
		if strings.Join(cs, "") != s {
			t.Fatalf("Clusters(%q) = %q", s, cs)
		}
		for _, c := range cs {
			if c == "" {
				t.Fatalf("Clusters(%q) has an empty cluster", s)
			}
		}
	})
}
