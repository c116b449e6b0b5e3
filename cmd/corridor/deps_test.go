package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The binary must not link test support: the testing packages, or the
// corridor packages that exist only for tests.
func TestBinaryLinksNoTestCode(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps listed only %v", deps)
	}
	for _, p := range deps {
		ours := strings.HasPrefix(p, "corridor/")
		if p == "testing" || strings.HasPrefix(p, "testing/") || ours && (strings.HasSuffix(p, "test") || strings.HasSuffix(p, "/golden")) {
			t.Errorf("the binary links %s", p)
		}
	}
}
