package maptab

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/cells"
)

// The figure that sizes a marker: the latest calendar-year actual cargo
// in tonnes, so markers compare whole years with whole years.
// TODO(decl): take the metric from the dataset's view declarations
// when they land, like the other tabs' ids.
const (
	sizeMetric = "cargo"
	sizeUnit   = "tonnes"
)

// Marker weights, in tonnes a year.
const (
	heavy  = 5e6
	medium = 1e6
)

// node is one place on the walk with everything the tab shows about it,
// worked out once per dataset.
type node struct {
	place model.Place
	// title is the subject's full name.
	title string
	// weight is the sizing figure's value; 0 when there is none.
	weight float64
	size   model.Point
	sized  bool
	figs   []fig
	// others counts forecasts, targets and capacities, never shown as
	// latest figures.
	others  int
	derived []string
	from    []string // "rail ← Khorgos, Alashankou"
	to      []string
}

// fig is one latest figure with its growth.
type fig struct {
	label  string
	point  model.Point
	growth string
	// reported is the source's own growth figure, when it gives one.
	reported *model.Point
}

// label is the name drawn on the map.
func (n node) label(ascii bool) string {
	if ascii {
		return cells.ASCII(n.place.Name)
	}
	return n.place.Name
}

// buildNodes collects the walk's places with their figures and legs.
func buildNodes(d *model.Dataset) ([]node, []model.Leg) {
	walk := d.Walk()
	legs := d.Legs()
	nodes := make([]node, len(walk))
	for i, p := range walk {
		n := node{place: p, title: d.Name(p.Subject)}
		if pt, ok := d.Latest(model.Key(p.Subject, sizeMetric, sizeUnit, model.Actual), model.Annual); ok {
			n.size, n.sized, n.weight = pt, true, pt.Value
		}
		seen := map[model.SeriesKey]bool{}
		d.EachAbout(p.Subject, func(o model.Observation) bool {
			k := o.Key()
			if o.Kind != model.Actual {
				n.others++
				return true
			}
			if _, growth := model.GrowthOf(o.Metric); growth || seen[k] {
				return true
			}
			seen[k] = true
			pt, ok := model.Headline(d, k.Subject, k.Metric, k.Unit)
			if !ok {
				return true
			}
			f := fig{label: d.MetricLabel(k.Metric), point: pt}
			g, rep, der := model.GrowthFor(d, pt)
			switch {
			case rep != nil:
				f.growth, f.reported = g+" y/y", rep
			case der != nil && (bound(der.Current) || bound(der.Previous)):
				// A growth rate from a lower or upper bound says nothing
				// about the change: leave it out.
			case der != nil:
				f.growth = g + " y/y"
				n.derived = append(n.derived, fmt.Sprintf("%s growth %s = %s (%s) vs %s (%s)", f.label, g,
					model.FormatObs(der.Current), der.Current.Period.Label(), model.FormatObs(der.Previous), der.Previous.Period.Label()))
			}
			n.figs = append(n.figs, f)
			return true
		})
		// The sizing figure first, then the rest by label.
		slices.SortStableFunc(n.figs, func(a, b fig) int {
			as, bs := a.point.Metric == sizeMetric && a.point.Unit == sizeUnit, b.point.Metric == sizeMetric && b.point.Unit == sizeUnit
			if as != bs {
				if as {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(a.label, b.label), cmp.Compare(a.point.Unit, b.point.Unit))
		})
		from := map[string][]string{}
		to := map[string][]string{}
		for _, l := range legs {
			if l.To.ID == p.ID {
				from[l.Mode] = append(from[l.Mode], l.From.Name)
			}
			if l.From.ID == p.ID {
				to[l.Mode] = append(to[l.Mode], l.To.Name)
			}
		}
		for _, m := range model.LegModes() {
			if len(from[m]) > 0 {
				n.from = append(n.from, m+" ← "+strings.Join(from[m], ", "))
			}
			if len(to[m]) > 0 {
				n.to = append(n.to, m+" → "+strings.Join(to[m], ", "))
			}
		}
		nodes[i] = n
	}
	return nodes, legs
}

// bound reports whether a figure is only a bound (">", "<"), not a value.
func bound(o model.Observation) bool {
	return o.Qualifier == model.MoreThan || o.Qualifier == model.LessThan
}

// markerGlyph draws a node by the weight of its latest full-year cargo:
// the shape, not the colour, carries the size.
func markerGlyph(n node, ascii bool) rune {
	g := []rune("○•●◉")
	if ascii {
		g = []rune("+oO@")
	}
	switch {
	case !n.sized:
		return g[0]
	case n.weight >= heavy:
		return g[3]
	case n.weight >= medium:
		return g[2]
	}
	return g[1]
}

// selection is what the source pane lists for a node: its latest
// figures, or everything about its subject when it has no actual
// figure, and the source of its coordinates.
func (n node) selection(d *model.Dataset) (common.Selection, bool) {
	sel := common.Selection{Title: n.place.Name + " · " + n.title, Derived: n.derived, Sources: []string{n.place.Source}}
	for _, f := range n.figs {
		sel.Observations = append(sel.Observations, f.point.Observation)
		if f.reported != nil {
			sel.Observations = append(sel.Observations, f.reported.Observation)
		}
	}
	if len(sel.Observations) == 0 {
		sel.Observations = d.FirstAbout(n.place.Subject, 20)
	}
	return sel, len(sel.Observations) > 0 || n.place.Source != ""
}
