package app

import (
	"os"

	"golang.org/x/sys/windows"
)

// The Windows build is a GUI program (no console window opens with the
// app). Run from a command prompt with a subcommand, it attaches to that
// prompt's console so that what it prints is seen there; output that is
// redirected to a file stays redirected.

var attachConsoleProc = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS

func attachConsole(args []string) {
	if len(args) == 0 {
		return // the window
	}
	if h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != windows.InvalidHandle {
		return // redirected
	}
	if r, _, _ := attachConsoleProc.Call(attachParentProcess); r == 0 {
		return // started without a console: nothing to print to
	}
	if con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = con, con
	}
}
