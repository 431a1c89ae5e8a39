package app

import (
	"os/user"
	"strings"
)

// Version is the app's version, as FyneApp.toml has it (a test keeps the
// two equal). The gespreksverslag prints it in its footer.
const Version = "0.1.0"

// professional returns who is printing, for the footer of a report: the
// computer account's full name, else its login name. Tests replace it.
var professional = func() string {
	u, err := user.Current()
	if err != nil {
		return ""
	}
	// On Linux the full name is the first part of the GECOS field.
	if name, _, _ := strings.Cut(u.Name, ","); strings.TrimSpace(name) != "" {
		return strings.TrimSpace(name)
	}
	return u.Username
}
