package chart

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"corridor/tui/components/cells"
)

// maxMonthStep keeps a months chart compact on wide screens.
const maxMonthStep = 6

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// YearMonths is one year's year-to-date figures: the cumulative value
// from January through each month a source gives.
type YearMonths struct {
	Year int
	// Values maps the last month covered (1–12) to the total since January.
	Values map[int]float64
	// Labels print a month's value with its qualifier and marks, as
	// Series.Labels do.
	Labels map[int]string
}

func (y YearMonths) label(m int) string {
	if l, ok := y.Labels[m]; ok {
		return l
	}
	return Series{Values: y.Values}.label(m)
}

// Months draws year-to-date figures against the months of the year: the
// latest year (GlyphActual) against the year before it (GlyphPrevious,
// or the latest earlier year there are figures for), the chart analysts
// read as "this year against last year". Part-year totals are never put
// on a line with full years, so this is a chart of its own. The rules
// of Years hold: markers at their month's column, joins only between
// consecutive months, values written out where the rows cannot show
// them. unit is the short unit ("t"). "" when there is no room or no
// figure.
func Months(years []YearMonths, unit string, o Options) string {
	return strings.Join(monthLines(years, unit, o), "\n")
}

func monthLines(years []YearMonths, unit string, o Options) []string {
	if o.Width < minWidth || o.Height < minHeight {
		return nil
	}
	years = slices.DeleteFunc(slices.Clone(years), func(y YearMonths) bool { return len(y.Values) == 0 })
	if len(years) == 0 {
		return nil
	}
	slices.SortFunc(years, func(a, b YearMonths) int { return b.Year - a.Year })
	years = years[:min(len(years), 2)]
	var pts []point
	var pairs [][2]int
	for yi, y := range years {
		for _, m := range slices.Sorted(maps.Keys(y.Values)) {
			if m < 1 || m > 12 {
				continue
			}
			if n := len(pts); n > 0 && pts[n-1].s == yi && pts[n-1].slot == m-1 {
				pairs = append(pairs, [2]int{n - 1, n})
			}
			pts = append(pts, point{yi, m, y.Values[m]})
		}
	}
	if len(pts) == 0 {
		return nil
	}
	vals := make([]float64, len(pts))
	for i, p := range pts {
		vals[i] = p.v
	}
	glyphs := []string{GlyphActual, GlyphPrevious}
	sts := []uint8{stActual, stPrevious}
	return compose(o, func(width, rows int) (parts, bool) {
		if rows < minRows {
			return parts{}, false
		}
		ax, clash, ok := solveY(vals, pairs, rows)
		if !ok {
			return parts{}, false
		}
		p := newPlot(ax, 12, 3, []int{1, 2, 3, 6, 12}, width, maxMonthStep)
		if p == nil {
			return parts{}, false
		}
		p.xLabels(func(i int) (string, bool) { return monthNames[i], i%p.x.every == 0 })
		for _, q := range pts {
			p.mark(q.slot-1, q.v, glyphs[q.s], sts[q.s])
		}
		for _, pr := range pairs {
			if !clash[pr[0]] {
				a, b := pts[pr[0]], pts[pr[1]]
				p.join(a.slot-1, a.v, b.slot-1, b.v, sts[a.s])
			}
		}
		var notes []note
		for i, q := range pts {
			prev := i > 0 && pts[i-1].s == q.s && pts[i-1].slot == q.slot-1
			next := i+1 < len(pts) && pts[i+1].s == q.s && pts[i+1].slot == q.slot+1
			if (prev || next) && !clash[i] {
				continue
			}
			y := years[q.s]
			if !p.label(q.slot-1, q.v, y.label(q.slot)) {
				period := "Jan"
				if q.slot > 1 {
					period += "–" + monthNames[q.slot-1]
				}
				notes = append(notes, note{glyph: glyphs[q.s], st: sts[q.s], slot: y.Year*12 + q.slot, period: period + " " + strconv.Itoa(y.Year), text: withUnit(y.label(q.slot), unit)})
			}
		}
		var lg []item
		for yi, y := range years {
			lg = append(lg, item{o.Styles.paint(sts[yi], glyphs[yi]) + " " + strconv.Itoa(y.Year), 2 + len(strconv.Itoa(y.Year))})
		}
		text := "total since January"
		if unit != "" {
			text += " (" + unit + ")"
		}
		lg = append(lg, item{o.Styles.paint(stNote, text), cells.Width(text)})
		if ax.broken() {
			lg = append(lg, breakItem(ax, o.Styles))
		}
		slices.SortStableFunc(notes, func(a, b note) int { return a.slot - b.slot })
		return parts{plot: p.g.lines(o.Styles), width: p.width(), legend: lg, notes: notes}, true
	})
}
