package common

import (
	"fmt"

	"corridor/model"
	"corridor/tui/components/chart"
)

// Key is shorthand for a series key.
func Key(subject, metric, unit string, kind model.Kind) model.SeriesKey {
	return model.SeriesKey{Subject: subject, Metric: metric, Unit: unit, Kind: kind}
}

// PointText prints a charted point with its kind tag and marks.
func PointText(p model.Point) string {
	return FormatObs(p.Observation) + Marks(p.Disputed(), p.Suspect())
}

// YearValues maps calendar year to value for the annual points of k.
func YearValues(d *model.Dataset, k model.SeriesKey) map[int]float64 {
	out := map[int]float64{}
	for _, p := range d.Points(k, model.Annual) {
		out[p.Period.Year] = p.Value
	}
	return out
}

// Headline is a figure chosen for a card or table cell: the latest annual
// actual if there is one, else the latest actual of any exact period.
func Headline(d *model.Dataset, subject, metric, unit string) (model.Point, bool) {
	k := Key(subject, metric, unit, model.Actual)
	if p, ok := d.Latest(k, model.Annual); ok {
		return p, true
	}
	return d.Latest(k, nil)
}

// Growth returns the reported growth for p's period when a source gives
// one, else the growth corridor computes (derived), else false.
func Growth(d *model.Dataset, p model.Point) (text string, reported *model.Point, derived *model.Growth) {
	base := p.Key()
	rk := Key(base.Subject, base.Metric+model.GrowthSuffix, "% y/y", model.Actual)
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
func Observations(pts ...model.Point) []model.Observation {
	out := make([]model.Observation, 0, len(pts))
	for _, p := range pts {
		out = append(out, p.Observation)
	}
	return out
}

// PlanGlyph is the character a non-actual series is drawn with, so
// forecasts, targets and capacities differ from actuals and from each
// other without colour.
func PlanGlyph(k model.Kind) string {
	switch k {
	case model.Forecast:
		return "·"
	case model.Target:
		return "+"
	case model.Capacity:
		return "="
	}
	return ""
}

// SeriesFor builds a chart series for k and its legend entry.
func (c *Common) SeriesFor(k model.SeriesKey) (chart.Series, string) {
	s := c.Styles
	sr := chart.Series{Name: string(k.Kind), Values: YearValues(c.Data, k), Glyph: PlanGlyph(k.Kind), Color: s.ChartActual}
	switch k.Kind {
	case model.Actual:
		return sr, s.Accent.Render("─") + " actual (" + k.Unit + ")"
	case model.Capacity:
		sr.Color = s.ChartSecond
		return sr, s.Capacity.Render(sr.Glyph) + " " + KindTag(k.Kind) + " (" + k.Unit + ")"
	}
	sr.Color = s.ChartPlan
	return sr, s.Target.Render(sr.Glyph) + " " + KindTag(k.Kind) + " (" + k.Unit + ")"
}
