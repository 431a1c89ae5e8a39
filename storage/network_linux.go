package storage

import "golang.org/x/sys/unix"

// networkMagic are the statfs types of Linux's network file systems.
var networkMagic = map[int64]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS",
	0xFE534D42: "SMB2",
	0x564C:     "NCP",
	0x5346414F: "AFS",
	0x73757245: "Coda",
	0x01021997: "9P",
	0x47504653: "GPFS",
	0x00C36400: "CephFS",
}

// networkFS reports whether dir lies on a network file system, and which.
func networkFS(dir string) (string, bool) {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return "", false
	}
	kind, ok := networkMagic[int64(st.Type)&0xFFFFFFFF]
	return kind, ok
}
