package serve

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// logTo gives cfg a logger writing into a buffer the test can read.
func logTo(cfg *Config) *buffer {
	b := &buffer{}
	cfg.Logger = log.New(b)
	return b
}

func waitLog(t *testing.T, b *buffer, want string) {
	t.Helper()
	waitFor(t, fmt.Sprintf("log line %q", want), 10*time.Second, func() bool { return strings.Contains(b.String(), want) })
}

// windowChange asks for a new size without waiting for an answer, as a
// client resizing its terminal does.
func windowChange(s *gossh.Session, w, h int) error {
	_, err := s.SendRequest("window-change", false, gossh.Marshal(struct{ W, H, PW, PH uint32 }{uint32(w), uint32(h), 0, 0}))
	return err
}

// rssMB is the process's resident set, from /proc (0 elsewhere).
func rssMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

// A 100000x100000 terminal and a storm of window changes up to that
// size must not take the server's memory: the view is clamped to
// MaxWidth x MaxHeight, the client is told, and the server serves on.
//
// Memory is judged by the Go heap in use (sampled through the storm),
// not RSS: the test binary holds client and server, and under -race the
// detector's shadow memory would dominate RSS. `make e2e` checks the real
// server process's peak RSS with OpenSSH and a 6000x6000 terminal.
func TestHugeTerminalIsClamped(t *testing.T) {
	cfg := Config{}
	logs := logTo(&cfg)
	_, addr := start(t, cfg)
	runtime.GC()
	debug.FreeOSMemory()

	var mu sync.Mutex
	peakHeap, peakRSS := uint64(0), 0.0
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			r := rssMB()
			mu.Lock()
			peakHeap, peakRSS = max(peakHeap, ms.HeapInuse), max(peakRSS, r)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()

	c := mustDial(t, addr)
	d := openDash(t, c, 100000, 100000)
	d.waitText(t, "view clamped to 500×200")
	d.waitText(t, "The route")
	waitLog(t, logs, "asked=100000x100000 shown=500x200")
	r := rand.New(rand.NewPCG(1, 2))
	clamps, runs, inRun := 1, 1, true // the pty request was the first
	for range 1000 {
		w, h := 1+r.IntN(100000), 1+r.IntN(100000)
		if err := windowChange(d.sess, w, h); err != nil {
			t.Fatalf("window change: %v", err)
		}
		if big := w > 500 || h > 200; big {
			clamps++
			if !inRun {
				runs++
			}
			inRun = true
		} else {
			inRun = false
		}
	}
	// The storm is over when a small size shows: only a narrow view
	// shortens the tab names.
	if err := d.sess.WindowChange(20, 50); err != nil {
		t.Fatal(err)
	}
	d.waitText(t, "1 Over")
	close(stop)
	<-sampled

	other := openDash(t, mustDial(t, addr), 100, 30)
	other.waitText(t, "The route")
	fmt.Fprint(d.in, "q")
	if st := d.exitStatus(t); st != 0 {
		t.Errorf("clamped session exit status %d, want 0", st)
	}
	mu.Lock()
	defer mu.Unlock()
	t.Logf("peak Go heap in use %.1f MB, peak RSS of the test process %.1f MB", float64(peakHeap)/(1<<20), peakRSS)
	if peakHeap > 100<<20 {
		t.Errorf("peak heap %.1f MB, want under 100 MB", float64(peakHeap)/(1<<20))
	}
	// One log line per run of clamped sizes, and a count at the end.
	waitLog(t, logs, fmt.Sprintf("size_clamps=%d", clamps))
	if n := strings.Count(logs.String(), "terminal size clamped"); n != runs {
		t.Errorf("%d clamp log lines, want %d (one per run of clamped sizes)", n, runs)
	}
}

func TestClampFollowsMaxSize(t *testing.T) {
	_, addr := start(t, Config{MaxWidth: 80, MaxHeight: 24})
	d := openDash(t, mustDial(t, addr), 200, 60)
	d.waitText(t, "view clamped to 80×24: the server draws no more for a 200×60 terminal")
}

// The ssh library keeps every env request; only the variables corridor
// reads get through, and a flood closes the connection.
func TestEnvRequestsAreFiltered(t *testing.T) {
	cfg := Config{}
	logs := logTo(&cfg)
	_, addr := start(t, cfg)
	c := mustDial(t, addr)
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	env := func(name, value string) bool {
		ok, err := s.SendRequest("env", true, gossh.Marshal(struct{ Name, Value string }{name, value}))
		if err != nil {
			t.Fatalf("env %s: %v", name, err)
		}
		return ok
	}
	for _, tc := range []struct {
		name, value string
		want        bool
	}{
		{"TERM", "xterm-256color", true},
		{"LANG", "en_GB.UTF-8", true},
		{"NO_COLOR", "1", true},
		{"COLORTERM", "truecolor", true},
		{"LD_PRELOAD", "/tmp/x.so", false},
		{"LC_ALL", "C", false},
		{"LANG", strings.Repeat("x", 4096), false},
	} {
		if got := env(tc.name, tc.value); got != tc.want {
			t.Errorf("env %s (%d bytes) accepted = %v, want %v", tc.name, len(tc.value), got, tc.want)
		}
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	big := strings.Repeat("x", 4096)
	for i := range 20000 {
		if _, err := s.SendRequest("env", false, gossh.Marshal(struct{ Name, Value string }{fmt.Sprintf("V%d", i), big})); err != nil {
			break // closed, as it should be
		}
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the server kept a connection flooding env requests open")
	}
	waitLog(t, logs, "env flood")
	waitLog(t, logs, `reason="env flood`)
}

func TestAgentForwardingIsRefused(t *testing.T) {
	_, addr := start(t, Config{})
	s, err := mustDial(t, addr).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	ok, err := s.SendRequest("auth-agent-req@openssh.com", true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		t.Error("auth-agent-req was accepted; corridor uses no agent and must refuse it")
	}
}

// waitClosed waits for the server to close c.
func waitClosed(t *testing.T, c *gossh.Client, within time.Duration) time.Duration {
	t.Helper()
	begin := time.Now()
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case <-done:
		return time.Since(begin)
	case <-time.After(within):
		t.Fatalf("connection still open after %s", within)
	}
	return 0
}

func TestConnectionWithoutSessionIsClosed(t *testing.T) {
	cfg := Config{NoSessionTimeout: 300 * time.Millisecond}
	logs := logTo(&cfg)
	_, addr := start(t, cfg)
	c := mustDial(t, addr)
	waitClosed(t, c, 5*time.Second)
	waitLog(t, logs, "accept conn=1")
	waitLog(t, logs, `reason="no session within 300ms"`)

	// A dashboard holds the connection; when it ends, the timer starts
	// again.
	c = mustDial(t, addr)
	d := openDash(t, c, 100, 30)
	d.waitText(t, "The route")
	time.Sleep(600 * time.Millisecond)
	if _, _, err := c.SendRequest("keepalive@openssh.com", true, nil); err != nil {
		t.Fatalf("connection with a dashboard was closed: %v", err)
	}
	fmt.Fprint(d.in, "q")
	d.exitStatus(t)
	waitClosed(t, c, 5*time.Second)
}

func TestConnectionIdleTimeout(t *testing.T) {
	t.Parallel() // a wait of two seconds, nothing measured against the clock
	cfg := Config{IdleTimeout: 100 * time.Millisecond, NoSessionTimeout: time.Hour}
	logs := logTo(&cfg)
	srv, addr := start(t, cfg)
	if got := srv.srv.IdleTimeout; got != 100*time.Millisecond+connMargin {
		t.Errorf("ssh idle timeout %s", got)
	}
	took := waitClosed(t, mustDial(t, addr), 10*time.Second)
	waitLog(t, logs, "reason=\"idle for 2.1s\"")
	t.Logf("idle connection closed after %s", took)
}

func TestConnectionMaxTime(t *testing.T) {
	t.Parallel() // a wait of two seconds, nothing measured against the clock
	cfg := Config{MaxSessionTime: 100 * time.Millisecond, NoSessionTimeout: time.Hour}
	logs := logTo(&cfg)
	_, addr := start(t, cfg)
	c := mustDial(t, addr)
	go func() {
		// Traffic keeps the idle timeout away; only the maximum applies.
		for {
			if _, _, err := c.SendRequest("keepalive@openssh.com", true, nil); err != nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	waitClosed(t, c, 10*time.Second)
	waitLog(t, logs, "reason=\"maximum connection time (2.1s)\"")
}

// Connections past the per-address cap are closed when accepted, before
// any SSH is spoken.
func TestConnectionsPerAddressCappedAtAccept(t *testing.T) {
	cfg := Config{MaxConnsPerAddr: 3}
	logs := logTo(&cfg)
	_, addr := start(t, cfg)
	banner := func(c net.Conn) string {
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		line, _ := bufio.NewReader(c).ReadString('\n')
		return line
	}
	var held []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if b := banner(c); !strings.HasPrefix(b, "SSH-2.0-corridor") {
			t.Fatalf("connection within the cap got %q", b)
		}
		held = append(held, c)
	}
	extra, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	if b := banner(extra); !strings.Contains(b, "connection refused: 3 connections already open from 127.0.0.1") {
		t.Fatalf("fourth connection got %q, want a refusal", b)
	}
	waitLog(t, logs, "connection refused")
	held[0].Close()
	waitLog(t, logs, "close conn=1")
	again, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if b := banner(again); !strings.HasPrefix(b, "SSH-2.0-corridor") {
		t.Fatalf("after one closed, a new connection got %q", b)
	}
}

func TestSessionsPerAddressCapped(t *testing.T) {
	srv, addr := start(t, Config{MaxSessionsPerAddr: 2})
	a, b := openDash(t, mustDial(t, addr), 100, 30), openDash(t, mustDial(t, addr), 100, 30)
	a.waitText(t, "The route")
	b.waitText(t, "The route")
	third := openDash(t, mustDial(t, addr), 100, 30)
	if st := third.exitStatus(t); st != 1 {
		t.Errorf("third session exit %d, want 1", st)
	}
	if got := third.out.String(); !strings.Contains(got, "2 sessions are already open from your address") {
		t.Errorf("third session got %q", got)
	}
	// Nor can one connection open more session channels than that.
	if _, err := a.client.NewSession(); err != nil {
		t.Fatalf("second channel: %v", err)
	}
	if _, err := a.client.NewSession(); err == nil {
		t.Error("third session channel on one connection was accepted")
	}
	fmt.Fprint(a.in, "q")
	a.exitStatus(t)
	waitFor(t, "one session left", 5*time.Second, func() bool { return srv.Active() == 1 })
	late := openDash(t, mustDial(t, addr), 100, 30)
	late.waitText(t, "The route")
}

// writeKeys writes an authorized_keys file.
func writeKeys(t *testing.T, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func authLine(opts string, pub gossh.PublicKey) string {
	l := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub)))
	if opts != "" {
		l = opts + " " + l
	}
	return l
}

func TestAuthorizedKeysOptionsAreHonoured(t *testing.T) {
	type key struct {
		signer gossh.Signer
		pub    gossh.PublicKey
	}
	k := func() key { s, p := newKey(t); return key{s, p} }
	elsewhere, expired, negated, cidr, future, glob, restricted, restrictPty, twice := k(), k(), k(), k(), k(), k(), k(), k(), k()
	file := writeKeys(t,
		"# team keys",
		"",
		authLine(`from="10.9.9.9"`, elsewhere.pub),
		authLine(`expiry-time="20000101"`, expired.pub),
		authLine(`from="127.0.0.0/8,!127.0.0.1"`, negated.pub),
		authLine(`from="!10.0.0.0/8,127.0.0.0/8"`, cidr.pub),
		authLine(`expiry-time="29991231Z",no-agent-forwarding,no-port-forwarding`, future.pub),
		authLine(`from="127.0.*.?"`, glob.pub),
		authLine(`restrict`, restricted.pub),
		authLine(`restrict,pty`, restrictPty.pub),
		authLine(`from="10.9.9.9"`, twice.pub),
		"  # the next line lets the same key in from anywhere",
		authLine(``, twice.pub),
		"# trailing comment, no newline")
	cfg := Config{AuthorizedKeys: file}
	logs := logTo(&cfg)
	_, addr := start(t, cfg)

	for _, tc := range []struct {
		name string
		key  key
		in   bool
	}{
		{"from elsewhere", elsewhere, false},
		{"expired", expired, false},
		{"negated address", negated, false},
		{"cidr", cidr, true},
		{"not yet expired", future, true},
		{"wildcard", glob, true},
		{"second line of the same key", twice, true},
	} {
		c, err := dial(addr, gossh.PublicKeys(tc.key.signer))
		if (err == nil) != tc.in {
			t.Errorf("%s: dial err = %v, want in = %v", tc.name, err, tc.in)
		}
		if err == nil {
			d := openDash(t, c, 100, 30)
			d.waitText(t, "The route")
			c.Close()
		}
		if !tc.in {
			waitLog(t, logs, gossh.FingerprintSHA256(tc.key.pub))
		}
	}
	if !strings.Contains(logs.String(), "WARN") || !strings.Contains(logs.String(), "authentication failed") {
		t.Errorf("refusals not logged at WARN:\n%s", tail(logs.String()))
	}

	c, err := dial(addr, gossh.PublicKeys(restricted.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	d := openDash(t, c, 100, 30)
	if st := d.exitStatus(t); st != 1 || !strings.Contains(d.out.String(), "may not open a terminal") {
		t.Errorf("restrict without pty: exit %d, output %q", st, d.out.String())
	}
	c2, err := dial(addr, gossh.PublicKeys(restrictPty.signer))
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	openDash(t, c2, 100, 30).waitText(t, "The route")
}

func TestAuthorizedKeysFileErrors(t *testing.T) {
	_, pub := newKey(t)
	good := authLine("", pub)
	for _, tc := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"command", []string{"# c", good, authLine(`command="/bin/false"`, pub)}, ":3: option \"command\" is not supported"},
		{"restrict with command", []string{authLine(`restrict,command="/bin/false"`, pub)}, ":1: option \"command\""},
		{"permitopen", []string{"", "", authLine(`permitopen="localhost:80"`, pub)}, ":3: option \"permitopen\""},
		{"environment", []string{authLine(`environment="A=b"`, pub)}, ":1: option \"environment\""},
		{"cert-authority", []string{authLine(`cert-authority`, pub)}, ":1: option \"cert-authority\""},
		{"host name", []string{authLine(`from="*.example.com"`, pub)}, ":1: option from=\"*.example.com\": \"*.example.com\" is a host name pattern"},
		{"bare host name", []string{authLine(`from="gateway"`, pub)}, ":1: option from=\"gateway\": \"gateway\" is a host name"},
		{"host bits", []string{authLine(`from="10.1.2.3/8"`, pub)}, "did you mean 10.0.0.0/8?"},
		{"bad expiry", []string{authLine(`expiry-time="2026-01-01"`, pub)}, ":1: option expiry-time="},
		{"garbage line", []string{good, "# fine", "ssh-ed25519 AAAAnotakey"}, ":3: not a key"},
		{"empty", []string{"# nothing", ""}, "no keys"},
	} {
		file := writeKeys(t, tc.lines...)
		_, err := New(Config{AuthorizedKeys: file, HostKeyPath: filepath.Join(t.TempDir(), "hk"), Data: dataset(t), Logger: log.New(&buffer{})})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tc.name, err, tc.want)
			continue
		}
		if tc.want != "no keys" && !strings.Contains(err.Error(), file+":") {
			t.Errorf("%s: %v does not name the file", tc.name, err)
		}
	}
	// Blank and comment lines anywhere, the last line included, are fine.
	file := writeKeys(t, "", "# a", good, "", "   ", "# end")
	if _, err := readAuthorizedKeys(file); err != nil {
		t.Errorf("comments and blank lines: %v", err)
	}
}

func TestMatchFrom(t *testing.T) {
	for _, tc := range []struct {
		list, addr string
		want       bool
	}{
		{"10.9.9.9", "10.9.9.9", true},
		{"10.9.9.9", "10.9.9.8", false},
		{"10.0.0.0/8", "10.200.1.1", true},
		{"10.0.0.0/8,!10.0.0.1", "10.0.0.1", false},
		{"!10.0.0.1", "10.0.0.2", false}, // only negations never let anyone in
		{"10.0.*.1?", "10.0.7.15", true},
		{"10.0.*.1?", "10.0.7.5", false},
		{"2001:db8::/32", "2001:db8::5", true},
		{"2001:db8::/32", "2001:db9::5", false},
		{"2001:DB8::*", "2001:db8::abc", true},
		{"127.0.0.1", "::ffff:127.0.0.1", true},
		{"*", "192.0.2.1", true},
	} {
		ps, err := parseFrom(tc.list)
		if err != nil {
			t.Fatalf("%s: %v", tc.list, err)
		}
		ip, ok := remoteIP(&net.TCPAddr{IP: net.ParseIP(tc.addr), Port: 1})
		if !ok {
			t.Fatalf("address %s", tc.addr)
		}
		if got := matchFrom(ps, ip); got != tc.want {
			t.Errorf("from=%q against %s = %v, want %v", tc.list, tc.addr, got, tc.want)
		}
	}
}

// A link planted where the host key will be created is not written
// through.
func TestHostKeyIsNotWrittenThroughALink(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	victim := filepath.Join(elsewhere, "key")
	path := filepath.Join(dir, "host_ed25519")
	if err := os.Symlink(victim, path); err != nil {
		t.Skipf("symlink: %v", err)
	}
	if _, err := New(Config{HostKeyPath: path, Data: dataset(t), Logger: log.New(&buffer{})}); err == nil {
		t.Error("New wrote a host key through a dangling link")
	}
	if _, err := os.Lstat(victim); err == nil {
		t.Error("the link's target was created")
	}
}
