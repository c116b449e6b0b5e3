package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Any binding can be rebound, and help follows.
func TestRebindingKeysAndHelpFollows(t *testing.T) {
	a := newApp(t, 120, 40, WithKeyBindings(map[string][]string{
		"global.quit":   {"x"},
		"global.tabs_2": {"P"},
		"list.down":     {"n", "down"},
		"ports.sort":    {"S"},
		"pane.copy":     {"c"},
	}))
	if quits(press(a, "q")) {
		t.Fatal("q still quits after quit was rebound to x")
	}
	press(a, "P")
	if a.Active() != "ports" {
		t.Fatalf("P should open Ports, active %s", a.Active())
	}
	b := newApp(t, 120, 40)
	press(b, "2", "down")
	second := selectedTitle(t, b)
	press(a, "n")
	if got := selectedTitle(t, a); got != second {
		t.Errorf("n (rebound down) selected %q, want the second port %q", got, second)
	}
	press(a, "j")
	if got := selectedTitle(t, a); got != second {
		t.Errorf("j should no longer move down, cursor on %q", got)
	}
	press(a, "S")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "↓TEU") {
		t.Errorf("S (rebound sort) did not sort:\n%s", f)
	}
	last := ansi.Strip(a.Render())
	if foot := last[strings.LastIndex(last, "\n")+1:]; !strings.Contains(foot, "x quit") || !strings.Contains(foot, "n/↓ down") || !strings.Contains(foot, "S sort by") {
		t.Errorf("the footer should show the rebound keys: %q", foot)
	}
	press(a, "?")
	if h := a.help.Text(); !strings.Contains(h, "P ports") || !strings.Contains(h, "x quit") || strings.Contains(h, "q quit") {
		t.Errorf("help should list the rebound keys:\n%s", h)
	}
	press(a, "esc")
	if !quits(press(a, "x")) {
		t.Error("x should quit")
	}
}

// Every action KeyActions lists can be rebound: the name reaches a
// binding that takes the new key.
func TestEveryActionIsRebindable(t *testing.T) {
	acts := KeyActions()
	if len(acts) < 40 {
		t.Fatalf("only %d actions", len(acts))
	}
	seen := map[string]bool{}
	for _, act := range acts {
		if seen[act.Name] || !strings.Contains(act.Name, ".") || len(act.Keys) == 0 {
			t.Errorf("action %+v: names must be unique section.action with default keys", act)
		}
		seen[act.Name] = true
	}
	for _, want := range []string{"global.quit", "global.tabs_1", "presenter.freeze", "help.close", "pane.copy", "list.page_down", "filter.open", "picker.reset", "ports.sort", "timeline.country", "overview.next", "transit.bottom"} {
		if !seen[want] {
			t.Errorf("no action %s", want)
		}
	}
}
