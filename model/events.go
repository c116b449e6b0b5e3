package model

import (
	"slices"
	"strings"
)

// EventFilter selects timeline events. Empty fields match everything.
type EventFilter struct {
	Country string
	Kind    string
	// Query matches case-insensitively in title, place, note and countries.
	Query string
}

// Match reports whether e passes the filter.
func (f EventFilter) Match(e Event) bool {
	if f.Country != "" && !slices.Contains(e.Countries, f.Country) {
		return false
	}
	if f.Kind != "" && e.Kind != f.Kind {
		return false
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		hay := strings.ToLower(e.Title + " " + e.Place + " " + e.Note + " " + strings.Join(e.Countries, " ") + " " + e.Kind)
		for _, w := range strings.Fields(strings.ToLower(q)) {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

// FilterEvents returns the matching events, most recent first, which is
// the order an analyst scanning for news wants.
func (d *Dataset) FilterEvents(f EventFilter) []Event {
	var out []Event
	for i := len(d.Events) - 1; i >= 0; i-- {
		if f.Match(d.Events[i]) {
			out = append(out, d.Events[i])
		}
	}
	return out
}

// LatestEvent is the most recent event that has taken place.
func (d *Dataset) LatestEvent() (Event, bool) {
	for i := len(d.Events) - 1; i >= 0; i-- {
		if !d.Events[i].Planned() {
			return d.Events[i], true
		}
	}
	return Event{}, false
}

// EventCountries lists the countries that appear in events, most frequent first.
func (d *Dataset) EventCountries() []string {
	count := map[string]int{}
	for _, e := range d.Events {
		for _, c := range e.Countries {
			count[c]++
		}
	}
	out := make([]string, 0, len(count))
	for c := range count {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	return out
}

// EventKindsUsed lists the event kinds present, alphabetically.
func (d *Dataset) EventKindsUsed() []string {
	var out []string
	for _, e := range d.Events {
		if !slices.Contains(out, e.Kind) {
			out = append(out, e.Kind)
		}
	}
	slices.Sort(out)
	return out
}
