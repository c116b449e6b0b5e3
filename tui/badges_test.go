package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// statusLine is the status bar as drawn: the line above the key help.
func statusLine(a *App) string {
	lines := strings.Split(ansi.Strip(a.Render()), "\n")
	return lines[len(lines)-2]
}

func TestFilterAndSortBadges(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {40, 12}} {
		a := newApp(t, size[0], size[1])
		press(a, "2")
		if s := statusLine(a); strings.Contains(s, "FILTER") || strings.Contains(s, "SORT") {
			t.Fatalf("%v: badges before any filter or sort: %q", size, s)
		}
		press(a, "/", "g", "e", "o", "enter")
		if s := statusLine(a); !strings.Contains(s, "FILTER 5/16") {
			t.Errorf("%v: filter 'geo' should show FILTER 5/16: %q", size, s)
		}
		press(a, "o")
		if s := statusLine(a); !strings.Contains(s, "SORT TEU↓") {
			t.Errorf("%v: o should show SORT TEU↓: %q", size, s)
		}
		press(a, "r")
		if s := statusLine(a); !strings.Contains(s, "SORT TEU↑") {
			t.Errorf("%v: r should show SORT TEU↑: %q", size, s)
		}
		press(a, "esc")
		if s := statusLine(a); strings.Contains(s, "FILTER") {
			t.Errorf("%v: esc cleared the filter but the badge stays: %q", size, s)
		}
		press(a, "4", "/", "s", "o", "l", "a", "r", "enter")
		if s := statusLine(a); !strings.Contains(s, "FILTER ") {
			t.Errorf("%v: energy filter has no badge: %q", size, s)
		}
		press(a, "5", "c", "down", "enter")
		if s := statusLine(a); !strings.Contains(s, "FILTER ") {
			t.Errorf("%v: a country filter has no badge: %q", size, s)
		}
	}
}

// Freezing outside briefing mode must show on screen, or it looks like a
// hang; in briefing mode so must pausing.
func TestFrozenAndPausedBadges(t *testing.T) {
	a := newApp(t, 80, 24)
	press(a, "f")
	if s := statusLine(a); !strings.HasPrefix(s, " FROZEN ") {
		t.Errorf("f outside briefing mode: %q, want a FROZEN badge", s)
	}
	press(a, "f")
	if s := statusLine(a); strings.Contains(s, "FROZEN") {
		t.Errorf("unfrozen, badge stays: %q", s)
	}
	p := newApp(t, 80, 24, WithPresent(5*time.Second))
	press(p, "j")
	if s := statusLine(p); !strings.Contains(s, "PAUSED") {
		t.Errorf("a key in briefing mode should show PAUSED: %q", s)
	}
}
