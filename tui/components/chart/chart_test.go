package chart

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// plain returns a chart's lines without colour.
func plain(s string) []string {
	return strings.Split(ansi.Strip(s), "\n")
}

// Every year has a tick on the x axis, and every label printed sits
// centred on its own year's tick, whatever the width.
func TestYearsTicksSitOnTheirYears(t *testing.T) {
	s := []Series{{Name: "actual", Values: map[int]float64{2016: 3, 2017: 5, 2019: 4, 2024: 9}}}
	for _, w := range []int{24, 30, 40, 57, 80, 120} {
		t.Run(strconv.Itoa(w), func(t *testing.T) {
			out := Years(s, LineOptions{Width: w, Height: 10})
			if out == "" {
				t.Fatal("no chart")
			}
			lines := plain(out)
			if len(lines) != 10 {
				t.Fatalf("%d lines, want the 10 asked for", len(lines))
			}
			axis, labels := []rune(lines[8]), []rune(lines[9])
			var ticks []int
			for i, r := range axis {
				if r == '┬' {
					ticks = append(ticks, i)
				}
			}
			if len(ticks) != 2024-2016+1 {
				t.Fatalf("axis %q has %d ticks, want one per year 2016-2024", lines[8], len(ticks))
			}
			if ticks[0] == 0 || axis[ticks[0]-1] != '└' {
				t.Errorf("first tick not next to the corner: %q", lines[8])
			}
			seen := 0
			for i, tick := range ticks {
				year := strconv.Itoa(2016 + i)
				start := tick - len(year)/2
				if start+len(year) > len(labels) || string(labels[start:start+len(year)]) != year {
					continue
				}
				seen++
			}
			if seen < 2 {
				t.Errorf("only %d year labels centred on their ticks:\n%s\n%s", seen, lines[8], lines[9])
			}
			for _, f := range strings.Fields(lines[9]) {
				y, err := strconv.Atoi(f)
				if err != nil || y < 2016 || y > 2024 {
					t.Errorf("label %q is not a year of the data", f)
				}
			}
		})
	}
}

func TestYearsTooSmallOrEmpty(t *testing.T) {
	s := []Series{{Values: map[int]float64{2020: 1, 2021: 2}}}
	if out := Years(s, LineOptions{Width: 11, Height: 10}); out != "" {
		t.Errorf("width 11 drew %q", out)
	}
	if out := Years(s, LineOptions{Width: 40, Height: 4}); out != "" {
		t.Errorf("height 4 drew %q", out)
	}
	if out := Years(nil, LineOptions{Width: 40, Height: 10}); out != "" {
		t.Errorf("no series drew %q", out)
	}
}
