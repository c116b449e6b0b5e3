package main

import (
	"encoding/json"
	"testing"

	"corridor/tui/maptab/internal/geo"
)

var box = bbox{lonMin: 0, lonMax: 10, latMin: 0, latMax: 10}

func pt(lon, lat float64) geo.Point { return geo.Point{Lon: lon, Lat: lat} }

func TestClipSplitsALineThatLeavesAndReturns(t *testing.T) {
	pts := []geo.Point{pt(-5, 5), pt(5, 5), pt(15, 5), pt(15, 8), pt(5, 8)}
	got := clip(pts, box)
	if len(got) != 2 {
		t.Fatalf("pieces = %v, want two", got)
	}
	if got[0][0] != (geo.Point{Lon: 0, Lat: 5}) || got[0][len(got[0])-1] != (geo.Point{Lon: 10, Lat: 5}) {
		t.Errorf("first piece = %v, want 0,5 to 10,5", got[0])
	}
	if got[1][0] != (geo.Point{Lon: 10, Lat: 8}) || got[1][1] != (geo.Point{Lon: 5, Lat: 8}) {
		t.Errorf("second piece = %v, want 10,8 to 5,8", got[1])
	}
	if out := clip([]geo.Point{pt(20, 20), pt(30, 30)}, box); len(out) != 0 {
		t.Errorf("a line outside kept %v", out)
	}
}

func TestClipRingStaysClosed(t *testing.T) {
	ring := []geo.Point{pt(5, 5), pt(15, 5), pt(15, 15), pt(5, 15), pt(5, 5)}
	got := clipRing(ring, box)
	if len(got) < 4 || got[0] != got[len(got)-1] {
		t.Fatalf("clipped ring = %v, want closed", got)
	}
	for _, p := range got {
		if !box.inside(p) {
			t.Errorf("point %v outside the box", p)
		}
	}
	if got := clipRing([]geo.Point{pt(20, 20), pt(30, 20), pt(30, 30), pt(20, 20)}, box); got != nil {
		t.Errorf("a ring outside kept %v", got)
	}
}

func TestSimplifyDropsWhatATerminalCannotShow(t *testing.T) {
	pts := []geo.Point{pt(0, 0), pt(1, 0.001), pt(2, 0), pt(3, 2), pt(4, 0)}
	got := simplify(pts, 0.01, 1)
	want := []geo.Point{pt(0, 0), pt(2, 0), pt(3, 2), pt(4, 0)}
	if len(got) != len(want) {
		t.Fatalf("simplify = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("point %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// Rings follow TopoJSON: ~i is arc i reversed, shared ends are kept once.
func TestRingsFromArcs(t *testing.T) {
	arcs := [][][2]float64{{{0, 0}, {1, 0}, {0, 1}}, {{0, 1}, {-1, 0}, {0, -1}}}
	raw := json.RawMessage(`[[0, 1]]`)
	got := rings(raw, arcs, nil)
	want := []geo.Point{pt(0, 0), pt(1, 0), pt(0, 1), pt(-1, 0), pt(0, -1)}
	if len(got) != 1 || len(got[0]) != len(want) {
		t.Fatalf("rings = %v", got)
	}
	for i := range want {
		if got[0][i] != want[i] {
			t.Errorf("point %d = %v, want %v", i, got[0][i], want[i])
		}
	}
	if rev := rings(json.RawMessage(`[[-1]]`), arcs, nil); rev[0][0] != (geo.Point{Lon: 0, Lat: 1}) || rev[0][2] != (geo.Point{}) {
		t.Errorf("~0 = %v, want arc 0 reversed", rev)
	}
}
