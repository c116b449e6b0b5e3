package maptab

import (
	"cmp"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/maptab/internal/geo"
	"corridor/tui/styles"
)

// cls is what a cell shows; it picks the cell's style.
type cls uint8

const (
	clsNone cls = iota
	clsLand
	clsCoast
	clsBorder
	clsRail
	clsSea
	clsMarker
	clsLabel
	clsSeaLabel
	clsSel
)

type cell struct {
	r rune
	c cls
}

// mapStyles are the map's styles, taken from the program's so themes,
// high contrast and NO_COLOR apply. Colour only repeats what the glyphs
// say: line patterns, marker shapes, reverse video for the selection.
// Each style is kept as the escape sequences it puts before and after a
// run: a map row has dozens of runs, and rendering each through
// lipgloss would make the first frame several times slower.
type mapStyles [clsSel + 1]struct{ pre, post string }

func newMapStyles(s *styles.Styles) *mapStyles {
	var m mapStyles
	for c, st := range map[cls]lipgloss.Style{
		clsLand:     s.Rule,
		clsCoast:    s.Muted,
		clsBorder:   s.Rule,
		clsRail:     s.Brand,
		clsSea:      s.Accent.Bold(true),
		clsMarker:   s.Value,
		clsLabel:    s.Node,
		clsSeaLabel: s.Muted.Italic(true),
		clsSel:      s.Selected,
	} {
		r := st.Render("x")
		i := strings.IndexByte(r, 'x')
		m[c].pre, m[c].post = r[:i], r[i+1:]
	}
	return &m
}

// span is where a label was placed; w is 0 when it was dropped.
type span struct{ x, y, w int }

// mark is a node's marker cell; ok is false when it is off the canvas.
type mark struct {
	x, y int
	ok   bool
}

// art is the map rasterised for one size, zoom and look. It is built
// once; moving the selection only re-renders the one or two rows the
// selected marker and its label are on.
type art struct {
	p      proj
	ascii  bool
	grid   []cell
	rows   []string
	marks  []mark
	labels []span
	glyphs []rune
	st     *mapStyles
	// sel caches, per node, its rows drawn with it selected.
	sel map[int][]patch
}

type patch struct {
	y int
	s string
}

// seaName is a sea's label and where it may go, best first.
type seaName struct {
	names []string // longest first
	at    [][2]float64
}

// seaNames label the two seas the route crosses or reaches. They are
// placed last, only on open water, and never over the route.
func seaNames() []seaName {
	return []seaName{
		{names: []string{"Caspian Sea", "Caspian"}, at: [][2]float64{{50.9, 45.4}, {51.2, 42.2}, {51.3, 38.8}}},
		{names: []string{"Black Sea"}, at: [][2]float64{{34.5, 43.4}, {33.0, 42.6}}},
	}
}

// buildArt rasterises the geography, the legs, the markers and their
// labels onto a w×h cell canvas.
func buildArt(lines []geo.Line, nodes []node, legs []model.Leg, v view, w, h int, st *mapStyles, ascii bool) *art {
	p := project(v, w, h)
	a := &art{p: p, ascii: ascii, st: st, sel: map[int][]patch{}}
	coast, border, rail, sea, land := newCanvas(w, h), newCanvas(w, h), newCanvas(w, h), newCanvas(w, h), newCanvas(w, h)
	var rings [][][2]float64
	for _, l := range lines {
		switch l.Kind {
		case geo.Land:
			r := make([][2]float64, len(l.Points))
			for i, pt := range l.Points {
				r[i][0], r[i][1] = p.dot(pt.Lon, pt.Lat)
			}
			rings = append(rings, r)
		case geo.Border:
			if v.borders {
				drawPolyline(border, p, l.Points, dotted)
			}
		default:
			drawPolyline(coast, p, l.Points, solid)
		}
	}
	// Land is stippled, water left blank: the seas read as shapes.
	land.fill(rings, stipple)
	for _, l := range legs {
		pts := []geo.Point{{Lon: l.From.Lon, Lat: l.From.Lat}, {Lon: l.To.Lon, Lat: l.To.Lat}}
		switch l.Mode {
		case model.LegSea:
			drawPolyline(sea, p, pts, dashed)
		case model.LegRoad:
			drawPolyline(rail, p, pts, dotted)
		default:
			drawPolyline(rail, p, pts, thick)
		}
	}
	a.grid = make([]cell, w*h)
	for i := range a.grid {
		r, s, g := rail.dots[i], sea.dots[i], coast.dots[i]|border.dots[i]
		switch {
		case r == 0 && s == 0 && g == 0 && land.dots[i] != 0:
			a.grid[i] = cell{a.landGlyph(land.dots[i]), clsLand}
		case r != 0:
			a.grid[i] = cell{a.lineGlyph(r|s, '#'), clsRail}
		case s != 0:
			a.grid[i] = cell{a.lineGlyph(s, '~'), clsSea}
		case coast.dots[i] != 0:
			a.grid[i] = cell{a.geoGlyph(g), clsCoast}
		case g != 0 && a.ascii:
			a.grid[i] = cell{'\'', clsBorder}
		case g != 0:
			a.grid[i] = cell{braille(g), clsBorder}
		default:
			a.grid[i] = cell{' ', clsNone}
		}
	}
	a.place(nodes, rail, sea, coast, border)
	a.rows = make([]string, h)
	for y := range h {
		a.rows[y] = a.renderRow(a.grid[y*w : (y+1)*w])
	}
	return a
}

func (a *art) lineGlyph(d uint8, ascii rune) rune {
	if a.ascii {
		return ascii
	}
	return braille(d)
}

func (a *art) landGlyph(d uint8) rune {
	if a.ascii {
		return '.'
	}
	return braille(d)
}

// stipple is the light, regular texture of land: one dot in every
// other cell, staggered, so coasts stand out against it.
func stipple(x, y int) bool { return x%2 == 0 && y%4 == 1 && (x/2+y/4)%2 == 0 }

// geoGlyph draws coast dots: braille, or ASCII by density.
func (a *art) geoGlyph(d uint8) rune {
	if a.ascii {
		return density(d)
	}
	return braille(d)
}

// drawPolyline projects and draws one line of points.
func drawPolyline(c *canvas, p proj, pts []geo.Point, pat pattern) {
	step := 0
	for i := 1; i < len(pts); i++ {
		x0, y0 := p.dot(pts[i-1].Lon, pts[i-1].Lat)
		x1, y1 := p.dot(pts[i].Lon, pts[i].Lat)
		c.line(x0, y0, x1, y1, pat, &step)
	}
}

// priority orders nodes for drawing and labelling: the heaviest cargo
// first, then route order. A marker sharing a cell shows the heavier
// node; a label that does not fit drops the lighter one.
func priority(nodes []node) []int {
	idx := make([]int, len(nodes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		return cmp.Compare(nodes[j].weight, nodes[i].weight)
	})
	return idx
}

// place draws the markers, then places labels by priority where they
// overlap no other label or marker, then the sea names on open water.
func (a *art) place(nodes []node, layers ...*canvas) {
	w, h := a.p.w, a.p.h
	taken := make([]bool, w*h)
	a.marks = make([]mark, len(nodes))
	a.labels = make([]span, len(nodes))
	a.glyphs = make([]rune, len(nodes))
	order := priority(nodes)
	for _, i := range order {
		a.glyphs[i] = markerGlyph(nodes[i], a.ascii)
		x, y, ok := a.p.cell(nodes[i].place.Lon, nodes[i].place.Lat)
		a.marks[i] = mark{x, y, ok}
	}
	// Lightest first, so the heaviest is drawn last where two share a cell.
	owner := map[int]int{}
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		if m := a.marks[i]; m.ok {
			a.grid[m.y*w+m.x] = cell{a.glyphs[i], clsMarker}
			taken[m.y*w+m.x] = true
			owner[m.y*w+m.x] = i
		}
	}
	// free reports whether n cells from (x, y), and one either side,
	// hold no marker or label; open also asks for water with no line.
	free := func(x, y, n int, open bool) bool {
		if y < 0 || y >= h || x < 0 || x+n > w {
			return false
		}
		for cx := max(x-1, 0); cx < min(x+n+1, w); cx++ {
			if taken[y*w+cx] {
				return false
			}
			if open && cx >= x && cx < x+n {
				for _, l := range layers {
					if l.at(cx, y) != 0 {
						return false
					}
				}
			}
		}
		return true
	}
	// cost is how much a label at (x, y) would hide: route legs most,
	// then coasts and borders, then water (the seas' shapes are what
	// makes the map recognisable); land texture costs nothing.
	cost := func(x, y, n int) int {
		c := 0
		for cx := x; cx < x+n; cx++ {
			switch a.grid[y*w+cx].c {
			case clsRail, clsSea:
				c += 4
			case clsCoast, clsBorder:
				c += 2
			case clsNone:
				c++
			}
		}
		return c
	}
	put := func(x, y int, text string, c cls) {
		for j, r := range []rune(text) {
			a.grid[y*w+x+j] = cell{r, c}
			taken[y*w+x+j] = true
		}
	}
	for _, i := range order {
		m := a.marks[i]
		// A marker hidden under a heavier one gets no label: it would
		// name the wrong marker.
		if !m.ok || a.grid[m.y*w+m.x].r != a.glyphs[i] || owner[m.y*w+m.x] != i {
			continue
		}
		name := nodes[i].label(a.ascii)
		n := len([]rune(name))
		best, bestCost := [2]int{}, -1
		for _, c := range [][2]int{
			{m.x + 2, m.y}, {m.x - 1 - n, m.y}, // beside
			{m.x - n/2, m.y - 1}, {m.x - n/2, m.y + 1}, // above, below
			{m.x + 1, m.y - 1}, {m.x + 1, m.y + 1}, {m.x - n, m.y - 1}, {m.x - n, m.y + 1}, // diagonal
		} {
			if !free(c[0], c[1], n, false) {
				continue
			}
			if k := cost(c[0], c[1], n); bestCost < 0 || k < bestCost {
				best, bestCost = c, k
			}
		}
		if bestCost >= 0 {
			put(best[0], best[1], name, clsLabel)
			a.labels[i] = span{best[0], best[1], n}
		}
	}
	for _, s := range seaNames() {
	names:
		for _, name := range s.names {
			n := len([]rune(name))
			for _, at := range s.at {
				x, y, ok := a.p.cell(at[0], at[1])
				if ok && free(x-n/2, y, n, true) {
					put(x-n/2, y, name, clsSeaLabel)
					break names
				}
			}
		}
	}
}

// renderRow styles one row of cells, a run of equal class at a time. A
// blank cell joins the run it is in (only the selection's reverse video
// shows on a blank), so stippled land is one run, not one per cell.
func (a *art) renderRow(row []cell) string {
	var b strings.Builder
	b.Grow(len(row) * 4)
	cur := clsNone
	for _, c := range row {
		k := c.c
		if c.r == ' ' && k != clsSel {
			if cur != clsSel {
				k = cur
			} else {
				k = clsNone
			}
		}
		if k != cur {
			b.WriteString(a.st[cur].post)
			b.WriteString(a.st[k].pre)
			cur = k
		}
		b.WriteRune(c.r)
	}
	b.WriteString(a.st[cur].post)
	return b.String()
}

// selected returns the rows that change when node i is selected: its
// marker (drawn even where a heavier node hid it) and its label, in
// reverse video.
func (a *art) selected(i int) []patch {
	if p, ok := a.sel[i]; ok {
		return p
	}
	w := a.p.w
	rows := map[int][]cell{}
	row := func(y int) []cell {
		if r, ok := rows[y]; ok {
			return r
		}
		r := slices.Clone(a.grid[y*w : (y+1)*w])
		rows[y] = r
		return r
	}
	if m := a.marks[i]; m.ok {
		row(m.y)[m.x] = cell{a.glyphs[i], clsSel}
	}
	if l := a.labels[i]; l.w > 0 {
		r := row(l.y)
		for x := l.x; x < l.x+l.w; x++ {
			r[x].c = clsSel
		}
	}
	var out []patch
	for y, r := range rows {
		out = append(out, patch{y, a.renderRow(r)})
	}
	slices.SortFunc(out, func(p, q patch) int { return cmp.Compare(p.y, q.y) })
	a.sel[i] = out
	return out
}

// hit returns the node at cell (x, y): a label, a marker, or a marker
// next to it (a click need not be exact), else -1.
func (a *art) hit(x, y int) int {
	for i, l := range a.labels {
		if l.w > 0 && y == l.y && x >= l.x && x < l.x+l.w {
			return i
		}
	}
	best, bestD := -1, 2
	for i, m := range a.marks {
		if !m.ok {
			continue
		}
		if d := max(abs(m.x-x), abs(m.y-y)); d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
