// Package table is a scrolling, selectable table that renders only the
// rows in view, so drawing a frame costs the same for 10 rows or 10,000.
// Rows can have a heading line above them (the Timeline's years) that
// scrolls with the rows and that the cursor passes over.
package table

import (
	"corridor/tui/components/cells"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Column describes one column. A Flex column takes the width the fixed
// ones leave; MinWidth columns are dropped, rightmost first, when the
// table is too narrow to show them.
type Column struct {
	Title string
	Width int
	Flex  bool
	Right bool
	// Optional columns are hidden when space runs out, lowest Keep first
	// (rightmost first among equals).
	Optional bool
	Keep     int
}

// KeyMap is the table's navigation.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// DefaultKeyMap returns the vim-and-arrows navigation every tab shares.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

// Styles are the table's styles.
type Styles struct {
	Header   lipgloss.Style
	Cell     lipgloss.Style
	Selected lipgloss.Style
	Muted    lipgloss.Style
	// Heading draws the heading lines between rows.
	Heading lipgloss.Style
}

// Model is the table state.
type Model struct {
	KeyMap  KeyMap
	Styles  Styles
	columns []Column
	rows    [][]string
	heads   []string
	cursor  int
	offset  int
	width   int
	height  int
	// rev counts SetRows and SetColumns calls, so State changes whenever
	// the content may have, without comparing every cell.
	rev int
	// lines keeps each unselected row as drawn for the current rev and
	// width: a cursor move then redraws two rows, not the page. A pointer,
	// so copies of the value share it.
	lines *lineCache
	// Focused tables draw their cursor row highlighted.
	Focused bool
}

// lineCache holds drawn rows for one (rev, width).
type lineCache struct {
	rev, width int
	header     string
	rows       map[int]string
	heads      map[int]string
}

// SetStyles changes the table's styles (the terminal's background
// answered); drawn rows are redrawn.
func (m *Model) SetStyles(s Styles) {
	m.Styles = s
	m.rev++
}

// State is everything the table's drawing depends on besides its styles:
// an owner that caches its view puts it in the cache key.
type State struct {
	Cursor, Offset, Width, Height, Rev int
	Focused                            bool
}

// State returns the table's current State.
func (m Model) State() State {
	return State{Cursor: m.cursor, Offset: m.offset, Width: m.width, Height: m.height, Rev: m.rev, Focused: m.Focused}
}

// Option configures a new table.
type Option func(*Model)

// WithColumns sets the columns.
func WithColumns(cols ...Column) Option { return func(m *Model) { m.columns = cols } }

// WithStyles sets the styles.
func WithStyles(s Styles) Option { return func(m *Model) { m.Styles = s } }

// New returns a focused, empty table.
func New(opts ...Option) Model {
	m := Model{KeyMap: DefaultKeyMap(), Focused: true, lines: &lineCache{}}
	for _, o := range opts {
		o(&m)
	}
	return m
}

// SetColumns replaces the columns (a title may depend on the width).
func (m *Model) SetColumns(cols ...Column) {
	m.columns = cols
	m.rev++
}

// SetRows replaces the rows, keeping the cursor in range.
func (m *Model) SetRows(rows [][]string) {
	m.rows = rows
	m.rev++
	m.SetCursor(m.cursor)
}

// SetHeadings sets the lines drawn above rows: when headings[i] is not
// empty, a rule titled with it goes above row i. The cursor moves by rows,
// so it never rests on a heading. Call it after SetRows; nil removes them.
func (m *Model) SetHeadings(headings []string) {
	m.heads = headings
	m.SetCursor(m.cursor)
}

// heading is the heading above row r, or "".
func (m Model) heading(r int) string {
	if r < len(m.heads) {
		return m.heads[r]
	}
	return ""
}

// topFor is the first row of the tallest window of at most page lines
// that ends with row end, headings counted; end itself when even that row
// does not fit.
func (m Model) topFor(end, page int) int {
	top, n := end+1, 0
	for top > 0 {
		add := 1
		if m.heading(top-1) != "" {
			add = 2
		}
		if n+add > page {
			break
		}
		n += add
		top--
	}
	return min(top, end)
}

// Rows returns the rows.
func (m Model) Rows() [][]string { return m.rows }

// SetSize sets the outer size, header included.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.SetCursor(m.cursor)
}

// Height is the table's height as set by SetSize.
func (m Model) Height() int { return m.height }

// Cursor is the selected row index, or -1 when the table is empty.
func (m Model) Cursor() int {
	if len(m.rows) == 0 {
		return -1
	}
	return m.cursor
}

// SetCursor moves the selection, clamped, and scrolls it into view with
// its heading, if it has one.
func (m *Model) SetCursor(i int) {
	m.cursor = max(0, min(i, len(m.rows)-1))
	page := m.pageSize()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if page > 0 {
		m.offset = max(m.offset, m.topFor(m.cursor, page))
	}
	// No blank lines below the last row while there are rows above.
	m.offset = max(0, min(m.offset, m.topFor(len(m.rows)-1, page)))
}

func (m Model) pageSize() int { return max(m.height-1, 0) }

// Update handles navigation keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.KeyMap.Up):
		m.SetCursor(m.cursor - 1)
	case key.Matches(k, m.KeyMap.Down):
		m.SetCursor(m.cursor + 1)
	case key.Matches(k, m.KeyMap.PageUp):
		m.SetCursor(m.cursor - max(m.pageSize(), 1))
	case key.Matches(k, m.KeyMap.PageDown):
		m.SetCursor(m.cursor + max(m.pageSize(), 1))
	case key.Matches(k, m.KeyMap.Top):
		m.SetCursor(0)
	case key.Matches(k, m.KeyMap.Bottom):
		m.SetCursor(len(m.rows) - 1)
	}
	return m, nil
}

// layout decides each visible column's width: optional columns go first
// when the fixed widths do not fit, then the flex column takes the rest.
func (m Model) layout() (cols []int, widths []int) {
	for i := range m.columns {
		cols = append(cols, i)
	}
	total := func() (sum int, flex int) {
		for _, i := range cols {
			c := m.columns[i]
			if c.Flex {
				flex++
				sum += max(c.Width, 4) + 1
			} else {
				sum += c.Width + 1
			}
		}
		return sum, flex
	}
	for {
		sum, _ := total()
		if sum <= m.width {
			break
		}
		drop := -1
		for j := len(cols) - 1; j >= 0; j-- {
			c := m.columns[cols[j]]
			if c.Optional && (drop < 0 || c.Keep < m.columns[cols[drop]].Keep) {
				drop = j
			}
		}
		if drop < 0 {
			break
		}
		cols = append(cols[:drop], cols[drop+1:]...)
	}
	sum, flex := total()
	spare := max(m.width-sum, 0)
	for _, i := range cols {
		c := m.columns[i]
		w := c.Width
		if c.Flex {
			w = max(c.Width, 4) + spare/max(flex, 1)
		}
		widths = append(widths, w)
	}
	return cols, widths
}

// View draws the header and the rows in view.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	cache := m.lines
	if cache == nil {
		cache = &lineCache{} // a zero Model: draw without keeping rows
	}
	if cache.rows == nil || cache.rev != m.rev || cache.width != m.width {
		*cache = lineCache{rev: m.rev, width: m.width, rows: map[int]string{}, heads: map[int]string{}}
	}
	cols, widths := m.layout()
	var b strings.Builder
	if cache.header == "" {
		hdr := make([]string, len(cols))
		for j, i := range cols {
			hdr[j] = fit(m.columns[i].Title, widths[j], m.columns[i].Right)
		}
		cache.header = m.Styles.Header.Render(cells.Truncate(strings.Join(hdr, " "), m.width, "…"))
	}
	b.WriteString(cache.header)
	row := make([]string, len(cols))
	for r, n := m.offset, 0; r < len(m.rows) && n < m.pageSize(); r++ {
		if h := m.heading(r); h != "" {
			b.WriteByte('\n')
			line, ok := cache.heads[r]
			if !ok {
				line = m.Styles.Heading.Render(cells.Truncate("── "+h+" "+strings.Repeat("─", m.width), m.width, ""))
				cache.heads[r] = line
			}
			b.WriteString(line)
			if n++; n == m.pageSize() {
				break
			}
		}
		n++
		b.WriteByte('\n')
		selected := r == m.cursor && m.Focused
		if line, ok := cache.rows[r]; ok && !selected {
			b.WriteString(line)
			continue
		}
		for j, i := range cols {
			v := ""
			if i < len(m.rows[r]) {
				v = m.rows[r][i]
			}
			row[j] = fit(v, widths[j], m.columns[i].Right)
		}
		line := cells.Truncate(strings.Join(row, " "), m.width, "…")
		if selected {
			line = m.Styles.Selected.Render(ansi.Strip(line) + strings.Repeat(" ", max(m.width-cells.Width(line), 0)))
		} else {
			line = m.Styles.Cell.Render(line)
			cache.rows[r] = line
		}
		b.WriteString(line)
	}
	if len(m.rows) == 0 {
		b.WriteString("\n" + m.Styles.Muted.Render(cells.Truncate("  nothing matches", m.width, "…")))
	}
	return b.String()
}

// fit pads or truncates s to exactly w cells.
func fit(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	sw := cells.Width(s)
	if sw > w {
		return cells.Truncate(s, w, "…")
	}
	pad := strings.Repeat(" ", w-sw)
	if right {
		return pad + s
	}
	return s + pad
}

// Fit pads or truncates s to exactly w cells; exported for tabs that lay
// out their own columns.
func Fit(s string, w int, right bool) string { return fit(s, w, right) }
