package serve

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"corridor/tui"
)

// Why a session ended, for the log and the client's last line.
const (
	endQuit     = "quit"
	endIdle     = "idle"
	endMaxTime  = "max session time"
	endShutdown = "server shutdown"
	endGone     = "client gone"
	endPanic    = "panic"
)

// session is one client's dashboard: its own App, program, colour
// profile, size and timers.
type session struct {
	s       *Server
	sess    ssh.Session
	winch   <-chan ssh.Window
	prog    *tea.Program
	lastKey atomic.Int64

	// size is what the program was last told, after clamping; the
	// watch goroutine alone touches it, clamped and noteAt.
	size    [2]int
	first   ssh.Window
	asked   ssh.Window
	clamped bool
	noteAt  time.Time
	// clamps counts requested sizes that were cut down; read after the
	// watch goroutine has ended.
	clamps int

	once   sync.Once
	quit   chan struct{}
	reason atomic.Value // string

	// mail queues reloads for this session in the order they happened;
	// the watch goroutine delivers them, so a slow program never
	// receives an older reload after a newer one.
	mailMu sync.Mutex
	mail   []tui.DataMsg
	mailCh chan struct{}
}

// post queues a reload for delivery without blocking the publisher.
func (ss *session) post(msg tui.DataMsg) {
	ss.mailMu.Lock()
	ss.mail = append(ss.mail, msg)
	ss.mailMu.Unlock()
	select {
	case ss.mailCh <- struct{}{}:
	default:
	}
}

// deliver sends queued reloads to the program, oldest first.
func (ss *session) deliver() {
	ss.mailMu.Lock()
	msgs := ss.mail
	ss.mail = nil
	ss.mailMu.Unlock()
	for _, m := range msgs {
		ss.prog.Send(m)
	}
}

func newSession(s *Server, sess ssh.Session, pty ssh.Pty, winch <-chan ssh.Window) *session {
	ss := &session{s: s, sess: sess, winch: winch, quit: make(chan struct{}), mailCh: make(chan struct{}, 1)}
	ss.lastKey.Store(time.Now().UnixNano())
	ss.first = pty.Window
	w, h := ss.clamp(pty.Window)
	ss.size = [2]int{w, h}
	env := append(sess.Environ(), "TERM="+pty.Term)
	live := s.live.Load()
	opts := []tui.Option{tui.WithDataset(live.data), tui.WithOrigin(s.cfg.DataLabel, s.cfg.LiveData), tui.WithLoadedAt(live.at)}
	if live.err != nil {
		opts = append(opts, tui.WithDataError(live.err))
	}
	var app tea.Model = tui.New(append(opts, s.cfg.AppOptions...)...)
	if s.wrapModel != nil {
		app = s.wrapModel(app)
	}
	ss.prog = tea.NewProgram(app,
		tea.WithInput(sess),
		tea.WithOutput(sess),
		tea.WithEnvironment(env),
		tea.WithColorProfile(profileFor(env)),
		tea.WithWindowSize(w, h),
		tea.WithFPS(s.cfg.FPS),
		// The server handles SIGINT/SIGTERM once for everyone; a session
		// must not quit on the server's signals.
		tea.WithoutSignalHandler(),
		tea.WithFilter(ss.filter),
	)
	return ss
}

// clamp cuts a requested terminal size down to the server's maximum,
// counting and logging the first cut.
func (ss *session) clamp(win ssh.Window) (int, int) {
	cfg := ss.s.cfg
	w, h := max(min(win.Width, cfg.MaxWidth), 0), max(min(win.Height, cfg.MaxHeight), 0)
	clamped := w != win.Width || h != win.Height
	repeat := win == ss.asked
	ss.asked = win
	if clamped && !repeat {
		ss.clamps++
		if !ss.clamped {
			cfg.Logger.Info("terminal size clamped", "addr", ss.sess.RemoteAddr(), "asked", fmt.Sprintf("%dx%d", win.Width, win.Height),
				"shown", fmt.Sprintf("%dx%d", w, h))
		}
	}
	ss.clamped = clamped
	return w, h
}

// sizeNote is the status-bar line telling a client its terminal is
// larger than the view.
func sizeNote(win ssh.Window, w, h int) string {
	return fmt.Sprintf("view clamped to %d×%d: the server draws no more for a %d×%d terminal", w, h, win.Width, win.Height)
}

// resize tells the program about a window change, clamped, and tells
// the client when the view is smaller than its terminal: on the first
// clamp, then at most every few seconds while it lasts, so a storm of
// changes costs one message, not thousands.
func (ss *session) resize(win ssh.Window) {
	was := ss.clamped
	w, h := ss.clamp(win)
	if [2]int{w, h} != ss.size {
		ss.size = [2]int{w, h}
		ss.prog.Send(tea.WindowSizeMsg{Width: w, Height: h})
	}
	if ss.clamped && (!was || time.Since(ss.noteAt) > 3*time.Second) {
		ss.noteAt = time.Now()
		ss.prog.Send(tui.StatusNote(sizeNote(win, w, h)))
	}
}

// filter sees every message before the App: it notes key presses for the
// idle timeout and turns suspend into resume, so ctrl+z can never stop a
// process on the server.
func (ss *session) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.KeyPressMsg:
		ss.lastKey.Store(time.Now().UnixNano())
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

// end asks the session to close for reason; the first reason wins. It
// never blocks, so Shutdown can call it while holding the server's lock.
func (ss *session) end(reason string) {
	ss.once.Do(func() {
		ss.reason.Store(reason)
		close(ss.quit)
	})
}

// run serves the dashboard until the user quits, a limit ends it or the
// client goes away, then tells the client why in one line.
func (ss *session) run() string {
	ctx, cancel := context.WithCancel(ss.sess.Context())
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		ss.watch(ctx)
	}()
	_, err := ss.prog.Run()
	cancel()
	ss.prog.Kill()
	<-watched

	reason, _ := ss.reason.Load().(string)
	switch {
	case reason != "":
	case errors.Is(err, tea.ErrProgramPanic):
		reason = endPanic
	case ss.sess.Context().Err() != nil:
		reason = endGone
	default:
		reason = endQuit
	}
	cfg := ss.s.cfg
	switch reason {
	case endIdle:
		fmt.Fprintf(ss.sess, "corridor: session closed after %s without a key press\n", cfg.IdleTimeout)
	case endMaxTime:
		fmt.Fprintf(ss.sess, "corridor: session closed after the maximum session time of %s\n", cfg.MaxSessionTime)
	case endShutdown:
		fmt.Fprintln(ss.sess, "corridor: the server is going down; please reconnect later")
	case endPanic:
		fmt.Fprintln(ss.sess, "corridor: internal error; this session was closed")
		_ = ss.sess.Exit(1)
		return reason
	}
	_ = ss.sess.Exit(0)
	return reason
}

// watch relays window changes and enforces the idle and session-time
// limits until ctx ends.
func (ss *session) watch(ctx context.Context) {
	cfg := ss.s.cfg
	if ss.clamped {
		// The first size came with the pty request.
		ss.noteAt = time.Now()
		w, h := ss.size[0], ss.size[1]
		ss.prog.Send(tui.StatusNote(sizeNote(ss.first, w, h)))
	}
	tick := time.NewTicker(max(min(cfg.IdleTimeout/4, time.Second), 10*time.Millisecond))
	defer tick.Stop()
	deadline := time.NewTimer(cfg.MaxSessionTime)
	defer deadline.Stop()
	for {
		select {
		case <-ctx.Done():
			// The client went away (or the program already ended): stop
			// the program, which may be blocked writing to a dead channel.
			ss.prog.Kill()
			return
		case <-ss.quit:
			ss.prog.Quit()
			return
		case <-ss.mailCh:
			ss.deliver()
		case w, ok := <-ss.winch:
			if !ok {
				ss.winch = nil
				continue
			}
			ss.resize(w)
		case <-tick.C:
			if time.Since(time.Unix(0, ss.lastKey.Load())) >= cfg.IdleTimeout {
				ss.end(endIdle)
			}
		case <-deadline.C:
			ss.end(endMaxTime)
		}
	}
}
