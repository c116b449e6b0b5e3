package chart

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"corridor/model"
	"corridor/tui/components/cells"
)

// plot is a value axis and a slot axis (years, months) on a grid.
type plot struct {
	ax    yAxis
	x     xAxis
	axisX int // the value axis's column
	g     *grid
}

// newPlot lays out n slots against ax within width cells, with the tick
// labels left of the axis and the slot labels, labelW wide, under it;
// nil when the slots do not fit.
func newPlot(ax yAxis, n, labelW int, every []int, width, maxStep int) *plot {
	yw := 0
	for i := 0; i <= ax.nsteps; i++ {
		yw = max(yw, cells.Width(tickLabel(ax.tick(i))))
	}
	axisX := yw + 1
	// Two cells past the last slot label leave room for a value label
	// centred over the last marker.
	x, ok := layoutX(n, axisX+2, width-3, labelW, every, maxStep)
	if !ok {
		return nil
	}
	rows := ax.rows()
	w := min(width, x.col(n-1)+labelW-(labelW-1)/2+3)
	p := &plot{ax: ax, x: x, axisX: axisX, g: newGrid(w, rows+2)}
	for r := range rows {
		y := rows - 1 - r
		if r%ax.k == 0 {
			l := tickLabel(ax.tick(r / ax.k))
			p.g.put(yw-cells.Width(l), y, l, stAxis)
			p.g.set(axisX, y, '┤', stAxis)
		} else {
			p.g.set(axisX, y, '│', stAxis)
		}
	}
	corner := '└'
	if ax.broken() {
		corner = []rune(GlyphBreak)[0]
	}
	p.g.set(axisX, rows, corner, stAxis)
	for c := axisX + 1; c <= x.col(n-1)+1; c++ {
		p.g.set(c, rows, '─', stAxis)
	}
	return p
}

// width is the plot's width in cells.
func (p *plot) width() int { return p.g.w }

// xLabels writes the slot labels: label(i) gives slot i's text and
// whether it is one of the labelled slots. Every slot gets a tick when
// slots are two columns apart or more, else only labelled ones do.
func (p *plot) xLabels(label func(i int) (string, bool)) {
	rows := p.ax.rows()
	for i := range p.x.n {
		c := p.x.col(i)
		text, show := label(i)
		if show || p.x.step >= 2 {
			p.g.set(c, rows, '┬', stAxis)
		}
		if show {
			p.g.put(labelStart(c, cells.Width(text)), rows+1, text, stAxis)
		}
	}
}

// yOf is the grid row of value v.
func (p *plot) yOf(v float64) int { return p.ax.rows() - 1 - p.ax.rowOf(v) }

func (p *plot) mark(i int, v float64, glyph string, st uint8) {
	p.g.set(p.x.col(i), p.yOf(v), []rune(glyph)[0], st)
}

// markPlan draws a plan's marker on its value's row, in its slot's
// column or, when a marker holds that cell, right or left beside it
// (never into the next slot); false when there is no room.
func (p *plot) markPlan(i int, v float64, glyph string, st uint8) bool {
	c, y := p.x.col(i), p.yOf(v)
	for _, dc := range []int{0, 1, -1} {
		if dc != 0 && p.x.step < 3 {
			break
		}
		switch p.g.at(c+dc, y) {
		case ' ', '─', '│', '╭', '╮', '╰', '╯':
			p.g.set(c+dc, y, []rune(glyph)[0], st)
			return true
		}
	}
	return false
}

// join draws the visual join between two consecutive markers: along the
// first one's row to the middle column, up or down, and along the second
// one's row. It writes only blank cells and stands for no value.
func (p *plot) join(i1 int, v1 float64, i2 int, v2 float64, st uint8) {
	c1, c2 := p.x.col(i1), p.x.col(i2)
	y1, y2 := p.yOf(v1), p.yOf(v2)
	blank := func(c, y int, r rune) {
		if p.g.at(c, y) == ' ' {
			p.g.set(c, y, r, st)
		}
	}
	if y1 == y2 {
		for c := c1 + 1; c < c2; c++ {
			blank(c, y1, '─')
		}
		return
	}
	if c2-c1 < 2 {
		return
	}
	mid := (c1 + c2) / 2
	for c := c1 + 1; c < mid; c++ {
		blank(c, y1, '─')
	}
	for c := mid + 1; c < c2; c++ {
		blank(c, y2, '─')
	}
	top, bottom := min(y1, y2), max(y1, y2)
	for y := top + 1; y < bottom; y++ {
		blank(mid, y, '│')
	}
	if y2 < y1 { // up
		blank(mid, y1, '╯')
		blank(mid, y2, '╭')
	} else {
		blank(mid, y1, '╮')
		blank(mid, y2, '╰')
	}
}

// label writes text next to the marker of slot i at v: right of it, left
// of it, above or below it, wherever the cells are blank with a blank
// cell to spare on its row; false when there is no such place.
func (p *plot) label(i int, v float64, text string) bool {
	c, y := p.x.col(i), p.yOf(v)
	w := cells.Width(text)
	rows := p.ax.rows()
	// Never left of it: "4.5M● 4.1M●" would read as the first marker's
	// label on the right of it.
	for _, at := range [][2]int{{c + 1, y}, {labelStart(c, w), y - 1}, {labelStart(c, w), y + 1}} {
		x0, y0 := at[0], at[1]
		if x0 <= p.axisX+1 || x0+w > p.g.w || y0 < 0 || y0 >= rows {
			continue
		}
		// A blank cell must part the label from any other glyph on its
		// row, bar its own marker's on the left.
		if !p.g.free(x0, y0, w) || !p.g.free(x0+w, y0, min(1, p.g.w-x0-w)) || (x0 != c+1 && !p.g.free(x0-1, y0, 1)) {
			continue
		}
		p.g.put(x0, y0, text, stNote)
		return true
	}
	return false
}

// item is a styled piece of text and its width.
type item struct {
	text string
	w    int
}

// parts is a drawn chart before it is set out: the plot's lines, and the
// legend, notes and key that go beside or under it.
type parts struct {
	plot   []string
	width  int
	legend []item
	notes  []note
	key    horizon
}

// sidePlotMin is the narrowest plot that may share its width with the
// legend beside it.
const sidePlotMin = 40

// compose sets out a chart in o.Width×o.Height: the legend, notes and key
// beside the plot when they fit there (the plot keeps the full height),
// else under it; the plot shrinks to make room, and when it cannot the
// key goes, then notes are cut with a count of what is left out. draw
// draws the plot in a width and at most a number of rows.
func compose(o Options, draw func(width, rows int) (parts, bool)) []string {
	if trial, ok := draw(o.Width, o.Height-2-1); ok {
		sideW := 0
		for _, it := range trial.sideItems(o.Styles, o.Width) {
			sideW = max(sideW, it.w)
		}
		if pw := o.Width - sideW - 2; pw >= sidePlotMin {
			if pa, ok := draw(pw, o.Height-2); ok {
				room := o.Width - pa.width - 2
				var side []string
				fits := true
				for _, it := range pa.sideItems(o.Styles, room) {
					side = append(side, it.text)
					fits = fits && it.w <= room
				}
				if fits && len(side) <= len(pa.plot) {
					lines := strings.Split(cells.Columns("  ", []string{strings.Join(pa.plot, "\n"), strings.Join(side, "\n")}, []int{pa.width, room}), "\n")
					for i, l := range lines {
						lines[i] = strings.TrimRight(l, " ")
					}
					return lines
				}
			}
		}
	}
	// Under: the tallest plot that leaves room for everything under it.
	for rows := o.Height - 3; rows >= minRows; rows-- {
		pa, ok := draw(o.Width, rows)
		if !ok {
			continue
		}
		rows = len(pa.plot) - 2 // a shorter axis may have been chosen
		if under := pa.underLines(o.Styles, o.Width, -1); len(pa.plot)+len(under) <= o.Height {
			return append(pa.plot, under...)
		}
	}
	// No room for it all: the tallest plot that leaves room for its
	// legend, the values it must write out and a line of plans, which are
	// cut with a count of what is left out. A chart that cannot write out
	// the values its rows do not show is not drawn: it would mislead.
	for rows := o.Height - 3; rows >= minRows; rows-- {
		pa, ok := draw(o.Width, rows)
		if !ok {
			continue
		}
		rows = len(pa.plot) - 2
		var must []item
		for _, n := range pa.notes {
			if n.st == stActual || n.st == stPrevious {
				must = append(must, n.item(o.Styles))
			}
		}
		if len(pa.plot)+len(wrap(pa.legend, o.Width))+len(wrap(must, o.Width))+1 <= o.Height {
			return append(pa.plot, pa.underLines(o.Styles, o.Width, o.Height-len(pa.plot))...)
		}
	}
	return nil
}

// sideItems are the lines beside a plot: each legend entry, each note
// and the key, one a line.
func (pa parts) sideItems(st Styles, w int) []item {
	items := slices.Clone(pa.legend)
	for _, n := range pa.notes {
		items = append(items, n.item(st))
	}
	if k, ok := pa.key.strip(st, w, ""); ok {
		items = append(items, item{st.paint(stNote, "horizon"), 7}, k)
	}
	return items
}

// underLines are the lines under a plot w wide: the legend, the notes,
// the key. With limit >= 0 they are cut to limit lines: the key goes
// first, then notes, the last line saying how many are left out.
func (pa parts) underLines(st Styles, w, limit int) []string {
	var lines []string
	lines = append(lines, wrap(pa.legend, w)...)
	var notes []item
	for _, n := range pa.notes {
		notes = append(notes, n.item(st))
	}
	nl := wrap(notes, w)
	key, hasKey := pa.key.strip(st, w, "horizon ")
	if limit < 0 || len(lines)+len(nl)+1 <= limit {
		lines = append(lines, nl...)
		if hasKey {
			lines = append(lines, key.text)
		}
		return lines
	}
	for len(nl) > 0 && len(lines)+len(nl) > limit && len(notes) > 0 {
		// Drop whole notes from the end (plans: values come first) until
		// they fit with a count.
		notes = notes[:len(notes)-1]
		more := item{st.paint(stNote, fmt.Sprintf("… %d more", len(pa.notes)-len(notes))), 0}
		more.w = cells.Width(more.text)
		nl = wrap(append(slices.Clone(notes), more), w)
	}
	lines = append(lines, nl...)
	if len(lines) > limit {
		lines = lines[:max(limit, 0)]
	}
	return lines
}

// wrap joins items with two spaces into lines no wider than w; an item
// wider than w is cut.
func wrap(items []item, w int) []string {
	var lines []string
	var cur strings.Builder
	curW := 0
	for _, it := range items {
		if it.w > w {
			it = item{cells.Truncate(it.text, w, "…"), w}
		}
		if curW > 0 && curW+2+it.w > w {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if curW > 0 {
			cur.WriteString("  ")
			curW += 2
		}
		cur.WriteString(it.text)
		curW += it.w
	}
	if curW > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func (n note) item(st Styles) item {
	g := n.glyph
	if st.ASCII {
		// cells.ASCII would make → a '>', which reads as "more than".
		switch g {
		case GlyphBeyond:
			g = "->"
		case GlyphBefore:
			g = "<-"
		}
	}
	text := n.period + " " + n.text
	return item{st.paint(n.st, g) + " " + st.paint(stNote, text), cells.Width(g) + 1 + cells.Width(text)}
}

// mergeYears lists notes by year, actual values first, and one note for consecutive years
// that say the same: "↑ 2022–2024 cap 6M t/yr".
func mergeYears(notes []note) []note {
	type group struct {
		glyph, text string
		st          uint8
	}
	// Actual values first: when the notes must be cut, plans go first.
	slices.SortStableFunc(notes, func(a, b note) int {
		if (a.st == stActual) != (b.st == stActual) {
			if a.st == stActual {
				return -1
			}
			return 1
		}
		return a.slot - b.slot
	})
	var out []note
	last := map[group]int{} // index in out of the group's latest note
	for _, n := range notes {
		g := group{n.glyph, n.text, n.st}
		if k, ok := last[g]; ok && out[k].slot+out[k].span == n.slot-1 {
			first, _, _ := strings.Cut(out[k].period, "–")
			out[k].period = first + "–" + n.period
			out[k].span++
			continue
		}
		last[g] = len(out)
		out = append(out, n)
	}
	return out
}

// legend names each kind the chart holds once, with its units, and the
// broken axis when there is one.
func legend(series []Series, ax yAxis, st Styles) []item {
	var items []item
	for _, k := range model.Kinds() {
		var units []string
		for _, s := range series {
			if s.Kind == k && len(s.Values) > 0 && !slices.Contains(units, s.Unit) {
				units = append(units, s.Unit)
			}
		}
		if len(units) == 0 {
			continue
		}
		text := kindName(k)
		if u := strings.Join(slices.DeleteFunc(units, func(u string) bool { return u == "" }), ", "); u != "" {
			text += " (" + u + ")"
		}
		items = append(items, item{st.paint(kindStyle(k), Glyph(k)) + " " + text, 2 + cells.Width(text)})
	}
	if ax.broken() {
		items = append(items, breakItem(ax, st))
	}
	return items
}

func breakItem(ax yAxis, st Styles) item {
	text := "axis starts at " + tickLabel(ax.lo)
	return item{st.paint(stAxis, GlyphBreak) + " " + text, 2 + cells.Width(text)}
}

// horizon is the key to a year chart whose series reach beyond its
// years: the whole horizon, first year to last, with the chart's years
// in brackets.
type horizon struct {
	series              []Series
	first, last, lo, hi int
}

func newHorizon(series []Series, lo, hi int) horizon {
	h := horizon{series: series, first: lo, last: hi, lo: lo, hi: hi}
	for _, s := range series {
		for y := range s.Values {
			h.first, h.last = min(h.first, y), max(h.last, y)
		}
	}
	return h
}

// strip draws the key in at most w cells after title: one cell per year
// (or per few years), actual years in the actual glyph, plan years in
// their kind's, the chart's years in brackets. false when the chart
// shows every year or the key does not fit.
func (h horizon) strip(st Styles, w int, title string) (item, bool) {
	if h.first == h.lo && h.last == h.hi {
		return item{}, false
	}
	for _, head := range []string{title, ""} {
		head += strconv.Itoa(h.first) + " "
		tail := " " + strconv.Itoa(h.last)
		room := w - len(head) - len(tail) - 2
		n := h.last - h.first + 1
		if room < min(n, 8) {
			continue
		}
		per := (n + room - 1) / room
		var b strings.Builder
		width := len(head) + len(tail)
		b.WriteString(st.paint(stNote, head))
		for y := h.first; y <= h.last; y += per {
			if y <= h.lo && h.lo < y+per {
				b.WriteString(st.paint(stNote, "["))
				width++
			}
			b.WriteString(keyCell(h.series, y, y+per, st))
			width++
			if y <= h.hi && h.hi < y+per {
				b.WriteString(st.paint(stNote, "]"))
				width++
			}
		}
		b.WriteString(st.paint(stNote, tail))
		return item{b.String(), width}, true
	}
	return item{}, false
}

// keyCell is the glyph for years [from, to): the actual glyph if any
// actual falls there, else the first plan kind's glyph, else blank.
func keyCell(series []Series, from, to int, st Styles) string {
	for _, k := range model.Kinds() {
		for _, s := range series {
			if s.Kind != k {
				continue
			}
			for y := from; y < to; y++ {
				if _, ok := s.Values[y]; ok {
					return st.paint(kindStyle(k), Glyph(k))
				}
			}
		}
	}
	return " "
}

// planList is what a chart with no actual figure shows: each plan, with
// its glyph, year and value.
func planList(series []Series, o Options) []string {
	var notes []note
	for _, s := range series {
		for y := range s.Values {
			notes = append(notes, note{glyph: Glyph(s.Kind), st: kindStyle(s.Kind), slot: y, period: strconv.Itoa(y), text: kindName(s.Kind) + " " + s.noted(y)})
		}
	}
	if len(notes) == 0 {
		return nil
	}
	notes = mergeYears(notes)
	head := "no actual figures by year; plans only:"
	items := []item{{o.Styles.paint(stNote, head), cells.Width(head)}}
	for _, n := range notes {
		items = append(items, n.item(o.Styles))
	}
	var lines []string
	for _, it := range items {
		lines = append(lines, wrap([]item{it}, o.Width)...)
	}
	if len(lines) > o.Height {
		lines = lines[:o.Height]
	}
	return lines
}
