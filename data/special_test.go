//go:build unix

package data

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test if it has not returned in time (the
// goroutine is left behind: a hang is what the test is about).
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %s", what, d)
	}
}

func fifo(t *testing.T, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// A named pipe or a device in place of a data file is reported, not
// read: opening a pipe would wait for a writer forever, and a device
// like /dev/zero never ends.
func TestSpecialFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	if _, err := InitDir(dir, false); err != nil {
		t.Fatal(err)
	}
	fifo(t, filepath.Join(dir, ObservationsFile))
	if err := os.Remove(filepath.Join(dir, EventsFile)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, EventsFile)); err != nil {
		t.Fatal(err)
	}
	o := Origin{Dir: dir}
	var err error
	within(t, 5*time.Second, "Load", func() { _, err = o.Load() })
	clean := filepath.Clean(dir)
	for _, want := range []string{clean + "/observations.csv:0:0: not a regular file", clean + "/events.csv:0:0: not a regular file"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Load error %v, want %q", err, want)
		}
	}
	var problems []Problem
	within(t, 5*time.Second, "Validate", func() { _, problems = Validate(o, time.Now()) })
	if len(problems) != 2 || problems[0].String() != clean+"/observations.csv:0:0: error: not a regular file" {
		t.Errorf("Validate gave %d problems, want the two files (and no unused-source noise): %v", len(problems), problems)
	}
	// init-data --force must not write through the pipe either.
	within(t, 5*time.Second, "InitDir", func() { _, err = InitDir(dir, true) })
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("InitDir over a pipe: %v", err)
	}
}

// A pipe swapped in while the dashboard runs is reported like any bad
// edit, and live reload works again once the file is back.
func TestWatcherNeverBlocksOnAPipe(t *testing.T) {
	dir := t.TempDir()
	if _, err := InitDir(dir, false); err != nil {
		t.Fatal(err)
	}
	o := Origin{Dir: dir}
	base, err := o.LoadBaseline()
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(dir, ObservationsFile))
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan Update, 16)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() { _ = Watch(ctx, o, base, func(u Update) { ch <- u }) }()
	time.Sleep(50 * time.Millisecond)

	fifo(t, filepath.Join(dir, ObservationsFile))
	u := next(t, ch)
	if u.Err == nil || !strings.Contains(u.Err.Error(), "observations.csv:0:0: not a regular file") {
		t.Fatalf("after the pipe: %+v", u)
	}
	if err := os.Remove(filepath.Join(dir, ObservationsFile)); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(good), "4500000", "4500001", 1)
	if edited == string(good) {
		t.Fatal("no value to edit")
	}
	if err := os.WriteFile(filepath.Join(dir, ObservationsFile), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if u := next(t, ch); u.Err != nil || u.Data == nil || u.Changes != 1 {
		t.Fatalf("after the file came back: %+v", u)
	}
}
