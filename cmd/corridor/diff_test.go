package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"corridor/data"
)

// testdata/update/new is old with exactly one change of each kind (see
// testdata/update/README.txt); the report is pinned in each format.
func TestDiffGolden(t *testing.T) {
	old, new := filepath.Join(updateDir, "old"), filepath.Join(updateDir, "new")
	for format, ext := range map[string]string{"text": "txt", "markdown": "md", "json": "json"} {
		t.Run(format, func(t *testing.T) {
			out, errs, code := runCLI(t, "diff", old, new, "--format", format)
			if code != 1 {
				t.Fatalf("exit %d, want 1 (changes): %s", code, errs)
			}
			checkGolden(t, filepath.Join("testdata", "diff."+ext), out)
		})
	}
}

// Each kind of change is reported once, with what a reviewer needs.
func TestDiffReportsEachKindOnce(t *testing.T) {
	out, _, _ := runCLI(t, "diff", filepath.Join(updateDir, "old"), filepath.Join(updateDir, "new"), "--format", "json")
	var d data.DiffJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	for what, got := range map[string]int{
		"figures added": len(d.Figures.Added), "figures removed": len(d.Figures.Removed), "figures changed": len(d.Figures.Changed),
		"newly suspect": len(d.Figures.NewlySuspect), "new disagreements": len(d.Disagreements.New), "resolved disagreements": len(d.Disagreements.Resolved),
		"events added": len(d.Events.Added), "events moved": len(d.Events.Moved), "sources added": len(d.Sources.Added),
	} {
		if got != 1 {
			t.Errorf("%s: %d, want 1", what, got)
		}
	}
	if d.Changes != 7 || len(d.Events.Removed) != 0 || len(d.Events.Changed) != 0 {
		t.Errorf("changes %d (want 7: o-9, o-5, o-1, o-6, e-3, e-2, news-2), events removed %d, changed %d", d.Changes, len(d.Events.Removed), len(d.Events.Changed))
	}
	c := d.Figures.Changed[0]
	if c.ID != "o-1" || c.Old.Value != 7600000 || c.New.Value != 7650000 || c.Old.Source.Publisher != "Statistics Office" || c.New.Source.Publisher != "News Agency" {
		t.Errorf("changed figure: %+v", c)
	}
	if m := d.Events.Moved[0]; m.ID != "e-2" || m.Old.Date != "2026-H2" || m.New.Date != "2027-H1" {
		t.Errorf("moved event: %+v", m)
	}
	if r := d.Disagreements.Resolved[0]; r.Subject != "aktau" || r.Metric != "cargo" || len(r.Now) != 1 || r.Now[0].ID != "o-4" {
		t.Errorf("resolved disagreement: %+v", r)
	}
}

func TestDiffNoChanges(t *testing.T) {
	old := filepath.Join(updateDir, "old")
	out, errs, code := runCLI(t, "diff", old, old)
	if code != 0 || !strings.Contains(out, "no changes") {
		t.Errorf("same directory twice: exit %d, %q %s", code, out, errs)
	}
	// The bundle against a copy of it: nothing to review.
	dir := t.TempDir()
	if _, err := data.InitDir(dir, false); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := runCLI(t, "diff", "bundle", dir, "--format", "json"); code != 0 || !strings.Contains(out, `"changes": 0`) {
		t.Errorf("bundle against its copy: exit %d %s %s", code, out, errs)
	}
}

func TestDiffErrors(t *testing.T) {
	old := filepath.Join(updateDir, "old")
	for _, args := range [][]string{
		{"diff"},
		{"diff", old},
		{"diff", old, old, old},
		{"diff", old, "testdata/no-such-dir"},
		{"diff", "testdata/no-such-dir", old},
		{"diff", old, old, "--format", "yaml"},
		{"diff", "bundle", "testdata/update"},
	} {
		if out, errs, code := runCLI(t, args...); code != 2 || errs == "" || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and a message", args, code, out, errs)
		}
	}
}
