package serve

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// serverProc is `corridor serve` running as its own process, so its
// memory and CPU are measured apart from the test's clients.
type serverProc struct {
	cmd  *exec.Cmd
	addr string
}

func startProc(b *testing.B, bin string, fps int) *serverProc {
	b.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(bin, "serve", "--listen", addr, "--host-key", filepath.Join(b.TempDir(), "k"),
		"--max-sessions", "500", "--rate", "10000", "--burst", "10000", "--fps", strconv.Itoa(fps))
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("server did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return &serverProc{cmd: cmd, addr: addr}
}

// rssKB and cpuTicks read the server process's resident memory and
// CPU time (user+system, in clock ticks of 10 ms) from /proc.
func (p *serverProc) rssKB(b *testing.B) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

func (p *serverProc) cpuTicks(b *testing.B) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	u, _ := strconv.Atoi(f[11])
	s, _ := strconv.Atoi(f[12])
	return u + s
}

func percentile(d []time.Duration, p float64) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// quiet waits until no output arrived for gap and returns the bytes seen.
func quiet(d *dash, gap time.Duration) int {
	last, since := d.out.Len(), time.Now()
	for time.Since(since) < gap {
		time.Sleep(10 * time.Millisecond)
		if n := d.out.Len(); n != last {
			last, since = n, time.Now()
		}
	}
	return last
}

// BenchmarkSSH measures 100 concurrent sessions against the real binary:
// at the default frame rate for 80x24 and 120x40 clients, and at 20 and
// 60 FPS to show what the frame rate costs. Run with `make bench-ssh`.
func BenchmarkSSH(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "corridor")
	if out, err := exec.Command("go", "build", "-o", bin, "corridor/cmd/corridor").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	for _, c := range []struct{ fps, w, h int }{{DefaultFPS, 80, 24}, {DefaultFPS, 120, 40}, {20, 120, 40}, {60, 120, 40}} {
		b.Run(fmt.Sprintf("fps=%d/%dx%d", c.fps, c.w, c.h), func(b *testing.B) {
			for range b.N {
				benchSessions(b, bin, c.fps, 100, c.w, c.h)
			}
		})
	}
}

func benchSessions(b *testing.B, bin string, fps, n, w, h int) {
	p := startProc(b, bin, fps)
	time.Sleep(200 * time.Millisecond)
	rss0 := p.rssKB(b)

	// Ramp up one client at a time, so each connection is measured with
	// all the earlier ones still connected: dial → first frame on screen.
	firsts := make([]time.Duration, 0, n)
	dashes := make([]*dash, 0, n)
	for range n {
		t0 := time.Now()
		c, err := dial(p.addr)
		if err != nil {
			b.Fatal(err)
		}
		d := openDash(b, c, w, h)
		for !strings.Contains(d.out.String(), "corridor") {
			time.Sleep(time.Millisecond)
		}
		firsts = append(firsts, time.Since(t0))
		dashes = append(dashes, d)
	}
	for _, d := range dashes {
		quiet(d, 300*time.Millisecond)
	}
	rss := p.rssKB(b)

	// Idle: nobody presses a key for 10 s.
	c0 := p.cpuTicks(b)
	time.Sleep(10 * time.Second)
	idleTicks := p.cpuTicks(b) - c0
	idlePct := float64(idleTicks) * 10 / 10000 * 100 / float64(n) // % of one core per session

	// One session switches tabs: bytes sent, and key → first byte latency.
	d := dashes[0]
	var lat []time.Duration
	var bytes []int
	for _, k := range []string{"2", "3", "4", "5", "1", "2", "3", "4", "5", "1"} {
		before := quiet(d, 200*time.Millisecond)
		t0 := time.Now()
		fmt.Fprint(d.in, k)
		for d.out.Len() == before {
			time.Sleep(time.Millisecond)
		}
		lat = append(lat, time.Since(t0))
		bytes = append(bytes, quiet(d, 200*time.Millisecond)-before)
	}
	total := 0
	for _, x := range bytes {
		total += x
	}
	for _, d := range dashes {
		d.client.Close()
	}

	b.ReportMetric(float64(percentile(firsts, 0.5).Microseconds())/1000, "first-frame-p50-ms")
	b.ReportMetric(float64(percentile(firsts, 0.95).Microseconds())/1000, "first-frame-p95-ms")
	b.ReportMetric(float64(rss-rss0)/float64(n)/1024, "MB/session")
	b.ReportMetric(idlePct, "idle-%core/session")
	b.ReportMetric(float64(total)/float64(len(bytes)), "bytes/tab-switch")
	b.ReportMetric(float64(percentile(lat, 0.5).Microseconds())/1000, "key-latency-p50-ms")
	b.Logf("fps %d, %d sessions at %dx%d: first frame p50 %v p95 %v; RSS %d→%d KB (%.2f MB/session); idle CPU %d ticks/10 s (%.3f%% of a core per session); tab switch %d bytes avg, key→first byte p50 %v max %v",
		fps, n, w, h, percentile(firsts, 0.5), percentile(firsts, 0.95), rss0, rss, float64(rss-rss0)/float64(n)/1024,
		idleTicks, idlePct, total/len(bytes), percentile(lat, 0.5), slices.Max(lat))
}
