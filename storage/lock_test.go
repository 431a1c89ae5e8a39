package storage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

const lockDBEnv = "SAMENBESLISSEN_LOCK_DB"

// TestLock_OtherProcess runs this test binary again as a child that takes
// the lock and holds it; the parent is refused while the child lives, and
// takes the lock once the child was killed: a crash leaves no stale lock.
func TestLock_OtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFileName)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockChild$")
	cmd.Env = append(os.Environ(), lockDBEnv+"="+path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	defer func() {
		if !killed {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if line != "locked\n" {
		cmd.Process.Kill()
		cmd.Wait()
		killed = true
		t.Fatalf("child said %q (%v), stderr: %s", line, err, stderr.String())
	}

	release, err := Lock(path)
	if !errors.Is(err, ErrAlreadyOpen) {
		if release != nil {
			release()
		}
		t.Fatalf("Lock while another process holds it: %v, want ErrAlreadyOpen", err)
	}
	if err.Error() != ErrAlreadyOpen.Error() {
		t.Errorf("message = %q, want the plain Dutch message", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the refused Lock touched the database: %v", err)
	}

	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no chance to clean up
		t.Fatal(err)
	}
	cmd.Wait()
	killed = true
	release, err = Lock(path)
	if err != nil {
		t.Fatalf("Lock after the holder was killed: %v", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
}

// TestLockChild is the child of TestLock_OtherProcess; on its own it does
// nothing. It holds the lock until its stdin closes or it is killed.
func TestLockChild(t *testing.T) {
	path := os.Getenv(lockDBEnv)
	if path == "" {
		t.Skip("runs only as the child of TestLock_OtherProcess")
	}
	release, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin)
}

func TestLock_SameProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", DatabaseFileName)
	release, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if r2, err := Lock(path); !errors.Is(err, ErrAlreadyOpen) {
		if r2 != nil {
			r2()
		}
		t.Fatalf("second Lock in the same process: %v, want ErrAlreadyOpen", err)
	}
	if _, err := os.Stat(LockFileName(path)); err != nil {
		t.Errorf("lock file next to the database: %v", err)
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if err := release(); err == nil {
		t.Error("a second release says nothing")
	}
	release, err = Lock(path)
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	release()
}

// A link to the database shares the lock with the database itself.
func TestLock_Symlink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DatabaseFileName)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	release, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if r2, err := Lock(link); !errors.Is(err, ErrAlreadyOpen) {
		if r2 != nil {
			r2()
		}
		t.Fatalf("Lock through a link: %v, want ErrAlreadyOpen", err)
	}
}

// The lock survives a garbage collection while its holder keeps release.
func TestLock_SurvivesGC(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFileName)
	t.Cleanup(func() {
		held.Range(func(k, _ any) bool {
			if f := k.(*os.File); f.Name() == LockFileName(path) {
				held.Delete(f)
				f.Close()
			}
			return true
		})
	})
	func() {
		_, err := Lock(path) // release dropped on purpose
		if err != nil {
			t.Fatal(err)
		}
	}()
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if r, err := Lock(path); !errors.Is(err, ErrAlreadyOpen) {
		if r != nil {
			r()
		}
		t.Fatalf("after GC: %v, want ErrAlreadyOpen", err)
	}
}
