package chart

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"corridor/model"
)

// The smallest chart worth drawing, and the year axis's label width and
// widest spacing (wider charts leave the room to their legend).
const (
	minWidth    = 20
	minHeight   = 6
	minRows     = 3
	yearLabelW  = 4
	maxYearStep = 12
)

// point is one drawn value: series s, slot (year or month) and value.
type point struct {
	s, slot int
	v       float64
}

// note is an item listed beside or under a chart: a plan outside the
// frame or a value there was no room to write beside its marker, as
// "→ 2030 fcst 11M t". Notes are listed in slot order.
type note struct {
	glyph  string
	st     uint8
	slot   int
	period string
	text   string
	span   int // further consecutive years merged into this note
}

// Years draws series against calendar years, with its legend, the plans
// it lists and the key, in at most o.Height lines of o.Width cells; ""
// when there is no room.
//
// The frame is the actual figures' years, widened by up to two years to
// take in plans near them; plans outside it, or beyond the values the
// actuals span, are listed with an arrow, and the key shows the whole
// horizon. Only actuals set the value axis (see solveY). Every actual is
// a marker at its year's column; a line joins two consecutive years of
// one series, and a lone year, or a pair the rows cannot tell apart, is
// labelled with its value. With no actual figure there is no plot: the
// plans are listed.
func Years(series []Series, o Options) string {
	return strings.Join(yearLines(series, o), "\n")
}

func yearLines(series []Series, o Options) []string {
	if o.Width < minWidth || o.Height < 2 {
		return nil
	}
	lo, hi, ok := yearFrame(series)
	if !ok {
		return planList(series, o)
	}
	if o.Height < minHeight {
		return nil
	}
	var pts []point
	var pairs [][2]int
	for si, s := range series {
		if s.Kind != model.Actual {
			continue
		}
		for _, y := range slices.Sorted(maps.Keys(s.Values)) {
			if n := len(pts); n > 0 && pts[n-1].s == si && pts[n-1].slot == y-1 {
				pairs = append(pairs, [2]int{n - 1, n})
			}
			pts = append(pts, point{si, y, s.Values[y]})
		}
	}
	return compose(o, func(width, rows int) (parts, bool) {
		return drawYears(series, pts, pairs, lo, hi, o.Styles, width, rows)
	})
}

// yearFrame is the actual figures' years, widened by up to two years on
// either side to take in plans, and to three years at least.
func yearFrame(series []Series) (lo, hi int, ok bool) {
	a0, a1 := 0, 0
	for _, s := range series {
		if s.Kind != model.Actual {
			continue
		}
		for y := range s.Values {
			if !ok || y < a0 {
				a0 = y
			}
			if !ok || y > a1 {
				a1 = y
			}
			ok = true
		}
	}
	if !ok {
		return 0, 0, false
	}
	lo, hi = a0, a1
	for _, s := range series {
		if s.Kind == model.Actual {
			continue
		}
		for y := range s.Values {
			if y >= a0-2 && y < lo {
				lo = y
			}
			if y <= a1+2 && y > hi {
				hi = y
			}
		}
	}
	if hi-lo < 2 {
		lo, hi = lo-1, hi+1
	}
	return lo, hi, true
}

// drawYears draws the plot in width cells and at most rows plot rows,
// with what goes beside or under it.
func drawYears(series []Series, pts []point, pairs [][2]int, lo, hi int, st Styles, width, rows int) (parts, bool) {
	if rows < minRows {
		return parts{}, false
	}
	vals := make([]float64, len(pts))
	for i, p := range pts {
		vals[i] = p.v
	}
	ax, clash, ok := solveY(vals, pairs, rows)
	if !ok {
		return parts{}, false
	}
	p := newPlot(ax, hi-lo+1, yearLabelW, []int{1, 2, 5, 10, 20, 50}, width, maxYearStep)
	if p == nil {
		return parts{}, false
	}
	p.xLabels(func(i int) (string, bool) {
		y := lo + i
		return strconv.Itoa(y), y%p.x.every == 0
	})
	var notes []note
	// Actual markers, then the joins between consecutive years that the
	// rows tell apart, then plans, then value labels where needed.
	for _, q := range pts {
		p.mark(q.slot-lo, q.v, GlyphActual, stActual)
	}
	for _, pr := range pairs {
		if !clash[pr[0]] {
			p.join(pts[pr[0]].slot-lo, pts[pr[0]].v, pts[pr[1]].slot-lo, pts[pr[1]].v, stActual)
		}
	}
	for _, s := range series {
		if s.Kind == model.Actual {
			continue
		}
		g, st := Glyph(s.Kind), kindStyle(s.Kind)
		for _, y := range slices.Sorted(maps.Keys(s.Values)) {
			v := s.Values[y]
			n := note{st: st, slot: y, period: strconv.Itoa(y), text: kindName(s.Kind) + " " + s.noted(y)}
			switch {
			case y < lo:
				n.glyph = GlyphBefore
			case y > hi:
				n.glyph = GlyphBeyond
			case v > ax.top() && !ax.contains(v):
				n.glyph = GlyphAbove
			case !ax.contains(v):
				n.glyph = GlyphBelow
			case !p.markPlan(y-lo, v, g, st):
				n.glyph = g // an actual's marker holds the cell
			}
			if n.glyph != "" {
				notes = append(notes, n)
			}
		}
	}
	for i, q := range pts {
		prev := i > 0 && pts[i-1].s == q.s && pts[i-1].slot == q.slot-1
		next := i+1 < len(pts) && pts[i+1].s == q.s && pts[i+1].slot == q.slot+1
		if (prev || next) && !clash[i] {
			continue // on a line, and told apart from its neighbours
		}
		s := series[q.s]
		if !p.label(q.slot-lo, q.v, s.label(q.slot)) {
			notes = append(notes, note{glyph: GlyphActual, st: stActual, slot: q.slot, period: strconv.Itoa(q.slot), text: s.noted(q.slot)})
		}
	}
	return parts{
		plot:   p.g.lines(st),
		width:  p.width(),
		legend: legend(series, ax, st),
		notes:  mergeYears(notes),
		key:    newHorizon(series, lo, hi),
	}, true
}

func withUnit(v, unit string) string {
	if unit == "" {
		return v
	}
	return v + " " + unit
}
