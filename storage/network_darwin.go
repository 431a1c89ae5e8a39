package storage

import "golang.org/x/sys/unix"

// networkFS reports whether dir lies on a network file system, and which.
func networkFS(dir string) (string, bool) {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return "", false
	}
	kind := unix.ByteSliceToString(st.Fstypename[:])
	switch kind {
	case "smbfs", "nfs", "afpfs", "webdav", "cifs":
		return kind, true
	}
	return "", false
}
