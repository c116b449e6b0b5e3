package maptab

import (
	"fmt"
	"strings"

	"corridor/model"
	"corridor/tui/components/cells"
)

// pane returns the selected node's side pane for the current layout,
// drawn once per node, size and look.
func (m *Model) pane() []string {
	k := paneKey{w: m.lay.paneW, h: m.lay.paneH, zoom: m.zoom, styles: m.c.Styles}
	if m.panes == nil || m.paneKey != k {
		m.panes, m.paneKey = map[int][]string{}, k
	}
	if p, ok := m.panes[m.cursor]; ok {
		return p
	}
	var p []string
	if len(m.nodes) == 0 {
		p = []string{m.c.Styles.Muted.Render(cells.Truncate(m.emptyNote(), m.lay.paneW, "…"))}
	} else {
		figs, place := m.blocks(m.cursor)
		w, h := m.lay.paneW, m.lay.paneH
		if lw, top, ok := m.paneList(); ok {
			// Room under a wide map: the route as text beside the details,
			// scrolled to keep the selection in view.
			list := m.listLines(top, min(top+h, len(m.nodes)), lw-2)
			p = columns(list, m.arrange(figs, place, w-lw, h), lw)
		} else {
			p = m.arrange(figs, place, w, h)
		}
	}
	m.panes[m.cursor] = p
	return p
}

// paneList says whether the pane below the map lists the route, how
// wide that list is and which node it starts at.
func (m *Model) paneList() (lw, top int, ok bool) {
	w, h := m.lay.paneW, m.lay.paneH
	if m.lay.right || w < 100 || h < 6 {
		return 0, 0, false
	}
	return min(w*9/20, 64), min(max(m.cursor-h/2, 0), max(len(m.nodes)-h, 0)), true
}

// columns sets two blocks of lines side by side, the left padded to lw.
func columns(left, right []string, lw int) []string {
	out := make([]string, max(len(left), len(right)))
	for i := range out {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = cells.Pad(l, lw) + r
	}
	return out
}

// arrange fits the two blocks into w×h: side by side when the pane is
// wide (below the map), else one after the other.
func (m *Model) arrange(figs, place []string, w, h int) []string {
	var out []string
	if w >= 70 {
		lw := w * 11 / 20
		out = columns(fitLines(trimFigs(figs, h, m.c.Styles.Muted.Render), lw-2), fitLines(place, w-lw), lw)
	} else {
		// Stacked: keep the place's lines, cut figures to fit.
		if room := h - len(place) - 1; len(figs) > room {
			figs = trimFigs(figs, max(room, 3), m.c.Styles.Muted.Render)
		}
		out = append(fitLines(figs, w), "")
		out = append(out, fitLines(place, w)...)
	}
	if len(out) > h {
		out = trimFigs(out, h, m.c.Styles.Muted.Render)
	}
	return out
}

// trimFigs keeps the first n-1 lines and says how many more there are.
func trimFigs(ls []string, n int, muted func(...string) string) []string {
	if len(ls) <= n {
		return ls
	}
	return append(ls[:n-1:n-1], muted(fmt.Sprintf("+%d more: enter for all", len(ls)-n+1)))
}

func fitLines(ls []string, w int) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = cells.Truncate(l, max(w, 1), "…")
	}
	return out
}

// blocks are a node's figures (heading, subject, latest figures with
// period and growth) and its place (legs, coordinates and their source,
// our note).
func (m *Model) blocks(i int) (figs, place []string) {
	s, d := m.c.Styles, m.c.Data
	n := m.nodes[i]
	figs = []string{
		s.Title.Render("▸ "+n.place.Name) + s.Muted.Render(fmt.Sprintf("  %d of %d", i+1, len(m.nodes))),
		s.Muted.Render(n.title),
	}
	for _, f := range n.figs {
		line := s.Muted.Render(f.label+" ") + s.Value.Render(model.PointText(f.point)+m.c.NewMark(f.point.ID)) + s.Muted.Render(" "+f.point.Period.Label()+m.stale(f.point.Period))
		if f.growth != "" {
			st := s.Muted
			if f.reported == nil {
				st = s.Derived
			}
			line += " " + st.Render(f.growth)
		}
		figs = append(figs, line)
	}
	if len(n.figs) == 0 {
		figs = append(figs, s.Muted.Render("no actual figure"))
	}
	if n.others > 0 {
		figs = append(figs, s.Muted.Render(fmt.Sprintf("+%d forecasts, targets or capacities: enter", n.others)))
	}
	for _, l := range append(append([]string{}, n.from...), n.to...) {
		place = append(place, s.Accent.Render(l))
	}
	src := n.place.Source
	if so, ok := d.Source(src); ok {
		src = so.Publisher
	}
	place = append(place, s.Muted.Render(fmt.Sprintf("%s · %s", latLon(n.place.Lat, n.place.Lon, s.ASCII), src)))
	if n.place.Note != "" {
		place = append(place, s.Muted.Render(n.place.Note))
	}
	if a := m.art; a != nil && !m.listing() && !a.marks[i].ok {
		place = append(place, s.Warn.Render("outside this view: z or - to zoom out"))
	}
	return figs, place
}

// latLon prints a coordinate pair the way a gazetteer does.
func latLon(lat, lon float64, ascii bool) string {
	deg := "°"
	if ascii {
		deg = " deg"
	}
	ns, ew := "N", "E"
	if lat < 0 {
		lat, ns = -lat, "S"
	}
	if lon < 0 {
		lon, ew = -lon, "W"
	}
	return fmt.Sprintf("%.2f%s%s %.2f%s%s", lat, deg, ns, lon, deg, ew)
}

// listTop is the first node the list shows, scrolled to keep the
// cursor in view.
func (m *Model) listTop() int {
	rows := m.listRoom()
	return min(max(m.cursor-rows+1, 0), max(len(m.nodes)-rows, 0))
}

// listRoom is how many list rows fit: all of them when a pane for the
// selection still fits below, else the height less the title.
func (m *Model) listRoom() int { return max(m.height-1, 1) }

// listView is the route as text: one line per place in route order with
// its marker, latest figure and legs. It is what a screen reader reads,
// and what small terminals show instead of the map.
func (m *Model) listView() string {
	s := m.c.Styles
	title := s.Title.Render("Route as text") + s.Muted.Render(fmt.Sprintf(" · %d places in route order", len(m.nodes)))
	if !m.lay.list && m.geoErr == nil {
		title += s.Muted.Render(" · l: map")
	}
	lines := []string{cells.Truncate(title, m.width, "…")}
	if len(m.nodes) == 0 {
		return strings.Join(append(lines, s.Muted.Render(cells.Truncate(m.emptyNote(), m.width, "…"))), "\n")
	}
	top := m.listTop()
	lines = append(lines, m.listLines(top, min(top+m.listRoom(), len(m.nodes)), m.width)...)
	// Room left: the selection's details under the list.
	if spare := m.height - len(lines) - 1; spare >= 4 {
		figs, place := m.blocks(m.cursor)
		lines = append(lines, "")
		lines = append(lines, m.arrange(figs, place, m.width, spare)...)
	}
	return strings.Join(lines, "\n")
}

// listLines draws nodes from..to-1 as list rows w cells wide, the
// selected one in reverse video. Unselected rows are cached per width.
func (m *Model) listLines(from, to, w int) []string {
	s := m.c.Styles
	k := paneKey{w: w, styles: s}
	if m.listRows == nil || m.listKey != k {
		m.listKey = k
		m.listRows = make([]string, len(m.nodes))
		for i := range m.nodes {
			m.listRows[i] = cells.Truncate("  "+m.listText(i), w, "…")
		}
	}
	var out []string
	for i := from; i < to; i++ {
		row := m.listRows[i]
		if i == m.cursor && !m.c.HideCursor {
			t := cells.Truncate("▸ "+m.listText(i), w, "…")
			row = s.Selected.Render(t + strings.Repeat(" ", max(w-cells.Width(t), 0)))
		}
		out = append(out, row)
	}
	return out
}

// listText is one node as plain text.
func (m *Model) listText(i int) string {
	n := m.nodes[i]
	parts := []string{string(markerGlyph(n, m.c.Styles.ASCII)) + " " + n.place.Name}
	if len(n.figs) > 0 {
		f := n.figs[0]
		t := f.label + " " + model.PointText(f.point) + " " + f.point.Period.Label() + m.stale(f.point.Period)
		if f.growth != "" {
			t += " " + f.growth
		}
		parts = append(parts, t)
	} else {
		parts = append(parts, "no actual figure")
	}
	parts = append(parts, n.title)
	parts = append(parts, n.from...)
	return strings.Join(parts, " · ")
}

// stale marks a period more than a year behind the newest on the map.
func (m *Model) stale(p model.Period) string {
	if model.Stale(p, m.newest) {
		return model.GlyphStale
	}
	return ""
}
