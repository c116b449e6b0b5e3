package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateDir is a small fictional dataset (example.org sources) that the
// cite, diff and data package tests share; update/new is the same data
// with exactly one change of each kind.
const updateDir = "testdata/update"

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/corridor -run Golden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from its golden file; got:\n%s", path, got)
	}
}

func TestCiteGolden(t *testing.T) {
	for _, c := range []struct{ id, format string }{
		{"o-1", "text"}, {"o-1", "markdown"}, {"o-1", "bibtex"},
		{"o-5", "text"}, {"e-2", "text"}, {"blog-1", "text"}, {"stat-1", "markdown"},
	} {
		t.Run(c.id+"-"+c.format, func(t *testing.T) {
			out, errs, code := runCLI(t, "cite", c.id, "--format", c.format, "--data", filepath.Join(updateDir, "old"))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			checkGolden(t, filepath.Join("testdata", "cite-"+c.id+"."+c.format), out)
		})
	}
}

func TestCiteBundled(t *testing.T) {
	out, errs, code := runCLI(t, "cite", "o-0003")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"about 4,600,000 tonnes", "H1 2025", "(actual)", "Trend (agency)", "https://www.trend.az/business/4069766.html", "Via corridor dev, data "} {
		if !strings.Contains(out, want) {
			t.Errorf("citation of o-0003 lacks %q:\n%s", want, out)
		}
	}
}

func TestCiteErrors(t *testing.T) {
	for _, args := range [][]string{
		{"cite", "o-does-not-exist"},
		{"cite"},
		{"cite", "o-0003", "e-0001"},
		{"cite", "o-0003", "--format", "apa"},
	} {
		out, errs, code := runCLI(t, args...)
		if code != 2 || errs == "" || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and a message", args, code, out, errs)
		}
	}
	_, errs, _ := runCLI(t, "cite", "o-does-not-exist")
	if !strings.Contains(errs, `no figure, event or source has id "o-does-not-exist"`) {
		t.Errorf("unknown id message: %q", errs)
	}
	if _, errs, code := runCLI(t, "cite", "o-1", "--data", "testdata/no-such-dir"); code != 1 || !strings.Contains(errs, "could not load data") {
		t.Errorf("missing directory: exit %d, %q", code, errs)
	}
}
