package chart

import (
	"cmp"
	"math"
	"slices"

	"corridor/model"
)

// yAxis maps values to rows: row r (0 at the bottom) stands for
// lo + r·step/k, and every k-th row carries a tick label, so each label
// sits exactly on the row of its value.
type yAxis struct {
	// lo is zero or a round value: the first tick of an axis that starts
	// above zero may sit between two steps (500k, 1.5M, 2.5M).
	lo     float64
	step   float64
	nsteps int
	k      int // rows per step
}

func (a yAxis) rows() int           { return a.nsteps*a.k + 1 }
func (a yAxis) rowValue() float64   { return a.step / float64(a.k) }
func (a yAxis) tick(i int) float64  { return a.lo + float64(i)*a.step }
func (a yAxis) top() float64        { return a.tick(a.nsteps) }
func (a yAxis) broken() bool        { return a.lo > 0 }
func (a yAxis) rowOf(v float64) int { return int(math.Round((v - a.lo) / a.rowValue())) }

// contains reports whether v has a row on the axis.
func (a yAxis) contains(v float64) bool {
	r := a.rowOf(v)
	return r >= 0 && r < a.rows()
}

// zeroRow is the row of zero when the axis includes it.
func (a yAxis) zeroRow() (int, bool) {
	if a.lo > 0 || a.top() < 0 {
		return 0, false
	}
	return a.rowOf(0), true
}

// tickLabel prints a tick value.
func tickLabel(v float64) string { return model.FormatNumber(v) }

// twoDigits reports whether v has at most two significant digits.
func twoDigits(v float64) bool {
	if v == 0 {
		return true
	}
	m := math.Abs(v) / math.Pow(10, math.Floor(math.Log10(math.Abs(v)))-1)
	return math.Abs(m-math.Round(m)) < 1e-6*m
}

// differs reports whether b changed from a by 5% or more: a change the
// chart must show, by rows or by labels.
func differs(a, b float64) bool {
	if a == 0 {
		return b != 0
	}
	return math.Abs(b-a) >= 0.05*math.Abs(a)
}

// maxRowsPerStep keeps a tick label at least every fourth row.
const maxRowsPerStep = 4

// solveY picks the value axis for vals drawn in at most maxRows rows.
// pairs are consecutive points that a reader compares. It prefers a
// zero-based axis on which no nonzero value sits on the zero row and
// every pair that differs by 5% or more lands on different rows; failing
// that, an axis starting above zero (marked as broken) that separates
// them; failing that, the axis with the fewest pairs left together,
// whose points are returned in clash to be labelled with their values.
// Whole-number data (counts) never get fractional ticks.
func solveY(vals []float64, pairs [][2]int, maxRows int) (ax yAxis, clash map[int]bool, ok bool) {
	if len(vals) == 0 || maxRows < 2 {
		return yAxis{}, nil, false
	}
	vmin, vmax := math.Inf(1), math.Inf(-1)
	whole := true
	for _, v := range vals {
		vmin, vmax = math.Min(vmin, v), math.Max(vmax, v)
		whole = whole && v == math.Trunc(v)
	}
	mag := math.Max(math.Abs(vmin), math.Abs(vmax))
	if mag == 0 {
		mag = 1
	}
	type cand struct {
		ax    yAxis
		zero  bool
		pairs int
		clash map[int]bool
	}
	var best [3]*cand // zero-based clean, broken clean, fallback
	better := func(a, b *cand) bool {
		if b == nil {
			return true
		}
		if a.pairs != b.pairs {
			return a.pairs < b.pairs
		}
		if c := cmp.Compare(a.ax.rowValue(), b.ax.rowValue()); c != 0 {
			return c < 0
		}
		// Same resolution: the tighter frame, then the zero-based one.
		if c := cmp.Compare(a.ax.top()-a.ax.lo, b.ax.top()-b.ax.lo); c != 0 {
			return c < 0
		}
		return a.zero && !b.zero
	}
	e0 := int(math.Floor(math.Log10(mag)))
	for e := e0 - 4; e <= e0+1; e++ {
		for _, m := range []float64{1, 2, 5} {
			step := m * math.Pow(10, float64(e))
			if whole && step < 1 {
				continue
			}
			// Zero-based (or from a multiple of the step below zero), then
			// from the highest multiple of the step, or of a half, a
			// quarter, a fifth or a tenth of it, under the smallest value.
			los := []float64{math.Min(0, math.Floor(vmin/step+1e-9)*step)}
			for _, sub := range []float64{step, step / 2, step / 4, step / 5, step / 10} {
				if lo := math.Floor(vmin/sub+1e-9) * sub; lo > 0 && !slices.Contains(los, lo) {
					los = append(los, lo)
				}
			}
			for _, lo := range los {
				zero := lo <= 0
				nsteps := max(int(math.Ceil((vmax-lo)/step-1e-9)), 1)
				if nsteps > maxRows-1 {
					continue
				}
				a := yAxis{lo: lo, step: step, nsteps: nsteps, k: min((maxRows-1)/nsteps, maxRowsPerStep)}
				labels := true
				for i := 0; i <= nsteps && labels; i++ {
					labels = twoDigits(a.tick(i))
				}
				if !labels {
					continue
				}
				c := &cand{ax: a, zero: zero, clash: map[int]bool{}}
				rows := make([]int, len(vals))
				for i, v := range vals {
					rows[i] = a.rowOf(v)
				}
				if zr, has := a.zeroRow(); has {
					onZero := false
					for i, v := range vals {
						onZero = onZero || (v != 0 && rows[i] == zr)
					}
					if onZero {
						continue
					}
				}
				for _, p := range pairs {
					if rows[p[0]] == rows[p[1]] && differs(vals[p[0]], vals[p[1]]) {
						c.pairs++
						c.clash[p[0]], c.clash[p[1]] = true, true
					}
				}
				slot := 2
				if c.pairs == 0 && zero {
					slot = 0
				} else if c.pairs == 0 {
					slot = 1
				}
				if better(c, best[slot]) {
					best[slot] = c
				}
				if slot < 2 && better(c, best[2]) {
					best[2] = c
				}
			}
		}
	}
	for _, c := range best {
		if c != nil {
			return c.ax, c.clash, true
		}
	}
	return yAxis{}, nil, false
}

// xAxis places n slots (years, months) at columns c0, c0+step, ...
type xAxis struct {
	n, c0, step int
	every       int // label every n-th slot
}

func (x xAxis) col(i int) int { return x.c0 + i*x.step }

// layoutX spreads n slots from column c0, at most maxStep apart, so that
// a label labelW wide centred on the last slot still ends by column
// right. every lists the label strides to choose from, smallest first.
func layoutX(n, c0, right, labelW int, every []int, maxStep int) (xAxis, bool) {
	cmax := right - labelW/2
	if n < 1 || cmax < c0 {
		return xAxis{}, false
	}
	if n == 1 {
		return xAxis{n: 1, c0: (c0 + cmax) / 2, step: labelW + 1, every: 1}, true
	}
	step := min((cmax-c0)/(n-1), maxStep)
	if step < 1 {
		return xAxis{}, false
	}
	x := xAxis{n: n, c0: c0, step: step, every: every[len(every)-1]}
	for _, e := range every {
		if e*step >= labelW+1 {
			x.every = e
			break
		}
	}
	return x, true
}

// labelStart is where a label w wide centred on column c starts.
func labelStart(c, w int) int { return c - (w-1)/2 }
