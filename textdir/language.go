package textdir

import "golang.org/x/text/language"

// rtlScripts are the scripts written right to left that a language of
// ours could be in (ISO 15924).
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true, "Adlm": true, "Rohg": true}

// RightToLeft says whether a language (BCP 47, such as "ar" or "fa") is
// written right to left, by the script it is usually written in. The
// screens and the printables ask this one place.
func RightToLeft(lang string) bool {
	script, _ := language.Make(lang).Script()
	return rtlScripts[script.String()]
}
