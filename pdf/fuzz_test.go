package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/samenbeslissen/samenbeslissen/cards"
)

// FuzzWritePlan prints a plan whose every text the client or professional
// typed comes from the fuzzer: it must not panic and must give a PDF.
// `make test` runs it for a few seconds, `make fuzz` longer; testdata/fuzz
// holds the seed corpus. One plan takes tens of milliseconds, so the texts
// are kept short; the edge-case tests print the long ones.
func FuzzWritePlan(f *testing.F) {
	for _, s := range []struct {
		a, b, c string
		rtl     bool
	}{
		{"Over een jaar werk ik 20 uur per week.", "Opvang regelen\nSolliciteren", "Samira", false},
		{"", "", "", false},
		{"أريد أن أعمل 20 ساعة في الأسبوع مع Jan de Vries.", "موعدك في 12-12-2026", "سمير (34)", true},
		{"👩🏽‍💻 werkt 🙂 en \U0010FFFD", "\u202Eomgekeerd\u202C\x00\x01\x7f\t\r\n", "\xff\xfe", false},
		{strings.Repeat("a", 200), strings.Repeat("س", 200), strings.Repeat("👩🏽‍💻", 30), true},
		{"\n\n\n", "   ", "—", false},
		{"Робота ስራ ((([[{", "\u064E\u064Eـ", "12,5% €250", true},
	} {
		f.Add(s.a, s.b, s.c, s.rtl)
	}
	base := examplePlan(f, "nl")
	arabic := examplePlan(f, "ar")
	f.Fuzz(func(t *testing.T, a, b, c string, rtl bool) {
		p := base
		if rtl {
			p = arabic
		}
		s := cards.NewSession()
		s.Goal, s.SubGoals, s.Why, s.NextAppointment = a, b, c, a+c
		opt := p.Session.Options[0]
		card := opt.Card
		card.Title, card.Summary = c, a
		card.Pros = append([]string{b}, card.Pros[1:]...)
		opt.Card = card
		s.Options = []cards.Option{opt}
		s.Decision = card.ID
		s.Agreements = []cards.Agreement{{Who: c, What: a, Due: b}, {Who: b}}
		s.Notes[2] = a
		p.Session = s
		p.Client.Name = c
		p.Org.Contact, p.Org.Name = b, c
		var buf bytes.Buffer
		if err := WritePlan(&buf, p); err != nil {
			t.Fatalf("WritePlan: %v", err)
		}
		out := buf.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.Contains(out[max(0, len(out)-32):], []byte("%%EOF")) {
			t.Fatalf("not a PDF: %q…", out[:min(len(out), 32)])
		}
	})
}
