// Package filter is the "/" search line tabs share: it opens on "/",
// narrows as you type, keeps the query on enter and clears it on esc.
package filter

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// KeyMap is the filter's keys.
type KeyMap struct {
	Open, Accept, Clear key.Binding
}

// DefaultKeyMap returns the filter keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Open:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep filter")),
		Clear:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
	}
}

// Model is the filter state.
type Model struct {
	KeyMap KeyMap
	input  textinput.Model
	active bool
}

// New returns a closed, empty filter.
func New(placeholder string) Model {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = placeholder
	ti.CharLimit = 64
	return Model{KeyMap: DefaultKeyMap(), input: ti}
}

// Active reports whether the filter is taking keystrokes.
func (m Model) Active() bool { return m.active }

// Query is the current filter text.
func (m Model) Query() string { return m.input.Value() }

// SetWidth sets the input's width.
func (m *Model) SetWidth(w int) { m.input.SetWidth(max(w-2, 1)) }

// SetStyle colours the prompt.
func (m *Model) SetStyle(s lipgloss.Style) {
	st := m.input.Styles()
	st.Focused.Prompt = s
	st.Blurred.Prompt = s
	m.input.SetStyles(st)
}

// Update handles keys. changed is true when the query changed, so the
// owner re-filters only then.
func (m Model) Update(msg tea.Msg) (_ Model, cmd tea.Cmd, changed bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	before := m.input.Value()
	switch {
	case !m.active && isKey && key.Matches(k, m.KeyMap.Open):
		m.active = true
		return m, m.input.Focus(), false
	case !m.active && isKey && key.Matches(k, m.KeyMap.Clear):
		m.input.Reset()
		return m, nil, before != ""
	case !m.active:
		return m, nil, false
	case isKey && key.Matches(k, m.KeyMap.Accept):
		m.active = false
		m.input.Blur()
		return m, nil, false
	case isKey && key.Matches(k, m.KeyMap.Clear):
		m.active = false
		m.input.Blur()
		m.input.Reset()
		return m, nil, before != ""
	}
	m.input, cmd = m.input.Update(msg)
	return m, cmd, m.input.Value() != before
}

// SetQuery sets the filter text without opening the line for typing
// (a tab restoring its filter after a data reload).
func (m *Model) SetQuery(q string) { m.input.SetValue(q) }

// Shown reports whether the filter line takes a row (open or non-empty).
func (m Model) Shown() bool { return m.active || m.input.Value() != "" }

// View draws the filter line.
func (m Model) View() string { return m.input.View() }
