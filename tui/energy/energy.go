// Package energy is the Energy projects tab: pipelines, cables, power and
// rail projects in a table with a start→completion bar each, and a detail
// pane for the selected one.
package energy

import (
	"corridor/tui/components/cells"
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/chart"
	"corridor/tui/components/filtertable"
	"corridor/tui/components/memo"
	"corridor/tui/components/table"
)

// Model is the Energy tab.
type Model struct {
	c    *common.Common
	list filtertable.Model
	// amounts caches each project's formatted numbers with their marks:
	// finding disputes scans the project's figures, once per dataset.
	amounts  map[string]string
	projects []model.Project
	lo, hi   float64
	width    int
	height   int
	view     memo.String[viewKey]
	ganttW   int
	// legend explains the Gantt bars' glyphs.
	legend string
	// details keeps each project's pane as drawn for the current inputs,
	// so moving over the rows never redraws a pane twice.
	details map[detailKey]string
}

// detailKey is everything one project's pane depends on.
type detailKey struct {
	in      common.Inputs
	project string
	room    int
}

// viewKey is everything the tab's drawing depends on.
type viewKey struct {
	in   common.Inputs
	list filtertable.State
}

// New builds the tab over c's dataset.
func New(c *common.Common) *Model {
	m := &Model{c: c, list: filtertable.New("name, type, status or partner"), amounts: map[string]string{}}
	m.lo, m.hi = math.Inf(1), math.Inf(-1)
	for _, p := range c.Data.Projects {
		for _, per := range []model.Period{p.Start, p.Completion} {
			if per.Exact() {
				m.lo, m.hi = math.Min(m.lo, float64(per.Year)), math.Max(m.hi, float64(per.Year+1))
			}
		}
	}
	c.ListKeys(&m.list)
	m.list.SetStyles(c.Styles)
	m.list.SetTotal(len(c.Data.Projects))
	m.refilter()
	return m
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

// refilter picks the projects the filter matches, keeping the cursor on
// the project it was on when that one still matches.
func (m *Model) refilter() {
	id := ""
	if p, ok := m.selected(); ok {
		id = p.ID
	}
	m.refilterTo(id)
}

// refilterTo filters and puts the cursor on project id, if shown.
func (m *Model) refilterTo(id string) {
	q := strings.ToLower(strings.TrimSpace(m.list.Filter.Query()))
	m.projects = m.projects[:0]
	for _, p := range m.c.Data.Projects {
		hay := strings.ToLower(strings.Join(append([]string{p.Name, p.Type, p.Status, p.ID}, p.Partners...), " "))
		if q == "" || strings.Contains(hay, q) {
			m.projects = append(m.projects, p)
		}
	}
	m.rebuild()
	if i := slices.IndexFunc(m.projects, func(p model.Project) bool { return p.ID == id }); i >= 0 {
		m.list.Table.SetCursor(i)
	}
}

// kept is what the Energy tab carries over a data reload.
type kept struct{ project, query string }

// Keep implements common.Keeper.
func (m *Model) Keep() any {
	p, _ := m.selected()
	return kept{p.ID, m.list.Filter.Query()}
}

// Restore implements common.Keeper.
func (m *Model) Restore(v any) {
	if k, ok := v.(kept); ok {
		m.list.SetQuery(k.query)
		m.refilterTo(k.project)
	}
}

// Legend implements common.Legender: the status marks and the bar's.
func (m *Model) Legend() [][2]string {
	out := [][2]string{
		{"●", "operating"}, {"◐", "under construction"}, {"○", "planned"}, {"◌", "proposed or under study"}, {"✕", "suspended"},
	}
	// The bars' glyphs come from the chart itself, so help cannot drift
	// from what is drawn: a bar's glyph is its status, never today's date.
	for _, st := range chart.Statuses() {
		out = append(out, [2]string{st.Glyph(m.c.Styles.ASCII), "bar: " + st.Name()})
	}
	return append(out, [2]string{"▸", "no completion date: the bar stops at the start"}, [2]string{"◂", "no start date: the bar starts at completion"})
}

// Badges implements common.Badger: FILTER with the projects it leaves.
func (m *Model) Badges() []string {
	if strings.TrimSpace(m.list.Filter.Query()) == "" {
		return nil
	}
	return []string{fmt.Sprintf("FILTER %d/%d", len(m.projects), len(m.c.Data.Projects))}
}

// rebuild redoes columns (the Gantt width depends on the tab width) and rows.
func (m *Model) rebuild() {
	listW := m.width
	if m.side() {
		listW = m.width - 46
	}
	m.ganttW = max(min(listW/5, 32), 10)
	if m.width < 100 {
		m.ganttW = 12
	}
	scale := "start→completion"
	if !math.IsInf(m.lo, 0) {
		scale = chart.GanttAxis(m.lo, m.hi, m.ganttW)
	}
	m.list.Table.SetColumns(
		table.Column{Title: "Project", Width: 14, Flex: true},
		table.Column{Title: "Type", Width: 11, Optional: true, Keep: 0},
		table.Column{Title: "Status", Width: 12},
		table.Column{Title: "Capacity", Width: 11, Right: true, Optional: true, Keep: 3},
		table.Column{Title: "Length", Width: 8, Right: true, Optional: true, Keep: 2},
		table.Column{Title: "Cost", Width: 8, Right: true, Optional: true, Keep: 1},
		table.Column{Title: scale, Width: m.ganttW, Optional: true, Keep: 4},
	)
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
		g := chart.Gantt(yearOf(p.Start), yearOf(p.Completion)+float64(p.Completion.Months())/12, m.lo, m.hi, m.ganttW, p.Start.Exact(), p.Completion.Exact(), chart.StatusOf(p.Status), m.c.Styles.ASCII)
		rows[i] = []string{p.Name, p.Type, statusGlyph(p.Status) + p.Status, capc, length, cost, m.c.Styles.Bar.Render(g)}
	}
	m.list.Table.SetRows(rows)
	m.legend = m.ganttLegend()
	m.layout()
}

// ganttLegend explains the bars' glyphs for the statuses and open dates
// of the listed projects that have a bar.
func (m *Model) ganttLegend() string {
	var sts []chart.Status
	open := false
	for _, p := range m.projects {
		if p.Start.Exact() || p.Completion.Exact() { // a bar is drawn
			sts = append(sts, chart.StatusOf(p.Status))
			open = open || p.Start.Exact() != p.Completion.Exact()
		}
	}
	w := m.width
	if m.side() {
		w = m.width - 46
	}
	if len(sts) == 0 || w <= 0 {
		return ""
	}
	lines := chart.GanttLegend(sts, open, m.c.Styles.ASCII, m.c.Styles.Bar.Render, w)
	return m.c.Styles.Muted.Render("bars: ") + strings.Join(lines, "\n")
}

// amount prints a project's number with its qualifier, and the disputed
// mark when the observation it comes from has other sources disagreeing
// for the same period (BTK's length is 826, 828 or 850 km by source).
func (m *Model) amount(p model.Project, v float64, q model.Qualifier, unit string) string {
	k := p.ID + "\x00" + unit
	if t, ok := m.amounts[k]; ok {
		return t
	}
	text := model.FormatValue(v, q, unit)
	m.c.Data.EachAbout(p.ID, func(o model.Observation) bool {
		if o.Unit == unit && o.Value == v && len(m.c.Data.Disagreeing(o)) > 0 {
			text += model.GlyphDisputed
			return false
		}
		return true
	})
	m.amounts[k] = text
	return text
}

// View implements common.Tab. The frame is redrawn only after a message
// or resize changed something, so an idle redraw costs nothing.
func (m *Model) View() string {
	m.list.Table.Focused = !m.c.HideCursor
	return m.view.Get(viewKey{m.c.Inputs(m.width, m.height), m.list.State()}, m.draw)
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Energy" }

func (m *Model) side() bool { return m.width >= 140 }

// detailMin is the fewest lines the detail pane below the list gets:
// the project's name, status, dates and a figure or two.
const detailMin = 9

// layout gives the list every project when that leaves the detail pane
// its lines, and otherwise as much as it can: a list that scrolls shows
// where it is (n/N), so no project is hidden without a sign.
func (m *Model) layout() {
	h := m.height - m.legendHeight()
	switch {
	case m.side():
		m.list.SetSize(m.width-46, h)
	case h >= 18:
		m.list.SetSize(m.width, min(len(m.projects)+1, h-detailMin-1)+m.list.FilterHeight())
	default:
		m.list.SetSize(m.width, h)
	}
}

// legendHeight is the lines the bars' legend takes under the table.
func (m *Model) legendHeight() int {
	if m.legend == "" {
		return 0
	}
	return strings.Count(m.legend, "\n") + 1
}

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.rebuild()
}

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	if _, ok := msg.(common.StylesChangedMsg); ok {
		m.list.SetStyles(m.c.Styles)
		m.rebuild()
		return m, nil
	}
	switch msg.(type) {
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		// The list is at the top left; a second click on a row opens
		// its sources.
		if _, open := m.list.Mouse(msg, common.WheelStep); open {
			return m, common.OpenSources
		}
		return m, nil
	}
	var cmd tea.Cmd
	var ch filtertable.Change
	m.list, cmd, ch = m.list.Update(msg)
	switch {
	case ch.Query || ch.Layout:
		m.refilter()
	}
	return m, cmd
}

func (m *Model) selected() (model.Project, bool) {
	i := m.list.Table.Cursor()
	if i < 0 || i >= len(m.projects) {
		return model.Project{}, false
	}
	return m.projects[i], true
}

// detail draws the selected project's pane, or reuses it.
func (m *Model) detail() string {
	p, ok := m.selected()
	if !ok {
		return ""
	}
	room := m.height
	if !m.side() {
		room -= m.list.Table.Height() + m.list.FilterHeight() + m.legendHeight() + 1
	}
	k := detailKey{m.c.Inputs(m.width, m.height), p.ID, room}
	if out, ok := m.details[k]; ok {
		return out
	}
	if m.details == nil || len(m.details) > 4*len(m.c.Data.Projects) {
		m.details = map[detailKey]string{} // inputs moved on: old panes are dead
	}
	out := m.drawDetail(p, room)
	m.details[k] = out
	return out
}

// drawDetail draws project p's pane with room lines for it.
func (m *Model) drawDetail(p model.Project, room int) string {
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
	room -= lipgloss.Height(head) + 1
	lines := []string{head}
	if n := d.CountAbout(p.ID); n > 0 && room > 1 {
		lines = append(lines, s.Heading.Render(fmt.Sprintf("Figures (%d; enter for sources)", n)))
		for i, o := range d.FirstAbout(p.ID, room-1) {
			if i == room-2 && n > room-1 {
				lines = append(lines, s.Muted.Render(fmt.Sprintf("  … %d more", n-i)))
				break
			}
			v := model.FormatObs(o) + model.Marks(len(d.Disagreeing(o)) > 0, o.Suspect())
			if o.Kind != model.Actual {
				v = s.Target.Render(v)
			}
			lines = append(lines, cells.Truncate("  "+d.MetricLabel(o.Metric)+" "+s.Muted.Render(o.Period.Label())+" "+v, w, "…"))
		}
	}
	return cells.Fit(strings.Join(lines, "\n"), w, -1)
}

func (m *Model) projectObs(p model.Project) []model.Observation {
	return m.c.Data.About(p.ID)
}

// draw renders the tab; View caches it until something changes.
func (m *Model) draw() string {
	t := m.list.View()
	if m.legend != "" {
		t += "\n" + m.legend
	}
	switch {
	case m.side():
		return cells.Columns("  ", []string{t, m.detail()}, []int{m.width - 46, 44})
	case m.height-lipgloss.Height(t) >= 6:
		return t + "\n" + m.c.Styles.Rule.Render(strings.Repeat("─", m.width)) + "\n" + m.detail()
	}
	return t
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
func (m *Model) Capturing() bool { return m.list.Capturing() }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding { return m.list.ShortHelp() }

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding { return m.list.FullHelp() }
