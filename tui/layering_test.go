package tui

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLayering holds the architecture: cmd -> tui -> model <- data, with
// components below tabs. A back-arrow compiles fine, so only a test can
// catch it.
func TestLayering(t *testing.T) {
	root := ".." // the module root, from tui/
	rules := []struct {
		dir    string
		forbid []string
	}{
		{"tui", []string{"corridor/data", "charm.land/wish", "charm.land/ssh", "golang.org/x/crypto/ssh"}},
		{"tui/components", []string{"corridor/tui/common", "corridor/tui/overview", "corridor/tui/ports", "corridor/tui/transit", "corridor/tui/energy", "corridor/tui/timeline"}},
		{"model", []string{"charm.land/", "github.com/charmbracelet/", "corridor/data", "corridor/tui", "os", "io", "net"}},
		{"data", []string{"corridor/tui", "charm.land/"}},
	}
	for _, r := range rules {
		err := filepath.WalkDir(filepath.Join(root, r.dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			for _, im := range f.Imports {
				p, _ := strconv.Unquote(im.Path.Value)
				for _, bad := range r.forbid {
					if p == bad || (strings.HasSuffix(bad, "/") && strings.HasPrefix(p, bad)) || strings.HasPrefix(p, bad+"/") {
						t.Errorf("%s imports %s: %s must not", path, p, r.dir)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
