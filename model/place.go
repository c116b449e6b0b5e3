package model

import (
	"cmp"
	"slices"
)

// Place is a point on the map: where a port, node or subject lies, and
// how the route reaches it. Coordinates are data like any figure, with
// a source the reader can check.
type Place struct {
	ID string
	// Name is the short label drawn on the map ("Alat", "Kuryk").
	Name string
	// Subject is the port, project or subject whose figures the place
	// shows; empty for a waypoint that only shapes the route's legs.
	Subject string
	Lat     float64
	Lon     float64
	// Order is the place's position when walking the route (1 first);
	// 0 leaves it off the walk.
	Order int
	// From lists the places legs arrive from, all travelled by Mode.
	From []string
	Mode string
	// Source is where the coordinates come from.
	Source string
	Note   string
}

// The ways a leg of the route can travel.
const (
	LegRail = "rail"
	LegSea  = "sea"
	LegRoad = "road"
)

// LegModes lists the modes a leg may take.
func LegModes() []string { return []string{LegRail, LegSea, LegRoad} }

// Leg is one drawn stretch of the route between two places.
type Leg struct {
	From, To Place
	Mode     string
}

// Walk returns the places with a subject in route order: those with an
// Order first, by Order, then the rest by name. Waypoints are left out:
// they have nothing to show.
func (d *Dataset) Walk() []Place {
	var out []Place
	for _, p := range d.Places {
		if p.Subject != "" {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Place) int {
		if (a.Order == 0) != (b.Order == 0) {
			if a.Order == 0 {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// Legs returns every leg of the route, in file order of their
// destinations. A leg naming an unknown place is skipped (the loader
// reports it).
func (d *Dataset) Legs() []Leg {
	byID := make(map[string]Place, len(d.Places))
	for _, p := range d.Places {
		byID[p.ID] = p
	}
	var out []Leg
	for _, p := range d.Places {
		for _, f := range p.From {
			if from, ok := byID[f]; ok {
				out = append(out, Leg{From: from, To: p, Mode: p.Mode})
			}
		}
	}
	return out
}
