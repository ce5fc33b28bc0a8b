//go:build unix

package data

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Opening a FIFO blocks until a writer comes: the loader must refuse it by
// its type, before opening it.
func TestFIFOIsRefusedWithoutHanging(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "plan.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, path := range []string{fifo, dir} { // named, and found in a directory
		l, ps := DiskLayer("test", path)
		if len(ps) > 0 {
			t.Fatal(ps)
		}
		_, ps = Load(EmbeddedLayer(), l)
		if len(ps) != 1 || !strings.Contains(ps[0].String(), "plan.yaml:1:1: cannot read: not a regular file") {
			t.Fatalf("got %v", ps)
		}
	}
}
