package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// The overlay opens on ?, fits every size from 40x12, and closes on esc,
// ? or q (which then does not quit).
func TestHelpOverlayFitsAndCloses(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {120, 40}, {200, 60}} {
		for i, name := range TabNames() {
			a := newApp(t, sz[0], sz[1])
			press(a, fmt.Sprint(i+1), "?")
			if !a.HelpOpen() {
				t.Fatalf("%v %s: ? did not open help", sz, name)
			}
			f := a.Render()
			checkFrame(t, f, sz[0], sz[1], fmt.Sprintf("help %s %v", name, sz))
			if s := ansi.Strip(f); !strings.Contains(s, "Help · ") || !strings.Contains(s, "esc") {
				t.Errorf("%v %s: no help box titled and closable:\n%s", sz, name, s)
			}
			for _, k := range []string{"esc", "?", "q"} {
				if cmd := press(a, k); quits(cmd) {
					t.Fatalf("%v %s: %s quit instead of closing help", sz, name, k)
				}
				if a.HelpOpen() {
					t.Errorf("%v %s: %s did not close help", sz, name, k)
				}
				press(a, "?")
			}
		}
	}
}

// At 40x12 the help scrolls: the marks at its end come into view with G
// and the position says where the view is.
func TestHelpScrollsAtTheSmallestSize(t *testing.T) {
	a := newApp(t, 40, 12)
	press(a, "4", "?")
	f := ansi.Strip(a.Render())
	if strings.Contains(f, "no figure in the data") || !strings.Contains(f, "1–") {
		t.Fatalf("40x12 help should start at the top and show its position:\n%s", f)
	}
	press(a, "G")
	f = ansi.Strip(a.Render())
	if !strings.Contains(f, "no figure in the data") {
		t.Fatalf("G should scroll to the end of the help:\n%s", f)
	}
	first, total := a.help.Position()
	if !strings.Contains(f, fmt.Sprintf("/%d", total)) || first == 1 {
		t.Errorf("position %d/%d not shown after G:\n%s", first, total, f)
	}
	a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp, X: 10, Y: 5})
	if f2, _ := a.help.Position(); f2 >= first {
		t.Errorf("the wheel should scroll the help up: %d -> %d", first, f2)
	}
}

// helpText is the whole help as listed, whatever the screen shows.
func helpText(a *App) string { return a.help.Text() }

// Help lists the keys live in this tab and mode, and explains the marks.
func TestHelpListsOnlyLiveKeysAndExplainsMarks(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "2", "?")
	h := helpText(a)
	for _, want := range []string{"sort by", "reverse", "filter", "freeze screen", "snapshot",
		"sources disagree", "computed by corridor", "likely data error", "fcst", "target", "cap", "the column the rows are"} {
		if !strings.Contains(h, want) {
			t.Errorf("ports help lacks %q:\n%s", want, h)
		}
	}
	if strings.Contains(h, "resume rotation") {
		t.Errorf("p does nothing outside briefing mode, but help lists it:\n%s", h)
	}
	press(a, "esc", "4", "?")
	h = helpText(a)
	if !strings.Contains(h, "bar: planned") || !strings.Contains(h, "bar: under construction") || strings.Contains(h, "sort by") {
		t.Errorf("energy help should explain its bar marks and not list Ports keys:\n%s", h)
	}
	press(a, "esc", "enter", "?")
	h = helpText(a)
	if !strings.Contains(h, "Sources pane") || !strings.Contains(h, "close sources") || strings.Contains(h, "filter") {
		t.Errorf("with the pane open, help lists the pane's keys, not the tab's:\n%s", h)
	}
	p := newApp(t, 120, 40, WithPresent(5*time.Second))
	press(p, "?")
	if h := helpText(p); !strings.Contains(h, "resume rotation") {
		t.Errorf("briefing-mode help lacks p:\n%s", h)
	}
}

// The footer drops optional hints first: ? help and q quit stay at
// every width.
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	for _, w := range []int{40, 60, 80, 120} {
		for i, name := range TabNames() {
			a := newApp(t, w, 24)
			press(a, fmt.Sprint(i+1))
			lines := strings.Split(ansi.Strip(a.Render()), "\n")
			last := lines[len(lines)-1]
			if !strings.HasSuffix(strings.TrimRight(last, " "), "? help • q quit") || strings.Contains(last, "…") || strings.Count(last, "? help") != 1 {
				t.Errorf("%s at width %d: footer %q should end with ? help • q quit, nothing cut", name, w, last)
			}
		}
	}
}

func TestHelpOverlayGolden(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {80, 24}} {
		a := newApp(t, sz[0], sz[1])
		press(a, "2", "?")
		golden(t, fmt.Sprintf("help-ports-%dx%d-ascii", sz[0], sz[1]), render(a, colorprofile.ASCII))
	}
}
