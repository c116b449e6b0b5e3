package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// At 200 columns nothing that fits is cut: the longest port name, the
// country, Energy's statuses and costs, Timeline's kinds.
func TestWideScreensShowWholeCells(t *testing.T) {
	a := newApp(t, 200, 60)
	press(a, "2")
	f := ansi.Strip(a.Render())
	for _, want := range []string{"Turkmenbashi International Seaport ", "Turkmenistan", "Port of Baku (Baku International Sea Trade Port, Alat)"} {
		if !strings.Contains(f, want) {
			t.Errorf("ports at 200 lacks %q:\n%s", want, f)
		}
	}
	press(a, "4")
	f = ansi.Strip(a.Render())
	for _, want := range []string{"◐ under-construction", "20.7B KZT", "Trans-Caspian fibre-optic cable Aktau–Sumgait"} {
		if !strings.Contains(f, want) {
			t.Errorf("energy at 200 lacks %q:\n%s", want, f)
		}
	}
	press(a, "5")
	seen := false
	for range 20 {
		f = ansi.Strip(a.Render())
		if strings.Contains(f, "diplomatic-re…") {
			t.Fatalf("timeline at 200 cuts the kind:\n%s", f)
		}
		seen = seen || strings.Contains(f, "diplomatic-relations")
		press(a, "pgdown")
	}
	if !seen {
		t.Error("no diplomatic-relations event seen while paging the timeline")
	}
}

// bareEllipsis is a cut that left only "…" of a cell: after a space and
// before a space or the line's end ("… 12 more" says how many are left
// and is not one).
var bareEllipsis = regexp.MustCompile(`(^|\s)…(\s|$)`)
var moreLine = regexp.MustCompile(`^\s*… \d+ more`)

// No column is ever cut to a bare "…", and no two rows of a list read
// the same, at any of the sizes people use.
func TestNoBareEllipsisNorLookAlikeRows(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {60, 20}, {80, 24}, {120, 40}} {
		for i, name := range TabNames() {
			a := newApp(t, sz[0], sz[1])
			press(a, fmt.Sprint(i+1))
			f := ansi.Strip(a.Render())
			lines := strings.Split(f, "\n")
			for _, l := range lines[:len(lines)-2] {
				if bareEllipsis.MatchString(l) && !moreLine.MatchString(l) {
					t.Errorf("%s at %v: a bare … in %q", name, sz, l)
				}
			}
			if name != "energy" && name != "ports" {
				continue
			}
			seen := map[string]bool{}
			for _, l := range lines[1 : len(lines)-2] {
				if l = strings.TrimSpace(l); l != "" && strings.Contains(l, "…") && seen[l] {
					t.Errorf("%s at %v: two rows read %q", name, sz, l)
				}
				seen[l] = true
			}
		}
	}
}

// A figure is shown whole or not at all: narrow Overview lines drop the
// figures that do not fit and say how many ("+2"), never cut one through
// its value or period.
func TestOverviewNeverCutsAFigure(t *testing.T) {
	cutNumber := regexp.MustCompile(`\d…`)
	for _, sz := range [][2]int{{40, 12}, {60, 20}, {80, 24}} {
		a := newApp(t, sz[0], sz[1])
		for range 12 {
			f := ansi.Strip(a.Render())
			for _, l := range strings.Split(f, "\n") {
				if cutNumber.MatchString(l) {
					t.Errorf("%v: a figure cut short in %q", sz, l)
				}
			}
			press(a, "j")
		}
	}
}
