package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"corridor/tui"
	"corridor/tui/components/cells"
)

var update = flag.Bool("update", false, "rewrite golden files")

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb, []string{"TERM=xterm-256color"})
	return out.String(), errb.String(), code
}

// Golden snapshots: every tab in every format, at 80x24, as of a fixed
// date so the Gantt bars and planned markers do not move.
func TestSnapshotGolden(t *testing.T) {
	for _, tab := range tui.TabNames() {
		for _, format := range []string{"text", "ansi", "svg", "html"} {
			t.Run(tab+"-"+format, func(t *testing.T) {
				out, errs, code := runCLI(t, "snapshot", "--tab", tab, "--format", format, "--width", "80", "--height", "24", "--date", "2026-11-22")
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errs)
				}
				switch format {
				case "svg":
					checkXML(t, out)
				case "html":
					checkHTML(t, out)
				case "text":
					for i, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
						if cells.Width(l) > 80 {
							t.Errorf("line %d wider than 80: %q", i, l)
						}
					}
				}
				path := filepath.Join("testdata", fmt.Sprintf("snapshot-%s.%s", tab, map[string]string{"text": "txt", "ansi": "ans", "svg": "svg", "html": "html"}[format]))
				if *update {
					if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./cmd/corridor -run Golden -update)", err)
				}
				if out != string(want) {
					t.Errorf("%s differs from its golden file", path)
				}
			})
		}
	}
}

func checkXML(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("svg is not well-formed XML: %v", err)
		}
	}
}

func checkHTML(t *testing.T, s string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("html does not parse: %v", err)
	}
	var pre int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "pre" {
			pre++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if pre != 1 {
		t.Errorf("want one <pre>, found %d", pre)
	}
}

func TestASCIIFramesArePlainASCII(t *testing.T) {
	for _, tab := range tui.TabNames() {
		for _, format := range []string{"text", "ansi"} {
			out, errs, code := runCLI(t, "snapshot", "--tab", tab, "--ascii", "--format", format, "--width", "120", "--height", "40")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			for i := 0; i < len(out); i++ {
				if out[i] > 0x7e {
					t.Fatalf("%s %s: byte %#x at %d: %q", tab, format, out[i], i, out[max(0, i-20):min(len(out), i+20)])
				}
			}
		}
	}
}

func TestCLIErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--tab", "nope"},
		{"--theme", "neon"},
		{"--tabs", "ports,nope"},
		{"snapshot", "--format", "pdf"},
		{"snapshot", "--color", "sometimes"},
		{"export", "--view", "nope"},
		{"export", "--format", "xml"},
		{"serve", "--listen", "0.0.0.0:0"},
	} {
		_, errs, code := runCLI(t, args...)
		if code == 0 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want an error", args, code, errs)
		}
	}
	if out, _, code := runCLI(t, "--version"); code != 0 || !strings.HasPrefix(out, "corridor ") {
		t.Errorf("--version: %d %q", code, out)
	}
	for _, args := range [][]string{{"--help"}, {"snapshot", "--help"}, {"export", "--help"}, {"serve", "--help"}} {
		if out, _, code := runCLI(t, args...); code != 0 || !strings.Contains(out, "Usage") {
			t.Errorf("%v: %d %q", args, code, out)
		}
	}
}

func TestExportCLI(t *testing.T) {
	out, errs, code := runCLI(t, "export", "--format", "markdown", "--view", "energy")
	if code != 0 || !strings.HasPrefix(out, "# corridor: energy") {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
}
