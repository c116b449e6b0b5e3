package chart

import (
	"corridor/model"
	"corridor/tui/styles"
)

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
func SeriesFor(d *model.Dataset, s *styles.Styles, k model.SeriesKey) (Series, string) {
	sr := Series{Name: string(k.Kind), Values: model.YearValues(d, k), Glyph: PlanGlyph(k.Kind), Color: s.ChartActual}
	switch k.Kind {
	case model.Actual:
		return sr, s.Accent.Render("─") + " actual (" + k.Unit + ")"
	case model.Capacity:
		sr.Color = s.ChartSecond
		return sr, s.Capacity.Render(sr.Glyph) + " " + model.KindTag(k.Kind) + " (" + k.Unit + ")"
	}
	sr.Color = s.ChartPlan
	return sr, s.Target.Render(sr.Glyph) + " " + model.KindTag(k.Kind) + " (" + k.Unit + ")"
}
