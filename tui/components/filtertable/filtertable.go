// Package filtertable is a table with a "/" filter line above it: the
// list shape the Ports and Energy tabs share. It routes keys to the filter
// while it is being typed into and to the table otherwise, and tells its
// owner what changed so the owner recomputes only that.
package filtertable

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/tui/components/cells"

	"corridor/tui/components/filter"
	"corridor/tui/components/table"
	"corridor/tui/styles"
)

// Model is a filter line and a table.
type Model struct {
	Table  table.Model
	Filter filter.Model
	width  int
	height int
	// total is how many rows there are unfiltered, for "5 of 16".
	total int
	muted lipgloss.Style
}

// Change says what an Update changed.
type Change struct {
	// Query is set when the filter text changed: re-filter the rows.
	Query bool
	// Layout is set when the filter line appeared or went: re-layout.
	Layout bool
	// Cursor is set when the selected row changed.
	Cursor bool
}

// New returns a filtered table; placeholder is the filter's hint.
func New(placeholder string, opts ...table.Option) Model {
	return Model{Table: table.New(opts...), Filter: filter.New(placeholder)}
}

// SetStyles applies the program's styles to both parts.
func (m *Model) SetStyles(s *styles.Styles) {
	m.Table.SetStyles(table.Styles{Header: s.Header, Cell: s.Cell, Selected: s.Selected, Muted: s.Muted, Heading: s.Heading})
	m.Filter.SetStyle(s.Filter)
	m.muted = s.Muted
}

// SetTotal says how many rows there are before filtering, so the filter
// line can say how many match.
func (m *Model) SetTotal(n int) { m.total = n }

// SetQuery sets the filter text (a tab restoring its filter after a data
// reload) and underlines its matches.
func (m *Model) SetQuery(q string) {
	m.Filter.SetQuery(q)
	m.Table.SetHighlight(strings.TrimSpace(q))
}

// State is everything the filtered table's drawing depends on besides
// its styles, for an owner's cache key.
type State struct {
	Table  table.State
	Query  string
	Active bool
	Total  int
}

// State returns the current State.
func (m Model) State() State {
	return State{Table: m.Table.State(), Query: m.Filter.Query(), Active: m.Filter.Active(), Total: m.total}
}

// FilterHeight is the lines the filter line takes (0 or 1).
func (m Model) FilterHeight() int {
	if m.Filter.Shown() {
		return 1
	}
	return 0
}

// SetSize sets the outer size; the table gets what the filter leaves.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.Filter.SetWidth(w - countW)
	m.Table.SetSize(w, h-m.FilterHeight())
}

// Capturing reports whether the filter is taking keystrokes.
func (m Model) Capturing() bool { return m.Filter.Active() }

// Update routes msg and reports what changed.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd, Change) {
	var ch Change
	shown := m.Filter.Shown()
	var cmd tea.Cmd
	m.Filter, cmd, ch.Query = m.Filter.Update(msg)
	ch.Layout = shown != m.Filter.Shown()
	if ch.Query {
		m.Table.SetHighlight(strings.TrimSpace(m.Filter.Query()))
	}
	if ch.Query || ch.Layout || m.Filter.Active() {
		return m, cmd, ch
	}
	before := m.Table.Cursor()
	m.Table, _ = m.Table.Update(msg)
	ch.Cursor = m.Table.Cursor() != before
	return m, cmd, ch
}

// Click selects the row on line y of the view (the filter line counts);
// see table.Model.Click.
func (m *Model) Click(y int) (ok, again bool) { return m.Table.Click(y - m.FilterHeight()) }

// Mouse handles a left click or a wheel notch whose position is relative
// to the list's top left. open is set when the click was on the row
// already selected; moved when the cursor moved.
func (m *Model) Mouse(msg tea.Msg, wheelStep int) (moved, open bool) {
	before := m.Table.Cursor()
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft || msg.X < 0 || msg.X >= m.width {
			return false, false
		}
		_, open = m.Click(msg.Y)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.Table.Scroll(-wheelStep)
		case tea.MouseWheelDown:
			m.Table.Scroll(wheelStep)
		}
	}
	return m.Table.Cursor() != before, open
}

// countW is the room kept at the end of the filter line for the count.
const countW = 14

// View draws the filter line (when shown), with how many rows match on
// its right, and the table.
func (m Model) View() string {
	if !m.Filter.Shown() {
		return m.Table.View()
	}
	count := fmt.Sprintf("%d of %d match", len(m.Table.Rows()), m.total)
	if m.total == 0 {
		count = fmt.Sprintf("%d match", len(m.Table.Rows()))
	}
	line := cells.Truncate(m.Filter.View(), max(m.width-cells.Width(count)-1, 0), "")
	if gap := m.width - cells.Width(line) - cells.Width(count); gap >= 1 {
		line += strings.Repeat(" ", gap) + m.muted.Render(count)
	}
	return line + "\n" + m.Table.View()
}

// ShortHelp lists the keys that work now: the filter's while typing.
func (m Model) ShortHelp() []key.Binding {
	if m.Filter.Active() {
		return []key.Binding{m.Filter.KeyMap.Accept, m.Filter.KeyMap.Clear}
	}
	return []key.Binding{m.Table.KeyMap.Down, m.Table.KeyMap.Up, m.Filter.KeyMap.Open}
}

// FullHelp lists every navigation and filter key.
func (m Model) FullHelp() [][]key.Binding {
	return append(m.Table.KeyMap.FullHelp(), []key.Binding{m.Filter.KeyMap.Open, m.Filter.KeyMap.Clear})
}
