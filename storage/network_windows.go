package storage

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// networkFS reports whether dir lies on a mapped network drive.
func networkFS(dir string) (string, bool) {
	vol := filepath.VolumeName(dir)
	if vol == "" {
		return "", false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return "", false
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return "netwerkschijf " + vol, true
	}
	return "", false
}
