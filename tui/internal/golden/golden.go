// Package golden compares rendered frames with files in a package's
// testdata directory. Only tests import it, so it never ships in the
// binary; `go test ./tui/... -update` rewrites the files after an
// intended change to the look.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Profiles are the colour profiles golden files are kept in: plain
// attributes only (NO_COLOR) and 256 colours.
var Profiles = []struct {
	Name    string
	Profile colorprofile.Profile
}{{"ascii", colorprofile.ASCII}, {"ansi256", colorprofile.ANSI256}}

// Encode returns s as a terminal of profile p would receive it.
func Encode(s string, p colorprofile.Profile) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	_, _ = w.WriteString(s)
	return b.String()
}

// Check compares got with testdata/name.golden.
func Check(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; rerun with -update if the change is intended.\n--- got:\n%s\n--- want:\n%s", path, ansi.Strip(got), ansi.Strip(string(want)))
	}
}
