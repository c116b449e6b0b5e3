package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// SeriesKey names one series: the same thing, about the same subject, in
// the same unit and of the same kind. Capacities and targets are separate
// series from actuals by construction.
type SeriesKey struct {
	Subject string
	Metric  string
	Unit    string
	Kind    Kind
}

// Dataset is the whole bundled or user-supplied data, indexed for the
// views. Build it with Index after filling the slices; afterwards it is
// read-only and safe to share between sessions.
type Dataset struct {
	Sources      []Source
	Metrics      []Metric
	Subjects     []Subject
	Ports        []Port
	Projects     []Project
	Observations []Observation
	Events       []Event
	// What the views show: the route's nodes, the headline cards, the
	// figures on each, and the series the views chart.
	Route   []RouteNode
	Cards   []Card
	Figures []Figure
	Charts  []Chart
	// Version identifies the data a citation or a diff was made from: the
	// loader sets it to a digest of the data in canonical form, so the same
	// data always gives the same version. Empty for a hand-built dataset.
	Version string
	// Places puts ports and nodes on the map; a dataset may have none.
	Places []Place

	sources   map[string]int
	obsByID   map[string]int
	eventByID map[string]int
	metrics   map[string]int
	names     map[string]string
	series    map[SeriesKey][]int
	byPeriod  map[periodKey][]int
	bySubject map[string][]int
	keys      map[[2]string][]SeriesKey // subject and metric → its series
	figuresOn map[string][]int
}

type periodKey struct {
	SeriesKey
	Period string
}

// Index builds the lookup tables and sorts every series by period. The
// loader calls it; tests that build a Dataset by hand call it too.
func (d *Dataset) Index() {
	d.sources = make(map[string]int, len(d.Sources))
	for i, s := range d.Sources {
		d.sources[s.ID] = i
	}
	d.metrics = make(map[string]int, len(d.Metrics))
	for i, m := range d.Metrics {
		d.metrics[m.ID] = i
	}
	d.names = make(map[string]string, len(d.Subjects)+len(d.Ports)+len(d.Projects))
	for _, s := range d.Subjects {
		d.names[s.ID] = s.Name
	}
	for _, p := range d.Ports {
		d.names[p.ID] = p.Name
	}
	for _, p := range d.Projects {
		d.names[p.ID] = p.Name
	}
	// Sized up front: growing these maps was a tenth of a load.
	d.series = make(map[SeriesKey][]int, len(d.Observations)/4)
	d.byPeriod = make(map[periodKey][]int, len(d.Observations))
	d.bySubject = make(map[string][]int, len(d.names))
	for i, o := range d.Observations {
		d.bySubject[o.Subject] = append(d.bySubject[o.Subject], i)
		d.series[o.Key()] = append(d.series[o.Key()], i)
		pk := periodKey{o.Key(), o.Period.String()}
		d.byPeriod[pk] = append(d.byPeriod[pk], i)
	}
	d.keys = make(map[[2]string][]SeriesKey)
	for k, idx := range d.series {
		slices.SortStableFunc(idx, d.compareObs)
		d.series[k] = idx
		sm := [2]string{k.Subject, k.Metric}
		d.keys[sm] = append(d.keys[sm], k)
	}
	for k, idx := range d.byPeriod {
		slices.SortStableFunc(idx, d.compareObs)
		d.byPeriod[k] = idx
	}
	slices.SortStableFunc(d.Events, func(a, b Event) int { return a.Date.Compare(b.Date) })
	d.indexViews()
	d.obsByID = make(map[string]int, len(d.Observations))
	for i, o := range d.Observations {
		d.obsByID[o.ID] = i
	}
	d.eventByID = make(map[string]int, len(d.Events))
	for i, e := range d.Events {
		d.eventByID[e.ID] = i
	}
}

// compareObs orders by period, then by preference among sources so the
// first observation of a period is the one a headline should show.
func (d *Dataset) compareObs(i, j int) int {
	a, b := d.Observations[i], d.Observations[j]
	if c := a.Period.Compare(b.Period); c != 0 {
		return c
	}
	return d.Prefer(a, b)
}

// Prefer orders two observations of the same period by how much a reader
// should rely on them: not suspect first, then the source's standing, then
// an unhedged figure, then the more recent publication.
func (d *Dataset) Prefer(a, b Observation) int {
	if a.Suspect() != b.Suspect() {
		if a.Suspect() {
			return 1
		}
		return -1
	}
	sa, _ := d.Source(a.Source)
	sb, _ := d.Source(b.Source)
	if c := cmp.Compare(sa.Standing.Rank(), sb.Standing.Rank()); c != 0 {
		return c
	}
	if (a.Qualifier == Exactly) != (b.Qualifier == Exactly) {
		if a.Qualifier == Exactly {
			return -1
		}
		return 1
	}
	// Of two sources of the same standing, the more precise figure
	// (76,775 over "76,000") is the one to compute with.
	if c := cmp.Compare(significant(b.Value), significant(a.Value)); c != 0 {
		return c
	}
	if c := sb.Published.Compare(sa.Published); c != 0 && sa.Published.Exact() && sb.Published.Exact() {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Source looks a source up by id.
func (d *Dataset) Source(id string) (Source, bool) { return byID(d.sources, d.Sources, id) }

// Metric looks a metric up by id.
func (d *Dataset) Metric(id string) (Metric, bool) { return byID(d.metrics, d.Metrics, id) }

// MetricLabel is the metric's label, or its id when unknown.
func (d *Dataset) MetricLabel(id string) string {
	if m, ok := d.Metric(id); ok && m.Label != "" {
		return m.Label
	}
	return id
}

// Name is the display name of a port, project or subject id.
func (d *Dataset) Name(id string) string {
	if n, ok := d.names[id]; ok {
		return n
	}
	return id
}

// HasSubject reports whether id names a port, project or subject.
func (d *Dataset) HasSubject(id string) bool {
	_, ok := d.names[id]
	return ok
}

// Series returns every observation of k ordered by period, preferred
// source first within a period. It includes suspect and text-period
// observations; use Points for what may be charted.
func (d *Dataset) Series(k SeriesKey) []Observation {
	return d.pick(d.series[k])
}

// pick copies the observations at idx, in that order.
func (d *Dataset) pick(idx []int) []Observation {
	out := make([]Observation, len(idx))
	for i, j := range idx {
		out[i] = d.Observations[j]
	}
	return out
}

// About returns every observation about a subject, in file order.
func (d *Dataset) About(subject string) []Observation {
	return d.pick(d.bySubject[subject])
}

// EachAbout calls fn for each observation about a subject until fn
// returns false.
func (d *Dataset) EachAbout(subject string, fn func(Observation) bool) {
	for _, j := range d.bySubject[subject] {
		if !fn(d.Observations[j]) {
			return
		}
	}
}

// CountAbout is how many observations are about a subject.
func (d *Dataset) CountAbout(subject string) int { return len(d.bySubject[subject]) }

// FirstAbout returns up to n observations about a subject, in file order,
// without copying the rest: detail panes show a window, not everything.
func (d *Dataset) FirstAbout(subject string, n int) []Observation {
	idx := d.bySubject[subject]
	out := make([]Observation, 0, min(n, len(idx)))
	for _, j := range idx[:min(n, len(idx))] {
		out = append(out, d.Observations[j])
	}
	return out
}

// Keys lists the series held for a subject and metric, actuals first.
func (d *Dataset) Keys(subject, metric string) []SeriesKey {
	out := slices.Clone(d.keys[[2]string{subject, metric}])
	slices.SortFunc(out, func(a, b SeriesKey) int {
		if c := cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)); c != 0 {
			return c
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	return out
}

func kindRank(k Kind) int { return slices.Index(Kinds(), k) }

// Point is the figure a chart or table shows for one period: the
// preferred observation, and how many other sources give another value.
type Point struct {
	Observation
	// Others counts observations of the same series and period whose
	// value differs: a disagreement the view must mark.
	Others int
}

// Disputed reports whether sources disagree on this point.
func (p Point) Disputed() bool { return p.Others > 0 }

// Points returns one point per exact period of k that accept allows (nil
// accepts all), using the preferred source and skipping what may not be
// plotted (see Observation.Plottable).
func (d *Dataset) Points(k SeriesKey, accept func(Period) bool) []Point {
	var out []Point
	last := ""
	for _, j := range d.series[k] {
		o := d.Observations[j]
		if !o.Plottable() || (accept != nil && !accept(o.Period)) {
			continue
		}
		ps := o.Period.String()
		if ps == last {
			continue
		}
		last = ps
		out = append(out, Point{Observation: o, Others: len(d.Disagreeing(o))})
	}
	return out
}

// Latest is the newest point of k that accept allows.
func (d *Dataset) Latest(k SeriesKey, accept func(Period) bool) (Point, bool) {
	pts := d.Points(k, accept)
	if len(pts) == 0 {
		return Point{}, false
	}
	return pts[len(pts)-1], true
}

// Annual accepts calendar-year periods only, so figures compare like with like.
func Annual(p Period) bool { return p.Kind == PeriodYear }

// Disagreeing returns the other observations of o's series and period
// whose value differs from o's, preferred first.
func (d *Dataset) Disagreeing(o Observation) []Observation {
	var out []Observation
	for _, j := range d.byPeriod[periodKey{o.Key(), o.Period.String()}] {
		x := d.Observations[j]
		if x.ID != o.ID && !x.SameValue(o) {
			out = append(out, x)
		}
	}
	return out
}

// Alternatives returns every observation of o's series and period, o
// included, preferred first: what the source pane lists.
func (d *Dataset) Alternatives(o Observation) []Observation {
	idx := d.byPeriod[periodKey{o.Key(), o.Period.String()}]
	if len(idx) == 0 {
		return []Observation{o}
	}
	return d.pick(idx)
}

func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// Conflict is a set of observations of the same series and period that
// do not agree.
type Conflict struct {
	Key          SeriesKey
	Period       Period
	Observations []Observation
}

// Conflicts lists every series-period where sources give different
// values, ordered by subject, metric and period.
func (d *Dataset) Conflicts() []Conflict {
	var out []Conflict
	for k, idx := range d.byPeriod {
		if len(idx) < 2 {
			continue
		}
		first := d.Observations[idx[0]]
		if len(d.Disagreeing(first)) == 0 {
			continue
		}
		c := Conflict{Key: k.SeriesKey, Period: first.Period}
		for _, j := range idx {
			c.Observations = append(c.Observations, d.Observations[j])
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Conflict) int {
		return cmp.Or(
			strings.Compare(a.Key.Subject, b.Key.Subject),
			strings.Compare(a.Key.Metric, b.Key.Metric),
			strings.Compare(a.Key.Unit, b.Key.Unit),
			strings.Compare(string(a.Key.Kind), string(b.Key.Kind)),
			a.Period.Compare(b.Period))
	})
	return out
}

// Diff counts the rows that differ between two datasets: added, removed
// or changed sources, metrics, subjects, ports, projects, observations,
// events, view declarations and places, matched by id. It is what a reload reports as "N changes".
func Diff(a, b *Dataset) int {
	// A missing dataset counts as an empty one: everything is new.
	if a == nil {
		a = &Dataset{}
	}
	if b == nil {
		b = &Dataset{}
	}
	n := 0
	count := func(old, new map[string]string) {
		for id, v := range new {
			if w, ok := old[id]; !ok || w != v {
				n++
			}
		}
		for id := range old {
			if _, ok := new[id]; !ok {
				n++
			}
		}
	}
	count(rows(a.Sources, func(s Source) string { return s.ID }), rows(b.Sources, func(s Source) string { return s.ID }))
	count(rows(a.Metrics, func(m Metric) string { return m.ID }), rows(b.Metrics, func(m Metric) string { return m.ID }))
	count(rows(a.Subjects, func(s Subject) string { return s.ID }), rows(b.Subjects, func(s Subject) string { return s.ID }))
	count(rows(a.Ports, func(p Port) string { return p.ID }), rows(b.Ports, func(p Port) string { return p.ID }))
	count(projectRows(a.Projects), projectRows(b.Projects))
	count(rows(a.Observations, func(o Observation) string { return o.ID }), rows(b.Observations, func(o Observation) string { return o.ID }))
	count(rows(a.Events, func(e Event) string { return e.ID }), rows(b.Events, func(e Event) string { return e.ID }))
	count(rows(a.Route, func(n RouteNode) string { return n.ID }), rows(b.Route, func(n RouteNode) string { return n.ID }))
	count(rows(a.Cards, func(c Card) string { return c.ID }), rows(b.Cards, func(c Card) string { return c.ID }))
	count(rows(a.Figures, func(f Figure) string { return f.ID }), rows(b.Figures, func(f Figure) string { return f.ID }))
	count(rows(a.Charts, func(c Chart) string { return c.ID }), rows(b.Charts, func(c Chart) string { return c.ID }))
	count(rows(a.Places, func(p Place) string { return p.ID }), rows(b.Places, func(p Place) string { return p.ID }))
	return n
}

// projectRows formats projects with their numbers, not the pointers to
// them, so an unchanged project compares equal.
func projectRows(ps []Project) map[string]string {
	num := func(f *float64) string {
		if f == nil {
			return "-"
		}
		return fmt.Sprint(*f)
	}
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		q := p
		q.Capacity, q.LengthKM, q.Cost = nil, nil, nil
		m[p.ID] = fmt.Sprintf("%+v|%s|%s|%s", q, num(p.Capacity), num(p.LengthKM), num(p.Cost))
	}
	return m
}

func rows[T any](xs []T, id func(T) string) map[string]string {
	m := make(map[string]string, len(xs))
	for _, x := range xs {
		m[id(x)] = fmt.Sprintf("%+v", x)
	}
	return m
}

// significant counts the significant digits a value was stated with:
// 76775 has five, 76000 two, 8.1922e6 five.
func significant(v float64) int {
	s := strings.TrimLeft(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), "0.")
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(strings.ReplaceAll(s, ".", ""))
	}
	return len(strings.TrimRight(s, "0"))
}

// byID finds the element of xs whose position idx holds for id.
func byID[T any](idx map[string]int, xs []T, id string) (T, bool) {
	i, ok := idx[id]
	if !ok {
		var zero T
		return zero, false
	}
	return xs[i], true
}
