package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"corridor/model"
)

// Update is the outcome of a reload: new data, or the error that kept the
// last good data on screen.
type Update struct {
	Data    *model.Dataset
	Err     error
	At      time.Time
	Changes int
	// Report is what changed since the last good data, computed here off
	// the UI goroutine: the reload notice lists it and the views mark its
	// figures as new. Changes is Report.Rows().
	Report model.Changes
}

// settle is how long a burst of file events must be quiet before a
// reload: editors and spreadsheets write a file in several steps.
const settle = 150 * time.Millisecond

// poll is the fallback scan for changes fsnotify can miss (a directory
// deleted and created again, network file systems).
const poll = time.Second

// Baseline is what Watch counts changes against: the data already on
// screen, and the state of the files it was read from.
type Baseline struct {
	// Data is the dataset loaded; nil when loading failed.
	Data  *model.Dataset
	stamp string
}

// LoadBaseline loads o for the screen and for Watch alike, so the data is
// read, and held, once. The files' state is taken before they are read:
// an edit made while loading, or before the watcher starts, is still
// seen as a change.
func (o Origin) LoadBaseline() (Baseline, error) {
	var b Baseline
	if o.Dir != "" {
		b.stamp = fingerprint(o.Dir)
	}
	ds, err := o.Load()
	b.Data = ds
	return b, err
}

// Watch reloads o whenever its files change and calls report with each
// outcome, counting changes from base (the data already on screen; it
// never loads the data itself to begin with). A reload that yields the
// same data is not reported; a failing reload is reported once per
// distinct error. It returns when ctx ends. Watching the bundled data is
// a no-op.
func Watch(ctx context.Context, o Origin, base Baseline, report func(Update)) error {
	if o.Dir == "" {
		<-ctx.Done()
		return nil
	}
	last := base.Data
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	watching := false
	watch := func() {
		if !watching {
			watching = w.Add(o.Dir) == nil
		}
	}
	watch()
	lastErr := ""
	lastPrint := base.stamp
	if lastPrint == "" {
		lastPrint = fingerprint(o.Dir)
	}
	reload := func() {
		ds, err := o.Load()
		now := time.Now()
		if err != nil {
			if msg := err.Error(); msg != lastErr {
				lastErr = msg
				report(Update{Err: err, At: now})
			}
			return
		}
		cs := model.Compare(last, ds)
		changes := cs.Rows()
		if changes == 0 && lastErr == "" {
			return
		}
		lastErr = ""
		last = ds
		report(Update{Data: ds, At: now, Changes: changes, Report: cs})
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if filepath.Clean(ev.Name) == filepath.Clean(o.Dir) && ev.Has(fsnotify.Remove|fsnotify.Rename) {
				watching = false
			}
			timer.Reset(settle)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			report(Update{Err: fmt.Errorf("watching %s: %w", o.Dir, err), At: time.Now()})
		case <-timer.C:
			lastPrint = fingerprint(o.Dir)
			watch()
			reload()
		case <-tick.C:
			if p := fingerprint(o.Dir); p != lastPrint {
				lastPrint = p
				watch()
				reload()
			}
		}
	}
}

// fingerprint summarises the data files' sizes and modification times,
// so the poll notices any change, including the directory vanishing.
func fingerprint(dir string) string {
	st, err := os.Stat(dir)
	if err != nil {
		return "gone"
	}
	s := st.ModTime().String()
	for _, f := range Files() {
		if fi, err := os.Stat(filepath.Join(dir, f)); err == nil {
			s += fmt.Sprintf("|%s:%d:%d", f, fi.Size(), fi.ModTime().UnixNano())
		} else {
			s += "|" + f + ":-"
		}
	}
	return s
}
