//go:build !linux && !darwin && !windows

package storage

// networkFS cannot tell on this system.
func networkFS(string) (string, bool) { return "", false }
