package tui

import (
	golden_ "corridor/tui/internal/golden"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/common"
)

// fakeTab is a tab the program has never heard of: the registry must be
// all it takes to show it.
type fakeTab struct {
	w, h  int
	moves int
	keys  fakeKeys
}

type fakeKeys struct{ Nudge key.Binding }

func (k fakeKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Nudge} }
func (k fakeKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Nudge}} }

func newFake(*common.Common) common.Tab {
	return &fakeTab{keys: fakeKeys{key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "nudge the gauge"))}}
}

func (f *fakeTab) ShortHelp() []key.Binding  { return f.keys.ShortHelp() }
func (f *fakeTab) FullHelp() [][]key.Binding { return f.keys.FullHelp() }
func (f *fakeTab) SetSize(w, h int)          { f.w, f.h = w, h }
func (f *fakeTab) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, f.keys.Nudge) {
		f.moves++
	}
	return f, nil
}
func (f *fakeTab) View() string {
	return "gauge " + strings.Repeat("#", f.moves) + "\nbody " + strings.Repeat("x", f.w-5)
}
func (f *fakeTab) Selection() (common.Selection, bool) { return common.Selection{}, false }
func (f *fakeTab) Capturing() bool                     { return false }

func withGauge() Registry {
	return append(DefaultRegistry(), TabSpec{Name: "gauge", Title: "Gauge", New: newFake})
}

func TestASixthTabNeedsOnlyARegistryLine(t *testing.T) {
	a := NewWithRegistry(withGauge(), WithDataset(bundled(t)), WithNow(fixedNow), WithoutBackgroundQuery())
	a.Update(loadedMsg{ds: bundled(t)})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	n := fmt.Sprint(len(DefaultRegistry()) + 1)
	press(a, n)
	if a.Active() != "gauge" {
		t.Fatalf("key %s opened %s, want gauge", n, a.Active())
	}
	press(a, "u", "u")
	frame := ansi.Strip(a.Render())
	if !strings.Contains(frame, n+" Gauge") || !strings.Contains(frame, "gauge ##") {
		t.Fatalf("the sixth tab is not on the bar or did not get its keys:\n%s", frame)
	}
	press(a, "?")
	for _, want := range []string{n + " gauge", "u nudge the gauge"} {
		if h := a.help.Text(); !strings.Contains(h, want) {
			t.Errorf("help lacks %q:\n%s", want, h)
		}
	}
	press(a, "?")
	golden(t, "gauge-80x24-ascii", func() string {
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		return render(a, colorprofile.ASCII)
	}())
}

func TestTabsFlagOrderDrivesKeysBarAndHelp(t *testing.T) {
	a := newApp(t, 120, 40, WithTabs([]string{"timeline", "ports"}))
	if a.Active() != "timeline" {
		t.Fatalf("first of --tabs should open first, got %s", a.Active())
	}
	press(a, "?")
	frame := ansi.Strip(a.Render())
	bar := strings.SplitN(frame, "\n", 2)[0]
	if !strings.Contains(bar, "1 Timeline") || !strings.Contains(bar, "2 Ports") || strings.Contains(bar, "Overview") {
		t.Errorf("bar = %q, want 1 Timeline 2 Ports only", bar)
	}
	if h := a.help.Text(); !strings.Contains(h, "1 timeline") || !strings.Contains(h, "2 ports") || strings.Contains(h, "1 overview") {
		t.Errorf("help should say 1 timeline, 2 ports:\n%s", h)
	}
	press(a, "?", "2")
	if a.Active() != "ports" {
		t.Errorf("2 opened %s, want ports", a.Active())
	}
	press(a, "1")
	if a.Active() != "timeline" {
		t.Errorf("1 opened %s, want timeline", a.Active())
	}
	press(a, "3")
	if a.Active() != "timeline" {
		t.Errorf("3 is no tab here but moved to %s", a.Active())
	}
}

func TestRegistryNamesAreUniqueAndExportable(t *testing.T) {
	seen := map[string]bool{}
	for _, spec := range DefaultRegistry() {
		if seen[spec.Name] || spec.Name != strings.ToLower(spec.Name) || strings.ContainsAny(spec.Name, " ,") {
			t.Errorf("tab name %q: must be unique, lower case, one word", spec.Name)
		}
		seen[spec.Name] = true
		if spec.Title == "" || spec.New == nil {
			t.Errorf("tab %q lacks a title or constructor", spec.Name)
		}
	}
}

// golden compares got with testdata/name.golden (rewritten by make golden).
func golden(t *testing.T, name, got string) {
	t.Helper()
	golden_.Check(t, filepath.Join("testdata", name+".golden"), got)
}
