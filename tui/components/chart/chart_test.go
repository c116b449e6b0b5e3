package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/guptarohit/asciigraph"

	"corridor/tui/internal/golden"
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

func sampleSeries() []Series {
	return []Series{
		{Name: "actual", Values: map[int]float64{2019: 2.1, 2020: 2.4, 2021: 3.9, 2022: 4.6, 2024: 4.2}, Color: asciigraph.DodgerBlue},
		{Name: "capacity", Values: map[int]float64{2019: 5, 2024: 5}, Glyph: "=", Color: asciigraph.HotPink},
	}
}

func TestYearsGolden(t *testing.T) {
	for _, sz := range [][2]int{{40, 10}, {72, 14}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], p.Name), func(t *testing.T) {
				out := Years(sampleSeries(), LineOptions{Width: sz[0], Height: sz[1], Format: func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }, Axis: asciigraph.Gray})
				golden.RequireEqual(t, p.Encode(out))
			})
		}
	}
}

// What a reader must be able to see: the scale starts at zero, the plan
// series has its own glyph, and a year with no figure is a gap.
func TestYearsShowsZeroPlanAndGaps(t *testing.T) {
	lines := plain(Years(sampleSeries(), LineOptions{Width: 72, Height: 14, Format: func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }}))
	if len(lines) != 14 {
		t.Fatalf("%d lines, want 14", len(lines))
	}
	// asciigraph draws Height-3+1 = 12 plot rows, then the axis and labels.
	if f := strings.Fields(lines[11]); len(f) != 2 || f[0] != "0.0" {
		t.Errorf("bottom of the scale %q, want an empty 0.0 row", lines[11])
	}
	if !strings.Contains(strings.Join(lines, "\n"), "=") {
		t.Error("capacity not drawn with its glyph")
	}
	// 2023 has no actual: the actual line stops at 2022 and restarts at
	// 2024, so the columns between them hold no line glyph of the actual.
	axis := []rune(lines[12])
	var ticks []int
	for i, r := range axis {
		if r == '┬' {
			ticks = append(ticks, i)
		}
	}
	if len(ticks) != 6 {
		t.Fatalf("%d ticks for 2019-2024", len(ticks))
	}
	for _, l := range lines[:12] {
		row := []rune(l)
		for c := ticks[3] + 1; c < ticks[5]-1 && c < len(row); c++ {
			if strings.ContainsRune("─╭╮╰╯│", row[c]) {
				t.Fatalf("actual line drawn across the missing 2023:\n%s", strings.Join(lines, "\n"))
			}
		}
	}
}

func TestBars(t *testing.T) {
	paint := func(s ...string) string { return strings.Join(s, "") }
	bars := []Bar{
		{Label: "2023", Value: 10, Text: "10M t"},
		{Label: "2024", Value: 5, Text: "5M t"},
		{Label: "2030", Value: 20, Text: "20M t target", Plan: true},
	}
	lines := Bars(bars, 40, paint, paint)
	if len(lines) != 3 {
		t.Fatalf("%d lines", len(lines))
	}
	full := strings.Count(lines[2], "░")
	if full != 40-4-12-3 || strings.Contains(lines[2], "█") {
		t.Errorf("largest (plan) bar %q: %d light cells, want the whole bar width", lines[2], full)
	}
	if n, want := strings.Count(lines[0], "█"), int(math.Round(float64(full)/2)); n != want {
		t.Errorf("half the largest value drew %d cells, want %d: %q", n, want, lines[0])
	}
	if n := strings.Count(lines[1], "█"); n != full/4 {
		t.Errorf("a quarter drew %d cells, want %d", n, full/4)
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, bars[i].Label+" ") || !strings.HasSuffix(l, bars[i].Text) || ansi.StringWidth(l) > 40 {
			t.Errorf("line %q: label, text or width wrong", l)
		}
	}
}

func TestBarsGolden(t *testing.T) {
	s := struct{ solid, plan func(...string) string }{
		func(s ...string) string { return "\x1b[38;5;33m" + strings.Join(s, "") + "\x1b[m" },
		func(s ...string) string { return "\x1b[38;5;169m" + strings.Join(s, "") + "\x1b[m" },
	}
	for _, p := range golden.Profiles() {
		t.Run("40-"+p.Name, func(t *testing.T) {
			out := Bars([]Bar{{Label: "H1 2024", Value: 2.2, Text: "2.2M t"}, {Label: "2024", Value: 4.5, Text: "4.5M t"}, {Label: "2030", Value: 10, Text: "10M t target", Plan: true}}, 40, s.solid, s.plan)
			golden.RequireEqual(t, p.Encode(strings.Join(out, "\n")))
		})
	}
}

func TestSpark(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want string
	}{
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8}, "▁▂▃▄▅▆▇█"},
		{[]float64{8, math.NaN(), 1}, "█ ▁"},
		{[]float64{3, 3}, "▄▄"},
		{nil, ""},
	} {
		if got := Spark(c.in); got != c.want {
			t.Errorf("Spark(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestGantt(t *testing.T) {
	for _, c := range []struct {
		name             string
		start, end, now  float64
		hasStart, hasEnd bool
		want             string
	}{
		// 2020-2030 over 11 cells: one cell a year.
		{"done", 2021, 2023, 2025, true, true, " ███ ┊     "},
		{"running", 2022, 2028, 2025, true, true, "  ████░░░  "},
		{"no end", 2022, 0, 2025, true, false, "  █▸ ┊     "},
		{"no start", 0, 2027, 2025, false, true, "     ┊◂░   "},
		{"unknown", 0, 0, 2025, false, false, "     ┊     "},
	} {
		if got := Gantt(c.start, c.end, c.now, 2020, 2030, 11, c.hasStart, c.hasEnd); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if got := Gantt(2021, 2022, 2025, 2030, 2020, 5, true, true); got != "     " {
		t.Errorf("empty scale: %q", got)
	}
}
