// Package quiet keeps the toolkit's log lines off the command line. Fyne
// logs from its package initialisation, before main runs (an unknown
// LANG gives "Fyne error: Error parsing user locale"), and the command
// line's output is ours to word in Dutch. Importing this package sends the
// standard logger nowhere from before Fyne's initialisation: it needs only
// io, log and os, so Go initialises it long before Fyne's lang package
// (checked with GODEBUG=inittrace=1, and by app's TestQuiet). The window
// turns the log back on with Restore.
package quiet

import (
	"io"
	"log"
	"os"
)

func init() { log.SetOutput(io.Discard) }

// Restore sends the standard logger to standard error again.
func Restore() { log.SetOutput(os.Stderr) }
