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
}
