package cards

import (
	"strings"
	"testing"
)

func TestTranslations_Apply(t *testing.T) {
	tr, err := ParseTranslations("en.toml", []byte(`
[coach]
titel = "Coach"
samenvatting = "You get help with the next step."
voordelen = ["You get support.", "You learn new things."]
nadelen = ["It takes time."]
`))
	if err != nil {
		t.Fatal(err)
	}
	c := sampleCard("coach", CategoryTowardWork, "Coach NL")
	got, ok := tr.Apply(c)
	if !ok || got.Title != "Coach" || got.Summary != "You get help with the next step." || got.Pros[1] != "You learn new things." {
		t.Errorf("translated card = %+v", got)
	}
	if got.Cons[0] != c.Cons[0] {
		t.Error("cons with a different number were used")
	}
	if got.WhatYouDo != c.WhatYouDo {
		t.Error("an untranslated field changed")
	}
	if c.Title != "Coach NL" {
		t.Error("Apply changed the original card")
	}
	if _, ok := tr.Apply(sampleCard("ander", CategoryAftercare, "Ander")); ok {
		t.Error("a card without a translation reported one")
	}
}

func TestParseTranslations_Errors(t *testing.T) {
	for _, data := range []string{"[coach]\ntitel = ", "[coach]\ntitle = \"x\""} {
		if _, err := ParseTranslations("x.toml", []byte(data)); err == nil || !strings.HasPrefix(err.Error(), "x.toml: ") {
			t.Errorf("ParseTranslations(%q) = %v", data, err)
		}
	}
}
