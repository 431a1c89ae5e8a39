//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd || solaris

package storage

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockFile takes an exclusive flock on f without waiting. The lock belongs
// to f's open file description: another open of the same file, in this
// process or another, is refused, and the kernel drops it when the last
// descriptor closes, which includes the process dying. Go opens files with
// O_CLOEXEC, so programs the app starts do not inherit it.
func lockFile(f *os.File) error {
	return control(f, func(fd int) error {
		for {
			err := unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB)
			switch {
			case err == unix.EINTR:
				continue
			case errors.Is(err, unix.EWOULDBLOCK):
				return errLocked
			}
			return err
		}
	})
}

func unlockFile(f *os.File) error {
	return control(f, func(fd int) error { return unix.Flock(fd, unix.LOCK_UN) })
}

// control runs fn with f's descriptor, without putting f in blocking mode
// as f.Fd() would.
func control(f *os.File, fn func(fd int) error) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = fn(int(fd)) }); err != nil {
		return err
	}
	return ferr
}
