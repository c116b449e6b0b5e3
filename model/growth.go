package model

import (
	"math"
	"strconv"
	"strings"
)

// Growth is a year-on-year change the program computed from two figures.
// It is always derived: no source stated it, so views label it as such.
type Growth struct {
	// Percent is (current/previous − 1) × 100.
	Percent           float64
	Current, Previous Observation
	// Approximate is set when either input is "about" (~).
	Approximate bool
	// Bound is set when an input is a bound (">1.3 Mt"): the growth is
	// then itself only a bound, AtLeast or AtMost, never a point.
	Bound Qualifier
}

// Derived is always true; it exists so call sites read as what they mean.
func (Growth) Derived() bool { return true }

// YoY computes growth of k at period p against the same months a year
// earlier (a year-to-date total against the year-to-date total to the
// same day, January-October against January-October), using each
// period's preferred figure: the best-standing source's most precise
// value, never a suspect one or a range. It refuses when either figure is
// missing or the previous value is zero. When a figure is a bound the
// growth is a bound too (see Growth.Bound), and when the bounds pull in
// opposite directions nothing can be said, so it refuses.
func (d *Dataset) YoY(k SeriesKey, p Period) (Growth, bool) {
	prev, ok := p.PrevYear()
	if !ok {
		return Growth{}, false
	}
	cur, ok1 := d.pointAt(k, p)
	old, ok2 := d.pointAt(k, prev)
	if !ok1 || !ok2 || old.Value <= 0 || cur.Value < 0 {
		return Growth{}, false
	}
	bound, ok := growthBound(cur.Qualifier, old.Qualifier)
	if !ok {
		return Growth{}, false
	}
	return Growth{
		Percent:     (cur.Value/old.Value - 1) * 100,
		Current:     cur,
		Previous:    old,
		Approximate: cur.Qualifier == About || old.Qualifier == About,
		Bound:       bound,
	}, true
}

// growthBound says what a growth rate computed from a current and a
// previous figure with these qualifiers can claim: a point (Exactly), a
// lower bound (AtLeast), an upper bound (AtMost), or nothing (false). A
// current value known only from below, over an exact base, grows at
// least as much; a base known only from below shrinks the rate.
func growthBound(cur, old Qualifier) (Qualifier, bool) {
	dir := func(q Qualifier) int {
		switch q {
		case MoreThan, AtLeast:
			return 1
		case LessThan, AtMost:
			return -1
		}
		return 0
	}
	switch c, o := dir(cur), -dir(old); {
	case c == 0 && o == 0:
		return Exactly, true
	case c >= 0 && o >= 0:
		return AtLeast, true
	case c <= 0 && o <= 0:
		return AtMost, true
	}
	return "", false
}

// pointAt is the preferred figure of k for exactly the months of p: the
// same year, first and last month and day, whether the source wrote the
// span as a month range or a year to date.
func (d *Dataset) pointAt(k SeriesKey, p Period) (Observation, bool) {
	if p.Exact() {
		for _, j := range d.series[k] {
			if o := d.Observations[j]; o.Plottable() && sameMonths(o.Period, p) {
				return o, true
			}
		}
	}
	return Observation{}, false
}

// sameMonths reports whether two exact periods cover the same months of
// the same year to the same day.
func sameMonths(a, b Period) bool {
	return a.Year == b.Year && a.From == b.From && a.To == b.To && a.Day == b.Day
}

// GrowthCheck sets a reported growth rate beside the rate computed from
// the figures it refers to.
type GrowthCheck struct {
	Reported Observation
	Computed Growth
	// Base is the series the computed growth came from.
	Base SeriesKey
	// Diff is reported − computed, in percentage points.
	Diff float64
	// OK is false when the two differ by more than the tolerance.
	OK bool
}

// GrowthTolerance is how far, in percentage points, a reported rate may be
// from the computed one before it is called a disagreement. Sources round
// both their totals ("4.6 million") and their rates, so exact agreement is
// not expected; on top of this tolerance the check allows for the rounding
// each figure shows (see statedHalfUnit).
const GrowthTolerance = 1.5

// GrowthChecks compares every reported year-on-year rate (metric X_growth,
// unit "% y/y") with the rate computed from X's actual values for the same
// subject and periods, wherever both figures exist. A rate agrees when the
// figures of some source support it, allowing for the rounding each figure
// shows: where sources disagree on the base year, the rate is checked
// against each, and the base disagreement itself is shown as a conflict.
// Bounds ("over 1.3 Mt") and ranges cannot refute a rate and are not used;
// a reported bound ("over 60%") agrees with any computed rate beyond it.
// A failed check names the reporting source's own figures if it gives
// them, else the preferred ones.
func (d *Dataset) GrowthChecks() []GrowthCheck {
	var out []GrowthCheck
	for _, o := range d.Observations {
		base, ok := GrowthOf(o.Metric)
		if !ok || o.Unit != "% y/y" || !o.Period.Exact() || o.Kind != Actual || o.IsRange() {
			continue
		}
		prev, ok := o.Period.PrevYear()
		if !ok {
			continue
		}
		for _, k := range d.Keys(o.Subject, base) {
			if k.Kind != Actual || strings.HasPrefix(k.Unit, "%") {
				continue
			}
			curs, olds := d.checkFigures(k, o.Period, o.Source), d.checkFigures(k, prev, o.Source)
			if len(curs) == 0 || len(olds) == 0 {
				continue
			}
			c := GrowthCheck{Reported: o, Base: k}
			for _, cur := range curs {
				for _, old := range olds {
					g, agrees := checkPair(o, cur, old)
					if c.Computed.Current.ID == "" || agrees {
						c.Computed, c.Diff, c.OK = g, o.Value-g.Percent, agrees
					}
					if agrees {
						break
					}
				}
				if c.OK {
					break
				}
			}
			if c.Computed.Current.ID != "" {
				out = append(out, c)
			}
			break
		}
	}
	return out
}

// checkPair computes the growth from old to cur and whether the reported
// rate agrees with it, given how far each figure was rounded.
func checkPair(reported, cur, old Observation) (Growth, bool) {
	if old.Value <= 0 {
		return Growth{}, false
	}
	g := Growth{Percent: (cur.Value/old.Value - 1) * 100, Current: cur, Previous: old,
		Approximate: cur.Qualifier != Exactly || old.Qualifier != Exactly}
	hc, ho := statedHalfUnit(cur.Value), statedHalfUnit(old.Value)
	lo := ((cur.Value-hc)/(old.Value+ho) - 1) * 100
	hi := ((cur.Value+hc)/math.Max(old.Value-ho, old.Value/2) - 1) * 100
	return g, reportedAgrees(reported, lo-GrowthTolerance, hi+GrowthTolerance)
}

// checkFigures lists the figures of k for p a growth check may use, the
// reporting source's own first, then in order of preference; never a
// suspect figure, a range or a bound.
func (d *Dataset) checkFigures(k SeriesKey, p Period, source string) []Observation {
	var own, rest []Observation
	for _, j := range d.byPeriod[periodKey{k, p.String()}] {
		o := d.Observations[j]
		switch {
		case o.Suspect() || o.IsRange() || o.Qualifier.Bound() || o.Value <= 0:
		case o.Source == source:
			own = append(own, o)
		default:
			rest = append(rest, o)
		}
	}
	return append(own, rest...)
}

// reportedAgrees reports whether the reported rate r, read with its own
// rounding and qualifier, meets the interval [lo, hi] the figures allow.
func reportedAgrees(r Observation, lo, hi float64) bool {
	h := statedHalfUnit(r.Value)
	rlo, rhi := r.Value-h, r.Value+h
	switch r.Qualifier {
	case MoreThan, AtLeast:
		rhi = math.Inf(1)
	case LessThan, AtMost:
		rlo = math.Inf(-1)
	}
	return rlo <= hi && lo <= rhi
}

// statedHalfUnit is half the unit of the last digit a figure is stated to:
// 2100000 ("2.1 million") may be anything from 2050000 to 2150000, 5.8
// from 5.75 to 5.85. Trailing zeros are read as rounding, but never as
// more than maxRounding of the figure, so a round "6 million" still
// refutes a rate far from it.
func statedHalfUnit(v float64) float64 {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	h := 0.5
	if i := strings.IndexByte(s, '.'); i >= 0 {
		h = 0.5 * math.Pow(10, -float64(len(s)-i-1))
	} else if z := len(s) - len(strings.TrimRight(s, "0")); z < len(s) {
		h = 0.5 * math.Pow(10, float64(z))
	}
	return math.Min(h, maxRounding*math.Abs(v))
}

// maxRounding caps how far, relative to itself, a figure is taken to have
// been rounded.
const maxRounding = 0.025
