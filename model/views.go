package model

import (
	"cmp"
	"slices"
)

// What each view shows is declared by the dataset, not by the code: the
// route's nodes, the Overview's headline cards, the figures on each, and
// the series the views chart. An analyst whose data uses other ids
// declares other rows; the views and `corridor export` read the same
// declarations, so a tab and its export cannot pick different figures.

// The views that draw declared charts.
const (
	ViewOverview = "overview"
	ViewTransit  = "transit"
)

// ChartViews lists the views a Chart may belong to.
func ChartViews() []string { return []string{ViewOverview, ViewTransit} }

// ChartStyle says how a view draws a declared series.
type ChartStyle string

// The chart styles.
const (
	// ByYear draws a line per kind against calendar years.
	ByYear ChartStyle = "year"
	// ByHalfYear draws the actual half-year figures as bars.
	ByHalfYear ChartStyle = "half-year"
)

// ChartStyles lists every valid ChartStyle.
func ChartStyles() []ChartStyle { return []ChartStyle{ByYear, ByHalfYear} }

// RouteNode is one stop on the route as the Overview draws it, from China
// to Europe in Position order. A node may have no figures: the route
// still passes through it.
type RouteNode struct {
	ID       string
	Position int
	Name     string
	Note     string
}

// Card is one headline card on the Overview, in Position order.
type Card struct {
	ID       string
	Position int
	Title    string
	Note     string
}

// Figure declares one labelled figure on a route node or card: the latest
// actual of the series Subject, Metric, Unit. The label is ours and must
// say no more than what the source measured.
type Figure struct {
	ID string
	// On is the id of the route node or card that shows the figure.
	On       string
	Position int
	Label    string
	Subject  string
	Metric   string
	Unit     string
	// Briefing, when set, is the figure's label in briefing mode's large
	// digits.
	Briefing string
	Note     string
}

// Chart declares one series a view charts, with every figure behind it
// listed under the chart.
type Chart struct {
	ID       string
	View     string
	Position int
	Title    string
	Subject  string
	Metric   string
	// Unit is what the chart's y axis counts; the list under it holds the
	// subject's figures of the metric in every unit.
	Unit  string
	Style ChartStyle
	Note  string
}

// indexViews sorts the declarations by position and groups figures by
// the node or card that shows them.
func (d *Dataset) indexViews() {
	slices.SortStableFunc(d.Route, func(a, b RouteNode) int { return cmp.Compare(a.Position, b.Position) })
	slices.SortStableFunc(d.Cards, func(a, b Card) int { return cmp.Compare(a.Position, b.Position) })
	slices.SortStableFunc(d.Charts, func(a, b Chart) int { return cmp.Compare(a.Position, b.Position) })
	d.figuresOn = make(map[string][]int)
	for i, f := range d.Figures {
		d.figuresOn[f.On] = append(d.figuresOn[f.On], i)
	}
	for _, idx := range d.figuresOn {
		slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(d.Figures[i].Position, d.Figures[j].Position) })
	}
}

// FiguresOn returns the figures a route node or card shows, in order.
func (d *Dataset) FiguresOn(id string) []Figure {
	idx := d.figuresOn[id]
	out := make([]Figure, len(idx))
	for i, j := range idx {
		out[i] = d.Figures[j]
	}
	return out
}

// BriefingFigures returns the figures declared for briefing mode's large
// digits, in the order the Overview shows them: route first, then cards.
func (d *Dataset) BriefingFigures() []Figure {
	var out []Figure
	add := func(id string) {
		for _, f := range d.FiguresOn(id) {
			if f.Briefing != "" {
				out = append(out, f)
			}
		}
	}
	for _, n := range d.Route {
		add(n.ID)
	}
	for _, c := range d.Cards {
		add(c.ID)
	}
	return out
}

// ChartsOf returns the charts declared for a view, in order.
func (d *Dataset) ChartsOf(view string) []Chart {
	var out []Chart
	for _, c := range d.Charts {
		if c.View == view {
			out = append(out, c)
		}
	}
	return out
}

// ChartObservations lists every figure behind a chart, all kinds and
// units, newest exact period first and descriptive periods ("long-term",
// "design") after them, since they have no date. A half-year chart keeps
// only half-year figures.
func (d *Dataset) ChartObservations(c Chart) []Observation {
	var out []Observation
	for _, k := range d.Keys(c.Subject, c.Metric) {
		out = append(out, d.Series(k)...)
	}
	if c.Style == ByHalfYear {
		out = slices.DeleteFunc(out, func(o Observation) bool { return o.Period.Kind != PeriodHalf })
	}
	slices.SortStableFunc(out, func(a, b Observation) int {
		if a.Period.Exact() != b.Period.Exact() {
			if a.Period.Exact() {
				return -1
			}
			return 1
		}
		return b.Period.Compare(a.Period)
	})
	return out
}

// ViewObservations is every figure behind a view's charts, each once, in
// file order: what `corridor export --view` writes for the view.
func (d *Dataset) ViewObservations(view string) []Observation {
	keep := map[string]bool{}
	for _, c := range d.ChartsOf(view) {
		for _, o := range d.ChartObservations(c) {
			keep[o.ID] = true
		}
	}
	var out []Observation
	for _, o := range d.Observations {
		if keep[o.ID] {
			out = append(out, o)
		}
	}
	return out
}
