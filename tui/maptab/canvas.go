package maptab

import (
	"math"
	"math/bits"
	"slices"
)

// canvas is one layer of braille dots, a byte of eight dots per cell.
type canvas struct {
	w, h int
	dots []uint8
}

func newCanvas(w, h int) *canvas { return &canvas{w: w, h: h, dots: make([]uint8, w*h)} }

// brailleBit is the bit of the dot at column dx (0-1), row dy (0-3) of a
// cell, in Unicode's braille order: dots 1-3 down the left column, 4-6
// down the right, then 7 and 8 along the bottom.
func brailleBit(dx, dy int) uint8 {
	if dy == 3 {
		return 0x40 << dx
	}
	return 1 << (dy + 3*dx)
}

// set raises the dot at (x, y), ignoring dots off the canvas.
func (c *canvas) set(x, y int) {
	if x < 0 || y < 0 || x >= 2*c.w || y >= 4*c.h {
		return
	}
	c.dots[(y/4)*c.w+x/2] |= brailleBit(x%2, y%4)
}

// at returns the dots of cell (cx, cy).
func (c *canvas) at(cx, cy int) uint8 { return c.dots[cy*c.w+cx] }

// pattern is how a line is drawn. Shape, not colour, tells coasts,
// borders, rail and sea legs apart, so NO_COLOR loses nothing.
type pattern int

// The line patterns.
const (
	solid  pattern = iota // every dot
	dotted                // one dot in three
	thick                 // every dot, two dots wide
	dashed                // two dots on, two off
)

// spec is the pattern as on of every period dots raised, and whether
// the line is two dots wide.
func (p pattern) spec() (on, period int, wide bool) {
	switch p {
	case dotted:
		return 1, 3, false
	case thick:
		return 1, 1, true
	case dashed:
		return 2, 4, false
	}
	return 1, 1, false
}

// line draws from (x0, y0) to (x1, y1) in dots. step carries the
// pattern's phase from one segment of a polyline to the next, so a
// dotted coast stays evenly dotted around its corners.
func (c *canvas) line(x0, y0, x1, y1 float64, p pattern, step *int) {
	dx, dy := x1-x0, y1-y0
	n := int(math.Ceil(math.Max(math.Abs(dx), math.Abs(dy))))
	// Skip a segment entirely off the canvas: most of the world is, in
	// a close-up.
	if math.Max(x0, x1) < -1 || math.Max(y0, y1) < -1 || math.Min(x0, x1) > float64(2*c.w)+1 || math.Min(y0, y1) > float64(4*c.h)+1 {
		*step += n
		return
	}
	on, period, wide := p.spec()
	for i := 0; i <= n; i++ {
		// A segment's first dot is the previous one's last.
		if i > 0 || *step == 0 {
			*step++
		}
		if (*step-1)%period >= on {
			continue
		}
		t := 0.0
		if n > 0 {
			t = float64(i) / float64(n)
		}
		x, y := int(math.Floor(x0+t*dx)), int(math.Floor(y0+t*dy))
		c.set(x, y)
		if wide {
			// Thicken across the line's direction.
			if math.Abs(dx) >= math.Abs(dy) {
				c.set(x, y+1)
			} else {
				c.set(x+1, y)
			}
		}
	}
}

// braille is the character showing the dots of one cell.
func braille(d uint8) rune { return rune(0x2800 + int(d)) }

// density is the ASCII character for a coast cell with d dots raised:
// more ink for more dots. It starts above the land texture's '.', so a
// coast never looks like land.
func density(d uint8) rune {
	switch n := bits.OnesCount8(d); {
	case n == 0:
		return ' '
	case n <= 3:
		return ':'
	default:
		return '%'
	}
}

// fill raises, inside the rings (even-odd, so a ring inside another is a
// hole: the Caspian in Eurasia), the dots keep allows. Each dot row is
// a scanline through the dots' centres.
func (c *canvas) fill(rings [][][2]float64, keep func(x, y int) bool) {
	var xs []float64
	for y := 0; y < 4*c.h; y++ {
		cy := float64(y) + 0.5
		xs = xs[:0]
		for _, r := range rings {
			for i := 1; i < len(r); i++ {
				a, b := r[i-1], r[i]
				if (a[1] <= cy) == (b[1] <= cy) {
					continue
				}
				xs = append(xs, a[0]+(cy-a[1])/(b[1]-a[1])*(b[0]-a[0]))
			}
		}
		slices.Sort(xs)
		for i := 0; i+1 < len(xs); i += 2 {
			from := max(int(math.Ceil(xs[i]-0.5)), 0)
			to := min(int(math.Floor(xs[i+1]-0.5)), 2*c.w-1)
			for x := from; x <= to; x++ {
				if keep(x, y) {
					c.set(x, y)
				}
			}
		}
	}
}
