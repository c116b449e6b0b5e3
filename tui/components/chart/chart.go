// Package chart draws corridor's charts with its own small plotter: year
// charts (Years), year-to-date charts by month (Months), horizontal bars,
// sparklines over shared years, and Gantt bars by status. Every function
// is pure, takes its size and returns lines no wider than that size, so
// tabs can cache the result until their inputs change.
//
// The rules an honest chart keeps, each held by a test in this package:
//   - only actual figures set the axes; a plan (forecast, target,
//     capacity) outside the frame is listed with an arrow and its value;
//   - no nonzero value is drawn on the zero row, and consecutive actuals
//     that differ by 5% or more are on different rows or labelled;
//   - every actual is a marker at its period's column, within half a row
//     of its value; lines only join consecutive periods, as a visual join;
//   - ticks are 1-2-5 steps with at most two significant digits;
//   - one glyph means one thing in every legend, in colour or not, and
//     in --ascii (see Glyphs).
package chart

import (
	"strings"

	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/styles"
)

// The glyphs a chart draws with. Each means one thing wherever it is
// shown; cells.ASCII maps each to an ASCII character no other legend
// glyph or figure mark maps to (TestGlyphsAreUnique).
const (
	GlyphActual   = "●" // an actual figure at its period's column
	GlyphPrevious = "○" // on a months chart: the earlier year's actual
	GlyphForecast = "·"
	GlyphTarget   = "+"
	GlyphCapacity = "="
	GlyphBreak    = "≈" // the value axis does not start at zero
	GlyphBeyond   = "→" // a plan after the chart's years
	GlyphBefore   = "←" // a plan before the chart's years
	GlyphAbove    = "↑" // a plan above the chart's values
	GlyphBelow    = "↓" // a plan below the chart's values
)

// Glyph is the marker a series of kind k is drawn with.
func Glyph(k model.Kind) string {
	switch k {
	case model.Forecast:
		return GlyphForecast
	case model.Target:
		return GlyphTarget
	case model.Capacity:
		return GlyphCapacity
	}
	return GlyphActual
}

// kindName is the legend's word for a kind.
func kindName(k model.Kind) string {
	if t := model.KindTag(k); t != "" {
		return t
	}
	return "actual"
}

// Styles colour a chart. Colour only repeats what a glyph already says.
type Styles struct {
	Axis     lipgloss.Style // axis lines, ticks and their labels
	Actual   lipgloss.Style
	Previous lipgloss.Style // the earlier year on a months chart
	Forecast lipgloss.Style
	Target   lipgloss.Style
	Capacity lipgloss.Style
	Note     lipgloss.Style // value labels, listed plans, the key
	// ASCII draws for --ascii where cells.ASCII's one-for-one mapping
	// would make a glyph read as something else.
	ASCII bool
}

// StylesFrom takes a chart's styles from the program's.
func StylesFrom(s *styles.Styles) Styles {
	return Styles{
		Axis:     s.Muted,
		Actual:   s.Accent,
		Previous: s.Value,
		Forecast: s.Forecast,
		Target:   s.Target,
		Capacity: s.Capacity,
		Note:     s.Muted,
		ASCII:    s.ASCII,
	}
}

// Options size a chart. Height counts every line drawn: plot, x axis,
// legend, listed plans and the key.
type Options struct {
	Width, Height int
	Styles        Styles
}

// Series is one kind of figure by calendar year, as one line of a chart.
type Series struct {
	Kind model.Kind
	// Unit is printed after listed values: "t", "TEU/yr".
	Unit   string
	Values map[int]float64
	// Labels print a year's value where the chart writes it out (a lone
	// point, a listed plan) with its qualifier: "~2.5M". A missing label
	// prints the number.
	Labels map[int]string
	// Marks follow a year's value wherever it is written: "≠".
	Marks map[int]string
}

// value is a year's value with its qualifier: "~2.5M".
func (s Series) value(year int) string {
	if l, ok := s.Labels[year]; ok {
		return l
	}
	return model.FormatNumber(s.Values[year])
}

// label is a year's value as written on the plot: "~2.5M≠".
func (s Series) label(year int) string { return s.value(year) + s.Marks[year] }

// noted is a year's value as listed: "6M t/yr≠".
func (s Series) noted(year int) string { return withUnit(s.value(year), s.Unit) + s.Marks[year] }

// cell styles on a grid.
const (
	stNone uint8 = iota
	stAxis
	stActual
	stPrevious
	stForecast
	stTarget
	stCapacity
	stNote
)

func kindStyle(k model.Kind) uint8 {
	switch k {
	case model.Forecast:
		return stForecast
	case model.Target:
		return stTarget
	case model.Capacity:
		return stCapacity
	}
	return stActual
}

func (s Styles) of(st uint8) *lipgloss.Style {
	switch st {
	case stAxis:
		return &s.Axis
	case stActual:
		return &s.Actual
	case stPrevious:
		return &s.Previous
	case stForecast:
		return &s.Forecast
	case stTarget:
		return &s.Target
	case stCapacity:
		return &s.Capacity
	case stNote:
		return &s.Note
	}
	return nil
}

// paint renders text in a cell style.
func (s Styles) paint(st uint8, text string) string {
	if p := s.of(st); p != nil && text != "" {
		return p.Render(text)
	}
	return text
}

// grid is a w×h field of cells, row 0 at the top.
type grid struct {
	w, h int
	r    [][]rune
	st   [][]uint8
}

func newGrid(w, h int) *grid {
	g := &grid{w: w, h: h, r: make([][]rune, h), st: make([][]uint8, h)}
	for y := range h {
		g.r[y] = []rune(strings.Repeat(" ", w))
		g.st[y] = make([]uint8, w)
	}
	return g
}

func (g *grid) in(x, y int) bool { return x >= 0 && x < g.w && y >= 0 && y < g.h }

func (g *grid) set(x, y int, r rune, st uint8) {
	if g.in(x, y) {
		g.r[y][x], g.st[y][x] = r, st
	}
}

func (g *grid) at(x, y int) rune {
	if !g.in(x, y) {
		return 0
	}
	return g.r[y][x]
}

// free reports whether n cells from x on row y are inside and blank.
func (g *grid) free(x, y, n int) bool {
	for i := range n {
		if g.at(x+i, y) != ' ' {
			return false
		}
	}
	return true
}

func (g *grid) put(x, y int, s string, st uint8) {
	for i, r := range []rune(s) {
		g.set(x+i, y, r, st)
	}
}

// lines renders the grid row by row, one styled run per stretch of
// cells in the same style, trailing blanks dropped.
func (g *grid) lines(s Styles) []string {
	out := make([]string, g.h)
	var b strings.Builder
	for y := range g.h {
		end := g.w
		for end > 0 && g.r[y][end-1] == ' ' {
			end--
		}
		b.Reset()
		eff := func(x int) uint8 {
			if g.r[y][x] == ' ' {
				return stNone
			}
			return g.st[y][x]
		}
		for x := 0; x < end; {
			st := eff(x)
			j := x + 1
			for j < end && eff(j) == st {
				j++
			}
			b.WriteString(s.paint(st, string(g.r[y][x:j])))
			x = j
		}
		out[y] = b.String()
	}
	return out
}
