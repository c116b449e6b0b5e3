// Package filtertable is a table with a "/" filter line above it: the
// list shape the Ports and Energy tabs share. It routes keys to the filter
// while it is being typed into and to the table otherwise, and tells its
// owner what changed so the owner recomputes only that.
package filtertable

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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
}

// State is everything the filtered table's drawing depends on besides
// its styles, for an owner's cache key.
type State struct {
	Table  table.State
	Query  string
	Active bool
}

// State returns the current State.
func (m Model) State() State {
	return State{Table: m.Table.State(), Query: m.Filter.Query(), Active: m.Filter.Active()}
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
	m.Filter.SetWidth(w)
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
	if ch.Query || ch.Layout || m.Filter.Active() {
		return m, cmd, ch
	}
	before := m.Table.Cursor()
	m.Table, _ = m.Table.Update(msg)
	ch.Cursor = m.Table.Cursor() != before
	return m, cmd, ch
}

// View draws the filter line (when shown) and the table.
func (m Model) View() string {
	if m.Filter.Shown() {
		return m.Filter.View() + "\n" + m.Table.View()
	}
	return m.Table.View()
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
