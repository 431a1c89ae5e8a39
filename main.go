// Command samenbeslissen opens Samen Beslissen, the app in which a
// klantmanager and a client choose the next step toward work together.
// With a subcommand it does headless work, such as checking a catalogue.
package main

import (
	"os"

	"github.com/samenbeslissen/samenbeslissen/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:]))
}
