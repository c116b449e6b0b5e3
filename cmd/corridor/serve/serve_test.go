package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"corridor/data"
	"corridor/model"
	"corridor/tui"
)

var (
	dsOnce sync.Once
	ds     *model.Dataset
)

func dataset(t testing.TB) *model.Dataset {
	t.Helper()
	dsOnce.Do(func() {
		var err error
		if ds, err = data.Load(data.Bundled()); err != nil {
			panic(err)
		}
	})
	return ds
}

// start runs a server on a free loopback port with test-friendly limits
// and stops it when the test ends.
func start(t testing.TB, cfg Config) (*Server, string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Listen = l.Addr().String()
	if cfg.HostKeyPath == "" {
		cfg.HostKeyPath = filepath.Join(t.TempDir(), "host_ed25519")
	}
	cfg.Data = dataset(t)
	if cfg.Logger == nil {
		cfg.Logger = log.New(io.Discard)
	}
	if cfg.RateBurst == 0 {
		cfg.RateBurst = 1000
		cfg.RatePerSecond = 1000
	}
	// Every test client comes from 127.0.0.1; tests of the per-address
	// limits set their own.
	if cfg.MaxConnsPerAddr == 0 {
		cfg.MaxConnsPerAddr = 1000
	}
	if cfg.MaxSessionsPerAddr == 0 {
		cfg.MaxSessionsPerAddr = 1000
	}
	cfg.AppOptions = append(cfg.AppOptions, tui.WithNow(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)))
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(l)
	}()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
	})
	return srv, cfg.Listen
}

func newKey(t testing.TB) (gossh.Signer, gossh.PublicKey) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, signer.PublicKey()
}

func dial(addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	if len(auth) == 0 {
		auth = []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	}
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "analyst",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
}

// mustDial connects anonymously and closes the client when the test ends.
func mustDial(t testing.TB, addr string) *gossh.Client {
	t.Helper()
	c, err := dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// buffer collects a session's output safely across goroutines.
type buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return ansi.Strip(b.b.String())
}

func (b *buffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Len()
}

// dash is a client session showing the dashboard.
type dash struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	out    *buffer
}

func openDash(t testing.TB, client *gossh.Client, w, h int) *dash {
	t.Helper()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out := &buffer{}
	sess.Stdout, sess.Stderr = out, out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return &dash{client: client, sess: sess, in: in, out: out}
}

func waitFor(t testing.TB, what string, timeout time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (d *dash) waitText(t testing.TB, s string) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%q on screen", s), 10*time.Second, func() bool { return strings.Contains(d.out.String(), s) })
}

// exitStatus waits for the session to end and returns its exit status.
func (d *dash) exitStatus(t testing.TB) int {
	t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- d.sess.Wait() }()
	select {
	case err := <-errc:
		var ee *gossh.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.ExitStatus()
		}
		t.Fatalf("session ended without a status: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("session did not end")
	}
	return -1
}

func TestAuthorizedKeys(t *testing.T) {
	allowed, allowedPub := newKey(t)
	stranger, _ := newKey(t)
	keys := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(allowedPub), 0o600); err != nil {
		t.Fatal(err)
	}
	_, addr := start(t, Config{AuthorizedKeys: keys})

	c, err := dial(addr, gossh.PublicKeys(allowed))
	if err != nil {
		t.Fatalf("allowed key refused: %v", err)
	}
	defer c.Close()
	d := openDash(t, c, 100, 30)
	d.waitText(t, "The route")

	if c, err := dial(addr, gossh.PublicKeys(stranger)); err == nil {
		c.Close()
		t.Fatal("unknown key got in")
	}
	if c, err := dial(addr); err == nil {
		c.Close()
		t.Fatal("keyless client got in to a key-only server")
	}
}

func TestAnonymous(t *testing.T) {
	_, addr := start(t, Config{AllowAnonymous: true})
	c, err := dial(addr)
	if err != nil {
		t.Fatalf("anonymous client refused: %v", err)
	}
	defer c.Close()
	someKey, _ := newKey(t)
	c2, err := dial(addr, gossh.PublicKeys(someKey))
	if err != nil {
		t.Fatalf("anonymous server refused a key: %v", err)
	}
	defer c2.Close()
	openDash(t, c2, 100, 30).waitText(t, "The route")
}

func TestNoTerminalAndCommandsAreRefused(t *testing.T) {
	_, addr := start(t, Config{})
	c := mustDial(t, addr)
	for _, tc := range []struct {
		cmd, want string
		pty       bool
	}{
		{"", "corridor needs a terminal: ssh -t -p", false},
		{"ls", "corridor needs a terminal", false},
		{"ls", "corridor runs no commands", true},
	} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if tc.pty {
			if err := sess.RequestPty("xterm", 24, 80, nil); err != nil {
				t.Fatal(err)
			}
		}
		out, err := sess.CombinedOutput(tc.cmd)
		var ee *gossh.ExitError
		if !errors.As(err, &ee) || ee.ExitStatus() != 1 {
			t.Errorf("%q (pty %v): err = %v, want exit status 1", tc.cmd, tc.pty, err)
		}
		if !strings.Contains(string(out), tc.want) {
			t.Errorf("%q (pty %v): output %q lacks %q", tc.cmd, tc.pty, out, tc.want)
		}
		if lines := strings.Count(strings.TrimSpace(string(out)), "\n"); lines != 0 {
			t.Errorf("want one line, got %q", out)
		}
	}
}

func TestResizeReachesTheView(t *testing.T) {
	_, addr := start(t, Config{})
	c := mustDial(t, addr)
	d := openDash(t, c, 50, 20)
	d.waitText(t, "1 Over")
	if strings.Contains(d.out.String(), "5 Timeline") {
		t.Fatal("50 columns should not fit full tab names")
	}
	if err := d.sess.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	d.waitText(t, "5 Timeline")
}

func TestQuitEndsTheSession(t *testing.T) {
	srv, addr := start(t, Config{})
	c := mustDial(t, addr)
	d := openDash(t, c, 100, 30)
	d.waitText(t, "The route")
	if srv.Active() != 1 {
		t.Errorf("active = %d, want 1", srv.Active())
	}
	fmt.Fprint(d.in, "2")
	d.waitText(t, "↓Cargo")
	fmt.Fprint(d.in, "q")
	if st := d.exitStatus(t); st != 0 {
		t.Errorf("exit status %d, want 0", st)
	}
	waitFor(t, "session count back to 0", 5*time.Second, func() bool { return srv.Active() == 0 })
}

func TestServerFull(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 65 sessions")
	}
	srv, addr := start(t, Config{})
	c := mustDial(t, addr)
	max := srv.Config().MaxSessions
	for i := 0; i < max; i++ {
		openDash(t, c, 80, 24)
	}
	waitFor(t, fmt.Sprintf("%d sessions", max), 30*time.Second, func() bool { return srv.Active() == max })
	extra := openDash(t, c, 80, 24)
	if st := extra.exitStatus(t); st != 1 {
		t.Errorf("exit status %d, want 1", st)
	}
	want := fmt.Sprintf("server is full (%d sessions)", max)
	if got := strings.TrimSpace(extra.out.String()); got != want {
		t.Errorf("session %d got %q, want %q", max+1, got, want)
	}
}

func TestIdleTimeout(t *testing.T) {
	_, addr := start(t, Config{IdleTimeout: 400 * time.Millisecond})
	c := mustDial(t, addr)
	d := openDash(t, c, 100, 30)
	d.waitText(t, "The route")
	d.exitStatus(t)
	if !strings.Contains(d.out.String(), "session closed after 400ms without a key press") {
		t.Errorf("no idle message in %q", tail(d.out.String()))
	}
}

func TestKeysKeepASessionAlive(t *testing.T) {
	_, addr := start(t, Config{IdleTimeout: 600 * time.Millisecond})
	c := mustDial(t, addr)
	d := openDash(t, c, 100, 30)
	d.waitText(t, "The route")
	for i := 0; i < 6; i++ {
		time.Sleep(200 * time.Millisecond)
		fmt.Fprint(d.in, "j")
	}
	if strings.Contains(d.out.String(), "without a key press") {
		t.Fatal("session timed out although keys were pressed")
	}
}

func TestMaxSessionTime(t *testing.T) {
	_, addr := start(t, Config{MaxSessionTime: 500 * time.Millisecond})
	c := mustDial(t, addr)
	d := openDash(t, c, 100, 30)
	d.exitStatus(t)
	if !strings.Contains(d.out.String(), "maximum session time of 500ms") {
		t.Errorf("no max-time message in %q", tail(d.out.String()))
	}
}

func TestShutdownTellsSessions(t *testing.T) {
	srv, addr := start(t, Config{})
	c := mustDial(t, addr)
	a, b := openDash(t, c, 100, 30), openDash(t, c, 80, 24)
	a.waitText(t, "The route")
	b.waitText(t, "The route")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	for _, d := range []*dash{a, b} {
		d.exitStatus(t)
		if !strings.Contains(d.out.String(), "server is going down") {
			t.Errorf("no shutdown message in %q", tail(d.out.String()))
		}
	}
	if c, err := dial(addr); err == nil {
		c.Close()
		t.Error("server still accepts connections after shutdown")
	}
}

// panicky makes the App panic on "!" to prove a panic ends one session,
// not the server.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "!" {
		panic("test panic")
	}
	m, cmd := p.Model.Update(msg)
	return panicky{m}, cmd
}

func TestPanicEndsOnlyThatSession(t *testing.T) {
	srv, addr := start(t, Config{})
	srv.wrapModel = func(m tea.Model) tea.Model { return panicky{m} }
	c := mustDial(t, addr)
	victim, other := openDash(t, c, 100, 30), openDash(t, c, 100, 30)
	victim.waitText(t, "The route")
	other.waitText(t, "The route")
	fmt.Fprint(victim.in, "!")
	if st := victim.exitStatus(t); st != 1 {
		t.Errorf("panicking session exit status %d, want 1", st)
	}
	if !strings.Contains(victim.out.String(), "internal error") {
		t.Errorf("no error message in %q", tail(victim.out.String()))
	}
	fmt.Fprint(other.in, "2")
	other.waitText(t, "↓Cargo")
	fmt.Fprint(other.in, "q")
	if st := other.exitStatus(t); st != 0 {
		t.Errorf("other session exit %d", st)
	}
}

// After 50 sessions open and close (half by q, half by the client going
// away), the server's goroutines return to where they started.
func TestNoGoroutineLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 20 sessions")
	}
	srv, addr := start(t, Config{})
	time.Sleep(100 * time.Millisecond)
	base := runtime.NumGoroutine()
	// Twenty sessions: a leak of even one goroutine each would show as
	// twenty over the baseline, far past the allowance of two.
	for i := 0; i < 20; i++ {
		c, err := dial(addr)
		if err != nil {
			t.Fatal(err)
		}
		d := openDash(t, c, 80, 24)
		d.waitText(t, "corridor")
		if i%2 == 0 {
			fmt.Fprint(d.in, "q")
			d.exitStatus(t)
		}
		c.Close() // the odd ones: the client just goes away
	}
	waitFor(t, "sessions to end", 10*time.Second, func() bool { return srv.Active() == 0 })
	var now int
	waitFor(t, "goroutines back to baseline", 10*time.Second, func() bool {
		now = runtime.NumGoroutine()
		return now <= base+2
	})
	t.Logf("goroutines: %d before, %d after 20 sessions", base, now)
}

func TestCheckRefusesOpenAddressWithoutAccessControl(t *testing.T) {
	d := dataset(t)
	for _, tc := range []struct {
		cfg Config
		ok  bool
	}{
		{Config{Listen: "127.0.0.1:23234", Data: d}, true},
		{Config{Listen: "localhost:23234", Data: d}, true},
		{Config{Listen: "[::1]:23234", Data: d}, true},
		{Config{Listen: "0.0.0.0:23234", Data: d}, false},
		{Config{Listen: ":23234", Data: d}, false},
		{Config{Listen: "0.0.0.0:23234", Data: d, AllowAnonymous: true}, true},
		{Config{Listen: "0.0.0.0:23234", Data: d, AuthorizedKeys: "keys"}, true},
		{Config{Listen: "nonsense", Data: d}, false},
	} {
		if err := tc.cfg.Check(); (err == nil) != tc.ok {
			t.Errorf("Check(%s anon=%v keys=%q) = %v, want ok=%v", tc.cfg.Listen, tc.cfg.AllowAnonymous, tc.cfg.AuthorizedKeys, err, tc.ok)
		}
	}
}

func TestHostKeyIsCreatedPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "host_ed25519")
	srv, err := New(Config{HostKeyPath: path, Data: dataset(t), Logger: log.New(io.Discard)})
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, want 0600", st.Mode().Perm())
	}
	again, err := New(Config{HostKeyPath: path, Data: dataset(t), Logger: log.New(io.Discard)})
	if err != nil {
		t.Fatal(err)
	}
	if srv.Fingerprint() != again.Fingerprint() || !strings.HasPrefix(srv.Fingerprint(), "SHA256:") {
		t.Errorf("fingerprints %s / %s: the key must be reused", srv.Fingerprint(), again.Fingerprint())
	}
}

func TestProfilePerSession(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want colorprofile.Profile
	}{
		{[]string{"TERM=xterm-256color"}, colorprofile.ANSI256},
		{[]string{"TERM=xterm-256color", "COLORTERM=truecolor"}, colorprofile.TrueColor},
		{[]string{"TERM=xterm-256color", "NO_COLOR=yes"}, colorprofile.ASCII},
		{[]string{"TERM=xterm"}, colorprofile.ANSI},
	} {
		if got := profileFor(tc.env); got != tc.want {
			t.Errorf("profileFor(%v) = %v, want %v", tc.env, got, tc.want)
		}
	}
}

func tail(s string) string {
	if len(s) > 300 {
		return s[len(s)-300:]
	}
	return s
}

// Reloads reach every open session while they render, and new sessions
// start with the newest data; run with -race.
func TestPublishWhileSessionsRender(t *testing.T) {
	srv, addr := start(t, Config{})
	c := mustDial(t, addr)
	var ds []*dash
	for range 4 {
		d := openDash(t, c, 100, 30)
		d.waitText(t, "The route")
		ds = append(ds, d)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 20 {
			if i%2 == 0 {
				srv.Publish(tui.DataMsg{Err: errors.New("observations.csv:9:4: period: bad"), At: time.Now()})
			} else {
				srv.Publish(tui.DataMsg{Data: dataset(t), At: time.Now(), Changes: i})
			}
		}
	}()
	for i := range 20 {
		for _, d := range ds {
			fmt.Fprint(d.in, string("12345"[i%5]))
		}
	}
	<-done
	// The renderer only rewrites cells that change, so force a full
	// repaint before looking for the last notice in the output.
	time.Sleep(300 * time.Millisecond)
	for _, d := range ds {
		if err := d.sess.WindowChange(31, 101); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range ds {
		d.waitText(t, "data reloaded (19 changes)")
	}
	late := openDash(t, c, 100, 30)
	late.waitText(t, "The route")
	srv.Publish(tui.DataMsg{Err: errors.New("events.csv:3:2: date: bad")})
	time.Sleep(300 * time.Millisecond)
	for _, d := range append(ds, late) {
		if err := d.sess.WindowChange(30, 100); err != nil {
			t.Fatal(err)
		}
		d.waitText(t, "data error: events.csv:3:2")
	}
}
