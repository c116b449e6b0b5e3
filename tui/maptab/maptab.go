// Package maptab is the Map tab: the corridor drawn on real geography
// (Natural Earth coastlines and borders, embedded), with the route's
// places and legs from the dataset on top, each place's latest figures
// beside it, and a text list for small screens and screen readers.
//
// The map is rasterised once per size, zoom and look; moving the
// selection swaps one or two cached rows, so a key costs about what it
// costs on any other tab.
package maptab

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/cells"
	"corridor/tui/maptab/internal/geo"
	"corridor/tui/styles"
)

//go:embed geo.bin
var geoFile []byte

// geography decodes the embedded file once per process; the lines are
// read-only afterwards and shared by every session.
var geography = sync.OnceValues(func() ([]geo.Line, error) { return geo.Decode(geoFile) })

// Attribution is the credit Natural Earth asks for, shown on the tab.
const Attribution = "Made with Natural Earth"

// Below this much room for the map itself the tab shows the text list.
const (
	minMapW = 30
	minMapH = 8
)

// KeyMap is the Map tab's keys.
type KeyMap struct {
	Next, Prev key.Binding
	Zoom       key.Binding
	ZoomIn     key.Binding
	ZoomOut    key.Binding
	List       key.Binding
}

// DefaultKeyMap returns the Map keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:    key.NewBinding(key.WithKeys("j", "down", "right"), key.WithHelp("j/↓", "next place")),
		Prev:    key.NewBinding(key.WithKeys("k", "up", "left"), key.WithHelp("k/↑", "prev place")),
		Zoom:    key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "zoom")),
		ZoomIn:  key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "zoom in")),
		ZoomOut: key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "zoom out")),
		List:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "map/list")),
	}
}

// Model is the Map tab.
type Model struct {
	c     *common.Common
	keys  KeyMap
	nodes []node
	legs  []model.Leg
	// newest is the most recent period any place's figure shows; a figure
	// more than a year behind it is marked stale.
	newest model.Period
	lines  []geo.Line
	geoErr error
	cursor int
	zoom   int
	// list is the text list asked for with the key; the tab also falls
	// back to it when the map has no room.
	list   bool
	width  int
	height int
	lay    layout
	art    *art
	artKey artKey
	// chrome is the title and legend lines, drawn with the art.
	chrome  [2]string
	chromeW int
	// frameSize is the longest frame so far, to size the next one.
	frameSize int
	// panes caches each node's side pane for the current layout.
	panes    map[int][]string
	paneKey  paneKey
	listRows []string
	listKey  paneKey
}

// layout is where things go for the current size and zoom.
type layout struct {
	list       bool // no room for a map
	mapW, mapH int
	// right puts the pane beside the map, else below it.
	right        bool
	paneW, paneH int
}

type artKey struct {
	w, h, zoom int
	styles     *styles.Styles
}

type paneKey struct {
	w, h, zoom int
	styles     *styles.Styles
}

// New builds the tab over c's dataset.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: DefaultKeyMap()}
	m.lines, m.geoErr = geography()
	m.nodes, m.legs = buildNodes(c.Data)
	for _, n := range m.nodes {
		for _, f := range n.figs {
			if f.point.Period.Ends() > m.newest.Ends() {
				m.newest = f.point.Period
			}
		}
	}
	return m
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Map" }

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.lay = m.plan()
}

// plan chooses the layout that gives the map the most dots per degree:
// the whole corridor is wide and short, so its pane goes below; the
// Caspian is tall, so its pane goes beside it.
func (m *Model) plan() layout {
	w, h := m.width, m.height-2 // title and legend lines
	v := views()[m.zoom]
	paneW := min(max(w/3, 30), 44)
	right := layout{right: true, mapW: w - paneW - 1, mapH: h, paneW: paneW, paneH: h}
	paneH := min(max(h/3, 5), 10)
	below := layout{mapW: w, mapH: h - paneH, paneW: w, paneH: paneH}
	best := right
	if project(v, below.mapW, below.mapH).k > project(v, right.mapW, right.mapH).k || right.mapW < minMapW {
		best = below
	}
	if best.mapW < minMapW || best.mapH < minMapH {
		return layout{list: true, paneW: w, paneH: m.height}
	}
	// Give rows the map cannot use back to the pane.
	p := project(v, best.mapW, best.mapH)
	if !best.right {
		used := min(best.mapH, int(float64(4*best.mapH)-2*p.oy+3)/4+1)
		best.paneH += best.mapH - used
		best.mapH = used
	}
	return best
}

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Next):
			m.move(1)
		case key.Matches(msg, m.keys.Prev):
			m.move(-1)
		case key.Matches(msg, m.keys.Zoom):
			m.setZoom((m.zoom + 1) % len(views()))
		case key.Matches(msg, m.keys.ZoomIn):
			m.setZoom(min(m.zoom+1, len(views())-1))
		case key.Matches(msg, m.keys.ZoomOut):
			m.setZoom(max(m.zoom-1, 0))
		case key.Matches(msg, m.keys.List):
			m.list = !m.list
		}
	case tea.MouseClickMsg:
		if ms := msg.Mouse(); ms.Button == tea.MouseLeft {
			m.click(ms.X, ms.Y)
		}
	}
	return m, nil
}

func (m *Model) move(step int) {
	if n := len(m.nodes); n > 0 {
		m.cursor = ((m.cursor+step)%n + n) % n
	}
}

func (m *Model) setZoom(z int) {
	if z != m.zoom {
		m.zoom = z
		m.lay = m.plan()
	}
}

// click selects the node under a click, in the tab's own coordinates
// (the root subtracts the rows above the tab).
func (m *Model) click(x, y int) {
	if m.listing() {
		if i := y - 1 - m.listTop(); y >= 1 && i >= 0 && i < len(m.nodes) {
			m.cursor = i
		}
		return
	}
	a := m.ensureArt()
	if i := a.hit(x, y-1); i >= 0 && y-1 < a.p.h {
		m.cursor = i
		return
	}
	// The route list under a wide map: title, map and legend are above it.
	if lw, top, ok := m.paneList(); ok && x < lw {
		if i := top + y - (a.p.h + 2); y >= a.p.h+2 && i < len(m.nodes) {
			m.cursor = i
		}
	}
}

func (m *Model) listing() bool { return m.list || m.lay.list || m.geoErr != nil }

// ensureArt returns the map for the current size, zoom and styles,
// rasterising it only when one of them changed.
func (m *Model) ensureArt() *art {
	k := artKey{m.lay.mapW, m.lay.mapH, m.zoom, m.c.Styles}
	if m.art == nil || m.artKey != k || m.chromeW != m.width {
		m.artKey, m.chromeW = k, m.width
		m.art = buildArt(m.lines, m.nodes, m.legs, views()[m.zoom], k.w, k.h, newMapStyles(m.c.Styles), m.c.Styles.ASCII)
		m.chrome = [2]string{m.titleLine(), m.legend()}
	}
	return m.art
}

// View implements common.Tab.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.listing() {
		return m.listView()
	}
	a := m.ensureArt()
	var b strings.Builder
	b.Grow(m.frameSize)
	b.WriteString(m.chrome[0])
	pane := m.pane()
	patches := []patch(nil)
	if len(m.nodes) > 0 && !m.c.HideCursor {
		// While a briefing rotates on its own nothing is drawn selected.
		patches = a.selected(m.cursor)
	}
	for y, row := range a.rows {
		for _, p := range patches {
			if p.y == y {
				row = p.s
			}
		}
		b.WriteByte('\n')
		b.WriteString(row)
		if m.lay.right && y < len(pane) {
			b.WriteByte(' ')
			b.WriteString(pane[y])
		}
	}
	b.WriteByte('\n')
	b.WriteString(m.chrome[1])
	if !m.lay.right {
		for _, l := range pane {
			b.WriteByte('\n')
			b.WriteString(l)
		}
	}
	m.frameSize = max(m.frameSize, b.Len())
	return b.String()
}

// titleLine names the view and credits Natural Earth.
func (m *Model) titleLine() string {
	s := m.c.Styles
	v := views()[m.zoom]
	other := views()[(m.zoom+1)%len(views())]
	left := s.Title.Render("Map") + s.Muted.Render(" · "+v.name+" · z: "+other.name)
	right := s.Muted.Render(Attribution)
	gap := m.width - cells.Width(left) - cells.Width(right)
	if gap < 1 {
		return cells.Truncate(left, max(m.width-cells.Width(right)-1, 0), "…") + " " + right
	}
	return left + strings.Repeat(" ", gap) + right
}

// legend explains every glyph, dropping the least needed parts when
// narrow.
func (m *Model) legend() string {
	s := m.c.Styles
	ascii := s.ASCII
	g := []string{"○", "•", "●", "◉", "⠶⠶⠶", "⠒⠀⠒", "⠤⠤", "⠁⠈"}
	if ascii {
		g = []string{"+", "o", "O", "@", "###", "~~~", "::", "''"}
	}
	ge := "≥"
	if ascii {
		ge = ">="
	}
	sizes := s.Muted.Render("size by latest full-year cargo: ") + s.Value.Render(g[3]) + s.Muted.Render(" "+ge+"5M t ") +
		s.Value.Render(g[2]) + s.Muted.Render(" "+ge+"1M ") + s.Value.Render(g[1]) + s.Muted.Render(" <1M ") + s.Value.Render(g[0]) + s.Muted.Render(" none")
	legs := m.c.Styles.Brand.Render(g[4]) + s.Muted.Render(" rail  ") + s.Accent.Bold(true).Render(g[5]) + s.Muted.Render(" sea (straight: schematic)")
	geoL := s.Muted.Render(g[6] + " coast")
	if views()[m.zoom].borders {
		geoL += "  " + s.Rule.Render(g[7]) + s.Muted.Render(" border")
	}
	sep := s.Muted.Render(" · ")
	for _, parts := range [][]string{{sizes, legs, geoL}, {sizes, legs}, {legs, geoL}, {legs}} {
		l := strings.Join(parts, sep)
		if cells.Width(l) <= m.width {
			return l
		}
	}
	return cells.Truncate(legs, m.width, "…")
}

// Selection implements common.Tab.
func (m *Model) Selection() (common.Selection, bool) {
	if len(m.nodes) == 0 {
		return common.Selection{}, false
	}
	return m.nodes[m.cursor].selection(m.c.Data)
}

// Capturing implements common.Tab.
func (m *Model) Capturing() bool { return false }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Next, m.keys.Prev, m.keys.Zoom, m.keys.List}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Next, m.keys.Prev}, {m.keys.Zoom, m.keys.ZoomIn, m.keys.ZoomOut, m.keys.List}}
}

// Cursor returns the selected place's id, for tests and snapshots.
func (m *Model) Cursor() string {
	if len(m.nodes) == 0 {
		return ""
	}
	return m.nodes[m.cursor].place.ID
}

// emptyNote says why nothing is on the map.
func (m *Model) emptyNote() string {
	if m.geoErr != nil {
		return fmt.Sprintf("map geography unavailable: %v", m.geoErr)
	}
	return "no places in this dataset: add places.csv (corridor init-data writes one) to put the route on the map"
}
