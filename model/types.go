package model

import "strings"

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

// The qualifiers a value may carry.
const (
	Exactly  Qualifier = ""
	MoreThan Qualifier = ">"
	LessThan Qualifier = "<"
	About    Qualifier = "~"
)

// Valid reports whether q is a known qualifier.
func (q Qualifier) Valid() bool {
	switch q {
	case Exactly, MoreThan, LessThan, About:
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
	ID        string
	Subject   string
	Metric    string
	Period    Period
	Value     float64
	Qualifier Qualifier
	Unit      string
	Kind      Kind
	Source    string
	// Flag is "suspect" for a figure kept for the record but far outside
	// what other sources say; it is listed, marked and never charted.
	Flag string
	Note string
}

// FlagSuspect marks a likely republishing error.
const FlagSuspect = "suspect"

// Suspect reports whether the observation is flagged as a likely error.
func (o Observation) Suspect() bool { return o.Flag == FlagSuspect }

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
