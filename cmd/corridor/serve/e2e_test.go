//go:build e2e

package serve

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2EOpenSSH drives the real corridor binary with the real OpenSSH
// client inside tmux, as a person would: connect, see the Overview,
// switch tabs, resize, quit. Run with `make e2e` (needs ssh and tmux).
func TestE2EOpenSSH(t *testing.T) {
	for _, tool := range []string{"ssh", "tmux"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the end-to-end test: %v", tool, err)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "corridor")
	build := exec.Command("go", "build", "-o", bin, "corridor/cmd/corridor")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(addr)

	logf, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	srv := exec.Command(bin, "serve", "--listen", addr, "--host-key", filepath.Join(dir, "host_ed25519"))
	srv.Stdout, srv.Stderr = logf, logf
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = srv.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- srv.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = srv.Process.Kill()
			t.Error("server did not stop on SIGINT")
		}
		b, _ := os.ReadFile(logf.Name())
		t.Logf("server log:\n%s", b)
	}()

	sock := "corridor-e2e-" + port
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil && args[0] != "kill-server" {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	defer tmux("kill-server")
	screen := func() string { return tmux("capture-pane", "-p", "-t", "e2e") }
	waitScreen := func(what string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for !strings.Contains(screen(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("%q never appeared; screen:\n%s", what, screen())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	// Wait for the server to listen.
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server never listened: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	sshCmd := fmt.Sprintf("ssh -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -p %s -t 127.0.0.1; echo SSH_EXIT=$?; sleep 30", port)
	tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", sshCmd)

	waitScreen("The route")
	waitScreen("1 Overview")
	tmux("send-keys", "-t", "e2e", "2")
	waitScreen("↓Cargo")
	tmux("send-keys", "-t", "e2e", "5")
	waitScreen("country: all")
	tmux("resize-window", "-t", "e2e", "-x", "50", "-y", "20")
	waitScreen("1 Over")
	tmux("resize-window", "-t", "e2e", "-x", "140", "-y", "40")
	waitScreen("5 Timeline")
	tmux("send-keys", "-t", "e2e", "q")
	waitScreen("SSH_EXIT=0")

	// A 6000x6000 terminal: the server clamps the view, says so in its
	// log, stays small and keeps serving. (Unclamped, the renderer
	// wanted some 240 bytes a cell: 8.6 GB for this one session.)
	big := "stty rows 6000 cols 6000; " + sshCmd
	tmux("new-session", "-d", "-s", "big", "-x", "100", "-y", "30", big)
	readLog := func() string { b, _ := os.ReadFile(logf.Name()); return string(b) }
	deadline = time.Now().Add(15 * time.Second)
	for !strings.Contains(readLog(), "asked=6000x6000 shown=500x200") {
		if time.Now().After(deadline) {
			t.Fatalf("no clamp in the server log:\n%s", readLog())
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(time.Second) // let it draw
	tmux("send-keys", "-t", "big", "q")
	deadline = time.Now().Add(15 * time.Second)
	for !strings.Contains(tmux("capture-pane", "-p", "-t", "big"), "SSH_EXIT=0") {
		if time.Now().After(deadline) {
			t.Fatalf("the 6000x6000 session did not quit; screen:\n%s", tmux("capture-pane", "-p", "-t", "big"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	peak := peakRSS(t, srv.Process.Pid)
	t.Logf("server peak RSS after a 6000x6000 session: %.1f MB", peak)
	if peak > 100 {
		t.Errorf("server peak RSS %.1f MB, want under 100 MB", peak)
	}
	// And it still serves.
	tmux("new-session", "-d", "-s", "after", "-x", "100", "-y", "30", sshCmd)
	deadline = time.Now().Add(15 * time.Second)
	for !strings.Contains(tmux("capture-pane", "-p", "-t", "after"), "The route") {
		if time.Now().After(deadline) {
			t.Fatalf("no dashboard after the big session; screen:\n%s", tmux("capture-pane", "-p", "-t", "after"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// peakRSS is a process's peak resident set (VmHWM) in MB.
func peakRSS(t *testing.T, pid int) float64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatalf("server process: %v", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(v), "%f", &kb)
			return kb / 1024
		}
	}
	t.Fatal("no VmHWM")
	return 0
}
