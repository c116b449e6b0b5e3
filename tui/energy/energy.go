// Package energy is the Energy projects tab: pipelines, cables, power and
// rail projects in a table with a start→completion bar each, and a detail
// pane for the selected one.
package energy

import (
	"corridor/tui/components/cells"
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/chart"
	"corridor/tui/components/filter"
	"corridor/tui/components/table"
)

// KeyMap is the Energy tab's keys.
type KeyMap struct {
	table.KeyMap
	Filter filter.KeyMap
}

// DefaultKeyMap returns the Energy keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{KeyMap: table.DefaultKeyMap(), Filter: filter.DefaultKeyMap()}
}

// Model is the Energy tab.
type Model struct {
	c        *common.Common
	keys     KeyMap
	table    table.Model
	filter   filter.Model
	projects []model.Project
	lo, hi   float64
	width    int
	height   int
	// view caches draw until dirty is set by a message or resize.
	view   string
	dirty  bool
	ganttW int
	detail string
}

// New builds the tab over c's dataset.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: DefaultKeyMap(), filter: filter.New("name, type, status or partner")}
	m.lo, m.hi = math.Inf(1), math.Inf(-1)
	for _, p := range c.Data.Projects {
		for _, per := range []model.Period{p.Start, p.Completion} {
			if per.Exact() {
				m.lo, m.hi = math.Min(m.lo, float64(per.Year)), math.Max(m.hi, float64(per.Year+1))
			}
		}
	}
	m.applyStyles()
	m.refilter()
	return m
}

func (m *Model) applyStyles() {
	s := m.c.Styles
	m.table.Styles = table.Styles{Header: s.Header, Cell: s.Cell, Selected: s.Selected, Muted: s.Muted}
	m.filter.SetStyle(s.Filter)
}

func statusGlyph(st string) string {
	switch st {
	case "operating":
		return "● "
	case "under-construction":
		return "◐ "
	case "planned":
		return "○ "
	case "proposed", "study":
		return "◌ "
	case "suspended":
		return "✕ "
	}
	return "  "
}

func yearOf(p model.Period) float64 { return float64(p.Year) + float64(p.From-1)/12 }

func (m *Model) refilter() {
	q := strings.ToLower(strings.TrimSpace(m.filter.Query()))
	m.projects = m.projects[:0]
	for _, p := range m.c.Data.Projects {
		hay := strings.ToLower(strings.Join(append([]string{p.Name, p.Type, p.Status, p.ID}, p.Partners...), " "))
		if q == "" || strings.Contains(hay, q) {
			m.projects = append(m.projects, p)
		}
	}
	m.rebuild()
}

// rebuild redoes columns (the Gantt width depends on the tab width) and rows.
func (m *Model) rebuild() {
	m.ganttW = max(min(m.width/4, 40), 10)
	if m.width < 100 {
		m.ganttW = 12
	}
	scale := "start→completion"
	if !math.IsInf(m.lo, 0) {
		scale = fmt.Sprintf("%.0f", m.lo) + strings.Repeat(" ", max(m.ganttW-8, 1)) + fmt.Sprintf("%.0f", m.hi)
	}
	cursor := m.table.Cursor()
	keys := m.table.KeyMap
	if keys.Up.Keys() == nil {
		keys = m.keys.KeyMap
	}
	st := m.table.Styles
	m.table = table.New(table.WithColumns(
		table.Column{Title: "Project", Width: 14, Flex: true},
		table.Column{Title: "Type", Width: 11, Optional: true, Keep: 0},
		table.Column{Title: "Status", Width: 12},
		table.Column{Title: "Capacity", Width: 11, Right: true, Optional: true, Keep: 3},
		table.Column{Title: "Length", Width: 8, Right: true, Optional: true, Keep: 2},
		table.Column{Title: "Cost", Width: 8, Right: true, Optional: true, Keep: 1},
		table.Column{Title: scale, Width: m.ganttW, Optional: true, Keep: 4},
	), table.WithStyles(st))
	m.table.KeyMap = keys
	now := float64(m.c.Now.Year()) + float64(m.c.Now.Month()-1)/12
	rows := make([][]string, len(m.projects))
	dash := m.c.Styles.Muted.Render("—")
	for i, p := range m.projects {
		capc, length, cost := dash, dash, dash
		if p.Capacity != nil {
			capc = m.amount(p, *p.Capacity, p.CapacityQ, p.CapacityUnit)
		}
		if p.LengthKM != nil {
			length = m.amount(p, *p.LengthKM, p.LengthQ, "km")
		}
		if p.Cost != nil {
			cost = m.amount(p, *p.Cost, p.CostQ, p.CostUnit)
		}
		g := chart.Gantt(yearOf(p.Start), yearOf(p.Completion)+float64(p.Completion.Months())/12, now, m.lo, m.hi, m.ganttW, p.Start.Exact(), p.Completion.Exact())
		rows[i] = []string{p.Name, p.Type, statusGlyph(p.Status) + p.Status, capc, length, cost, m.c.Styles.Bar.Render(g)}
	}
	m.table.SetRows(rows)
	m.layout()
	m.table.SetCursor(cursor)
	m.renderDetail()
}

// amount prints a project's number with its qualifier, and the disputed
// mark when the observation it comes from has other sources disagreeing
// for the same period (BTK's length is 826, 828 or 850 km by source).
func (m *Model) amount(p model.Project, v float64, q model.Qualifier, unit string) string {
	text := common.FormatValue(v, q, unit)
	for _, o := range m.c.Data.Observations {
		if o.Subject == p.ID && o.Unit == unit && o.Value == v && len(m.c.Data.Disagreeing(o)) > 0 {
			return text + common.GlyphDisputed
		}
	}
	return text
}

// View implements common.Tab. The frame is redrawn only after a message
// or resize changed something, so an idle redraw costs nothing.
func (m *Model) View() string {
	if m.dirty {
		m.view = m.draw()
		m.dirty = false
	}
	return m.view
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Energy" }

func (m *Model) side() bool { return m.width >= 140 }

func (m *Model) layout() {
	fh := 0
	if m.filter.Shown() {
		fh = 1
	}
	h := m.height - fh
	switch {
	case m.side():
		m.table.SetSize(m.width-46, h)
	case h >= 18:
		m.table.SetSize(m.width, min(len(m.projects)+1, h/2))
	default:
		m.table.SetSize(m.width, h)
	}
}

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) {
	m.dirty = true
	m.width, m.height = w, h
	m.filter.SetWidth(w)
	m.rebuild()
}

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	m.dirty = true
	if _, ok := msg.(common.StylesChangedMsg); ok {
		m.applyStyles()
		m.rebuild()
		return m, nil
	}
	wasShown := m.filter.Shown()
	var cmd tea.Cmd
	var changed bool
	m.filter, cmd, changed = m.filter.Update(msg)
	if changed || wasShown != m.filter.Shown() {
		m.refilter()
		return m, cmd
	}
	if m.filter.Active() {
		return m, cmd
	}
	before := m.table.Cursor()
	m.table, _ = m.table.Update(msg)
	if m.table.Cursor() != before {
		m.renderDetail()
	}
	return m, cmd
}

func (m *Model) selected() (model.Project, bool) {
	i := m.table.Cursor()
	if i < 0 || i >= len(m.projects) {
		return model.Project{}, false
	}
	return m.projects[i], true
}

// renderDetail draws the selected project's pane once per selection.
func (m *Model) renderDetail() {
	m.detail = ""
	p, ok := m.selected()
	if !ok {
		return
	}
	s, d := m.c.Styles, m.c.Data
	w := m.width
	if m.side() {
		w = 44
	}
	var b []string
	b = append(b, s.Heading.Render(p.Name))
	field := func(label, v string) {
		if v != "" {
			b = append(b, s.Muted.Render(label+": ")+v)
		}
	}
	field("status", statusGlyph(p.Status)+p.Status)
	field("type", p.Type)
	field("partners", strings.Join(p.Partners, ", "))
	field("start", p.Start.Label())
	field("completion", p.Completion.Label())
	if p.Capacity != nil {
		field("capacity", s.Capacity.Render(m.amount(p, *p.Capacity, p.CapacityQ, p.CapacityUnit)+" cap"))
	}
	if p.LengthKM != nil {
		field("length", m.amount(p, *p.LengthKM, p.LengthQ, "km"))
	}
	if p.Cost != nil {
		field("cost", m.amount(p, *p.Cost, p.CostQ, p.CostUnit))
	}
	field("note", p.Note)
	head := lipgloss.NewStyle().Width(w).Render(strings.Join(b, "\n"))
	// Figures are one line each, truncated not wrapped, and only as many
	// as the pane has room for: the source pane lists them all.
	room := m.height - lipgloss.Height(head) - 1
	if !m.side() {
		room -= m.table.Height() + 1
	}
	lines := []string{head}
	if obs := m.projectObs(p); len(obs) > 0 && room > 1 {
		lines = append(lines, s.Heading.Render(fmt.Sprintf("Figures (%d; enter for sources)", len(obs))))
		for i, o := range obs {
			if i == room-2 && len(obs) > room-1 {
				lines = append(lines, s.Muted.Render(fmt.Sprintf("  … %d more", len(obs)-i)))
				break
			}
			v := common.FormatObs(o) + common.Marks(len(d.Disagreeing(o)) > 0, o.Suspect())
			if o.Kind != model.Actual {
				v = s.Target.Render(v)
			}
			lines = append(lines, cells.Truncate("  "+d.MetricLabel(o.Metric)+" "+s.Muted.Render(o.Period.Label())+" "+v, w, "…"))
		}
	}
	m.detail = cells.Fit(strings.Join(lines, "\n"), w, -1)
}

func (m *Model) projectObs(p model.Project) []model.Observation {
	var out []model.Observation
	for _, o := range m.c.Data.Observations {
		if o.Subject == p.ID {
			out = append(out, o)
		}
	}
	return out
}

// draw renders the tab; View caches it until something changes.
func (m *Model) draw() string {
	var parts []string
	if m.filter.Shown() {
		parts = append(parts, m.filter.View())
	}
	t := m.table.View()
	switch {
	case m.side():
		parts = append(parts, cells.Columns("  ", []string{t, m.detail}, []int{m.width - 46, 44}))
	case m.height-lipgloss.Height(t) >= 6:
		parts = append(parts, t, m.c.Styles.Rule.Render(strings.Repeat("─", m.width)), m.detail)
	default:
		parts = append(parts, t)
	}
	return strings.Join(parts, "\n")
}

// Selection implements common.Tab: the project's own source and every
// figure about it.
func (m *Model) Selection() (common.Selection, bool) {
	p, ok := m.selected()
	if !ok {
		return common.Selection{}, false
	}
	return common.Selection{Title: p.Name, Observations: m.projectObs(p), Sources: []string{p.Source}}, true
}

// Capturing implements common.Tab.
func (m *Model) Capturing() bool { return m.filter.Active() }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if m.filter.Active() {
		return []key.Binding{m.keys.Filter.Accept, m.keys.Filter.Clear}
	}
	return []key.Binding{m.keys.Down, m.keys.Up, m.keys.Filter.Open}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return append(m.keys.KeyMap.FullHelp(), []key.Binding{m.keys.Filter.Open, m.keys.Filter.Clear})
}
