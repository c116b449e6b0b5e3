package chart

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"corridor/model"
	"corridor/tui/components/cells"
	"corridor/tui/components/chart/charttest"
)

// corridorVolume is the Middle Corridor's volume as bundled: the actuals
// (Kazakh Ministry of Transport), a 2030 forecast that must not set the
// axes, nearer plans and a capacity above every actual.
func corridorVolume() []Series {
	return []Series{
		{Kind: model.Actual, Unit: "t", Values: map[int]float64{2019: 759e3, 2020: 783e3, 2021: 586e3, 2022: 1485e3, 2023: 2764e3, 2024: 4484e3, 2025: 4119e3}},
		{Kind: model.Forecast, Unit: "t", Values: map[int]float64{2022: 3.2e6, 2024: 4e6, 2025: 5.2e6, 2030: 11e6}, Labels: map[int]string{2024: "~4M"}},
		{Kind: model.Target, Unit: "t", Values: map[int]float64{2023: 2e6, 2024: 4.2e6, 2025: 2.5e6}, Labels: map[int]string{2024: ">4.2M"}},
		{Kind: model.Capacity, Unit: "t/yr", Values: map[int]float64{2022: 6e6, 2023: 6e6, 2024: 6e6}},
	}
}

// The chart sizes the Transit tab gives the volume chart at 60x20,
// 80x24, 120x40 and 200x60 (the panel's width; its height less the
// figures list).
var tabSizes = [][2]int{{60, 9}, {80, 13}, {78, 17}, {158, 34}}

// What the issue saw: 2019-21 (759k, 783k, 586k t) on the zero row, and
// the 2024 -> 2025 fall drawn flat. Each is above the zero row and the
// fall is on its own row, or the values are written out, at every size.
func TestCorridorVolumeAboveZeroAndFallVisible(t *testing.T) {
	for _, sz := range tabSizes {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			s := corridorVolume()
			out := Years(s, Options{Width: sz[0], Height: sz[1]})
			r := charttest.Read(t, out, 4)
			rows := map[int]int{}
			for y := 2019; y <= 2025; y++ {
				c, ok := r.ColOf(t, charttest.YearIdx, y)
				if !ok {
					t.Fatalf("no column for %d:\n%s", y, r.Text)
				}
				rows[y] = r.MarkerRow(c, '●')
				if rows[y] < 0 {
					t.Fatalf("no marker for %d in column %d:\n%s", y, c, r.Text)
				}
			}
			if z := r.ZeroRow(); z >= 0 {
				for y := 2019; y <= 2021; y++ {
					if rows[y] == z {
						t.Errorf("%d (%.0f t) drawn on the zero row:\n%s", y, s[0].Values[y], r.Text)
					}
				}
			} else if !r.Broken {
				t.Errorf("the axis starts above zero without the break mark:\n%s", r.Text)
			}
			if rows[2024] == rows[2025] && (!strings.Contains(r.Text, "4.484M") || !strings.Contains(r.Text, "4.119M")) {
				t.Errorf("the 2025 fall is drawn flat and not written out:\n%s", r.Text)
			}
			if rows[2024] != rows[2025] && rows[2025] < rows[2024] {
				t.Errorf("the 2025 fall is drawn as a rise:\n%s", r.Text)
			}
			// The 2030 forecast neither sets the axes nor goes unlisted.
			if _, ok := r.Slots["2030"]; ok {
				t.Errorf("the forecast year 2030 is on the axis:\n%s", r.Text)
			}
			for _, v := range r.Ticks {
				if v > 6e6 {
					t.Errorf("tick %v: the axis reaches past the actuals:\n%s", v, r.Text)
				}
			}
			if !strings.Contains(r.Text, "→ 2030 fcst 11M t") && !strings.Contains(r.Text, "more") {
				t.Errorf("the 2030 forecast is not listed:\n%s", r.Text)
			}
		})
	}
}

// A series with one actual is a marker with its value, never a stub; the
// plans next to it are markers, not lines running on from it.
func TestLonePointIsMarkerWithValue(t *testing.T) {
	s := []Series{
		{Kind: model.Actual, Unit: "trains", Values: map[int]float64{2024: 287}, Marks: map[int]string{2024: "≠"}},
		{Kind: model.Forecast, Unit: "trains", Values: map[int]float64{2025: 600}},
	}
	out := Years(s, Options{Width: 60, Height: 14})
	r := charttest.Read(t, out, 4)
	c, _ := r.ColOf(t, charttest.YearIdx, 2024)
	row := r.MarkerRow(c, '●')
	if row < 0 {
		t.Fatalf("no marker for 2024:\n%s", r.Text)
	}
	line := string(r.Lines[row])
	if !strings.Contains(line, "287≠") && !strings.Contains(string(r.Lines[max(row-1, 0)]), "287≠") && !strings.Contains(string(r.Lines[row+1]), "287≠") {
		t.Errorf("the lone point's value is not beside it:\n%s", r.Text)
	}
	for i := 0; i < r.AxisRow; i++ {
		if strings.ContainsAny(string(r.Lines[i]), "─╭╮╰╯") {
			t.Errorf("a line drawn from a lone point:\n%s", r.Text)
		}
	}
	for _, v := range r.Ticks {
		if v != math.Trunc(v) {
			t.Errorf("fractional tick %v for a count of trains:\n%s", v, r.Text)
		}
	}
}

// A year without a figure breaks the line: nothing is drawn across it.
func TestGapBreaksTheLine(t *testing.T) {
	s := []Series{{Kind: model.Actual, Values: map[int]float64{2019: 2.1, 2020: 2.4, 2021: 3.9, 2022: 4.6, 2024: 4.2}}}
	out := Years(s, Options{Width: 72, Height: 14})
	r := charttest.Read(t, out, 4)
	c22, _ := r.ColOf(t, charttest.YearIdx, 2022)
	c24, _ := r.ColOf(t, charttest.YearIdx, 2024)
	for i := 0; i < r.AxisRow; i++ {
		for c := c22 + 1; c < c24 && c < len(r.Lines[i]); c++ {
			if strings.ContainsRune("─╭╮╰╯│", r.Lines[i][c]) {
				t.Fatalf("line drawn across the missing 2023:\n%s", r.Text)
			}
		}
	}
}

func TestYearsTooSmallOrEmpty(t *testing.T) {
	s := []Series{{Kind: model.Actual, Values: map[int]float64{2020: 1, 2021: 2}}}
	if out := Years(s, Options{Width: minWidth - 1, Height: 10}); out != "" {
		t.Errorf("width %d drew %q", minWidth-1, out)
	}
	if out := Years(s, Options{Width: 40, Height: minHeight - 1}); out != "" {
		t.Errorf("height %d drew %q", minHeight-1, out)
	}
	if out := Years(nil, Options{Width: 40, Height: 10}); out != "" {
		t.Errorf("no series drew %q", out)
	}
}

// With no actual figure there is no plot: the plans are listed, never
// drawn as if they were a series of figures.
func TestPlansOnlyAreListed(t *testing.T) {
	s := []Series{{Kind: model.Capacity, Unit: "TEU/yr", Values: map[int]float64{2018: 400e3}}, {Kind: model.Target, Unit: "TEU", Values: map[int]float64{2029: 300e3, 2030: 500e3}}}
	out := cells.ASCII(Years(s, Options{Width: 60, Height: 10}))
	for _, want := range []string{"no actual figures", "= 2018 cap 400k TEU/yr", "+ 2029 target 300k TEU", "+ 2030 target 500k TEU"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "|") {
		t.Errorf("an axis drawn for plans only:\n%s", out)
	}
}

var legendEntry = regexp.MustCompile(`(^|  )(\S) (actual|fcst|target|cap|axis)`)

// legendGlyphs maps each glyph a legend uses to the words it explains.
func legendGlyphs(text string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		for _, m := range legendEntry.FindAllStringSubmatch(l, -1) {
			if out[m[2]] == nil {
				out[m[2]] = map[string]bool{}
			}
			out[m[2]][m[3]] = true
		}
	}
	return out
}

// Two series of one kind in different units (TEU and TEU/year targets)
// share one legend entry: a glyph is never listed twice.
func TestLegendOneEntryPerGlyph(t *testing.T) {
	s := []Series{
		{Kind: model.Actual, Unit: "TEU", Values: map[int]float64{2021: 25200, 2022: 33000, 2024: 56500, 2025: 77000}},
		{Kind: model.Target, Unit: "TEU", Values: map[int]float64{2022: 50000, 2025: 96000, 2029: 300e3}},
		{Kind: model.Target, Unit: "TEU/yr", Values: map[int]float64{2030: 500e3}},
		{Kind: model.Capacity, Unit: "TEU/yr", Values: map[int]float64{2024: 100e3}},
	}
	for _, ascii := range []bool{false, true} {
		out := Years(s, Options{Width: 80, Height: 16})
		if ascii {
			out = cells.ASCII(out)
		}
		if n := strings.Count(out, "target ("); n != 1 {
			t.Errorf("ascii %v: %d legend entries for targets:\n%s", ascii, n, out)
		}
		if !strings.Contains(out, "target (TEU, TEU/yr)") {
			t.Errorf("the target entry does not name both units:\n%s", out)
		}
		for g, words := range legendGlyphs(out) {
			if len(words) > 1 {
				t.Errorf("ascii %v: glyph %q means %v:\n%s", ascii, g, slices.Collect(maps.Keys(words)), out)
			}
		}
	}
}

// gen makes a random chart's series: an actual series over up to 15
// years with gaps, single points and occasional zeros, counts or
// fractional values across eight orders of magnitude, and plans in the
// frame and far out.
func gen(rng *rand.Rand) []Series {
	start := 2000 + rng.IntN(20)
	n := 1 + rng.IntN(15)
	mag := math.Pow(10, float64(rng.IntN(9)))
	whole := rng.IntN(3) == 0
	act := Series{Kind: model.Actual, Unit: "t", Values: map[int]float64{}}
	v := mag * (0.2 + rng.Float64())
	for y := start; y < start+n; y++ {
		if rng.IntN(5) == 0 && len(act.Values) > 0 {
			continue // a gap
		}
		v *= 0.6 + 0.8*rng.Float64()
		x := v
		if whole {
			x = math.Max(1, math.Round(x))
		}
		if rng.IntN(30) == 0 {
			x = 0
		}
		act.Values[y] = x
	}
	series := []Series{act}
	for _, k := range []model.Kind{model.Forecast, model.Target, model.Capacity} {
		if rng.IntN(2) == 0 {
			continue
		}
		p := Series{Kind: k, Unit: "t", Values: map[int]float64{}}
		for range 1 + rng.IntN(3) {
			y := start + rng.IntN(n+3) - 1
			if rng.IntN(3) == 0 {
				y = start + n + 5 + rng.IntN(15) // far out
			}
			p.Values[y] = mag * math.Pow(10, rng.Float64()*3-1)
		}
		series = append(series, p)
	}
	return series
}

// The chart rules over generated series, at sizes from small to large:
// every actual lands at its year's column within half a row of its
// value; no nonzero actual sits on the zero row; consecutive actuals
// that differ by 5% or more are on different rows or written out; only
// actuals set the axes and plans outside them are listed; ticks are 1-2-5
// steps of at most two significant digits, whole for counts; no line or
// label is wider than its room; and no legend glyph means two things.
func TestYearsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 2025))
	sizes := [][2]int{{40, 8}, {60, 12}, {80, 16}, {120, 24}, {200, 40}}
	drawn := 0
	for i := range 1000 {
		series := gen(rng)
		sz := sizes[i%len(sizes)]
		out := Years(series, Options{Width: sz[0], Height: sz[1]})
		name := fmt.Sprintf("case %d %dx%d %v", i, sz[0], sz[1], series)
		lines := strings.Split(out, "\n")
		if len(lines) > sz[1] {
			t.Fatalf("%s: %d lines for height %d:\n%s", name, len(lines), sz[1], out)
		}
		for _, l := range lines {
			if w := cells.Width(l); w > sz[0] {
				t.Fatalf("%s: a line %d wide:\n%s", name, w, out)
			}
		}
		if out == "" {
			if sz[0] >= 60 && sz[1] >= 12 {
				t.Fatalf("%s: nothing drawn", name)
			}
			continue
		}
		drawn++
		checkYears(t, name, series, out)
	}
	if drawn < 750 {
		t.Errorf("only %d of 1000 charts drawn", drawn)
	}
}

func checkYears(t *testing.T, name string, series []Series, out string) {
	t.Helper()
	r := charttest.Read(t, out, 4)
	act := series[0]
	years := slices.Sorted(maps.Keys(act.Values))
	amax := 0.0
	for _, v := range act.Values {
		amax = math.Max(amax, v)
	}
	// Ticks: 1-2-5 steps, two significant digits, whole for counts.
	rows := slices.Sorted(maps.Keys(r.Ticks))
	whole := true
	for _, v := range act.Values {
		whole = whole && v == math.Trunc(v)
	}
	for i, row := range rows {
		v := r.Ticks[row]
		if !twoDigits(v) {
			t.Errorf("%s: tick %q has more than two significant digits:\n%s", name, r.Labels[row], r.Text)
		}
		if whole && v != math.Trunc(v) {
			t.Errorf("%s: fractional tick %q for whole numbers:\n%s", name, r.Labels[row], r.Text)
		}
		if i > 0 {
			step := r.Ticks[rows[i-1]] - v
			m := step / math.Pow(10, math.Floor(math.Log10(step)+1e-9))
			if !slices.ContainsFunc([]float64{1, 2, 5}, func(x float64) bool { return math.Abs(x-m) < 1e-6*x }) {
				t.Errorf("%s: tick step %v is not 1, 2 or 5 times a power of ten:\n%s", name, step, r.Text)
			}
		}
	}
	// No label wider than its slot: year labels a cell apart at least,
	// tick labels left of the axis.
	cols := slices.Sorted(maps.Values(r.Slots))
	for i := 1; i < len(cols); i++ {
		if cols[i]-cols[i-1] < 5 {
			t.Errorf("%s: year labels %d cells apart:\n%s", name, cols[i]-cols[i-1], r.Text)
		}
	}
	for row, l := range r.Labels {
		if cells.Width(l) > r.AxisCol-1 {
			t.Errorf("%s: tick label %q on row %d runs into the axis:\n%s", name, l, row, r.Text)
		}
	}
	// Only actuals set the axes.
	if top := r.Ticks[rows[0]]; amax > 0 && top > 2.5*amax+1 {
		t.Errorf("%s: axis top %v for actuals up to %v:\n%s", name, top, amax, r.Text)
	}
	for l := range r.Slots {
		y, _ := charttest.YearIdx(l)
		if y < years[0]-2 || y > years[len(years)-1]+2 {
			t.Errorf("%s: year %d on the axis, beyond the actuals' years and two more:\n%s", name, y, r.Text)
		}
	}
	zero := r.ZeroRow()
	rowOf := map[int]int{}
	for _, y := range years {
		c, ok := r.ColOf(t, charttest.YearIdx, y)
		if !ok {
			t.Fatalf("%s: no column for %d:\n%s", name, y, r.Text)
		}
		row := r.MarkerRow(c, '●')
		if row < 0 {
			t.Fatalf("%s: no marker for %d at column %d:\n%s", name, y, c, r.Text)
		}
		rowOf[y] = row
		v := act.Values[y]
		got, half := r.RowValue(t, row)
		if math.Abs(got-v) > half*(1+1e-9) {
			t.Errorf("%s: %d (%v) drawn on the row of %v, more than half a row (%v) away:\n%s", name, y, v, got, half, r.Text)
		}
		if v != 0 && row == zero {
			t.Errorf("%s: %d (%v) drawn on the zero row:\n%s", name, y, v, r.Text)
		}
	}
	for _, y := range years {
		if _, ok := act.Values[y+1]; !ok {
			continue
		}
		if differs(act.Values[y], act.Values[y+1]) && rowOf[y] == rowOf[y+1] {
			for _, yy := range []int{y, y + 1} {
				if !strings.Contains(r.Text, act.label(yy)) {
					t.Errorf("%s: %d and %d differ by 5%% or more on one row, and %s is not written out:\n%s", name, y, y+1, act.label(yy), r.Text)
				}
			}
		}
	}
	// A lone year is written out.
	for _, y := range years {
		_, prev := act.Values[y-1]
		_, next := act.Values[y+1]
		if !prev && !next && !strings.Contains(r.Text, act.label(y)) {
			t.Errorf("%s: lone year %d without its value %s:\n%s", name, y, act.label(y), r.Text)
		}
	}
	// Plans outside the years are listed with their arrow (or counted
	// among those cut for room).
	for _, s := range series[1:] {
		for y := range s.Values {
			if y > years[len(years)-1]+2 && !strings.Contains(r.Text, fmt.Sprintf("→ %d", y)) && !strings.Contains(r.Text, "more") {
				t.Errorf("%s: plan %d beyond the chart not listed:\n%s", name, y, r.Text)
			}
		}
	}
	for g, words := range legendGlyphs(r.Text) {
		if len(words) > 1 {
			t.Errorf("%s: legend glyph %q means %v:\n%s", name, g, slices.Collect(maps.Keys(words)), r.Text)
		}
	}
}
