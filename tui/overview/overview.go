// Package overview is the first tab: the route drawn as a chain of nodes
// from China to Europe with the latest actual figure at each, and cards
// with the headline figures. Every node and card is selectable, so its
// sources are one key away like everywhere else.
package overview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/bignum"
	"corridor/tui/components/cells"
	"corridor/tui/components/chart"
	"corridor/tui/components/memo"
	"corridor/tui/components/table"
	"corridor/tui/styles"
)

// KeyMap is the Overview's keys.
type KeyMap struct {
	Next, Prev key.Binding
}

// DefaultKeyMap returns the Overview keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next: key.NewBinding(key.WithKeys("down", "j", "right", "l"), key.WithHelp("j/→", "next figure")),
		Prev: key.NewBinding(key.WithKeys("up", "k", "left", "h"), key.WithHelp("k/←", "prev figure")),
	}
}

// figure is one labelled value on a node or card.
type figure struct {
	label string
	point model.Point
	ok    bool
}

// itemKind tells the selectable items apart by what they are, never by
// their titles, which come from the data.
type itemKind int

const (
	nodeItem   itemKind = iota // a stop on the route
	cardItem                   // a headline card the dataset declares
	eventItem                  // the most recent event
	checksItem                 // what the data checks found
)

// item is a selectable node or card.
type item struct {
	title   string
	kind    itemKind
	figures []figure
	extra   []string // own-words lines: growth, event title
	event   *model.Event
	derived []string
}

// Model is the Overview tab.
type Model struct {
	c     *common.Common
	keys  KeyMap
	items []item
	// newest is the most recent period any figure here shows; one more
	// than a year behind it is marked stale.
	newest model.Period
	cursor int
	width  int
	height int
	view   memo.String[viewKey]
	boxes  map[boxKey]cachedBox
	// chart is the volume chart, plotted once per size and style.
	chart memo.String[common.Inputs]
	// hits are where each item was drawn in the last view, for clicks.
	hits []hit
}

// hit is the rectangle item was drawn in: columns x0 to x1 (excluded),
// lines y0 to y1 (excluded).
type hit struct{ item, x0, x1, y0, y1 int }

// shift moves hits down by dy lines.
func shift(hs []hit, dy int) []hit {
	out := make([]hit, 0, len(hs))
	for _, h := range hs {
		h.y0, h.y1 = h.y0+dy, h.y1+dy
		out = append(out, h)
	}
	return out
}

// New builds the tab over c's dataset.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: DefaultKeyMap()}
	c.Keys.Apply("overview", &m.keys)
	m.compute()
	m.cursor = len(m.items) - 1
	m.move(1)
	return m
}

// fig looks up a declared figure: the headline of its series, and
// notes the newest period shown.
func (m *Model) fig(f model.Figure) figure {
	p, ok := model.Headline(m.c.Data, f.Subject, f.Metric, f.Unit)
	if ok && p.Period.Ends() > m.newest.Ends() {
		m.newest = p.Period
	}
	return figure{label: f.Label, point: p, ok: ok}
}

// compute picks each node's and card's figures once per dataset, as the
// dataset declares them (route.csv, cards.csv, headlines.csv).
func (m *Model) compute() {
	d := m.c.Data
	m.items = nil
	for _, n := range d.Route {
		it := item{title: n.Name, kind: nodeItem}
		for _, f := range d.FiguresOn(n.ID) {
			if x := m.fig(f); x.ok {
				it.figures = append(it.figures, x)
			}
		}
		m.items = append(m.items, it)
	}
	for _, c := range d.Cards {
		it := item{title: c.Title, kind: cardItem}
		for _, decl := range d.FiguresOn(c.ID) {
			f := m.fig(decl)
			if !f.ok {
				continue
			}
			it.figures = append(it.figures, f)
			g, rep, der := model.GrowthFor(d, f.point)
			if g == "" {
				continue
			}
			if rep != nil {
				it.figures = append(it.figures, figure{label: "  growth", point: *rep, ok: true})
			} else if der != nil {
				it.extra = append(it.extra, "  growth "+g+" vs "+der.Previous.Period.Label())
				it.derived = append(it.derived, fmt.Sprintf("%s growth %s = %s (%s) vs %s (%s)", f.label, g,
					model.FormatObs(der.Current), der.Current.Period.Label(), model.FormatObs(der.Previous), der.Previous.Period.Label()))
			}
		}
		m.items = append(m.items, it)
	}
	if e, ok := d.LatestEvent(); ok {
		m.items = append(m.items, item{title: "Most recent event", kind: eventItem, extra: []string{e.Date.Label(), e.Title}, event: &e})
	}
	conflicts := len(d.Conflicts())
	var mismatches []string
	for _, g := range d.GrowthChecks() {
		if !g.OK {
			mismatches = append(mismatches, fmt.Sprintf("%s %s %s: reported %+.1f%%, but %s vs %s gives %s",
				d.Name(g.Reported.Subject), d.MetricLabel(g.Base.Metric), g.Reported.Period.Label(), g.Reported.Value,
				model.FormatObs(g.Computed.Current), model.FormatObs(g.Computed.Previous), model.FormatGrowth(g.Computed)))
		}
	}
	m.items = append(m.items, item{title: "Data checks", kind: checksItem, extra: []string{
		fmt.Sprintf("%d figures where sources disagree %s", conflicts, model.GlyphDisputed),
		fmt.Sprintf("%d reported growth rates off the figures", len(mismatches)),
	}, derived: mismatches})
}

// viewKey is everything the tab's drawing depends on.
type viewKey struct {
	in     common.Inputs
	cursor int
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Overview" }

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Next):
			m.move(1)
		case key.Matches(msg, m.keys.Prev):
			m.move(-1)
		}
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			break
		}
		m.View() // the hits belong to the view on screen
		for _, h := range m.hits {
			if msg.X >= h.x0 && msg.X < h.x1 && msg.Y >= h.y0 && msg.Y < h.y1 && m.selectable(h.item) {
				if h.item == m.cursor {
					return m, common.OpenSources
				}
				m.cursor = h.item
				break
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.move(-1)
		case tea.MouseWheelDown:
			m.move(1)
		}
	}
	return m, nil
}

// selectable reports whether item i has something to show sources for.
func (m *Model) selectable(i int) bool {
	it := m.items[i]
	return len(it.figures) > 0 || it.event != nil || it.kind != nodeItem
}

// move steps the cursor to the next item that has something to show
// sources for; nodes without figures are skipped.
func (m *Model) move(step int) {
	n := len(m.items)
	for i := 1; i <= n; i++ {
		c := (m.cursor + step*i + n*n) % n
		if m.selectable(c) {
			m.cursor = c
			break
		}
	}
}

func (m *Model) figLine(f figure) string {
	s := m.c.Styles
	v := model.PointText(f.point) + m.c.NewMark(f.point.ID)
	per := f.point.Period.Label()
	if model.Stale(f.point.Period, m.newest) {
		per += model.GlyphStale
	}
	return s.Muted.Render(f.label+" ") + s.Value.Render(v) + s.Muted.Render(" "+per)
}

// draw tries layouts from the roomiest down (boxed route and card
// grid, compact route, compact cards) and keeps the first that fits.
func (m *Model) draw() string {
	// Briefing mode on a big screen: the headline figures in large glyphs
	// first, the route and cards in what is left.
	if panel := m.bigPanel(); panel != "" {
		if rest := m.height - lipgloss.Height(panel) - 1; rest >= 14 {
			out := m.drawIn(rest)
			m.hits = shift(m.hits, lipgloss.Height(panel)+1)
			return panel + "\n" + out
		}
	}
	return m.drawIn(m.height)
}

// drawIn draws the route and cards in h lines.
func (m *Model) drawIn(h int) string {
	full := m.height
	m.height = h
	defer func() { m.height = full }()
	title := m.c.Styles.Title.Render("The route") + m.c.Styles.Muted.Render("  latest actual figure at each node")
	var out string
	for _, layout := range [][2]func() (string, []hit){
		{m.routeBoxes, m.cardGrid},
		{m.routeCompact, m.cardGrid},
		{m.routeCompact, m.cardLines},
	} {
		route, rh := layout[0]()
		cards, ch := layout[1]()
		out = title + "\n" + route + "\n" + cards
		m.hits = append(shift(rh, 1), shift(ch, 1+lipgloss.Height(route))...)
		if lipgloss.Height(out) <= m.height {
			break
		}
	}
	// Room to spare (a big terminal or a projector): add the corridor's
	// volume by year under the cards.
	if spare := m.height - lipgloss.Height(out) - 1; spare >= 12 {
		out += "\n" + m.volumeChart(min(spare, 24))
	}
	// Still too tall: drop lines above the selection rather than cut it
	// off when a card (drawn under the route) is selected.
	lines := strings.Split(out, "\n")
	if len(lines) > m.height && m.items[m.cursor].kind != nodeItem {
		m.hits = shift(m.hits, m.height-len(lines))
		lines = lines[len(lines)-m.height:]
	}
	return strings.Join(lines, "\n")
}

// bigPanel draws three headline figures in large digits side by side,
// or "" outside briefing mode or when they would not fit.
func (m *Model) bigPanel() string {
	if !m.c.Present || m.height < 30 {
		return ""
	}
	d, s := m.c.Data, m.c.Styles
	figs := d.BriefingFigures()
	if len(figs) == 0 {
		return ""
	}
	colW := (m.width - 2*(len(figs)-1)) / len(figs)
	type shown struct {
		f      model.Figure
		p      model.Point
		digits string
	}
	var all []shown
	// Every figure in one size: the tallest that fits them all, so none
	// looks bigger (more important) than another.
	rows := 5
	for _, f := range figs {
		p, ok := model.Headline(d, f.Subject, f.Metric, f.Unit)
		if !ok {
			continue
		}
		digits := string(p.Qualifier) + model.FormatNumber(p.Value)
		for rows == 5 && bignum.Width(digits, 5) > colW {
			rows = 3
		}
		if bignum.Width(digits, 3) > colW {
			return "" // no room: the normal cards say the same in text
		}
		all = append(all, shown{f, p, digits})
	}
	var blocks []string
	var widths []int
	for _, x := range all {
		f, p := x.f, x.p
		big := bignum.Render(x.digits, rows)
		src, _ := d.Source(p.Source)
		foot := fmt.Sprintf("%s · %s · %s", f.Unit, p.Period.Label(), src.Publisher)
		if mk := model.Marks(p.Disputed(), p.Suspect()); mk != "" {
			foot += " " + mk + " sources disagree"
		}
		blocks = append(blocks, s.Heading.Render(f.Briefing)+"\n"+s.BigValue.Render(strings.Join(big, "\n"))+"\n"+s.Muted.Render(cells.Truncate(foot, colW, "…")))
		widths = append(widths, colW)
	}
	if len(blocks) == 0 {
		return ""
	}
	return cells.Columns("  ", blocks, widths)
}

// volumeChart plots the series the dataset declares for the Overview
// (the Middle Corridor's yearly volume in the bundle) with its forecasts
// and targets in their own glyphs.
func (m *Model) volumeChart(h int) string {
	return m.chart.Get(m.c.Inputs(m.width, h), func() string { return m.plotVolume(h) })
}

func (m *Model) plotVolume(h int) string {
	s, d := m.c.Styles, m.c.Data
	charts := d.ChartsOf(model.ViewOverview)
	if len(charts) == 0 {
		return ""
	}
	c := charts[0]
	var series []chart.Series
	for _, k := range d.Keys(c.Subject, c.Metric) {
		if k.Unit != c.Unit {
			continue
		}
		if sr := chart.SeriesFor(d, k); len(sr.Values) > 0 {
			series = append(series, sr)
		}
	}
	body := chart.Years(series, chart.Options{Width: m.width, Height: h - 1, Styles: chart.StylesFrom(s)})
	if body == "" {
		return ""
	}
	note := "  " + c.Unit
	for _, t := range d.ChartsOf(model.ViewTransit) {
		if t.Subject == c.Subject && t.Metric == c.Metric {
			note += " · details on the Transit tab"
			break
		}
	}
	return s.Title.Render(c.Title) + s.Muted.Render(note) + "\n" + body
}

// routeBoxes draws each node as a bordered box, flowing into rows.
func (m *Model) routeBoxes() (string, []hit) {
	s := m.c.Styles
	var rows []string
	var line []string
	var widths, items []int
	var hits []hit
	top := 0
	lineW := 0
	flush := func() {
		// Every box is at least four lines, so line 2 is inside each one.
		arrow := "\n\n" + s.Arrow.Render(" → ")
		var blocks []string
		var ws []int
		x := 0
		for j, b := range line {
			if j > 0 {
				blocks, ws = append(blocks, arrow), append(ws, 3)
				x += 3
			}
			blocks, ws = append(blocks, b), append(ws, widths[j])
			hits = append(hits, hit{items[j], x, x + widths[j], top, top + lipgloss.Height(b)})
			x += widths[j]
		}
		row := cells.Columns("", blocks, ws)
		rows = append(rows, row)
		top += lipgloss.Height(row)
		line, widths, items, lineW = nil, nil, nil, 0
	}
	for i, it := range m.items {
		if it.kind != nodeItem {
			continue
		}
		box, bw := m.box(i, 0, func() string {
			body := []string{s.Node.Render(it.title)}
			for _, f := range it.figures {
				body = append(body, m.figLine(f))
			}
			if len(it.figures) == 0 {
				body = append(body, s.Muted.Render("no figure"))
			}
			return strings.Join(body, "\n")
		})
		if lineW > 0 && lineW+3+bw > m.width {
			flush()
		}
		if lineW > 0 {
			lineW += 3
		}
		line, widths, items = append(line, box), append(widths, bw), append(items, i)
		lineW += bw
	}
	if len(line) > 0 {
		flush()
	}
	return strings.Join(rows, "\n"), hits
}

// box renders item i as a card of width w (0 for its natural width),
// selected or not, once per size and style: moving the cursor then only
// swaps two cached boxes instead of re-rendering every border.
func (m *Model) box(i, w int, body func() string) (string, int) {
	k := boxKey{item: i, sel: i == m.cursor && !m.c.HideCursor, w: w, styles: m.c.Styles, tabW: m.width, hide: m.c.HideCursor}
	if b, ok := m.boxes[k]; ok {
		return b.s, b.w
	}
	st := m.c.Styles.Card
	if k.sel {
		st = m.c.Styles.CardSel
	}
	if w > 0 {
		st = st.Width(w)
	}
	out := st.Render(body())
	if m.boxes == nil || len(m.boxes) > 8*len(m.items) {
		// Boxes are keyed by their inputs; old widths are only dropped
		// to bound the map, never to invalidate it.
		m.boxes = map[boxKey]cachedBox{}
	}
	b := cachedBox{s: out, w: lipgloss.Width(out)}
	m.boxes[k] = b
	return b.s, b.w
}

type boxKey struct {
	item   int
	sel    bool
	w      int
	styles *styles.Styles
	// tabW and hide are the tab's width (a box's text may be cut to it)
	// and whether a briefing hides the selection.
	tabW int
	hide bool
}

type cachedBox struct {
	s string
	w int
}

// routeCompact names the nodes on one wrapped line, then gives one line
// to each node that has figures.
func (m *Model) routeCompact() (string, []hit) {
	s := m.c.Styles
	var names []string
	for _, it := range m.items {
		if it.kind == nodeItem {
			names = append(names, s.Node.Render(it.title))
		}
	}
	out := []string{lipgloss.NewStyle().Width(m.width).Render(strings.Join(names, s.Arrow.Render(" → ")))}
	y := lipgloss.Height(out[0])
	var hits []hit
	for i, it := range m.items {
		if it.kind != nodeItem || len(it.figures) == 0 {
			continue
		}
		parts := make([]string, len(it.figures))
		for j, f := range it.figures {
			parts[j] = m.figLine(f)
		}
		line, _ := m.whole(table.Fit(it.title, min(15, max(m.width/4, 8)), false)+" ", parts)
		out = append(out, m.lineItem(i, line))
		hits = append(hits, hit{i, 0, m.width, y, y + 1})
		y++
	}
	return strings.Join(out, "\n"), hits
}

// whole writes lead and then as many of parts as fit on a line whole,
// then "+N" for the N left out: a figure is never cut through its value
// or period. dropped is N.
func (m *Model) whole(lead string, parts []string) (line string, dropped int) {
	s := m.c.Styles
	room := m.width - 2 // lineItem's marker
	line = lead
	for i, p := range parts {
		if i > 0 || !strings.HasSuffix(lead, " ") {
			p = s.Muted.Render(" · ") + p
		}
		rest := ""
		if left := len(parts) - i - 1; left > 0 {
			rest = fmt.Sprintf(" +%d", left)
		}
		if cells.Width(line+p+rest) > room {
			return line + s.Muted.Render(fmt.Sprintf(" +%d", len(parts)-i)), len(parts) - i
		}
		line += p
	}
	return line, 0
}

// lineItem draws one selectable line, highlighted when selected.
func (m *Model) lineItem(i int, text string) string {
	if i == m.cursor && !m.c.HideCursor {
		t := cells.Truncate(ansi.Strip("▸ "+text), m.width, "…")
		return m.c.Styles.Selected.Render(t + strings.Repeat(" ", max(m.width-cells.Width(t), 0)))
	}
	return cells.Truncate("  "+text, m.width, "…")
}

// cardBody is a card's lines: heading, figures, own-words extras.
func (m *Model) cardBody(it item, w int) []string {
	s := m.c.Styles
	body := []string{s.Heading.Render(it.title)}
	for _, f := range it.figures {
		body = append(body, m.figLine(f))
	}
	for _, x := range it.extra {
		body = append(body, s.Derived.Render(cells.Truncate(x, max(w, 1), "…")))
	}
	return body
}

// cardGrid draws the headline cards as bordered boxes in a grid.
func (m *Model) cardGrid() (string, []hit) {
	perRow := max(1, m.width/38)
	cardW := m.width/perRow - 1
	fw, _ := m.c.Styles.Card.GetFrameSize()
	var grid, cur []string
	var ws []int
	var hits, row []hit
	top, x := 0, 0
	flush := func() {
		g := cells.Columns("", cur, ws)
		for _, h := range row {
			h.y0, h.y1 = top, top+lipgloss.Height(g)
			hits = append(hits, h)
		}
		grid = append(grid, g)
		top += lipgloss.Height(g)
		cur, ws, row, x = nil, nil, nil, 0
	}
	for i, it := range m.items {
		if it.kind == nodeItem {
			continue
		}
		b, w := m.box(i, cardW, func() string { return strings.Join(m.cardBody(it, cardW-fw), "\n") })
		cur, ws = append(cur, b), append(ws, w)
		row = append(row, hit{item: i, x0: x, x1: x + w})
		x += w
		if len(cur) == perRow {
			flush()
		}
	}
	if len(cur) > 0 {
		flush()
	}
	return strings.Join(grid, "\n"), hits
}

// cardLines draws each card as one line: heading then figures.
func (m *Model) cardLines() (string, []hit) {
	s := m.c.Styles
	out := []string{s.Title.Render("Headlines")}
	var hits []hit
	for i, it := range m.items {
		if it.kind == nodeItem {
			continue
		}
		var figs []string
		for _, f := range it.figures {
			f.label = strings.TrimSpace(f.label)
			figs = append(figs, m.figLine(f))
		}
		line, dropped := m.whole(s.Heading.Render(it.title), figs)
		// Own-words extras (an event's title, a note) may be cut; figures
		// never are, so they come only when every figure fitted.
		if dropped == 0 {
			for _, x := range it.extra {
				line += s.Muted.Render(" · ") + s.Derived.Render(strings.TrimSpace(x))
			}
		}
		hits = append(hits, hit{i, 0, m.width, len(out), len(out) + 1})
		out = append(out, m.lineItem(i, line))
	}
	return strings.Join(out, "\n"), hits
}

// View implements common.Tab.
func (m *Model) View() string {
	return m.view.Get(viewKey{m.c.Inputs(m.width, m.height), m.cursor}, m.draw)
}

// Selection implements common.Tab.
func (m *Model) Selection() (common.Selection, bool) {
	it := m.items[m.cursor]
	sel := common.Selection{Title: it.title, Derived: it.derived}
	for _, f := range it.figures {
		sel.Observations = append(sel.Observations, f.point.Observation)
	}
	if it.event != nil {
		sel.Events = append(sel.Events, *it.event)
	}
	if it.kind == checksItem {
		for _, c := range m.c.Data.Conflicts() {
			sel.Observations = append(sel.Observations, c.Observations[0])
		}
	}
	return sel, len(sel.Observations)+len(sel.Events) > 0
}

// Capturing implements common.Tab.
func (m *Model) Capturing() bool { return false }

// kept names the selected item by what it is, for a data reload.
type kept struct {
	kind  itemKind
	title string
}

// Keep implements common.Keeper.
func (m *Model) Keep() any { it := m.items[m.cursor]; return kept{it.kind, it.title} }

// Restore implements common.Keeper.
func (m *Model) Restore(v any) {
	k, ok := v.(kept)
	if !ok {
		return
	}
	for i, it := range m.items {
		if it.kind == k.kind && it.title == k.title {
			m.cursor = i
			return
		}
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Next, m.keys.Prev} }

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{{m.keys.Next, m.keys.Prev}} }
