// Package serve puts the dashboard on an SSH server: every client gets its
// own tui.App, built by the same tui.New as the local program, over one
// read-only dataset loaded at start. Nobody needs a shell account, and no
// command ever runs on the server.
package serve

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/ratelimiter"
	"github.com/charmbracelet/colorprofile"
	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/time/rate"

	"corridor/model"
	"corridor/tui"
)

// Config is everything a server needs. Zero durations and counts mean
// the defaults below.
type Config struct {
	// Listen is host:port; DefaultListen when empty.
	Listen string
	// HostKeyPath is the ed25519 host key, generated (mode 0600) if missing.
	HostKeyPath string
	// AuthorizedKeys is an OpenSSH authorized_keys file; only those keys
	// get in. Empty means no key list.
	AuthorizedKeys string
	// AllowAnonymous lets anyone in. On a non-loopback address the server
	// refuses to start without it or an AuthorizedKeys file.
	AllowAnonymous bool
	// MaxSessions caps concurrent dashboards.
	MaxSessions int
	// MaxSessionsPerAddr caps the dashboards of one client address, so
	// a few addresses cannot fill MaxSessions.
	MaxSessionsPerAddr int
	// MaxConnections caps open connections, handshakes included.
	MaxConnections int
	// MaxConnsPerAddr caps the open connections of one client address;
	// it is checked when a connection is accepted, before its handshake.
	MaxConnsPerAddr int
	// NoSessionTimeout closes a connection that has had no dashboard
	// open for that long (after connecting, or after its last one).
	NoSessionTimeout time.Duration
	// MaxWidth and MaxHeight clamp the terminal size a client asks for:
	// the renderer holds a cell buffer per session, and an unclamped
	// 100000x100000 request would exhaust the server's memory.
	MaxWidth, MaxHeight int
	// IdleTimeout ends a session when no key was pressed for that long.
	// (ssh's own idle timeout is reset by every write, and a dashboard
	// writes, so it would never fire; this one counts key presses.)
	IdleTimeout time.Duration
	// MaxSessionTime ends any session after that long.
	MaxSessionTime time.Duration
	// HandshakeTimeout drops connections that do not finish the SSH
	// handshake in time.
	HandshakeTimeout time.Duration
	// RatePerSecond and RateBurst limit new connections per client
	// address, checked when a connection is accepted.
	RatePerSecond float64
	RateBurst     int
	// FPS is each session's frame-rate cap.
	FPS int
	// Data is the dataset every session shows, shared read-only.
	Data *model.Dataset
	// DataLabel says where Data came from, for the status bar.
	DataLabel string
	// LiveData is set when Data comes from files that are watched and
	// reloaded, so sessions say when it was loaded.
	LiveData bool
	// Logger receives connection and refusal logs; a stderr logger when nil.
	Logger *log.Logger
	// AppOptions are added to every session's tui.New (tests fix the clock).
	AppOptions []tui.Option
}

// Defaults for Config's zero values.
const (
	DefaultListen      = "127.0.0.1:23234"
	DefaultMaxSessions = 64
	// DefaultMaxSessionsPerAddr lets one address (a team behind one NAT)
	// have several dashboards while it takes 16 to fill the server.
	DefaultMaxSessionsPerAddr = 4
	DefaultMaxConnsPerAddr    = 8
	DefaultNoSessionTimeout   = 30 * time.Second
	// DefaultMaxWidth and DefaultMaxHeight are larger than any layout
	// needs; at that size a session's frame buffers take about 25 MB.
	DefaultMaxWidth         = 500
	DefaultMaxHeight        = 200
	DefaultIdleTimeout      = 30 * time.Minute
	DefaultMaxSessionTime   = 8 * time.Hour
	DefaultHandshakeTimeout = 10 * time.Second
	DefaultRatePerSecond    = 1
	DefaultRateBurst        = 10
	// DefaultFPS is chosen from make bench-ssh (100 idle sessions, 120x40):
	// Bubble Tea redraws on a fixed ticker, so the frame rate sets both the
	// idle cost and the wait for a key press to show. At 20 FPS a key
	// took 36 ms to first byte and an idle session 0.068% of a core; at
	// 60 FPS 11 ms and 0.097%. 30 FPS keeps the added wait at most 33 ms,
	// well under a network round trip, for about two thirds of the idle
	// cost of 60.
	DefaultFPS = 30
)

// orDefault sets *v to def when it is zero or negative.
func orDefault[T int | float64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

func (c *Config) defaults() {
	if c.Listen == "" {
		c.Listen = DefaultListen
	}
	orDefault(&c.MaxSessions, DefaultMaxSessions)
	orDefault(&c.MaxSessionsPerAddr, DefaultMaxSessionsPerAddr)
	orDefault(&c.MaxConnections, 4*c.MaxSessions)
	orDefault(&c.MaxConnsPerAddr, DefaultMaxConnsPerAddr)
	orDefault(&c.NoSessionTimeout, DefaultNoSessionTimeout)
	orDefault(&c.MaxWidth, DefaultMaxWidth)
	orDefault(&c.MaxHeight, DefaultMaxHeight)
	orDefault(&c.IdleTimeout, DefaultIdleTimeout)
	orDefault(&c.MaxSessionTime, DefaultMaxSessionTime)
	orDefault(&c.HandshakeTimeout, DefaultHandshakeTimeout)
	orDefault(&c.RatePerSecond, DefaultRatePerSecond)
	orDefault(&c.RateBurst, DefaultRateBurst)
	orDefault(&c.FPS, DefaultFPS)
	if c.DataLabel == "" {
		c.DataLabel = "bundled data"
	}
	if c.Logger == nil {
		c.Logger = log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true, Prefix: "corridor"})
	}
}

// authMode describes who may connect, for logs and errors.
func (c Config) authMode() string {
	switch {
	case c.AuthorizedKeys != "" && c.AllowAnonymous:
		return "authorized keys or anonymous"
	case c.AuthorizedKeys != "":
		return "authorized keys"
	}
	return "anonymous"
}

// Check refuses configurations that would expose the dashboard by
// accident: listening beyond loopback needs an explicit decision.
func (c Config) Check() error {
	host, _, err := net.SplitHostPort(c.Listen)
	if err != nil {
		return fmt.Errorf("--listen %q: %v", c.Listen, err)
	}
	if c.Data == nil {
		return errors.New("no dataset")
	}
	if c.AuthorizedKeys != "" || c.AllowAnonymous || isLoopback(host) {
		return nil
	}
	return fmt.Errorf("refusing to listen on %s without access control: give --authorized-keys FILE, "+
		"or --allow-anonymous to let anyone who can reach the port in", c.Listen)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// DefaultHostKeyPath is $XDG_DATA_HOME/corridor/host_ed25519, falling back
// to ~/.local/share.
func DefaultHostKeyPath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "corridor", "host_ed25519")
}

// Server is a running corridor SSH server.
type Server struct {
	cfg Config
	// anonymous is set when anyone may connect: --allow-anonymous, or no
	// key list on a loopback address.
	anonymous   bool
	srv         *ssh.Server
	fingerprint string
	keys        *authorizedKeys
	limiter     ratelimiter.RateLimiter
	active      atomic.Int64
	closing     atomic.Bool
	book        connBook

	mu       sync.Mutex
	sessions map[*session]struct{}
	perAddr  map[string]int // dashboards by addrKey
	wg       sync.WaitGroup

	// wrapModel, when set, wraps each session's model; tests use it to
	// make a session panic.
	wrapModel func(tea.Model) tea.Model

	// live is the data new sessions start with; Publish replaces it.
	live atomic.Pointer[liveData]
}

// liveData is the current dataset, when it was loaded, and the error of
// the last failed reload (nil when the files are valid).
type liveData struct {
	data *model.Dataset
	at   time.Time
	err  error
}

// Publish hands a reload to the server: new sessions start with the new
// data, and every open session gets it (or the error banner) at once.
func (s *Server) Publish(msg tui.DataMsg) {
	cur := *s.live.Load()
	if msg.Err != nil {
		cur.err = msg.Err
	} else if msg.Data != nil {
		cur = liveData{data: msg.Data, at: msg.At}
	}
	s.live.Store(&cur)
	s.mu.Lock()
	defer s.mu.Unlock()
	for ss := range s.sessions {
		ss.post(msg)
	}
	s.cfg.Logger.Info("data", "sessions", len(s.sessions), "changes", msg.Changes, "err", msg.Err)
}

// New checks cfg, loads or creates the host key and reads the authorized
// keys. It does not listen yet.
func New(cfg Config) (*Server, error) {
	cfg.defaults()
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = DefaultHostKeyPath()
	}
	signer, err := hostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:         cfg,
		anonymous:   cfg.AllowAnonymous || cfg.AuthorizedKeys == "",
		fingerprint: gossh.FingerprintSHA256(signer.PublicKey()),
		sessions:    map[*session]struct{}{},
		perAddr:     map[string]int{},
		limiter:     ratelimiter.NewRateLimiter(rate.Limit(cfg.RatePerSecond), cfg.RateBurst, 4096),
		book: connBook{byAddr: map[string]*conn{}, perKey: map[string]int{},
			refusalLog: rate.NewLimiter(5, 20)},
	}
	s.live.Store(&liveData{data: cfg.Data, at: time.Now()})
	if cfg.AuthorizedKeys != "" {
		if s.keys, err = readAuthorizedKeys(cfg.AuthorizedKeys); err != nil {
			return nil, err
		}
		for _, line := range s.keys.expired(time.Now()) {
			cfg.Logger.Warn("authorized key has expired and will be refused", "file", cfg.AuthorizedKeys, "line", line)
		}
	}
	s.srv = &ssh.Server{
		Addr:             cfg.Listen,
		HostSigners:      []ssh.Signer{signer},
		Handler:          s.handle,
		HandshakeTimeout: cfg.HandshakeTimeout,
		// A connection with no traffic either way for longer than a
		// session may go without a key press has nobody behind it; one
		// older than a session may last has outlived its purpose. The
		// margin lets the session say why it ended first.
		IdleTimeout:      cfg.IdleTimeout + connMargin,
		MaxTimeout:       cfg.MaxSessionTime + connMargin,
		PublicKeyHandler: s.publicKey,
		ConnCallback: func(ctx ssh.Context, c net.Conn) net.Conn {
			if tc, ok := c.(*conn); ok {
				ctx.SetValue(connKey{}, tc)
			}
			return c
		},
		ChannelHandlers: map[string]ssh.ChannelHandler{"session": s.sessionChannel},
		Version:         "corridor",
	}
	if s.anonymous {
		// Clients without a key (or with none the server knows) still get
		// in; keyboard-interactive with no questions is how OpenSSH
		// offers that.
		s.srv.KeyboardInteractiveHandler = func(ctx ssh.Context, _ gossh.KeyboardInteractiveChallenge) bool {
			if c := connOf(ctx); c != nil {
				c.authed.Store(true)
			}
			return true
		}
	}
	s.srv.ConnectionFailedCallback = func(nc net.Conn, err error) {
		c := s.connFor(nc.RemoteAddr())
		if c == nil || errors.Is(err, os.ErrDeadlineExceeded) {
			return // the connection's own record says why
		}
		c.mu.Lock()
		fails := c.authFails
		c.mu.Unlock()
		if fails > 0 {
			c.setReason(fmt.Sprintf("authentication failed (%d keys refused)", fails))
		} else if !errors.Is(err, io.EOF) {
			c.setReason("handshake failed: " + err.Error())
		}
	}
	return s, nil
}

// connMargin is how much longer a connection may stay idle, or open,
// than a session.
const connMargin = 2 * time.Second

// publicKey decides whether a key may log in, and logs a refusal with
// the key's fingerprint.
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	c := connOf(ctx)
	_, why, ok := s.keys.check(key, ctx.RemoteAddr(), time.Now())
	if ok || s.anonymous {
		if c != nil {
			c.authed.Store(true)
		}
		return true
	}
	if c != nil {
		c.authFailed()
	}
	s.cfg.Logger.Warn("authentication failed", "addr", ctx.RemoteAddr(), "user", ctx.User(),
		"key", gossh.FingerprintSHA256(key), "type", key.Type(), "why", why)
	return false
}

// Fingerprint is the host key's SHA256 fingerprint.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Active is the number of dashboards being served.
func (s *Server) Active() int { return int(s.active.Load()) }

// Config returns the effective configuration (defaults filled in).
func (s *Server) Config() Config { return s.cfg }

// ListenAndServe listens on the configured address and serves until
// Shutdown.
func (s *Server) ListenAndServe() error {
	l, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return err
	}
	return s.Serve(l)
}

// Serve serves on l until Shutdown.
func (s *Server) Serve(l net.Listener) error {
	s.cfg.Logger.Info("listening", "addr", l.Addr().String(), "host_key", s.fingerprint, "auth", s.cfg.authMode(),
		"max_sessions", s.cfg.MaxSessions, "per_addr", s.cfg.MaxSessionsPerAddr, "max_conns_per_addr", s.cfg.MaxConnsPerAddr,
		"idle_timeout", s.cfg.IdleTimeout, "max_size", fmt.Sprintf("%dx%d", s.cfg.MaxWidth, s.cfg.MaxHeight), "fps", s.cfg.FPS)
	err := s.srv.Serve(limitListener{Listener: l, s: s})
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections, tells every session the server is
// going down, and waits for them to close until ctx ends, when it closes
// what is left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closing.Store(true)
	s.mu.Lock()
	n := len(s.sessions)
	for ss := range s.sessions {
		ss.end(endShutdown)
	}
	s.mu.Unlock()
	s.cfg.Logger.Info("shutting down", "sessions", n)
	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	stop := make(chan error, 1)
	go func() { stop <- s.srv.Shutdown(ctx) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	err := s.srv.Close()
	// The ssh server only knows connections that finished their
	// handshake; close the others too.
	s.closeAllConns("server shutdown")
	if serr := <-stop; serr != nil && !errors.Is(serr, ssh.ErrServerClosed) && !errors.Is(serr, context.Canceled) {
		err = errors.Join(err, serr)
	}
	if errors.Is(err, ssh.ErrServerClosed) {
		err = nil
	}
	return err
}

// hostKey loads the key at path, creating an ed25519 key (0600, in a
// 0700 directory) when there is none.
func hostKey(path string) (ssh.Signer, error) {
	pemBytes, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		_, priv, gerr := ed25519.GenerateKey(rand.Reader)
		if gerr != nil {
			return nil, gerr
		}
		block, merr := gossh.MarshalPrivateKey(priv, "corridor host key")
		if merr != nil {
			return nil, merr
		}
		pemBytes = pem.EncodeToMemory(block)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("host key: %w", err)
		}
		// O_EXCL: never write the key through a link planted at its path.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, fmt.Errorf("host key: %w", err)
		}
		_, err = f.Write(pemBytes)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path)
			return nil, fmt.Errorf("host key: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		return nil, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, nil
}

// profileFor picks a session's colour profile from the client's
// environment: any non-empty NO_COLOR turns colour off (colorprofile only
// honours true-ish values), otherwise TERM and COLORTERM decide.
func profileFor(env []string) colorprofile.Profile {
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "NO_COLOR="); ok && v != "" {
			return colorprofile.ASCII
		}
	}
	return colorprofile.Env(env)
}

// refuse tells the client why in one line and ends the session with
// status 1.
func (s *Server) refuse(sess ssh.Session, why, msg string) {
	s.cfg.Logger.Warn("refused", "addr", sess.RemoteAddr(), "user", sess.User(), "why", why)
	fmt.Fprintln(sess.Stderr(), msg)
	_ = sess.Exit(1)
}

func keyFingerprint(sess ssh.Session) string {
	if k := sess.PublicKey(); k != nil {
		return gossh.FingerprintSHA256(k)
	}
	return "none"
}

// handle serves one SSH session.
func (s *Server) handle(sess ssh.Session) {
	defer func() {
		if r := recover(); r != nil {
			s.cfg.Logger.Error("session panic", "addr", sess.RemoteAddr(), "panic", r, "stack", string(debug.Stack()))
			fmt.Fprintln(sess.Stderr(), "corridor: internal error; this session was closed")
			_ = sess.Exit(1)
		}
	}()
	if s.closing.Load() {
		s.refuse(sess, "shutting down", "corridor: the server is going down")
		return
	}
	_, port, _ := net.SplitHostPort(s.cfg.Listen)
	// The key the client proved may differ from one it merely offered
	// (CVE-2024-45337): check the session's key against the list again,
	// with its line's options.
	if !s.anonymous {
		entry, why, ok := s.keys.check(sess.PublicKey(), sess.RemoteAddr(), time.Now())
		if !ok {
			s.refuse(sess, "key not allowed: "+why, "corridor: your key is not allowed here")
			return
		}
		if entry.noPty {
			s.refuse(sess, fmt.Sprintf("%s:%d forbids a terminal (no-pty, or restrict without pty)", s.keys.path, entry.line),
				"corridor: your key may not open a terminal here, and the dashboard needs one")
			return
		}
	}
	pty, winch, hasPty := sess.Pty()
	if !hasPty {
		s.refuse(sess, "no terminal", fmt.Sprintf("corridor needs a terminal: ssh -t -p %s HOST", port))
		return
	}
	if cmd := sess.RawCommand(); cmd != "" {
		s.refuse(sess, fmt.Sprintf("command %q", cmd), fmt.Sprintf("corridor runs no commands; connect with: ssh -t -p %s HOST", port))
		return
	}
	if n := s.active.Add(1); n > int64(s.cfg.MaxSessions) {
		s.active.Add(-1)
		s.refuse(sess, "full", fmt.Sprintf("server is full (%d sessions)", s.cfg.MaxSessions))
		return
	}
	defer s.active.Add(-1)
	key := addrKey(sess.RemoteAddr())
	s.mu.Lock()
	if s.perAddr[key] >= s.cfg.MaxSessionsPerAddr {
		s.mu.Unlock()
		s.refuse(sess, "per-address limit", fmt.Sprintf("corridor: %d sessions are already open from your address; close one first", s.cfg.MaxSessionsPerAddr))
		return
	}
	s.perAddr[key]++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.perAddr[key]--; s.perAddr[key] <= 0 {
			delete(s.perAddr, key)
		}
		s.mu.Unlock()
	}()
	// Only a dashboard keeps a connection from the no-session timeout: a
	// client repeating refused requests does not.
	if c := connOf(sess.Context()); c != nil {
		c.sessionStarted()
		defer c.sessionEnded()
	}

	ss := newSession(s, sess, pty, winch)
	s.mu.Lock()
	if s.closing.Load() {
		s.mu.Unlock()
		s.refuse(sess, "shutting down", "corridor: the server is going down")
		return
	}
	s.sessions[ss] = struct{}{}
	s.wg.Add(1)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.sessions, ss)
		s.mu.Unlock()
		s.wg.Done()
	}()

	start := time.Now()
	s.cfg.Logger.Info("connect", "addr", sess.RemoteAddr(), "user", sess.User(), "key", keyFingerprint(sess),
		"term", pty.Term, "size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
	reason := ss.run()
	kv := []any{"addr", sess.RemoteAddr(), "key", keyFingerprint(sess), "term", pty.Term,
		"duration", time.Since(start).Round(time.Millisecond), "reason", reason}
	if n := ss.clamps; n > 0 {
		kv = append(kv, "size_clamps", n)
	}
	s.cfg.Logger.Info("disconnect", kv...)
}
