// Package picker chooses one value from a list by typing: what is typed
// narrows the list (matches underlined), the arrows move, enter picks,
// esc resets the choice to "all". The Timeline's country and kind
// filters use it instead of cycling blindly through dozens of values.
package picker

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corridor/tui/components/cells"
	"corridor/tui/styles"
)

// Item is one value and how many things it would keep.
type Item struct {
	Value string
	Count int
}

// KeyMap is the picker's keys. Letters are typed, so moving is on the
// arrows and ctrl+p/ctrl+n.
type KeyMap struct {
	Up, Down, Pick, Reset, Erase key.Binding
}

// DefaultKeyMap returns the picker's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "previous")),
		Down:  key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "next")),
		Pick:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick")),
		Reset: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "all (reset)")),
		Erase: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "erase")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Pick, k.Reset, k.Down, k.Up} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Erase, k.Pick, k.Reset}}
}

// Result is what an Update decided.
type Result int

// What an Update can decide.
const (
	// Open: still choosing.
	Open Result = iota
	// Picked: Value is the choice ("" for all).
	Picked
	// Reset: the choice is all, and the picker closed.
	Reset
)

// Model is the picker.
type Model struct {
	KeyMap KeyMap
	title  string
	items  []Item
	// shown is the indexes of the items matching the query, "all" first.
	shown  []int
	query  []rune
	cursor int
	offset int
	width  int
	height int
	open   bool
	// total is what "all" keeps (items may overlap: an event has several
	// countries).
	total  int
	styles *styles.Styles
}

// New returns a closed picker titled title ("country") over items; total
// is what "all" keeps.
func New(st *styles.Styles, title string, items []Item, total int) Model {
	return Model{KeyMap: DefaultKeyMap(), title: title, items: items, total: total, styles: st}
}

// State is everything the picker's drawing depends on besides its
// styles and items, for an owner's cache key.
type State struct {
	Query                       string
	Cursor, Offset, W, H, Shown int
	Open                        bool
}

// State returns the current State.
func (m Model) State() State {
	return State{string(m.query), m.cursor, m.offset, m.width, m.height, len(m.shown), m.open}
}

// SetStyles changes the look.
func (m *Model) SetStyles(st *styles.Styles) { m.styles = st }

// SetSize sets the room the picker draws in.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.scroll()
}

// Open shows the picker with the cursor on current ("" for all).
func (m *Model) Open(current string) {
	m.open, m.query = true, nil
	m.narrow()
	for i, s := range m.shown {
		if s >= 0 && m.items[s].Value == current {
			m.cursor = i
		}
	}
	m.scroll()
}

// IsOpen reports whether the picker is showing.
func (m Model) IsOpen() bool { return m.open }

// Query is what has been typed.
func (m Model) Query() string { return string(m.query) }

// Value is the item under the cursor ("" for all).
func (m Model) Value() string {
	if m.cursor < len(m.shown) && m.shown[m.cursor] >= 0 {
		return m.items[m.shown[m.cursor]].Value
	}
	return ""
}

// narrow keeps the items whose value contains the query, "all" (index
// -1) first while nothing is typed.
func (m *Model) narrow() {
	q := strings.ToLower(string(m.query))
	m.shown = m.shown[:0]
	if q == "" {
		m.shown = append(m.shown, -1)
	}
	for i, it := range m.items {
		if strings.Contains(strings.ToLower(it.Value), q) {
			m.shown = append(m.shown, i)
		}
	}
	m.cursor = max(0, min(m.cursor, len(m.shown)-1))
}

// rows is how many items are in view: the room less the prompt line.
func (m Model) rows() int { return max(m.height-1, 1) }

func (m *Model) scroll() {
	m.offset = max(0, min(m.offset, m.cursor))
	if m.cursor >= m.offset+m.rows() {
		m.offset = m.cursor - m.rows() + 1
	}
}

// Update handles a key or a click while open.
func (m Model) Update(msg tea.Msg) (Model, Result) {
	if !m.open {
		return m, Open
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.KeyMap.Reset):
			m.open = false
			return m, Reset
		case key.Matches(msg, m.KeyMap.Pick):
			if len(m.shown) == 0 {
				return m, Open
			}
			m.open = false
			return m, Picked
		case key.Matches(msg, m.KeyMap.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.KeyMap.Down):
			m.cursor = min(m.cursor+1, max(len(m.shown)-1, 0))
		case key.Matches(msg, m.KeyMap.Erase):
			if len(m.query) > 0 {
				m.query = m.query[:len(m.query)-1]
				m.cursor = 0
				m.narrow()
			}
		case msg.Text != "":
			m.query = append(m.query, []rune(msg.Text)...)
			m.cursor = 0
			m.narrow()
		}
	case tea.MouseClickMsg:
		// Y is the row within the picker; row 0 is the prompt.
		if i := m.offset + msg.Mouse().Y - 1; msg.Mouse().Y >= 1 && i < len(m.shown) {
			m.cursor = i
			m.open = false
			return m, Picked
		}
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			m.cursor = max(m.cursor-1, 0)
		} else if msg.Mouse().Button == tea.MouseWheelDown {
			m.cursor = min(m.cursor+1, max(len(m.shown)-1, 0))
		}
	}
	m.scroll()
	return m, Open
}

// View draws the prompt (what is typed, how many match, the position)
// and the matching values with their counts.
func (m Model) View() string {
	s := m.styles
	n := len(m.shown)
	matches := n
	if len(m.query) == 0 {
		matches-- // "all" is not a match
	}
	prompt := s.Filter.Render(m.title+": ") + string(m.query) + s.Muted.Render("▏ type to narrow · enter pick · esc all")
	pos := fmt.Sprintf("%d match · %d/%d", matches, min(m.cursor+1, n), n)
	line := cells.Truncate(prompt, max(m.width-len(pos)-1, 0), "…")
	line += strings.Repeat(" ", max(m.width-cells.Width(line)-cells.Width(pos), 1)) + s.Muted.Render(pos)
	out := []string{line}
	if n == 0 {
		out = append(out, s.Muted.Render(cells.Truncate("  nothing matches; backspace to erase", m.width, "…")))
	}
	q := string(m.query)
	for i := m.offset; i < min(m.offset+m.rows(), n); i++ {
		label, count := "all", m.total
		if j := m.shown[i]; j >= 0 {
			label, count = m.items[j].Value, m.items[j].Count
		}
		text := cells.Pad(label, max(m.width-10, 4)) + fmt.Sprintf("%8d", count)
		text = cells.Truncate(text, m.width-2, "…")
		if i == m.cursor {
			text = s.Selected.Render("▸ " + cells.Highlight(text, q, "\x1b[4m", "\x1b[24m"))
		} else {
			text = "  " + s.Cell.Render(cells.Highlight(text, q, "\x1b[4m", "\x1b[24m"))
		}
		out = append(out, text)
	}
	return strings.Join(out, "\n")
}
