package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// watcher runs Watch on a fresh copy of the bundled data and returns the
// directory and a channel of updates.
func watcher(t *testing.T) (string, <-chan Update) {
	t.Helper()
	dir := t.TempDir()
	if _, err := InitDir(dir, false); err != nil {
		t.Fatal(err)
	}
	o := Origin{Dir: dir}
	base, err := o.LoadBaseline()
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan Update, 16)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = Watch(ctx, o, base, func(u Update) { ch <- u })
	}()
	t.Cleanup(func() { cancel(); <-done })
	time.Sleep(50 * time.Millisecond) // let the watcher start
	return dir, ch
}

func next(t *testing.T, ch <-chan Update) Update {
	t.Helper()
	select {
	case u := <-ch:
		return u
	case <-time.After(5 * time.Second):
		t.Fatal("no reload within 5 s")
	}
	return Update{}
}

// editObs rewrites observations.csv with one value changed.
func editObs(t *testing.T, dir, from, to string) {
	t.Helper()
	p := filepath.Join(dir, ObservationsFile)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), from, to, 1)
	if s == string(b) {
		t.Fatalf("%q not found", from)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatchGoodEdit(t *testing.T) {
	dir, ch := watcher(t)
	start := time.Now()
	editObs(t, dir, "o-0568,titr,cargo,2025,4119000", "o-0568,titr,cargo,2025,4120000")
	u := next(t, ch)
	if u.Err != nil || u.Data == nil || u.Changes != 1 {
		t.Fatalf("update = %+v, want new data with 1 change", u)
	}
	if c := u.Report.Changed; len(c) != 1 || c[0].Old.Value != 4119000 || c[0].New.Value != 4120000 || u.Report.Summary() != "1 change: 1 figure changed" {
		t.Errorf("report = %s", u.Report.Text("before", "after"))
	}
	// How fast is measured by BenchmarkReload; here it only has to come.
	t.Logf("reloaded %v after the edit", time.Since(start))
}

func TestWatchBadEditThenFix(t *testing.T) {
	dir, ch := watcher(t)
	editObs(t, dir, "o-0568,titr,cargo,2025,4119000", "o-0568,titr,cargo,2025-13,4119000")
	u := next(t, ch)
	if u.Err == nil || !strings.Contains(u.Err.Error(), `observations.csv:`) || u.Data != nil {
		t.Fatalf("bad edit update = %+v, want a positioned error and no data", u)
	}
	editObs(t, dir, "2025-13,4119000", "2025,4119000")
	if u := next(t, ch); u.Err != nil || u.Data == nil {
		t.Fatalf("fixed edit update = %+v, want data", u)
	}
}

func TestWatchHalfWrittenFile(t *testing.T) {
	dir, ch := watcher(t)
	p := filepath.Join(dir, EventsFile)
	full, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// A spreadsheet caught mid-save: half the file, cut inside a quote.
	half := full[: len(full)/2 : len(full)/2] // a copy on append, full stays whole
	if err := os.WriteFile(p, append(half, '"'), 0o644); err != nil {
		t.Fatal(err)
	}
	if u := next(t, ch); u.Err == nil {
		t.Fatalf("half-written file loaded: %+v", u)
	}
	if err := os.WriteFile(p, full, 0o644); err != nil {
		t.Fatal(err)
	}
	// The complete file again: good data, or no report when identical.
	select {
	case u := <-ch:
		if u.Err != nil {
			t.Fatalf("complete file still failing: %v", u.Err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("no recovery after the write completed")
	}
}

func TestWatchFileDeleted(t *testing.T) {
	dir, ch := watcher(t)
	if err := os.Remove(filepath.Join(dir, PortsFile)); err != nil {
		t.Fatal(err)
	}
	u := next(t, ch)
	if u.Err == nil || !strings.Contains(u.Err.Error(), "ports.csv") {
		t.Fatalf("deleted file update = %+v", u)
	}
}

func TestWatchDirectoryDeletedAndRestored(t *testing.T) {
	dir, ch := watcher(t)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	u := next(t, ch)
	if u.Err == nil {
		t.Fatalf("deleted directory update = %+v", u)
	}
	if _, err := InitDir(dir, false); err != nil {
		t.Fatal(err)
	}
	for {
		u := next(t, ch)
		if u.Err == nil && u.Data != nil {
			break
		}
	}
}

// BenchmarkReload measures edit-to-update latency: the time from writing
// a file to the watcher reporting the new data (the settle delay plus a
// full load).
func BenchmarkReload(b *testing.B) {
	dir := b.TempDir()
	if _, err := InitDir(dir, false); err != nil {
		b.Fatal(err)
	}
	o := Origin{Dir: dir}
	ch := make(chan Update, 16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, err := o.LoadBaseline()
	if err != nil {
		b.Fatal(err)
	}
	go func() { _ = Watch(ctx, o, base, func(u Update) { ch <- u }) }()
	time.Sleep(100 * time.Millisecond)
	p := filepath.Join(dir, ObservationsFile)
	orig, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		n++
		s := strings.Replace(string(orig), "o-0568,titr,cargo,2025,4119000", fmt.Sprintf("o-0568,titr,cargo,2025,%d", 4119000+n), 1)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case u := <-ch:
			if u.Err != nil {
				b.Fatal(u.Err)
			}
		case <-time.After(5 * time.Second):
			b.Fatal("no reload")
		}
	}
}
