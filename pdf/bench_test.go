package pdf

import (
	"bytes"
	"testing"
)

// BenchmarkDeck200 draws a 200-card double-sided A6 deck on A4 with bleed
// and crop marks, and reports its size.
func BenchmarkDeck200(b *testing.B) {
	dk := exampleDeck(b, "nl", 200)
	dk.Bleed = Bleed
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := WriteDeck(&buf, dk); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkPlan draws one client's plan, and reports its size.
func BenchmarkPlan(b *testing.B) { benchPlan(b, "nl") }

// BenchmarkPlanArabic is the same plan in Arabic: shaping and bidi included.
func BenchmarkPlanArabic(b *testing.B) { benchPlan(b, "ar") }

func benchPlan(b *testing.B, lang string) {
	p := examplePlan(b, lang)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := WritePlan(&buf, p); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1e3, "kB")
}
