package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/samenbeslissen/samenbeslissen/cards"
	"github.com/samenbeslissen/samenbeslissen/locales"
)

// TestWritePlan_ContactLine prints the plan in every language with all,
// some and none of the municipality, the person and the phone set, and
// reads back whom to call: made of what is set, without empty places
// ("Bel , . ."), and no "Vragen?" at all when there is no one to call.
func TestWritePlan_ContactLine(t *testing.T) {
	const who, phone, org = "Sanne de Vries", "020 123 4567", "Gemeente Voorbeeld"
	tests := []struct {
		name string
		org  cards.Organisation
		want []string // in the text read back; nil: no contact part
	}{
		{"all", cards.Organisation{Name: org, Contact: who, Phone: phone}, []string{who, phone, org}},
		{"no municipality", cards.Organisation{Contact: who, Phone: phone}, []string{who, phone}},
		{"phone only", cards.Organisation{Phone: phone}, []string{phone}},
		{"person only", cards.Organisation{Name: org, Contact: who}, []string{who, org}},
		{"municipality only", cards.Organisation{Name: org}, nil},
		{"nothing", cards.Organisation{}, nil},
	}
	// Punctuation with nothing between: "Bel , .", ". .", "، ." and the like.
	empty := regexp.MustCompile(`[,.،።፣:]\s*[,.،።፣]|(Bel|Call|Wac|Ara:|Zadzwoń:|Телефонуй:|tel\.)\s*[,،.]|ን\s*ደውሉ|بـ\s*،`)
	// pdftotext marks right-to-left text with embeddings of its own.
	marks := strings.NewReplacer("\u202A", "", "\u202B", "", "\u202C", "", "\u202D", "", "\u202E", "")
	for _, lang := range []string{"nl", "en", "ar", "fa", "pl", "so", "ti", "tr", "uk"} {
		tr, err := locales.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			t.Run(lang+"/"+tt.name, func(t *testing.T) {
				p := examplePlan(t, lang)
				p.RTL = lang == "ar" || lang == "fa"
				p.Org = tt.org
				var buf bytes.Buffer
				if err := WritePlan(&buf, p); err != nil {
					t.Fatal(err)
				}
				text := marks.Replace(normalizeArabic(norm.NFKC.String(pdfText(t, buf.Bytes()))))
				pages := strings.Split(text, "\f")
				last := strings.Join(strings.Fields(pages[len(pages)-2]), " ")
				heading := strings.Join(strings.Fields(normalizeArabic(tr.T("plan.questions"))), " ")
				if tt.want == nil {
					if strings.Contains(text, heading) {
						t.Errorf("the plan has %q with no one to call:\n%s", heading, last)
					}
					return
				}
				if !strings.Contains(text, heading) {
					t.Errorf("the plan lacks %q", heading)
				}
				for _, w := range tt.want {
					if !strings.Contains(last, w) {
						t.Errorf("the plan's last page lacks %q:\n%s", w, last)
					}
				}
				i := strings.Index(last, heading)
				if m := empty.FindString(last[i:]); m != "" {
					t.Errorf("the contact part has an empty place (%q):\n%s", m, last[i:])
				}
			})
		}
	}
}
