package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"corridor/model"
	"corridor/tui/components/changes"
)

// DataMsg brings reloaded data, or the error that kept the last good data
// on screen. The watcher sends it to every open program.
type DataMsg struct {
	Data    *model.Dataset
	Err     error
	At      time.Time
	Changes int
	// Report is what changed, for the list `n` opens and the marks on
	// changed figures.
	Report model.Changes
}

// WithLoadedAt records when the first data was loaded, for the status bar.
func WithLoadedAt(t time.Time) Option { return func(a *App) { a.loadedAt = t } }

// WithDataError starts the App with a reload error showing (a session
// that joins while the data files are broken).
func WithDataError(err error) Option { return func(a *App) { a.dataErr = err } }

// onData swaps in new data (tabs are rebuilt lazily from it) or, on a bad
// edit, keeps what is on screen and raises a banner until the files are
// valid again.
func (a *App) onData(msg DataMsg) tea.Cmd {
	if msg.Err != nil {
		a.dataErr = msg.Err
		a.layout()
		return nil
	}
	if msg.Data == nil {
		return nil
	}
	a.dataErr = nil
	a.err = nil
	a.loadedAt = msg.At
	a.setData(msg.Data)
	a.changes.SetChanges(msg.Report, msg.At)
	a.c.Changed = msg.Report.ChangedIDs()
	a.pane.SetChanged(a.c.Changed)
	if msg.Report.Rows() == 0 && msg.Changes > 0 {
		return a.showNotice(fmt.Sprintf("data reloaded (%d changes)", msg.Changes))
	}
	return a.showNotice(changes.Notice(msg.Report, a.keys.Changes.Help().Key))
}

// banner is the one-line warning shown while the data files are invalid.
func (a *App) banner() string {
	if a.dataErr == nil {
		return a.set.warning
	}
	first, more := firstProblem(a.dataErr)
	text := "data error: " + first
	if more > 0 {
		text += fmt.Sprintf(" (and %d more)", more)
	}
	if !a.loadedAt.IsZero() {
		text += " · showing data loaded " + a.loadedAt.Format("15:04:05")
	}
	return text
}

// firstProblem splits an error list into its first line and a count of
// the others.
func firstProblem(err error) (string, int) {
	s := err.Error()
	lines := 0
	first := s
	for i, c := range s {
		if c == '\n' {
			if lines == 0 {
				first = s[:i]
			}
			lines++
		}
	}
	return first, lines
}
