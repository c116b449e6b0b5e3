package golden

import (
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed []string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Errorf(format string, a ...any) { r.failed = append(r.failed, format) }
func (r *recorder) Fatalf(format string, a ...any) { r.failed = append(r.failed, format) }
func (r *recorder) Fatal(a ...any)                 { r.failed = append(r.failed, "fatal") }
func (r *recorder) Name() string                   { return r.TB.Name() }

func TestRequireEqual(t *testing.T) {
	if *update {
		t.Skip("nothing to rewrite")
	}
	r := &recorder{TB: t}
	RequireEqual(r, "line one\n\x1b[1mline two\x1b[m")
	if len(r.failed) != 0 {
		t.Errorf("matching output failed: %v", r.failed)
	}
	RequireEqual(r, "line one\nline two")
	if len(r.failed) != 1 {
		t.Errorf("output without the bold passed")
	}
}

func TestFirstDiff(t *testing.T) {
	d := firstDiff("a\nb\nc", "a\nB\nc")
	if !strings.Contains(d, "line 2") || !strings.Contains(d, `"B"`) {
		t.Errorf("firstDiff = %q", d)
	}
	if d := firstDiff("a\nb", "a\nb\n"); !strings.Contains(d, "line 3") {
		t.Errorf("an extra line: %q", d)
	}
	if d := firstDiff("same", "same"); d != "" {
		t.Errorf("no difference: %q", d)
	}
}

func TestEncode(t *testing.T) {
	styled := "\x1b[1;38;2;88;166;255mA\x1b[m"
	for _, p := range Profiles() {
		got := p.Encode(styled)
		switch p.Name {
		case "ascii":
			if strings.Contains(got, "38;") || !strings.Contains(got, "A") {
				t.Errorf("ascii kept colour: %q", got)
			}
		case "ansi256":
			if !strings.Contains(got, "38;5;") {
				t.Errorf("ansi256 did not map to 256 colours: %q", got)
			}
		}
	}
}
