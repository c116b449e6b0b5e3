package chart

import (
	"fmt"
	"strings"

	"corridor/model"
)

// SeriesFor builds the chart series of k's calendar-year points: the
// preferred source's value per year, labelled with its qualifier and
// marks ("~2.5M≠") for where the chart writes it out.
func SeriesFor(d *model.Dataset, k model.SeriesKey) Series {
	s := Series{Kind: k.Kind, Unit: ShortUnit(k.Unit), Values: map[int]float64{}, Labels: map[int]string{}, Marks: map[int]string{}}
	for _, p := range d.Points(k, model.Annual) {
		y := p.Period.Year
		s.Values[y] = p.Value
		s.Labels[y] = string(p.Qualifier) + model.FormatNumber(p.Value)
		if m := model.Marks(p.Disputed(), p.Suspect()); m != "" {
			s.Marks[y] = m
		}
	}
	return s
}

// YearToDate gathers k's year-to-date figures by year for Months: each
// year's totals from January through a month, the preferred source's
// value per period, labelled like SeriesFor's. Quarters and half-years
// are left to their own charts.
//
// A year to a day ("2025 (to 2025-07-28)") stands at its month with
// the day in its label, so it never reads as the whole month; where the
// same month also has a full total, that one is drawn.
func YearToDate(d *model.Dataset, k model.SeriesKey) []YearMonths {
	var out []YearMonths
	for _, p := range d.Points(k, IsYearToDate) {
		y := p.Period.Year
		if len(out) == 0 || out[len(out)-1].Year != y {
			out = append(out, YearMonths{Year: y, Values: map[int]float64{}, Labels: map[int]string{}})
		}
		ym := &out[len(out)-1]
		ym.Values[p.Period.To] = p.Value
		label := string(p.Qualifier) + model.FormatNumber(p.Value) + model.Marks(p.Disputed(), p.Suspect())
		if p.Period.ToDate() && p.Period.Day > 0 {
			label += fmt.Sprintf(" to %d %s", p.Period.Day, monthAbbr(p.Period.To))
		}
		ym.Labels[p.Period.To] = label
	}
	return out
}

// IsYearToDate accepts the periods that run from January: January
// itself, month ranges from it and years to a date.
func IsYearToDate(p model.Period) bool {
	return p.From == 1 && (p.Kind == model.PeriodMonthRange || p.Kind == model.PeriodMonth || p.ToDate())
}

// monthAbbr is a month's short English name.
func monthAbbr(m int) string {
	return [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[(m+11)%12]
}

// ShortUnit is the unit as figures print it: "t", "TEU/yr".
func ShortUnit(unit string) string {
	if u, ok := strings.CutPrefix(model.FormatValue(1, model.Exactly, unit), "1 "); ok {
		return u
	}
	return unit
}
