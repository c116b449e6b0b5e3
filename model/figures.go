package model

import "fmt"

// Key is shorthand for a series key.
func Key(subject, metric, unit string, kind Kind) SeriesKey {
	return SeriesKey{Subject: subject, Metric: metric, Unit: unit, Kind: kind}
}

// PointText prints a charted point with its kind tag and marks.
func PointText(p Point) string {
	return FormatObs(p.Observation) + Marks(p.Disputed(), p.Suspect())
}

// YearValues maps calendar year to value for the annual points of k.
func YearValues(d *Dataset, k SeriesKey) map[int]float64 {
	out := map[int]float64{}
	for _, p := range d.Points(k, Annual) {
		out[p.Period.Year] = p.Value
	}
	return out
}

// Headline is a figure chosen for a card or table cell: the actual of
// the most recent period of any length (a year, a half, a quarter, a
// month, a year to date), always shown with that period. Of periods
// ending together the longest wins, so a full year beats its last
// quarter.
func Headline(d *Dataset, subject, metric, unit string) (Point, bool) {
	return d.Latest(Key(subject, metric, unit, Actual), nil)
}

// GrowthFor returns the reported growth for p's period when a source gives
// one, else the growth corridor computes (derived), else false.
func GrowthFor(d *Dataset, p Point) (text string, reported *Point, derived *Growth) {
	base := p.Key()
	rk := Key(base.Subject, base.Metric+GrowthSuffix, "% y/y", Actual)
	for _, r := range d.Points(rk, nil) {
		if r.Period.String() == p.Period.String() {
			r := r
			return string(r.Qualifier) + fmt.Sprintf("%+.1f%%", r.Value) + Marks(r.Disputed(), false), &r, nil
		}
	}
	if g, ok := d.YoY(base, p.Period); ok {
		return FormatGrowth(g), nil, &g
	}
	return "", nil, nil
}

// Observations flattens points back to observations for a Selection.
func Observations(pts ...Point) []Observation {
	out := make([]Observation, 0, len(pts))
	for _, p := range pts {
		out = append(out, p.Observation)
	}
	return out
}

// Selection is the figure, series or event under the cursor, with every
// observation behind it.
type Selection struct {
	Title string
	// Observations are listed with their sources, alternatives and flags.
	Observations []Observation
	// Events are listed with their sources.
	Events []Event
	// Derived explains values the program computed for this selection.
	Derived []string
	// Sources lists extra sources (such as a project's own) to show.
	Sources []string
}

// MainFigure is the figure that best says what a subject handles when it
// has none of the series a view asks for first: the latest actual of
// the series with the most recent figure, the better covered on a tie
// (trains for a rail crossing, vessels for a ferry port). Growth rates
// are not a main figure: they say how much, not how much of what.
func MainFigure(d *Dataset, subject string) (Point, bool) {
	var best Point
	bestN, found := 0, false
	seen := map[SeriesKey]bool{}
	d.EachAbout(subject, func(o Observation) bool {
		k := o.Key()
		if seen[k] || k.Kind != Actual || o.Unit == "% y/y" {
			return true
		}
		seen[k] = true
		p, ok := d.Latest(k, nil)
		if !ok {
			return true
		}
		n := len(d.Series(k))
		if c := p.Period.Compare(best.Period); !found || c > 0 || (c == 0 && n > bestN) {
			best, bestN, found = p, n, true
		}
		return true
	})
	return best, found
}
