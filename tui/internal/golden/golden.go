// Package golden checks a test's output against a file in its package's
// testdata/ folder, as tui's frame tests do: `make golden` (go test
// -update) rewrites the files after an intended change, and the diff is
// reviewed in the commit. Only _test.go files import it, so it never ships.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Profile is a colour profile a golden is drawn in.
type Profile struct {
	Name    string
	Profile colorprofile.Profile
}

// Profiles are the profiles every styled golden is drawn in: ascii (no
// colour, bold and reverse kept: what NO_COLOR gets) and ansi256.
func Profiles() []Profile {
	return []Profile{{"ascii", colorprofile.ASCII}, {"ansi256", colorprofile.ANSI256}}
}

// Encode re-encodes styled output as a terminal of this profile gets it.
func (p Profile) Encode(s string) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p.Profile}
	_, _ = w.WriteString(s)
	return b.String()
}

// Path is the golden file of the running test: testdata/<test name>.golden,
// subtests in subfolders.
func Path(tb testing.TB) string {
	return filepath.Join("testdata", filepath.FromSlash(tb.Name())+".golden")
}

// firstDiff describes the first line that differs, escapes shown.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("first difference, line %d:\n want %q\n  got %q\n", i+1, wl, gl)
		}
	}
	return ""
}

// Check compares got with the golden file at path (under testdata),
// for tests whose files are named by what they show rather than by the
// test; with -update it writes the file instead.
func Check(tb testing.TB, path, got string) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run `make golden` to create it)", err)
	}
	if got != string(want) {
		tb.Errorf("%s differs; run `make golden` if the change is intended.\n%s--- got:\n%s", path, firstDiff(string(want), got), ansi.Strip(got))
	}
}

// RequireEqual fails tb when got differs from its golden file; with
// -update it writes the file instead.
func RequireEqual(tb testing.TB, got string) {
	tb.Helper()
	Check(tb, Path(tb), got)
}
