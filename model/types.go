package model

import (
	"math"
	"strings"
)

// Kind separates measured figures from everything that only looks like
// one. The views must never draw a forecast, target or capacity as if it
// were an actual.
type Kind string

// The kinds of figure a source can state.
const (
	Actual   Kind = "actual"
	Forecast Kind = "forecast"
	Target   Kind = "target"
	Capacity Kind = "capacity"
)

// Kinds lists every valid Kind in display order.
func Kinds() []Kind { return []Kind{Actual, Forecast, Target, Capacity} }

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	switch k {
	case Actual, Forecast, Target, Capacity:
		return true
	}
	return false
}

// Qualifier keeps a source's hedge ("over", "nearly") next to its number.
type Qualifier string

// The qualifiers a value may carry. AtLeast is a source's "no less
// than", which unlike "more than" includes the figure itself.
const (
	Exactly  Qualifier = ""
	MoreThan Qualifier = ">"
	LessThan Qualifier = "<"
	AtLeast  Qualifier = ">="
	AtMost   Qualifier = "<="
	About    Qualifier = "~"
)

// Valid reports whether q is a known qualifier.
func (q Qualifier) Valid() bool {
	switch q {
	case Exactly, MoreThan, LessThan, AtLeast, AtMost, About:
		return true
	}
	return false
}

// Bound reports whether q makes the figure a bound rather than a value
// (more than, less than, at least, at most).
func (q Qualifier) Bound() bool {
	switch q {
	case MoreThan, LessThan, AtLeast, AtMost:
		return true
	}
	return false
}

// Standing ranks how far a source can be trusted on its own: official
// statistics first, then news agencies, then other outlets. Headline
// figures prefer the higher standing; the rest are shown as alternatives.
type Standing string

// The standings, best first.
const (
	Official   Standing = "official"
	Agency     Standing = "agency"
	Media      Standing = "media"
	Aggregator Standing = "aggregator"
)

// Rank is 0 for the most trusted standing; unknown standings rank last.
func (s Standing) Rank() int {
	switch s {
	case Official:
		return 0
	case Agency:
		return 1
	case Media:
		return 2
	case Aggregator:
		return 3
	}
	return 4
}

// Valid reports whether s is a known standing.
func (s Standing) Valid() bool { return s.Rank() < 4 }

// Source is where a figure or event comes from. Every figure on screen
// leads back to one.
type Source struct {
	ID        string
	Title     string
	Publisher string
	Standing  Standing
	Address   string
	// Published is the source's date; zero when the source shows none,
	// in which case PublishedNote says what is known.
	Published     Period
	PublishedNote string
	// Retrieved is the day the page had been read by (a PeriodDay), zero
	// when not recorded. For the bundled sources it is the day corridor
	// first bundled them: the reference material does not say when each
	// page was read, only that it was read before then.
	Retrieved Period
	// Archive is the address of an archived copy of the page, empty when
	// none is known.
	Archive string
}

// PublishedLabel is the date as shown to a reader, never blank, in the
// one date form the screen uses ("8 Sep 2025", "Sep 2025", "2025").
func (s Source) PublishedLabel() string {
	switch {
	case !s.Published.IsZero() && s.PublishedNote != "":
		return s.Published.Label() + " (" + s.PublishedNote + ")"
	case !s.Published.IsZero():
		return s.Published.Label()
	case s.PublishedNote != "":
		return s.PublishedNote
	}
	return "date not shown"
}

// Metric describes what an observation measures and which units fit it.
type Metric struct {
	ID          string
	Label       string
	Units       []string
	Description string
}

// AllowsUnit reports whether u is one of the metric's units.
func (m Metric) AllowsUnit(u string) bool {
	for _, x := range m.Units {
		if x == u {
			return true
		}
	}
	return false
}

// GrowthSuffix marks a metric that reports the year-on-year growth of the
// metric named before it: "cargo_growth" is the growth of "cargo".
const GrowthSuffix = "_growth"

// GrowthOf returns the base metric of a reported growth metric.
func GrowthOf(metric string) (string, bool) {
	base, ok := strings.CutSuffix(metric, GrowthSuffix)
	return base, ok && base != ""
}

// Subject is anything observations are about that is neither a port nor
// a project: the route as a whole, an operator, a trade relationship.
type Subject struct {
	ID        string
	Name      string
	Kind      string
	Countries []string
	Note      string
}

// Port is a sea or dry port on the corridor.
type Port struct {
	ID       string
	Name     string
	Country  string
	Sea      string
	City     string
	Operator string
	Note     string
}

// Project is an energy or infrastructure project. Numbers are nil when no
// source gives them: an empty cell is never read as zero.
type Project struct {
	ID           string
	Name         string
	Type         string
	Status       string
	Capacity     *float64
	CapacityUnit string
	LengthKM     *float64
	Cost         *float64
	CostUnit     string
	// The qualifiers the sources put on capacity, length and cost
	// (">50 billion" stays "more than").
	CapacityQ, LengthQ, CostQ Qualifier
	Partners                  []string
	Start                     Period
	Completion                Period
	Source                    string
	Note                      string
}

// Observation is one figure as one source stated it.
type Observation struct {
	ID      string
	Subject string
	Metric  string
	Period  Period
	// Value is the figure, or the low end of a range (see IsRange).
	Value float64
	// High is the high end when the source gave a range ("104,000–105,000
	// TEU"); zero otherwise. Set it with SetRange.
	High      float64
	Qualifier Qualifier
	Unit      string
	Kind      Kind
	Source    string
	// Flag is "suspect" for a figure kept for the record but far outside
	// what other sources say; it is listed, marked and never charted.
	Flag string
	Note string
	// ranged is set by SetRange: a range's ends may be any numbers, so no
	// value of High can say "no range" on its own.
	ranged bool
}

// SetRange makes o a range from lo to hi, as a source that gives no single
// figure states it.
func (o *Observation) SetRange(lo, hi float64) {
	o.Value, o.High, o.ranged = lo, hi, true
}

// IsRange reports whether the source gave a range rather than one figure.
// A range is shown as a range and never plotted or used in arithmetic as
// if it were a point.
func (o Observation) IsRange() bool { return o.ranged }

// SameValue reports whether o and x state the same figure: equal values,
// or, when neither is a bound, one the other rounded as it is stated
// (4,484,000 t and "4.5 million t" agree; 4.5 and 4.3 million do not).
// Ranges are the same only when both ends are.
func (o Observation) SameValue(x Observation) bool {
	if o.IsRange() || x.IsRange() {
		return o.IsRange() && x.IsRange() && sameValue(o.Value, x.Value) && sameValue(o.High, x.High)
	}
	if sameValue(o.Value, x.Value) {
		return true
	}
	if o.Qualifier.Bound() || x.Qualifier.Bound() {
		return false
	}
	return roundsTo(o.Value, x.Value) || roundsTo(x.Value, o.Value)
}

// roundsTo reports whether a, stated to its last digit, rounds to b's
// precision as b: b is the same figure written more coarsely.
func roundsTo(a, b float64) bool {
	return math.Abs(a-b) <= statedHalfUnit(b)*(1+1e-9)
}

// FlagSuspect marks a likely republishing error.
const FlagSuspect = "suspect"

// Suspect reports whether the observation is flagged as a likely error.
func (o Observation) Suspect() bool { return o.Flag == FlagSuspect }

// Plottable reports whether o may be drawn as a point on a time axis: its
// period is exact, it is not suspect and it is a single figure, not a
// range.
func (o Observation) Plottable() bool {
	return o.Period.Exact() && !o.Suspect() && !o.IsRange()
}

// Key is the series the observation belongs to.
func (o Observation) Key() SeriesKey {
	return SeriesKey{Subject: o.Subject, Metric: o.Metric, Unit: o.Unit, Kind: o.Kind}
}

// Event is a dated step in the cooperation along the corridor.
type Event struct {
	ID    string
	Date  Period
	Title string
	// Countries as named in the data, in the source's order.
	Countries []string
	Kind      string
	// Status is "held" or "planned".
	Status string
	Place  string
	Source string
	Note   string
}

// Planned reports whether the event was announced for a future date.
func (e Event) Planned() bool { return e.Status == EventPlanned }

// Event statuses.
const (
	EventHeld    = "held"
	EventPlanned = "planned"
)
