package model

import (
	"math"
	"strings"
)

// Growth is a year-on-year change the program computed from two figures.
// It is always derived: no source stated it, so views label it as such.
type Growth struct {
	// Percent is (current/previous − 1) × 100.
	Percent           float64
	Current, Previous Observation
	// Approximate is set when either input carries a qualifier (~, >, <).
	Approximate bool
}

// Derived is always true; it exists so call sites read as what they mean.
func (Growth) Derived() bool { return true }

// YoY computes growth of k at period p against the same span a year
// earlier, using each period's preferred, non-suspect figure. It refuses
// when either figure is missing, inexact or the previous value is zero.
func (d *Dataset) YoY(k SeriesKey, p Period) (Growth, bool) {
	prev, ok := p.PrevYear()
	if !ok {
		return Growth{}, false
	}
	cur, ok1 := d.pointAt(k, p)
	old, ok2 := d.pointAt(k, prev)
	if !ok1 || !ok2 || old.Value == 0 {
		return Growth{}, false
	}
	return Growth{
		Percent:     (cur.Value/old.Value - 1) * 100,
		Current:     cur,
		Previous:    old,
		Approximate: cur.Qualifier != Exactly || old.Qualifier != Exactly,
	}, true
}

func (d *Dataset) pointAt(k SeriesKey, p Period) (Observation, bool) {
	for _, j := range d.byPeriod[periodKey{k, p.String()}] {
		if o := d.Observations[j]; !o.Suspect() && !o.IsRange() {
			return o, true
		}
	}
	return Observation{}, false
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
// not expected.
const GrowthTolerance = 1.5

// GrowthChecks compares every reported year-on-year rate (metric X_growth,
// unit "% y/y") with the rate computed from X's actual values for the same
// subject and periods, wherever both figures exist.
func (d *Dataset) GrowthChecks() []GrowthCheck {
	var out []GrowthCheck
	for _, o := range d.Observations {
		base, ok := GrowthOf(o.Metric)
		if !ok || o.Unit != "% y/y" || !o.Period.Exact() || o.Kind != Actual || o.IsRange() {
			continue
		}
		for _, k := range d.Keys(o.Subject, base) {
			if k.Kind != Actual || strings.HasPrefix(k.Unit, "%") {
				continue
			}
			g, ok := d.YoY(k, o.Period)
			if !ok {
				continue
			}
			diff := o.Value - g.Percent
			out = append(out, GrowthCheck{Reported: o, Computed: g, Base: k, Diff: diff, OK: math.Abs(diff) <= GrowthTolerance})
			break
		}
	}
	return out
}
