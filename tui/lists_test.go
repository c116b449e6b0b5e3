package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Every list says where its cursor is among how many.
func TestEveryListShowsItsPosition(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		for _, c := range []struct {
			tab  int
			want string
		}{{2, "1/16"}, {3, "1/"}, {4, "1/22"}, {5, "1/156"}} {
			a := newApp(t, sz[0], sz[1])
			press(a, fmt.Sprint(c.tab))
			f := ansi.Strip(a.Render())
			if !strings.Contains(f, c.want) {
				t.Errorf("tab %d at %v: no position %q:\n%s", c.tab, sz, c.want, f)
			}
			press(a, "j")
			if f := ansi.Strip(a.Render()); !strings.Contains(f, "2/") {
				t.Errorf("tab %d at %v: position does not follow j:\n%s", c.tab, sz, f)
			}
		}
	}
}

// At 120x40 the Energy list shows every project: none hidden below the
// detail pane.
func TestEnergyShowsEveryProjectAt120x40(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "4")
	f := ansi.Strip(a.Render())
	for _, p := range bundled(t).Projects {
		if start := string([]rune(p.Name)[:12]); !strings.Contains(f, start) {
			t.Errorf("project %q not on screen:\n%s", p.Name, f)
		}
	}
}

// Scrolling down a year's events keeps that year's heading on top.
func TestTimelinePinsTheYearHeading(t *testing.T) {
	a := newApp(t, 80, 24)
	press(a, "5")
	for range 30 {
		press(a, "j")
	}
	sel, _ := a.activeTab().Selection()
	year := fmt.Sprint(sel.Events[0].Date.Year)
	lines := strings.Split(ansi.Strip(a.Render()), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Date") {
			if next := lines[i+1]; !strings.HasPrefix(next, "── ") {
				t.Fatalf("the line under the header is %q, want a year heading pinned", next)
			}
			if got := strings.Fields(lines[i+1])[1]; got > year || !strings.Contains(strings.Join(lines, "\n"), "── "+year) {
				t.Fatalf("pinned heading %s, selected event's year %s:\n%s", got, year, strings.Join(lines, "\n"))
			}
			return
		}
	}
	t.Fatal("no list header")
}

// A filter says how many rows match and underlines what matched.
func TestFilterCountsAndUnderlinesMatches(t *testing.T) {
	a := newApp(t, 160, 40) // wide enough for the Country column
	press(a, "2", "/", "g", "e", "o")
	raw := a.Render()
	f := ansi.Strip(raw)
	if !strings.Contains(f, "5 of 16 match") {
		t.Errorf("no match count:\n%s", f)
	}
	if !strings.Contains(raw, "\x1b[4mGeo\x1b[24mrgia") {
		t.Errorf("matches are not underlined:\n%q", raw)
	}
	press(a, "enter", "4", "/", "s", "o", "l", "a", "r")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "4 of 22 match") {
		t.Errorf("energy filter count:\n%s", f)
	}
}
