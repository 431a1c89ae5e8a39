package textdir

import "testing"

func TestRightToLeft(t *testing.T) {
	for _, tt := range []struct {
		lang string
		want bool
	}{
		{"ar", true}, {"fa", true}, {"ur", true}, {"he", true}, {"ps", true},
		{"nl", false}, {"en", false}, {"ti", false}, {"tr", false}, {"uk", false}, {"so", false}, {"pl", false}, {"", false},
	} {
		if got := RightToLeft(tt.lang); got != tt.want {
			t.Errorf("RightToLeft(%q) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}
