package maptab

import "math"

// view is a region the map can show: the whole corridor or a close-up.
// It is the least the map shows; a canvas of another shape shows more
// around it.
type view struct {
	name                           string
	lonMin, lonMax, latMin, latMax float64
	// borders draws land borders; on the whole corridor they are more
	// noise than help at terminal resolution.
	borders bool
}

// views lists the zoom levels, widest first.
func views() []view {
	return []view{
		{name: "whole corridor", lonMin: 15, lonMax: 120, latMin: 30, latMax: 55},
		{name: "Black Sea to China", lonMin: 27, lonMax: 84, latMin: 36, latMax: 49, borders: true},
		{name: "Caspian close-up", lonMin: 46.5, lonMax: 55.5, latMin: 37, latMax: 47.5, borders: true},
	}
}

// proj is an equirectangular projection with longitude scaled by the
// cosine of the view's middle latitude, so shapes look right at the
// corridor's latitudes, onto a braille canvas of w×h cells (2×4 dots
// each; a dot is about square in a terminal font).
type proj struct {
	v      view
	kx     float64 // cos(middle latitude)
	k      float64 // dots per degree of latitude
	ox, oy float64 // dot offsets that centre the view
	w, h   int     // cells
}

// project fits v into w×h cells.
func project(v view, w, h int) proj {
	p := proj{v: v, w: w, h: h, kx: math.Cos((v.latMin + v.latMax) / 2 * math.Pi / 180)}
	spanX, spanY := (v.lonMax-v.lonMin)*p.kx, v.latMax-v.latMin
	dw, dh := float64(2*w), float64(4*h)
	p.k = math.Min(dw/spanX, dh/spanY)
	p.ox, p.oy = (dw-spanX*p.k)/2, (dh-spanY*p.k)/2
	return p
}

// dot is the canvas position, in dots, of a longitude and latitude.
func (p proj) dot(lon, lat float64) (x, y float64) {
	return p.ox + (lon-p.v.lonMin)*p.kx*p.k, p.oy + (p.v.latMax-lat)*p.k
}

// cell is the canvas cell a longitude and latitude fall in, and whether
// that cell is on the canvas.
func (p proj) cell(lon, lat float64) (cx, cy int, ok bool) {
	x, y := p.dot(lon, lat)
	cx, cy = int(math.Floor(x/2)), int(math.Floor(y/4))
	return cx, cy, cx >= 0 && cy >= 0 && cx < p.w && cy < p.h
}
