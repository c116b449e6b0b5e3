package model

import "testing"

func TestWalkAndLegs(t *testing.T) {
	d := &Dataset{Places: []Place{
		{ID: "b", Name: "Beta", Subject: "s2", Order: 2, From: []string{"a", "w"}, Mode: LegSea},
		{ID: "w", Name: "Waypoint"},
		{ID: "z", Name: "Zulu", Subject: "s4"},
		{ID: "y", Name: "Yankee", Subject: "s3"},
		{ID: "a", Name: "Alpha", Subject: "s1", Order: 1, From: []string{"nowhere"}, Mode: LegRail},
	}}
	var got []string
	for _, p := range d.Walk() {
		got = append(got, p.ID)
	}
	if want := "a b y z"; join(got) != want {
		t.Errorf("walk = %q, want %q (ordered first, then by name, waypoints out)", join(got), want)
	}
	legs := d.Legs()
	if len(legs) != 2 || legs[0].From.ID != "a" || legs[1].From.ID != "w" || legs[0].To.ID != "b" || legs[0].Mode != LegSea {
		t.Errorf("legs = %+v, want a→b and w→b by sea (unknown places skipped)", legs)
	}
}

func TestDiffCountsPlaces(t *testing.T) {
	a := &Dataset{Places: []Place{{ID: "a", Lat: 1}}}
	b := &Dataset{Places: []Place{{ID: "a", Lat: 2}, {ID: "b"}}}
	if n := Diff(a, b); n != 2 {
		t.Errorf("Diff = %d, want 2 (one moved, one added)", n)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
