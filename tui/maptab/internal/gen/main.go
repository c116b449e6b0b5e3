// Command gen builds the map tab's geography file from Natural Earth.
//
// It reads a countries TopoJSON file of the world-atlas npm package
// (v2.0.2; Natural Earth 1:50m Admin 0 countries, public domain), splits
// its arcs into coastlines (an arc only one country uses: the sea or the
// Caspian is on the other side) and land borders (two countries share
// it), assembles the land object's rings (so the map can shade land and
// leave water, the Caspian included, blank), clips everything to the
// corridor's region, simplifies it with Douglas-Peucker for terminal
// resolution and writes the compact format of internal/geo. `make geo` fetches the package and runs it:
//
//	go run ./tui/maptab/internal/gen -in countries-50m.json -out tui/maptab/geo.bin
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"corridor/tui/maptab/internal/geo"
)

// topology is the part of a TopoJSON file the generator needs.
type topology struct {
	Type      string
	Arcs      [][][2]float64
	Transform *struct {
		Scale     [2]float64
		Translate [2]float64
	}
	Objects map[string]struct {
		Geometries []struct {
			Type string
			Arcs json.RawMessage
		}
	}
}

// bbox is a longitude/latitude rectangle.
type bbox struct{ lonMin, lonMax, latMin, latMax float64 }

func (b bbox) inside(p geo.Point) bool {
	return p.Lon >= b.lonMin && p.Lon <= b.lonMax && p.Lat >= b.latMin && p.Lat <= b.latMax
}

func main() {
	in := flag.String("in", "countries-50m.json", "world-atlas countries TopoJSON file")
	out := flag.String("out", "tui/maptab/geo.bin", "geography file to write")
	box := flag.String("bbox", "14,121,29,56", "lonMin,lonMax,latMin,latMax to keep")
	tol := flag.Float64("tolerance", 0.02, "Douglas-Peucker tolerance in degrees of latitude")
	flag.Parse()
	if err := run(*in, *out, *box, *tol); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out, box string, tol float64) error {
	b, err := parseBBox(box)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if t.Type != "Topology" {
		return fmt.Errorf("%s: not a TopoJSON topology", in)
	}
	countries, ok := t.Objects["countries"]
	if !ok {
		return fmt.Errorf("%s: no countries object (use countries-50m.json or countries-110m.json)", in)
	}
	users := make([]int, len(t.Arcs))
	for _, g := range countries.Geometries {
		for _, a := range arcRefs(g.Arcs) {
			if a < 0 {
				a = ^a
			}
			if a < len(users) {
				users[a]++
			}
		}
	}
	mid := (b.latMin + b.latMax) / 2
	var lines []geo.Line
	points := 0
	for i, arc := range t.Arcs {
		if users[i] == 0 {
			continue
		}
		kind := geo.Coast
		if users[i] > 1 {
			kind = geo.Border
		}
		for _, piece := range clip(decodeArc(arc, t.Transform), b) {
			piece = simplify(piece, tol, math.Cos(mid*math.Pi/180))
			if len(piece) < 2 {
				continue
			}
			lines = append(lines, geo.Line{Kind: kind, Points: piece})
			points += len(piece)
		}
	}
	if land, ok := t.Objects["land"]; ok {
		for _, g := range land.Geometries {
			for _, ring := range rings(g.Arcs, t.Arcs, t.Transform) {
				ring = clipRing(ring, b)
				ring = simplify(ring, tol, math.Cos(mid*math.Pi/180))
				if len(ring) < 4 {
					continue
				}
				lines = append(lines, geo.Line{Kind: geo.Land, Points: ring})
				points += len(ring)
			}
		}
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := geo.Encode(f, lines); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, _ := os.Stat(out)
	fmt.Printf("%s: %d lines, %d points, %d bytes\n", out, len(lines), points, st.Size())
	return nil
}

func parseBBox(s string) (bbox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return bbox{}, fmt.Errorf("bbox %q: want lonMin,lonMax,latMin,latMax", s)
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return bbox{}, fmt.Errorf("bbox %q: %w", s, err)
		}
		v[i] = f
	}
	return bbox{v[0], v[1], v[2], v[3]}, nil
}

// arcRefs flattens a Polygon's or MultiPolygon's nested arc indexes.
func arcRefs(raw json.RawMessage) []int {
	var flat []int
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, y := range x {
				walk(y)
			}
		case float64:
			flat = append(flat, int(x))
		}
	}
	var v any
	if json.Unmarshal(raw, &v) == nil {
		walk(v)
	}
	return flat
}

// rings assembles a Polygon's or MultiPolygon's rings from its arcs: an
// index ~i means arc i reversed, and each arc starts where the previous
// one ended.
func rings(raw json.RawMessage, arcs [][][2]float64, tr *struct {
	Scale     [2]float64
	Translate [2]float64
}) [][]geo.Point {
	var out [][]geo.Point
	var walk func(v any) bool
	// walk returns true when v is a ring (a list of numbers).
	walk = func(v any) bool {
		list, ok := v.([]any)
		if !ok {
			return false
		}
		if len(list) > 0 {
			if _, num := list[0].(float64); num {
				var ring []geo.Point
				for _, x := range list {
					i := int(x.(float64))
					rev := i < 0
					if rev {
						i = ^i
					}
					pts := decodeArc(arcs[i], tr)
					if rev {
						for a, b := 0, len(pts)-1; a < b; a, b = a+1, b-1 {
							pts[a], pts[b] = pts[b], pts[a]
						}
					}
					if len(ring) > 0 {
						pts = pts[1:]
					}
					ring = append(ring, pts...)
				}
				out = append(out, ring)
				return true
			}
		}
		for _, x := range list {
			walk(x)
		}
		return false
	}
	var v any
	if json.Unmarshal(raw, &v) == nil {
		walk(v)
	}
	return out
}

// clipRing is Sutherland-Hodgman: the ring cut to b, still closed; a
// ring wholly outside comes back empty.
func clipRing(ring []geo.Point, b bbox) []geo.Point {
	edges := []struct {
		in  func(geo.Point) bool
		cut func(p, q geo.Point) geo.Point
	}{
		{func(p geo.Point) bool { return p.Lon >= b.lonMin }, func(p, q geo.Point) geo.Point { return atLon(p, q, b.lonMin) }},
		{func(p geo.Point) bool { return p.Lon <= b.lonMax }, func(p, q geo.Point) geo.Point { return atLon(p, q, b.lonMax) }},
		{func(p geo.Point) bool { return p.Lat >= b.latMin }, func(p, q geo.Point) geo.Point { return atLat(p, q, b.latMin) }},
		{func(p geo.Point) bool { return p.Lat <= b.latMax }, func(p, q geo.Point) geo.Point { return atLat(p, q, b.latMax) }},
	}
	out := ring
	for _, e := range edges {
		in := out
		out = nil
		for i, q := range in {
			p := in[(i+len(in)-1)%len(in)]
			switch {
			case e.in(q) && !e.in(p):
				out = append(out, e.cut(p, q), q)
			case e.in(q):
				out = append(out, q)
			case e.in(p):
				out = append(out, e.cut(p, q))
			}
		}
		if len(out) == 0 {
			return nil
		}
	}
	if out[0] != out[len(out)-1] {
		out = append(out, out[0])
	}
	return out
}

func atLon(p, q geo.Point, lon float64) geo.Point {
	t := (lon - p.Lon) / (q.Lon - p.Lon)
	return geo.Point{Lon: lon, Lat: p.Lat + t*(q.Lat-p.Lat)}
}

func atLat(p, q geo.Point, lat float64) geo.Point {
	t := (lat - p.Lat) / (q.Lat - p.Lat)
	return geo.Point{Lon: p.Lon + t*(q.Lon-p.Lon), Lat: lat}
}

// decodeArc undoes TopoJSON's delta encoding and quantisation.
func decodeArc(arc [][2]float64, tr *struct {
	Scale     [2]float64
	Translate [2]float64
}) []geo.Point {
	out := make([]geo.Point, len(arc))
	var x, y float64
	for i, p := range arc {
		if tr == nil {
			out[i] = geo.Point{Lon: p[0], Lat: p[1]}
			continue
		}
		x, y = x+p[0], y+p[1]
		out[i] = geo.Point{Lon: x*tr.Scale[0] + tr.Translate[0], Lat: y*tr.Scale[1] + tr.Translate[1]}
	}
	return out
}

// clip cuts a polyline to b, returning the pieces inside (a line that
// leaves and re-enters becomes two).
func clip(pts []geo.Point, b bbox) [][]geo.Point {
	var out [][]geo.Point
	var cur []geo.Point
	flush := func() {
		if len(cur) >= 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for i := 1; i < len(pts); i++ {
		p, q, ok := clipSegment(pts[i-1], pts[i], b)
		if !ok {
			flush()
			continue
		}
		if len(cur) == 0 || cur[len(cur)-1] != p {
			flush()
			cur = append(cur, p)
		}
		cur = append(cur, q)
		if q != pts[i] { // left the box
			flush()
		}
	}
	flush()
	return out
}

// clipSegment is Liang-Barsky: the part of segment p-q inside b.
func clipSegment(p, q geo.Point, b bbox) (geo.Point, geo.Point, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := q.Lon-p.Lon, q.Lat-p.Lat
	for _, e := range [4][2]float64{
		{-dx, p.Lon - b.lonMin}, {dx, b.lonMax - p.Lon},
		{-dy, p.Lat - b.latMin}, {dy, b.latMax - p.Lat},
	} {
		pe, qe := e[0], e[1]
		if pe == 0 {
			if qe < 0 {
				return p, q, false
			}
			continue
		}
		r := qe / pe
		if pe < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return p, q, false
		}
	}
	a, c := p, q
	if t0 > 0 {
		a = geo.Point{Lon: p.Lon + t0*dx, Lat: p.Lat + t0*dy}
	}
	if t1 < 1 {
		c = geo.Point{Lon: p.Lon + t1*dx, Lat: p.Lat + t1*dy}
	}
	return a, c, true
}

// simplify is Douglas-Peucker with longitude scaled by kx, the same
// equal-looking projection the map draws with, so the tolerance means
// the same distance in every direction.
func simplify(pts []geo.Point, tol, kx float64) []geo.Point {
	if len(pts) <= 2 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var rec func(i, j int)
	rec = func(i, j int) {
		if j <= i+1 {
			return
		}
		ax, ay := pts[i].Lon*kx, pts[i].Lat
		bx, by := pts[j].Lon*kx, pts[j].Lat
		worst, at := -1.0, -1
		for k := i + 1; k < j; k++ {
			d := segDist(pts[k].Lon*kx, pts[k].Lat, ax, ay, bx, by)
			if d > worst {
				worst, at = d, k
			}
		}
		if worst > tol {
			keep[at] = true
			rec(i, at)
			rec(at, j)
		}
	}
	rec(0, len(pts)-1)
	var out []geo.Point
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// segDist is the distance from (px,py) to the segment a-b.
func segDist(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l2))
	}
	return math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
}
