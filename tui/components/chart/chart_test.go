package chart

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/components/cells"
	"corridor/tui/components/chart/charttest"
	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

func goldenStyles() Styles { return StylesFrom(styles.New("dark", true, false)) }

// The volume chart as each Transit size draws it, in colour and without.
func TestYearsGolden(t *testing.T) {
	for _, sz := range tabSizes {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], p.Name), func(t *testing.T) {
				golden.RequireEqual(t, p.Encode(Years(corridorVolume(), Options{Width: sz[0], Height: sz[1], Styles: goldenStyles()})))
			})
		}
	}
}

// The Middle Corridor's year-to-date cargo as bundled: 2024 against 2023.
func corridorYTD() []YearMonths {
	return []YearMonths{
		{Year: 2022, Values: map[int]float64{4: 733e3, 9: 1084e3}},
		{Year: 2023, Values: map[int]float64{7: 1.57e6, 8: 1.7e6}, Labels: map[int]string{8: ">1.7M"}},
		{Year: 2024, Values: map[int]float64{1: 274.2e3, 7: 2.5e6, 11: 4.1e6}},
	}
}

func TestMonthsGolden(t *testing.T) {
	for _, sz := range [][2]int{{60, 10}, {78, 12}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], p.Name), func(t *testing.T) {
				golden.RequireEqual(t, p.Encode(Months(corridorYTD(), "t", Options{Width: sz[0], Height: sz[1], Styles: goldenStyles()})))
			})
		}
	}
}

// A year-to-date chart draws the latest year against the one before, each
// figure at its month's column within half a row of its value, each year
// in its own glyph named in the legend; older years are left out, and a
// lone month is written out.
func TestMonthsThisYearAgainstLast(t *testing.T) {
	monthIdx := func(l string) (int, bool) {
		i := slices.Index(monthNames[:], l)
		return i + 1, i >= 0
	}
	for _, sz := range [][2]int{{60, 10}, {78, 12}, {120, 20}} {
		out := Months(corridorYTD(), "t", Options{Width: sz[0], Height: sz[1]})
		r := charttest.Read(t, out, 3)
		for _, c := range []struct {
			year, month int
			glyph       rune
		}{{2024, 1, '●'}, {2024, 7, '●'}, {2024, 11, '●'}, {2023, 7, '○'}, {2023, 8, '○'}} {
			col, ok := r.ColOf(t, monthIdx, c.month)
			if !ok {
				t.Fatalf("%v: no column for month %d:\n%s", sz, c.month, r.Text)
			}
			row := r.MarkerRow(col, c.glyph)
			if row < 0 {
				t.Fatalf("%v: no %c for %d-%02d in column %d:\n%s", sz, c.glyph, c.year, c.month, col, r.Text)
			}
			var v float64
			for _, y := range corridorYTD() {
				if y.Year == c.year {
					v = y.Values[c.month]
				}
			}
			got, half := r.RowValue(t, row)
			if math.Abs(got-v) > half*(1+1e-9) {
				t.Errorf("%v: %d-%02d (%v) on the row of %v:\n%s", sz, c.year, c.month, v, got, r.Text)
			}
			if z := r.ZeroRow(); z == row {
				t.Errorf("%v: %d-%02d on the zero row:\n%s", sz, c.year, c.month, r.Text)
			}
		}
		for _, want := range []string{"● 2024", "○ 2023", "total since January (t)", "274.2k", "4.1M"} {
			if !strings.Contains(r.Text, want) {
				t.Errorf("%v: %q missing:\n%s", sz, want, r.Text)
			}
		}
		if strings.Contains(r.Text, "2022") || strings.Contains(r.Text, "733k") {
			t.Errorf("%v: an older year drawn on this year against last:\n%s", sz, r.Text)
		}
	}
}

func TestMonthsEmpty(t *testing.T) {
	if out := Months(nil, "t", Options{Width: 60, Height: 10}); out != "" {
		t.Errorf("no years drew %q", out)
	}
	if out := Months([]YearMonths{{Year: 2024}}, "t", Options{Width: 60, Height: 10}); out != "" {
		t.Errorf("a year without figures drew %q", out)
	}
}

// Ticks are 1-2-5 steps of at most two significant digits, whatever the
// values, and never fractional for whole numbers.
func TestTicks(t *testing.T) {
	for _, c := range []struct {
		vals []float64
		rows int
		want []string
	}{
		{[]float64{759e3, 783e3, 586e3, 1485e3, 2764e3, 4484e3, 4119e3}, 11, []string{"0", "500k", "1M", "1.5M", "2M", "2.5M", "3M", "3.5M", "4M", "4.5M"}},
		{[]float64{280, 287}, 9, nil},
		{[]float64{1.5e6, 1.61e6}, 9, nil},
	} {
		pairs := [][2]int{}
		for i := 1; i < len(c.vals); i++ {
			pairs = append(pairs, [2]int{i - 1, i})
		}
		ax, _, ok := solveY(c.vals, pairs, c.rows)
		if !ok {
			t.Fatalf("%v: no axis", c.vals)
		}
		var got []string
		for i := 0; i <= ax.nsteps; i++ {
			v := ax.tick(i)
			got = append(got, tickLabel(v))
			if !twoDigits(v) || (c.vals[0] == math.Trunc(c.vals[0]) && v != math.Trunc(v)) {
				t.Errorf("%v: tick %s", c.vals, tickLabel(v))
			}
		}
		if c.want != nil && !slices.Equal(got, c.want) {
			t.Errorf("%v in %d rows: ticks %v, want %v", c.vals, c.rows, got, c.want)
		}
	}
}

// Every glyph a legend explains, and every mark a figure carries, is one
// character that means one thing: in colour, without, and in --ascii,
// where cells.ASCII maps each to a character no other maps to.
func TestGlyphsAreUnique(t *testing.T) {
	meaning := map[string]string{
		GlyphActual: "actual", GlyphPrevious: "earlier year", GlyphForecast: "forecast", GlyphTarget: "target",
		GlyphCapacity: "capacity", GlyphBreak: "axis break", GlyphAbove: "plan above the axis", GlyphBelow: "plan below the axis",
		model.GlyphDisputed: "sources disagree", model.GlyphDerived: "computed", model.GlyphSuspect: "suspect",
		string(model.MoreThan): "more than", string(model.LessThan): "less than", string(model.About): "about",
		// The arrows before and after the frame are written "<-" and
		// "->" in --ascii (see note.item), so they are checked as such.
	}
	for _, st := range Statuses() {
		meaning[string(st.glyph(false))] = st.name()
	}
	ascii := map[string]string{"->": "plan after the years", "<-": "plan before the years"}
	for _, st := range Statuses() {
		ascii[string(st.glyph(true))] = st.name()
	}
	for _, g := range slices.Sorted(maps.Keys(meaning)) {
		m := meaning[g]
		if cells.Width(g) != 1 {
			t.Errorf("%q (%s) is %d cells wide", g, m, cells.Width(g))
		}
		if slices.ContainsFunc(Statuses(), func(s Status) bool { return string(s.glyph(false)) == g }) {
			continue // bars draw their own ASCII letters
		}
		a := cells.ASCII(g)
		if other, ok := ascii[a]; ok && other != m {
			t.Errorf("--ascii draws %q (%s) as %q, which already means %s", g, m, a, other)
		}
		ascii[a] = m
	}
	if len(meaning) != 14+len(Statuses()) {
		t.Errorf("%d glyphs for %d meanings: two meanings share a glyph", len(meaning), 14+len(Statuses()))
	}
}

// A legend names each glyph once, in colour and in --ascii, and says
// where the axis starts when it does not start at zero.
func TestLegendAndBreak(t *testing.T) {
	out := Years(corridorVolume(), Options{Width: 60, Height: 9})
	text := ansi.Strip(out)
	if !strings.Contains(text, GlyphBreak+" axis starts at") {
		t.Fatalf("no break in the legend of a broken axis:\n%s", text)
	}
	for _, o := range []string{text, cells.ASCII(text)} {
		for g, words := range legendGlyphs(o) {
			if len(words) > 1 {
				t.Errorf("glyph %q means %v:\n%s", g, words, o)
			}
		}
	}
	if a := cells.ASCII(text); !strings.Contains(a, ": axis starts at") || strings.Contains(a, "~ axis") {
		t.Errorf("the break is not ':' in --ascii:\n%s", a)
	}
}

func TestBars(t *testing.T) {
	paint := func(s ...string) string { return strings.Join(s, "") }
	bars := []Bar{
		{Label: "2023", Value: 10, Text: "10M t"},
		{Label: "2024", Value: 5, Text: "5M t"},
		{Label: "2030", Value: 20, Text: "20M t target", Plan: true},
		{Label: "2031", Value: 0.01, Text: "10k t"},
	}
	lines := Bars(bars, 40, paint, paint)
	if len(lines) != 4 {
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
	if n := strings.Count(lines[3], "█"); n != 1 {
		t.Errorf("a small nonzero value drew %d cells, want one: %q", n, lines[3])
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

// Rows drawn over the same years line up, heights start at zero, a fall
// is drawn lower, a nonzero value is never blank, and --ascii uses digits
// rather than glyphs that mean something else.
func TestSpark(t *testing.T) {
	for _, c := range []struct {
		in       map[int]float64
		peak     float64
		ascii    bool
		want     string
		lo, hi   int
		describe string
	}{
		{map[int]float64{2017: 1, 2018: 2, 2019: 3, 2020: 4, 2021: 5, 2022: 6, 2023: 7, 2024: 8}, 8, false, "▁▂▃▄▅▆▇█", 2017, 2024, "one step a year"},
		{map[int]float64{2022: 4.7, 2024: 3.6}, 4.7, false, "  █ ▆", 2020, 2024, "a fall from 4.7 to 3.6 is lower, with the missing year blank"},
		{map[int]float64{2023: 100, 2024: 0.1}, 100, false, "█▁", 2023, 2024, "a tiny value is not blank"},
		{map[int]float64{2023: 100, 2024: 0}, 100, true, "8_", 2023, 2024, "zero, in --ascii"},
		{map[int]float64{2022: 4.7, 2024: 3.6}, 4.7, true, "8 6", 2022, 2024, "digits in --ascii"},
		{nil, 0, false, "   ", 2022, 2024, "no figures"},
	} {
		if got := Spark(c.in, c.lo, c.hi, c.peak, c.ascii); got != c.want {
			t.Errorf("%s: %q, want %q", c.describe, got, c.want)
		}
	}
}

func TestGantt(t *testing.T) {
	for _, c := range []struct {
		name             string
		start, end       float64
		hasStart, hasEnd bool
		st               Status
		want             string
	}{
		// 2020-2030 over 11 cells: one cell a year. Status is drawn by
		// glyph whatever the dates: a planned project in the past is
		// still planned.
		{"operating", 2021, 2023, true, true, Operating, " ███       "},
		{"planned in the past", 2021, 2023, true, true, Planned, " ░░░       "},
		{"building", 2022, 2028, true, true, UnderConstruction, "  ▓▓▓▓▓▓▓  "},
		{"no end", 2022, 0, true, false, Proposed, "  ╌▸       "},
		{"no start", 0, 2027, false, true, Suspended, "      ◂╳   "},
		{"unknown", 0, 0, false, false, Planned, "           "},
	} {
		if got := Gantt(c.start, c.end, 2020, 2030, 11, c.hasStart, c.hasEnd, c.st, false); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if got := Gantt(2021, 2023, 2020, 2030, 11, true, true, UnderConstruction, true); got != " UUU       " {
		t.Errorf("--ascii: %q", got)
	}
	if got := Gantt(2021, 2022, 2030, 2020, 5, true, true, Operating, false); got != "     " {
		t.Errorf("empty scale: %q", got)
	}
}

// Year labels start at their year's cell and are never cut.
func TestGanttAxis(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		width  int
		want   string
	}{
		{2020, 2030, 11, "2020 2025  "},
		{2006, 2031, 40, "      2010    2015    2020    2025      "},
		{2006, 2031, 12, "  '10 '20   "},
	} {
		got := GanttAxis(c.lo, c.hi, c.width)
		if cells.Width(got) != c.width {
			t.Errorf("%v-%v in %d: %d cells wide", c.lo, c.hi, c.width, cells.Width(got))
		}
		if c.want != "" && got != c.want {
			t.Errorf("%v-%v in %d: %q, want %q", c.lo, c.hi, c.width, got, c.want)
		}
	}
}

func TestGanttLegend(t *testing.T) {
	paint := func(s ...string) string { return strings.Join(s, "") }
	got := strings.Join(GanttLegend([]Status{Planned, Operating, Planned}, true, false, paint, 80), "\n")
	if got != "█ operating  ░ planned  ◂▸ date not given" {
		t.Errorf("legend %q", got)
	}
	got = strings.Join(GanttLegend([]Status{Operating, UnderConstruction}, false, true, paint, 80), "\n")
	if got != "O operating  U under construction" {
		t.Errorf("--ascii legend %q", got)
	}
}

func TestStylesFrom(t *testing.T) {
	s := styles.New("dark", true, true)
	cs := StylesFrom(s)
	if !cs.ASCII {
		t.Error("--ascii lost")
	}
	if got := (Styles{Note: lipgloss.NewStyle()}).paint(stNone, "x"); got != "x" {
		t.Errorf("unstyled text changed: %q", got)
	}
}
