package pdf

import "time"

// date writes a day as the screens do, 8-12-2026. The left-to-right mark
// before it keeps it in that order in an Arabic or Farsi line, where the
// bidi algorithm would otherwise show the numbers between the dashes from
// right to left (2026-12-8); like every invisible character it is not drawn.
func date(t time.Time) string { return "\u200E" + t.Format("2-1-2006") }
