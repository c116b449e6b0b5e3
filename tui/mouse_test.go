package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// find is the screen position of the first line showing text, as a
// terminal would report a click on it.
func find(t *testing.T, a *App, text string) (x, y int) {
	t.Helper()
	return findNth(t, a, text, false)
}

// findNth finds the first or (last set) the last line showing text.
func findNth(t *testing.T, a *App, text string, last bool) (x, y int) {
	t.Helper()
	found := false
	for row, l := range strings.Split(ansi.Strip(a.Render()), "\n") {
		if i := strings.Index(l, text); i >= 0 && row > 0 {
			x, y, found = ansi.StringWidth(l[:i]), row, true
			if !last {
				break
			}
		}
	}
	if !found {
		t.Fatalf("%q is not on screen:\n%s", text, ansi.Strip(a.Render()))
	}
	return x, y
}

func click(a *App, x, y int) tea.Cmd {
	_, cmd := a.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	run(a, cmd)
	return cmd
}

func wheel(a *App, x, y int, down bool) {
	b := tea.MouseWheelUp
	if down {
		b = tea.MouseWheelDown
	}
	a.Update(tea.MouseWheelMsg{X: x, Y: y, Button: b})
}

// A click selects the row under it; a second click on it (a double
// click) opens its sources. Every tab's list takes clicks.
func TestClickSelectsAndSecondClickOpensSources(t *testing.T) {
	for _, c := range []struct {
		tab, row string
	}{
		{"2", "Port of Batumi"},
		{"4", "Trans-Caspian Gas"},
		{"5", "TRIPP route construction"},
		{"3", "Container block trains"},
		{"1", "Port of Baku"},
	} {
		a := newApp(t, 120, 40)
		press(a, c.tab)
		x, y := find(t, a, c.row)
		click(a, x+1, y)
		if got := selectedTitle(t, a); !strings.HasPrefix(got, c.row) {
			t.Errorf("tab %s: a click on %q selected %q", c.tab, c.row, got)
			continue
		}
		if a.PaneOpen() {
			t.Errorf("tab %s: one click opened the sources", c.tab)
		}
		click(a, x+1, y)
		if !a.PaneOpen() || !strings.Contains(ansi.Strip(a.Render()), "Sources · "+c.row) {
			t.Errorf("tab %s: a second click on %q should open its sources:\n%s", c.tab, c.row, ansi.Strip(a.Render()))
		}
	}
}

// The wheel moves through lists and scrolls the pane and the help.
func TestWheelScrollsListsPaneAndHelp(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "2")
	wheel(a, 10, 5, true)
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "4/16") {
		t.Errorf("a wheel notch down should move the Ports cursor three rows:\n%s", f)
	}
	wheel(a, 10, 5, false)
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "1/16") {
		t.Errorf("a notch up should move back:\n%s", f)
	}
	press(a, "enter")
	_, _, before, _ := a.pane.Position()
	wheel(a, 10, 20, true)
	if _, _, after, _ := a.pane.Position(); after <= before {
		t.Errorf("the wheel over the pane should scroll it: line %d -> %d", before, after)
	}
	press(a, "esc", "?")
	first, _ := a.help.Position()
	wheel(a, 10, 20, true)
	if f2, _ := a.help.Position(); f2 == first && !strings.Contains(ansi.Strip(a.Render()), "esc close ═") {
		t.Errorf("the wheel should scroll the help")
	}
}

// Clicking the tab above an open pane goes back to the tab.
func TestClickAboveThePaneGoesBackToTheTab(t *testing.T) {
	a := newApp(t, 100, 40)
	press(a, "5", "j", "j", "enter")
	if !a.PaneOpen() {
		t.Fatal("pane not open")
	}
	x, y := find(t, a, "Date")
	click(a, x, y+3)
	if a.PaneOpen() {
		t.Error("a click on the tab above the pane should close the pane")
	}
}

// A click on a picker's value picks it.
func TestClickPicksFromThePicker(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "5", "c")
	x, y := find(t, a, "Georgia")
	click(a, x, y)
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "country: Georgia") {
		t.Errorf("clicking Georgia in the picker should pick it:\n%s", f)
	}
}

// In briefing mode the mouse pauses the rotation like a key.
func TestMousePausesBriefing(t *testing.T) {
	a := newApp(t, 120, 40, WithPresent(5*time.Second))
	wheel(a, 10, 10, true)
	if !a.Paused() {
		t.Error("the wheel should pause the rotation")
	}
}

// The Overview's cards take clicks in each of its layouts, with large
// figures above them in briefing mode too.
func TestOverviewClicksInEveryLayout(t *testing.T) {
	for _, c := range []struct {
		w, h int
		opts []Option
	}{{80, 24, nil}, {120, 40, nil}, {200, 60, []Option{WithPresent(time.Minute)}}} {
		a := newApp(t, c.w, c.h, c.opts...)
		for _, title := range []string{"Transit via Azerbaijan", "Port of Baku"} {
			x, y := findNth(t, a, title, true) // the card, not a large figure's caption
			click(a, x+1, y)
			if got := selectedTitle(t, a); got != title {
				t.Errorf("%dx%d: a click on %q selected %q", c.w, c.h, title, got)
			}
		}
	}
}
