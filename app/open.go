package app

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
	"time"
)

// openerWait is how long an opener may take to say it failed. Some
// (xdg-open without a desktop) run the viewer itself and return only when
// it closes: still running by then means the viewer is up.
const openerWait = 5 * time.Second

// openFile opens path, a file or a folder, in the program the computer
// uses for it, and reports through done whether that program could be
// started. Fyne's OpenURL only starts the opener and never hears that it
// failed, so a missing PDF viewer went unnoticed.
func openFile(path string, done func(error)) {
	go func() { done(runOpener(openerCommand(path))) }()
}

// openerCommand is the command that opens path on this system.
func openerCommand(path string) *exec.Cmd {
	switch runtime.GOOS {
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		return exec.Command("open", path)
	}
	return exec.Command("xdg-open", path)
}

// runOpener runs cmd and waits up to openerWait for it to fail.
func runOpener(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("%s ontbreekt", cmd.Path)
		}
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return fmt.Errorf("%s stopte met code %d", cmd.Args[0], exit.ExitCode())
		}
		return err
	case <-time.After(openerWait):
		return nil
	}
}
