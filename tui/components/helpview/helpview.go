// Package helpview is the help overlay: the keys that work in the current
// tab and mode, and what corridor's marks mean, in a box that fits any
// screen from 40x12 and scrolls when it must. It also draws the one-line
// key footer, which drops optional hints before the ones that must stay
// (? help, q quit).
package helpview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/tui/components/cells"
	"corridor/tui/components/memo"
	"corridor/tui/styles"
)

// Entry is one line of help: a key (or a mark) and what it does (or
// means).
type Entry struct{ Key, Desc string }

// Section is a titled group of entries.
type Section struct {
	Title   string
	Entries []Entry
}

// Bindings turns bindings into entries: disabled ones and repeats (the
// same key text twice) are left out, so help lists each live key once.
func Bindings(bs ...key.Binding) []Entry {
	var out []Entry
	seen := map[string]bool{}
	for _, b := range bs {
		h := b.Help()
		if !b.Enabled() || h.Key == "" || seen[h.Key+"\x00"+h.Desc] {
			continue
		}
		seen[h.Key+"\x00"+h.Desc] = true
		out = append(out, Entry{h.Key, h.Desc})
	}
	return out
}

// KeyMap is the overlay's keys.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Close key.Binding
}

// DefaultKeyMap returns the overlay's keys: esc, ? and q all close it.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Close:    key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("esc/?/q", "close help")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Up, k.Close} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Close}}
}

// Model is the overlay.
type Model struct {
	KeyMap   KeyMap
	styles   *styles.Styles
	title    string
	sections []Section
	// sig identifies the sections' text, for the layout memo.
	sig           string
	width, height int
	offset        int
	// layout is shared by copies of the value, like the table's rows.
	layout *memo.Memo[layoutKey, layout]
}

// layoutKey is everything the laid-out lines depend on.
type layoutKey struct {
	sig           string
	width, height int
	styles        *styles.Styles
}

// layout is the help laid out in columns: one string per box line.
type layout struct {
	lines []string
	inner int // the content width inside the border
}

// New returns a closed, empty overlay.
func New(st *styles.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st, layout: &memo.Memo[layoutKey, layout]{}}
}

// SetStyles changes the look.
func (m *Model) SetStyles(st *styles.Styles) { m.styles = st }

// SetSize sets the room the box may take (the body of the screen).
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.clamp()
}

// SetContent replaces what the overlay lists; title names the tab and
// mode. The scroll position is kept when the content is the same.
func (m *Model) SetContent(title string, sections []Section) {
	var b strings.Builder
	b.WriteString(title)
	for _, s := range sections {
		b.WriteString("\x01" + s.Title)
		for _, e := range s.Entries {
			b.WriteString("\x02" + e.Key + "\x00" + e.Desc)
		}
	}
	if sig := b.String(); sig != m.sig {
		m.sig, m.title, m.sections, m.offset = sig, title, sections, 0
	}
}

// Update scrolls. closed is set when a close key was pressed.
func (m Model) Update(msg tea.Msg) (_ Model, closed bool) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		rows := m.rows()
		switch {
		case key.Matches(msg, m.KeyMap.Close):
			return m, true
		case key.Matches(msg, m.KeyMap.Up):
			m.offset--
		case key.Matches(msg, m.KeyMap.Down):
			m.offset++
		case key.Matches(msg, m.KeyMap.PageUp):
			m.offset -= max(rows-1, 1)
		case key.Matches(msg, m.KeyMap.PageDown):
			m.offset += max(rows-1, 1)
		case key.Matches(msg, m.KeyMap.Top):
			m.offset = 0
		case key.Matches(msg, m.KeyMap.Bottom):
			m.offset = len(m.lay().lines)
		}
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			m.offset -= 3
		case tea.MouseWheelDown:
			m.offset += 3
		}
	}
	m.clamp()
	return m, false
}

// rows is how many content lines the box shows at once.
func (m Model) rows() int {
	return max(min(len(m.lay().lines), m.height-2), 1)
}

func (m *Model) clamp() {
	m.offset = max(0, min(m.offset, len(m.lay().lines)-m.rows()))
}

// Position is the first line shown and the number of lines, for tests
// and the box's bottom edge.
func (m Model) Position() (first, total int) { return m.offset + 1, len(m.lay().lines) }

// Lines is every line of the help as laid out, in view or not.
func (m Model) Lines() []string { return m.lay().lines }

// Text is what the help lists, one "key desc" line per entry under its
// section's title, whatever the layout: for tests and screen readers'
// logs alike.
func (m Model) Text() string {
	var b strings.Builder
	for _, sec := range m.sections {
		b.WriteString(sec.Title + "\n")
		for _, e := range sec.Entries {
			b.WriteString(e.Key + " " + e.Desc + "\n")
		}
	}
	return b.String()
}

// lay lays the sections out for the current size, once per change.
func (m Model) lay() layout {
	return m.layout.Get(layoutKey{m.sig, m.width, m.height, m.styles}, m.doLayout)
}

// colGap separates columns of help.
const colGap = "   "

func (m Model) doLayout() layout {
	s := m.styles
	maxInner := max(m.width-4, 10) // border and one space of padding each side
	// The key column is as wide as the widest key, up to a third of the
	// room; a description wraps under itself, never under its key.
	keyW := 0
	for _, sec := range m.sections {
		for _, e := range sec.Entries {
			keyW = max(keyW, cells.Width(e.Key))
		}
	}
	keyW = min(keyW, max(maxInner/3, 3))
	colW := min(max(maxInner, 1), 36)
	descW := max(colW-keyW-2, 8)
	var blocks [][]string
	natural := 0
	for _, sec := range m.sections {
		if len(sec.Entries) == 0 {
			continue
		}
		block := []string{s.Heading.Render(cells.Truncate(sec.Title, colW, "…"))}
		for _, e := range sec.Entries {
			k := cells.Truncate(e.Key, keyW, "…")
			desc := wrap(e.Desc, descW)
			for i, d := range desc {
				lead := strings.Repeat(" ", keyW+2)
				if i == 0 {
					lead = s.Help.FullKey.Render(k) + strings.Repeat(" ", keyW-cells.Width(k)+2)
				}
				block = append(block, lead+s.Help.FullDesc.Render(d))
				natural = max(natural, keyW+2+cells.Width(d))
			}
		}
		natural = max(natural, cells.Width(sec.Title))
		blocks = append(blocks, block)
	}
	colW = min(colW, natural)
	total := 0
	for _, b := range blocks {
		total += len(b) + 1
	}
	total = max(total-1, 0)
	// As many columns as fit side by side, but no more than it takes to
	// show everything without scrolling.
	cols := max(1, min((maxInner+len(colGap))/(colW+len(colGap)), len(blocks)))
	for cols > 1 && (total+cols-1)/cols < m.height/3 {
		cols-- // a few long columns read better than many stubs
	}
	target := max((total+cols-1)/cols, 1)
	var columns [][]string
	var cur []string
	for _, b := range blocks {
		if len(cur) > 0 && len(cur)+1+len(b) > target && len(columns) < cols-1 {
			columns = append(columns, cur)
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		cur = append(cur, b...)
	}
	columns = append(columns, cur)
	height := 0
	for _, c := range columns {
		height = max(height, len(c))
	}
	inner := len(columns)*colW + (len(columns)-1)*len(colGap)
	lines := make([]string, height)
	for r := range height {
		var b strings.Builder
		for i, c := range columns {
			if i > 0 {
				b.WriteString(colGap)
			}
			l := ""
			if r < len(c) {
				l = c[r]
			}
			b.WriteString(cells.Pad(l, colW))
		}
		lines[r] = b.String()
	}
	return layout{lines: lines, inner: inner}
}

// wrap breaks text into lines of at most w cells at spaces; a word
// longer than w is cut.
func wrap(text string, w int) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case cells.Width(line)+1+cells.Width(word) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = word
		}
		for cells.Width(line) > w {
			out = append(out, cells.Truncate(line, w, ""))
			line = string([]rune(line)[len([]rune(cells.Truncate(line, w, ""))):])
		}
	}
	return append(out, line)
}

// View draws the box: a title in the top edge, the lines in view, and
// the position and how to close in the bottom edge.
func (m Model) View() string {
	if m.width < 10 || m.height < 3 {
		return ""
	}
	s := m.styles
	l := m.lay()
	rows := m.rows()
	b := s.Pane.GetBorderStyle()
	edge := lipgloss.NewStyle().Foreground(s.Pane.GetBorderTopForeground())
	inner := min(l.inner, m.width-4)
	w := inner + 2 // padding inside the border
	first, total := m.Position()
	foot := "esc close"
	if total > rows {
		foot = fmt.Sprintf("%d–%d/%d · j/k scroll · esc close", first, first+rows-1, total)
	}
	out := []string{titledEdge(b.TopLeft, b.Top, b.TopRight, " Help · "+m.title+" ", w, edge, s.Title)}
	for _, line := range l.lines[m.offset : m.offset+rows] {
		out = append(out, edge.Render(b.Left)+" "+cells.Pad(line, inner)+" "+edge.Render(b.Right))
	}
	out = append(out, titledEdge(b.BottomLeft, b.Bottom, b.BottomRight, " "+foot+" ", w, edge, s.Muted))
	return strings.Join(out, "\n")
}

// titledEdge is a box's top or bottom edge with text set into it.
func titledEdge(left, fill, right, text string, w int, edge, st lipgloss.Style) string {
	text = cells.Truncate(text, max(w-2, 0), "… ")
	rest := max(w-1-cells.Width(text), 0)
	return edge.Render(left+fill) + st.Render(text) + edge.Render(strings.Repeat(fill, rest)+right)
}

// Footer draws key hints on one line of width w: every required entry,
// and the optional ones, in order, while they fit. Optional hints go
// first so "? help" and "q quit" are always on screen.
func Footer(st *styles.Styles, w int, optional, required []Entry) string {
	s := st.Help
	sep := s.ShortSeparator.Render(" • ")
	item := func(e Entry) string { return s.ShortKey.Render(e.Key) + " " + s.ShortDesc.Render(e.Desc) }
	need := 0
	for i, e := range required {
		if i > 0 {
			need += 3
		}
		need += cells.Width(e.Key) + 1 + cells.Width(e.Desc)
	}
	var parts []string
	used := need
	for _, e := range optional {
		n := cells.Width(e.Key) + 1 + cells.Width(e.Desc) + 3
		if used+n > w {
			break
		}
		used += n
		parts = append(parts, item(e))
	}
	for _, e := range required {
		parts = append(parts, item(e))
	}
	return cells.Truncate(strings.Join(parts, sep), w, "…")
}
