package tui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
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
		path, err := writeNew(base, ".svg", func(w io.Writer) error {
			_, err := io.WriteString(w, svg)
			return err
		})
		if err != nil {
			return noticeMsg{"snapshot failed: " + err.Error()}
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		return noticeMsg{"saved " + abs}
	}
}

// writeNew writes a new file named base+ext, or base-2+ext, -3… when the
// name is taken (two snapshots in the same minute), and returns its path.
// It never writes through anything already there: O_EXCL creates the file
// or fails, and a symbolic link planted under the name, even a dangling
// one, counts as taken (O_NOFOLLOW says so again where it exists). A
// failed write removes the partial file, so a full disk leaves no empty
// snapshot behind.
func writeNew(base, ext string, write func(io.Writer) error) (string, error) {
	for n := 1; n <= 1000; n++ {
		path := base + ext
		if n > 1 {
			path = fmt.Sprintf("%s-%d%s", base, n, ext)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("%s%s and 999 numbered names after it are taken", base, ext)
}

// showNotice displays text for a few seconds.
func (a *App) showNotice(text string) tea.Cmd {
	a.notice.text = text
	a.notice.gen++
	gen := a.notice.gen
	return tea.Tick(5*time.Second, func(time.Time) tea.Msg { return clearNoticeMsg{gen} })
}
