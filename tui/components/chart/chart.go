// Package chart draws corridor's charts: year-axis line charts (through
// asciigraph), horizontal bars, sparklines and Gantt bars. Every function
// is pure, takes its size and returns lines no wider than that size, so
// tabs can cache the result until data or size changes.
package chart

import (
	"cmp"
	"corridor/tui/components/cells"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/guptarohit/asciigraph"
)

// Series is one line on a year chart. Plan series (capacity, target,
// forecast) are drawn with their own glyph (see Glyph) so they never read
// as actuals, or as each other, even without colour.
type Series struct {
	Name   string
	Values map[int]float64
	// Glyph draws a plan series with one character; empty draws the solid
	// box-drawing line used for actuals.
	Glyph string
	Color asciigraph.AnsiColor
}

// LineOptions configure a year chart.
type LineOptions struct {
	Width, Height int
	// Format prints y-axis labels.
	Format func(float64) string
	Axis   asciigraph.AnsiColor
}

// Years draws series against calendar years on the x axis. A year with
// no figure leaves a gap: the line is only drawn between consecutive years
// that both have one, so nothing is interpolated across missing data. The
// x axis has a tick on every year's column and a label where it fits.
func Years(series []Series, o LineOptions) string {
	// Plan series first so the actual line is drawn over them where they
	// cross: an actual must never be hidden behind a forecast.
	series = slices.Clone(series)
	slices.SortStableFunc(series, func(a, b Series) int {
		return cmp.Compare(boolInt(a.Glyph == ""), boolInt(b.Glyph == ""))
	})
	lo, hi := math.MaxInt, math.MinInt
	for _, s := range series {
		for y := range s.Values {
			lo, hi = min(lo, y), max(hi, y)
		}
	}
	if lo > hi || o.Width < 12 || o.Height < 5 {
		return ""
	}
	if hi-lo < 2 {
		// One or two years: widen the axis so the points are not squeezed
		// against it. No data is added.
		lo, hi = lo-1, hi+1
	}
	format := o.Format
	if format == nil {
		format = func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
	}
	minV, maxV := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s.Values {
			minV, maxV = math.Min(minV, v), math.Max(maxV, v)
		}
	}
	minV = math.Min(minV, 0)
	// asciigraph pads y labels to the widest; estimate it from the
	// extremes and the midpoint. A label it prints between those can be
	// wider: then the chart overflows, and is drawn again narrower.
	labelW := max(len(format(minV)), len(format(maxV)), len(format((minV+maxV)/2))) + 1
	for try := 0; ; try++ {
		plot := plotYears(series, o, lo, hi, minV, format, o.Width-labelW-4)
		if plot == "" {
			return ""
		}
		over := 0
		for l := range strings.SplitSeq(plot, "\n") {
			over = max(over, cells.Width(l)-o.Width)
		}
		if over == 0 || try == 1 {
			return cells.Fit(plot, o.Width, o.Height)
		}
		labelW += over
	}
}

// plotYears plots years lo..hi over at most cols columns right of the y
// axis, one tick per year; "" when a year cannot have a column.
func plotYears(series []Series, o LineOptions, lo, hi int, minV float64, format func(float64) string, cols int) string {
	span := hi - lo
	step := max((cols-1)/span, 1)
	if span*step+1 > cols {
		return ""
	}
	n := span*step + 1
	data := make([][]float64, 0, len(series))
	chars := make([]asciigraph.CharSet, 0, len(series))
	colors := make([]asciigraph.AnsiColor, 0, len(series))
	for _, s := range series {
		row := make([]float64, n)
		for i := range row {
			row[i] = math.NaN()
		}
		for y, v := range s.Values {
			row[(y-lo)*step] = v
			if next, ok := s.Values[y+1]; ok {
				for k := 1; k < step; k++ {
					row[(y-lo)*step+k] = v + (next-v)*float64(k)/float64(step)
				}
			}
		}
		data = append(data, row)
		cs := asciigraph.DefaultCharSet
		if s.Glyph != "" {
			cs = asciigraph.CreateCharSet(s.Glyph)
		}
		chars = append(chars, cs)
		colors = append(colors, s.Color)
	}
	return asciigraph.PlotMany(data,
		// asciigraph draws Height+1 rows; two more go to the x axis.
		asciigraph.Height(max(o.Height-3, 2)),
		asciigraph.LowerBound(minV),
		asciigraph.SeriesChars(chars...),
		asciigraph.SeriesColors(colors...),
		asciigraph.AxisColor(o.Axis),
		asciigraph.LabelColor(o.Axis),
		asciigraph.YAxisValueFormatter(format),
		// One tick per year: with span+1 ticks over span*step+1 columns,
		// tick i lands on column i*step, exactly where year lo+i is
		// plotted. asciigraph leaves out a label that would touch the one
		// before it.
		asciigraph.XAxisRange(float64(lo), float64(hi)),
		asciigraph.XAxisTickCount(span+1),
		asciigraph.XAxisValueFormatter(func(v float64) string { return strconv.Itoa(int(math.Round(v))) }),
	)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Bar is one row of a bar chart.
type Bar struct {
	Label string
	Value float64
	// Text is printed after the bar (the formatted value and marks).
	Text string
	Plan bool
}

// Bars draws horizontal bars scaled to the largest value. Plan bars use a
// light shade so they differ from actuals without colour.
func Bars(bars []Bar, width int, solid, plan func(...string) string) []string {
	labelW, textW := 0, 0
	maxV := 0.0
	for _, b := range bars {
		labelW = max(labelW, cells.Width(b.Label))
		textW = max(textW, cells.Width(b.Text))
		maxV = math.Max(maxV, b.Value)
	}
	barW := width - labelW - textW - 3
	lines := make([]string, 0, len(bars))
	for _, b := range bars {
		n := 0
		if maxV > 0 && barW > 0 {
			n = int(math.Round(b.Value / maxV * float64(barW)))
		}
		glyph, paint := "█", solid
		if b.Plan {
			glyph, paint = "░", plan
		}
		bar := strings.Repeat(glyph, max(n, 0))
		line := pad(b.Label, labelW) + " " + paint(bar) + strings.Repeat(" ", max(barW-n, 0)) + " " + b.Text
		lines = append(lines, cells.Truncate(line, width, "…"))
	}
	return lines
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(w-cells.Width(s), 0))
}

// Spark draws values as a one-line sparkline; NaN leaves a blank cell.
func Spark(values []float64) string {
	const ticks = "▁▂▃▄▅▆▇█"
	runes := []rune(ticks)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	var b strings.Builder
	for _, v := range values {
		switch {
		case math.IsNaN(v):
			b.WriteByte(' ')
		case hi == lo:
			b.WriteRune(runes[3])
		default:
			b.WriteRune(runes[int(math.Round((v-lo)/(hi-lo)*float64(len(runes)-1)))])
		}
	}
	return b.String()
}

// Gantt draws a start→end bar on a scale from lo to hi (years, fractional
// for months) in width cells. Years up to now are solid, later ones light;
// an unknown end draws an open arrow.
func Gantt(start, end, now, lo, hi float64, width int, hasStart, hasEnd bool) string {
	if width <= 0 || hi <= lo {
		return strings.Repeat(" ", max(width, 0))
	}
	col := func(v float64) int {
		return max(0, min(width-1, int(math.Round((v-lo)/(hi-lo)*float64(width-1)))))
	}
	cells := []rune(strings.Repeat(" ", width))
	nowC := col(now)
	if now >= lo && now <= hi {
		cells[nowC] = '┊'
	}
	if !hasStart && !hasEnd {
		return string(cells)
	}
	s, e := start, end
	if !hasStart {
		s = end
	}
	if !hasEnd {
		e = start
	}
	a, z := col(s), col(e)
	for i := a; i <= z; i++ {
		if float64(i) <= float64(nowC) {
			cells[i] = '█'
		} else {
			cells[i] = '░'
		}
	}
	if !hasEnd && z+1 < width {
		cells[z+1] = '▸'
	}
	if !hasStart && a > 0 {
		cells[a-1] = '◂'
	}
	return string(cells)
}
