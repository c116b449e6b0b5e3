package data

import (
	"context"
	"corridor/data/datatest"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// allocated is how many bytes the process allocated while f ran.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// The watcher starts from the data the app loaded: it does not read the
// files again, so --data holds one copy of a large dataset, not two.
func TestWatchStartsFromTheAppsLoad(t *testing.T) {
	dir := t.TempDir()
	fsys, err := datatest.Scale(Bundled(), 10, ObservationsFile, EventsFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Files() {
		b, _ := fs.ReadFile(fsys, f)
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := Origin{Dir: dir}
	var base Baseline
	loading := allocated(func() {
		if base, err = o.LoadBaseline(); err != nil {
			t.Fatal(err)
		}
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	watching := allocated(func() {
		go func() {
			defer close(done)
			_ = Watch(ctx, o, base, func(Update) {})
		}()
		time.Sleep(300 * time.Millisecond)
		cancel()
		<-done
	})
	t.Logf("loading allocated %.1f MB, starting the watcher %.3f MB", float64(loading)/(1<<20), float64(watching)/(1<<20))
	if watching > loading/10 {
		t.Errorf("starting the watcher allocated %d bytes, loading %d: it loaded the data again", watching, loading)
	}
}

// An edit made after the app loaded but before the watcher started is
// still reported: the files' state is taken before they are read.
func TestEditBeforeWatchStartsIsSeen(t *testing.T) {
	dir := t.TempDir()
	if _, err := InitDir(dir, false); err != nil {
		t.Fatal(err)
	}
	o := Origin{Dir: dir}
	base, err := o.LoadBaseline()
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // a different modification time
	editObs(t, dir, "4500000", "4500001")
	ch := make(chan Update, 4)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = Watch(ctx, o, base, func(u Update) { ch <- u }) }()
	if u := next(t, ch); u.Err != nil || u.Changes != 1 {
		t.Fatalf("update %+v, want the one change made before the watcher started", u)
	}
}
