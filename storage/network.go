package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SQLite's locking and its write-ahead log are not safe on a network file
// system (sqlite.org/wal.html), and a database there can be damaged by two
// laptops or a dropped connection. So a database on a network share is
// refused, with the way out in the message; team mode (issue 16) is the way
// to share.

// refuseNetwork fails when path, or the folder it will be made in, lies on
// a network share.
func refuseNetwork(path string) error {
	dir := NearestExisting(filepath.Dir(path))
	kind := ""
	if uncPath(path) {
		kind = "een netwerkpad"
	} else if k, ok := networkFS(dir); ok {
		kind = k
	}
	if kind == "" {
		return nil
	}
	return fmt.Errorf("%s staat op een netwerkmap (%s). Daar kan de database beschadigd raken. "+
		"Kies een map op deze computer met --data of --db; om met een team te werken is er de teamdatabase", path, kind)
}

// NearestExisting returns dir, or the nearest folder above it that exists:
// where a folder that is not there yet would be made.
func NearestExisting(dir string) string {
	for {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}

// uncPath reports whether p is a Windows network path, \\server\share or
// //server/share, whatever system reads it.
func uncPath(p string) bool {
	p = strings.ReplaceAll(p, `\`, "/")
	return strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "//./") && !strings.HasPrefix(p, "//?/")
}
