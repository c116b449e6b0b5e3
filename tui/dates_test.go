package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

var (
	isoDate  = regexp.MustCompile(`\b\d{4}-\d{2}(-\d{2})?\b`)
	dayMonth = regexp.MustCompile(`\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b`)
	shortYr  = regexp.MustCompile(`'\d\d\b`)
)

// Dates read one way everywhere: "8 Sep 2025", "Sep 2025", "2025"; never
// 2025-09-08 or '25, on any tab or in the source pane.
func TestOneDateFormat(t *testing.T) {
	for i, name := range TabNames() {
		a := newApp(t, 120, 40)
		press(a, fmt.Sprint(i+1))
		for _, step := range []string{"", "enter"} {
			if step != "" {
				press(a, step)
			}
			f := ansi.Strip(a.Render())
			if m := isoDate.FindString(f); m != "" {
				t.Errorf("%s %s: date written %q:\n%s", name, step, m, f)
			}
			if m := shortYr.FindString(f); m != "" {
				t.Errorf("%s %s: year written %q:\n%s", name, step, m, f)
			}
		}
	}
	a := newApp(t, 120, 40)
	press(a, "5")
	if f := ansi.Strip(a.Render()); !dayMonth.MatchString(f) {
		t.Errorf("timeline dates should read like 8 Sep 2025:\n%s", f)
	}
}

var reverseSGR = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// reversed reports whether s turns on reverse video (SGR 7), the mark of
// a selected row.
func reversed(s string) bool {
	for _, m := range reverseSGR.FindAllStringSubmatch(s, -1) {
		ps := strings.Split(m[1], ";")
		for i := 0; i < len(ps); i++ {
			switch {
			case ps[i] == "7":
				return true
			case (ps[i] == "38" || ps[i] == "48") && i+1 < len(ps) && ps[i+1] == "5":
				i += 2
			case (ps[i] == "38" || ps[i] == "48") && i+1 < len(ps) && ps[i+1] == "2":
				i += 4
			}
		}
	}
	return false
}

// While a briefing rotates nothing is drawn selected; a key pauses it and
// the selection shows again.
func TestBriefingShowsNoSelectionUntilPaused(t *testing.T) {
	for i, name := range TabNames() {
		a := newApp(t, 120, 40, WithPresent(time.Minute), WithTab(name))
		body := func() string {
			lines := strings.Split(render(a, colorprofile.ANSI256), "\n")
			return strings.Join(lines[1:len(lines)-2], "\n")
		}
		if reversed(body()) || strings.ContainsAny(ansi.Strip(body()), "┏┓") {
			t.Errorf("%s: a selection shows while the briefing rotates:\n%s", name, ansi.Strip(body()))
		}
		press(a, "j")
		if !a.Paused() {
			t.Fatalf("%s: j did not pause", name)
		}
		if shown := reversed(body()) || strings.Contains(ansi.Strip(body()), "┏"); !shown {
			t.Errorf("tab %d %s: paused, the selection should show", i+1, name)
		}
	}
}
