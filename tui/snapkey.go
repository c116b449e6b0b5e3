package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/frame"
)

// snapSettings say where ctrl+s puts a frame.
type snapSettings struct {
	dir       string
	clipboard bool
	// nowFixed keeps file names reproducible when the clock is injected.
	nowFixed bool
}

// WithSnapshotDir makes ctrl+s write the current frame as SVG into dir
// ("" is the current directory).
func WithSnapshotDir(dir string) Option { return func(a *App) { a.set.snap.dir = dir } }

// WithClipboardSnapshots makes ctrl+s offer the frame's text to the
// client's clipboard (OSC 52) instead of writing a file: over SSH a file
// would land on the server, not with the person who asked for it.
func WithClipboardSnapshots() Option { return func(a *App) { a.set.snap.clipboard = true } }

// noticeMsg shows a short notice in the status bar; clearNoticeMsg hides
// it again unless a newer one replaced it.
type noticeMsg struct{ text string }
type clearNoticeMsg struct{ gen int }

// snapshot saves or offers the frame on screen.
func (a *App) snapshot() tea.Cmd {
	content := a.render()
	if a.set.snap.clipboard {
		return tea.Batch(tea.SetClipboard(ansi.Strip(content)),
			func() tea.Msg {
				return noticeMsg{"frame sent to your terminal for its clipboard (OSC 52); not every terminal accepts it"}
			})
	}
	when := a.c.Now
	if !a.set.snap.nowFixed {
		when = time.Now()
	}
	base := filepath.Join(a.set.snap.dir, fmt.Sprintf("corridor-%s-%s", a.Active(), when.Format("2006-01-02T15-04")))
	bg, fg := frame.Colors(a.c.Styles.IsDark || a.c.Styles.HighContrast)
	w, h := a.width, a.height
	return func() tea.Msg {
		svg := frame.SVG(frame.Parse(content, w, h), bg, fg)
		// Two snapshots in the same minute get -2, -3…, never overwrite.
		path := base + ".svg"
		for n := 2; ; n++ {
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				break
			}
			path = fmt.Sprintf("%s-%d.svg", base, n)
		}
		if err := os.WriteFile(path, []byte(svg), 0o644); err != nil {
			return noticeMsg{"snapshot failed: " + err.Error()}
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		return noticeMsg{"saved " + abs}
	}
}

// showNotice displays text for a few seconds.
func (a *App) showNotice(text string) tea.Cmd {
	a.notice.text = text
	a.notice.gen++
	gen := a.notice.gen
	return tea.Tick(5*time.Second, func(time.Time) tea.Msg { return clearNoticeMsg{gen} })
}
