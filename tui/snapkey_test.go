package tui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A symbolic link planted under the snapshot's name is never written
// through, dangling or not: the snapshot takes the next free name.
func TestCtrlSNeverFollowsAPlantedLink(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	victim := filepath.Join(elsewhere, "created-through-the-link")
	name := filepath.Join(dir, "corridor-ports-2026-11-22T12-00.svg")
	if err := os.Symlink(victim, name); err != nil {
		t.Skipf("symlink: %v", err)
	}
	a := newApp(t, 100, 30, WithSnapshotDir(dir))
	press(a, "2")
	a.Update(press(a, "ctrl+s")())
	if _, err := os.Lstat(victim); err == nil {
		t.Fatal("the snapshot was written through the planted link")
	}
	if target, err := os.Readlink(name); err != nil || target != victim {
		t.Errorf("the planted link was replaced: %q %v", target, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "corridor-ports-2026-11-22T12-00-2.svg"))
	if err != nil || !strings.HasPrefix(string(b), "<?xml") {
		t.Fatalf("no snapshot under the next name: %v", err)
	}
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "-2.svg") {
		t.Errorf("notice does not name the file written:\n%s", f)
	}
}

// A write that fails half way (a full disk) leaves no partial file.
func TestWriteNewRemovesAFailedFile(t *testing.T) {
	base := filepath.Join(t.TempDir(), "snap")
	full := errors.New("no space left on device")
	_, err := writeNew(base, ".svg", func(w io.Writer) error {
		if _, err := io.WriteString(w, "<?xml version"); err != nil {
			return err
		}
		return full
	})
	if !errors.Is(err, full) {
		t.Fatalf("err = %v, want the write's error", err)
	}
	if _, err := os.Lstat(base + ".svg"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a partial file was left behind: %v", err)
	}
	// The name is free again for the next try.
	path, err := writeNew(base, ".svg", func(w io.Writer) error { _, err := io.WriteString(w, "ok"); return err })
	if err != nil || path != base+".svg" {
		t.Errorf("next write: %q %v", path, err)
	}
}
