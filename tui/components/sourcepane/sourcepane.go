// Package sourcepane shows where the selected figures come from: every
// value with its source's title, publisher, standing, date and address,
// alternatives from other sources, and flags. It is the "one key away" of
// corridor's promise that every figure carries its source.
//
// The pane is a list of sources: j/k move between them, the selected one
// is marked in the gutter, y offers its address to the terminal's
// clipboard. Addresses are OSC 8 hyperlinks (clickable where the terminal
// supports them, plain text elsewhere) and are never broken across lines.
// The pane is as tall as its content, up to the room it is given.
package sourcepane

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/components/cells"
	"corridor/tui/styles"
)

// KeyMap is the pane's keys.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Cite, Copy, Close key.Binding
}

// DefaultKeyMap returns the pane's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous source")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next source")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first source")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last source")),
		Cite:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy citation")),
		Copy:     key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy address")),
		Close:    key.NewBinding(key.WithKeys("esc", "enter", "s", "backspace"), key.WithHelp("esc", "close sources")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Close, k.Down, k.Up, k.Cite, k.Copy}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Cite, k.Copy, k.Close}}
}

// CopiedMsg says y sent an address to the terminal's clipboard. Sent is
// all that is known: OSC 52 has no answer, and many terminals (or an SSH
// client in between) ignore it.
type CopiedMsg struct{ Address string }

// CiteMsg asks the root for a citation of the selected entry: a figure,
// an event or a source, by id (the root knows the program's version).
type CiteMsg struct {
	Item model.CiteItem
	ID   string
}

// line is one line of content; entry is the source it belongs to, or -1.
type line struct {
	text  string
	entry int
}

// entry is one source listed: its lines and its address.
type entry struct {
	first, last int
	address     string
	// item and id are what y cites for this entry.
	item model.CiteItem
	id   string
}

// Model is the pane.
type Model struct {
	KeyMap KeyMap
	styles *styles.Styles
	data   *model.Dataset
	sel    model.Selection
	// changed are the figures the last reload added or changed.
	changed map[string]bool
	width   int
	// height is the most the pane may take; it takes less when its
	// content is shorter.
	height  int
	lines   []line
	entries []entry
	cursor  int
	offset  int
}

// New returns an empty pane drawing with st.
func New(st *styles.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st}
}

// Open shows sel from its first source.
func (m *Model) Open(sel model.Selection) {
	m.sel = sel
	m.cursor, m.offset = 0, 0
	m.refresh()
}

// SetSize sets the pane's width and the most lines it may take.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.refresh()
}

// SetData gives the pane the dataset whose sources it lists (again after
// a reload).
func (m *Model) SetData(d *model.Dataset) { m.data = d }

// SetChanged marks the figures the last reload added or changed as new.
func (m *Model) SetChanged(ids map[string]bool) { m.changed = ids }

// SetStyles redraws the content in new styles (the terminal's
// background answered).
func (m *Model) SetStyles(st *styles.Styles) {
	m.styles = st
	m.refresh()
}

// Height is the lines the pane takes: its content and border, at most
// the room it was given.
func (m Model) Height() int { return min(len(m.lines)+2, max(m.height, 3)) }

// rows is how many content lines are in view.
func (m Model) rows() int { return max(m.Height()-2, 1) }

// innerW is the content width inside the border, its padding and the
// one-cell gutter that marks the selected source.
func (m Model) innerW() int {
	fw, _ := m.styles.Pane.GetFrameSize()
	return max(m.width-fw-1, 8)
}

func (m *Model) refresh() {
	if m.styles == nil {
		return
	}
	m.lines, m.entries = m.content(m.innerW())
	m.cursor = max(0, min(m.cursor, len(m.entries)-1))
	m.clamp()
}

func (m *Model) clamp() {
	m.offset = max(0, min(m.offset, len(m.lines)-m.rows()))
}

// show scrolls the selected source into view with the lines above it
// that say which figure it is for.
func (m *Model) show() {
	if m.cursor == 0 {
		m.offset = 0
	}
	if len(m.entries) > 0 {
		e := m.entries[m.cursor]
		if e.first < m.offset {
			m.offset = e.first
		}
		if e.last >= m.offset+m.rows() {
			m.offset = min(e.first, e.last-m.rows()+1)
		}
	}
	m.clamp()
}

// Address is the selected source's web address, "" when it has none.
func (m Model) Address() string {
	if m.cursor < len(m.entries) {
		return m.entries[m.cursor].address
	}
	return ""
}

// Position is the selected source and the number of sources, then the
// first line in view and the number of lines.
func (m Model) Position() (source, sources, line, lines int) {
	if len(m.entries) > 0 {
		source = m.cursor + 1
	}
	return source, len(m.entries), m.offset + 1, len(m.lines)
}

// Update moves between sources, scrolls and copies.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		n := len(m.entries)
		switch {
		case key.Matches(msg, m.KeyMap.Cite):
			if m.cursor < n && m.entries[m.cursor].id != "" {
				e := m.entries[m.cursor]
				return m, func() tea.Msg { return CiteMsg{Item: e.item, ID: e.id} }
			}
			return m, nil
		case key.Matches(msg, m.KeyMap.Copy):
			if a := m.Address(); a != "" {
				return m, tea.Batch(tea.SetClipboard(a), func() tea.Msg { return CopiedMsg{a} })
			}
			return m, nil
		case key.Matches(msg, m.KeyMap.Up):
			if n == 0 {
				m.offset--
			}
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.KeyMap.Down):
			if n == 0 {
				m.offset++
			}
			m.cursor = min(m.cursor+1, max(n-1, 0))
		case key.Matches(msg, m.KeyMap.PageUp):
			m.offset -= max(m.rows()-1, 1)
			m.clamp()
			m.cursor = m.firstInView()
			return m, nil
		case key.Matches(msg, m.KeyMap.PageDown):
			m.offset += max(m.rows()-1, 1)
			m.clamp()
			m.cursor = m.firstInView()
			return m, nil
		case key.Matches(msg, m.KeyMap.Top):
			m.cursor, m.offset = 0, 0
		case key.Matches(msg, m.KeyMap.Bottom):
			m.cursor, m.offset = max(n-1, 0), len(m.lines)
		}
		m.show()
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			m.offset -= 3
		case tea.MouseWheelDown:
			m.offset += 3
		}
		m.clamp()
		if e := m.entries; len(e) > 0 && (e[m.cursor].last < m.offset || e[m.cursor].first >= m.offset+m.rows()) {
			m.cursor = m.firstInView()
		}
	case tea.MouseClickMsg:
		// Y is the row within the pane; its first row is the border.
		if i := m.offset + msg.Mouse().Y - 1; msg.Mouse().Y >= 1 && i < len(m.lines) && m.lines[i].entry >= 0 {
			m.cursor = m.lines[i].entry
		}
	}
	return m, nil
}

// firstInView is the first source whose lines start in view, or the one
// the view is inside.
func (m Model) firstInView() int {
	for i, e := range m.entries {
		if e.first >= m.offset || e.last >= m.offset+m.rows()-1 {
			return i
		}
	}
	return max(len(m.entries)-1, 0)
}

// View draws the pane: a box as tall as its content (up to its room)
// with the selection's title in the top edge and, in the bottom edge,
// which source is selected and where the view is.
func (m Model) View() string {
	s := m.styles
	b := s.Pane.GetBorderStyle()
	edge := lipgloss.NewStyle().Foreground(s.Pane.GetBorderTopForeground())
	inner := m.innerW()
	w := inner + 3 // padding either side and the gutter
	rows := m.rows()
	out := []string{titledEdge(b.TopLeft, b.Top, b.TopRight, " Sources · "+m.sel.Title+" ", w, edge, s.Title)}
	mark := s.Accent.Render("▌")
	for i := m.offset; i < m.offset+rows; i++ {
		gutter, text := " ", ""
		if i < len(m.lines) {
			text = m.lines[i].text
			if m.lines[i].entry == m.cursor && len(m.entries) > 0 {
				gutter = mark
			}
		}
		out = append(out, edge.Render(b.Left)+" "+gutter+cells.Pad(text, inner)+" "+edge.Render(b.Right))
	}
	src, srcs, first, total := m.Position()
	var foot []string
	if srcs > 0 {
		foot = append(foot, fmt.Sprintf("source %d/%d", src, srcs))
	}
	if total > rows {
		foot = append(foot, fmt.Sprintf("line %d/%d", first, total))
	}
	if m.Address() != "" {
		foot = append(foot, "y copy address")
	}
	foot = append(foot, "esc close")
	out = append(out, titledEdge(b.BottomLeft, b.Bottom, b.BottomRight, " "+strings.Join(foot, " · ")+" ", w, edge, s.Muted))
	return strings.Join(out, "\n")
}

// titledEdge is a box's top or bottom edge with text set into it.
func titledEdge(left, fill, right, text string, w int, edge, st lipgloss.Style) string {
	text = cells.Truncate(text, max(w-2, 0), "… ")
	rest := max(w-1-cells.Width(text), 0)
	return edge.Render(left+fill) + st.Render(text) + edge.Render(strings.Repeat(fill, rest)+right)
}

// span is a run of text in one style, for wrapping styled text.
type span struct {
	text string
	st   lipgloss.Style
}

// builder collects the pane's lines and sources.
type builder struct {
	w       int
	lines   []line
	entries []entry
	// cur is the entry lines are being added to, or -1.
	cur int
}

// para wraps spans to the width: the first line at indent, the lines it
// continues on two cells further in (a hanging indent), so where one
// entry ends and the next begins stays clear.
func (b *builder) para(indent int, spans ...span) {
	type word struct {
		text string
		st   lipgloss.Style
		gap  int // spaces before it on the same line; 0 glues it to the last word
	}
	var words []word
	for _, sp := range spans {
		gap := 0
		for _, f := range strings.SplitAfter(sp.text, " ") {
			t := strings.TrimRight(f, " ")
			if t != "" {
				words = append(words, word{t, sp.st, gap})
				gap = 0
			}
			gap += len(f) - len(t)
		}
	}
	var cur strings.Builder
	pad, used := indent, 0
	flush := func() {
		b.add(strings.Repeat(" ", pad) + cur.String())
		cur.Reset()
		pad, used = indent+2, 0
	}
	for i, wd := range words {
		gap := wd.gap
		if used == 0 {
			gap = 0
		}
		ww := cells.Width(wd.text)
		if used > 0 && (wd.gap > 0 || i == 0) && pad+used+gap+ww > b.w {
			flush()
			gap = 0
		}
		text := wd.text
		for used == 0 && pad+ww > b.w {
			// A word wider than the line is cut where the line ends.
			piece := cells.Truncate(text, max(b.w-pad, 1), "")
			cur.WriteString(wd.st.Render(piece))
			text = text[len(piece):]
			ww = cells.Width(text)
			used = 1
			flush()
		}
		cur.WriteString(strings.Repeat(" ", gap) + wd.st.Render(text))
		used += gap + ww
	}
	if used > 0 {
		flush()
	}
}

// link writes an address on its own line as an OSC 8 hyperlink: never
// broken, and cut at the end with … when it is wider than the line (the
// link target and y keep the whole address).
func (b *builder) link(indent int, addr string, st lipgloss.Style) {
	room := max(b.w-indent, 4)
	text := addr
	if cells.Width(text) > room {
		text = cells.Truncate(text, room, "…")
	}
	b.add(strings.Repeat(" ", indent) + ansi.SetHyperlink(addr) + st.Render(text) + ansi.ResetHyperlink())
	if b.cur >= 0 {
		b.entries[b.cur].address = addr
	}
}

func (b *builder) add(text string) {
	b.lines = append(b.lines, line{text: text, entry: b.cur})
	if b.cur >= 0 {
		b.entries[b.cur].last = len(b.lines) - 1
	}
}

func (b *builder) blank() { b.end(); b.add("") }

// begin starts a source entry at the next line; y cites item id.
func (b *builder) begin(item model.CiteItem, id string) {
	b.entries = append(b.entries, entry{first: len(b.lines), last: len(b.lines), item: item, id: id})
	b.cur = len(b.entries) - 1
}

func (b *builder) end() { b.cur = -1 }

// content lists every observation with its alternatives and source.
func (m Model) content(w int) ([]line, []entry) {
	s, d := m.styles, m.data
	b := &builder{w: w, cur: -1}
	if d == nil {
		b.add("no data")
		return b.lines, b.entries
	}
	for _, t := range m.sel.Derived {
		b.para(0, span{model.GlyphDerived + " " + t, s.Derived})
	}
	if len(m.sel.Derived) > 0 {
		b.blank()
	}
	var shown []string
	for _, o := range m.sel.Observations {
		if slices.Contains(shown, o.ID) {
			continue
		}
		alts := d.Alternatives(o)
		disputed := len(d.Disagreeing(o)) > 0
		head := fmt.Sprintf("%s · %s · %s", d.Name(o.Subject), d.MetricLabel(o.Metric), o.Period.Label())
		if !o.Period.Exact() {
			head += " (period as the source gives it; not plotted)"
		}
		b.para(0, span{head, s.Heading})
		if disputed {
			b.para(0, span{model.GlyphDisputed + " sources disagree: every value is listed", s.Disputed})
		}
		for _, a := range alts {
			shown = append(shown, a.ID)
			tag := string(a.Kind)
			if a.Suspect() {
				tag += ", flagged as a likely data error " + model.GlyphSuspect
			}
			b.begin(model.CiteFigure, a.ID)
			if m.changed[a.ID] {
				tag += ", new in the last reload " + model.GlyphNew
			}
			b.para(2, span{model.FormatObs(a), s.Value}, span{"  (" + tag + ")", s.Muted})
			m.writeSource(b, a.Source, 4)
			if a.Note != "" {
				b.para(4, span{"note: " + a.Note, s.Muted})
			}
			b.end()
		}
		b.blank()
	}
	for _, e := range m.sel.Events {
		b.begin(model.CiteEvent, e.ID)
		b.para(0, span{e.Date.Label() + " · " + e.Title, s.Heading})
		b.para(2, span{strings.Join(e.Countries, ", "), lipgloss.NewStyle()}, span{" · " + e.Kind + " · " + e.Status, s.Muted})
		if e.Place != "" {
			b.para(2, span{"place: " + e.Place, s.Muted})
		}
		m.writeSource(b, e.Source, 4)
		if e.Note != "" {
			b.para(4, span{"note: " + e.Note, s.Muted})
		}
		b.blank()
	}
	for _, id := range m.sel.Sources {
		b.begin(model.CiteSource, id)
		m.writeSource(b, id, 2)
		b.end()
	}
	if len(b.lines) == 0 {
		b.para(0, span{"Nothing selected has a source.", s.Muted})
	}
	for len(b.lines) > 0 && b.lines[len(b.lines)-1].text == "" {
		b.lines = b.lines[:len(b.lines)-1]
	}
	return b.lines, b.entries
}

func (m Model) writeSource(b *builder, id string, indent int) {
	s := m.styles
	src, ok := m.data.Source(id)
	if !ok {
		b.para(indent, span{"unknown source " + id, s.Bad})
		return
	}
	b.para(indent, span{src.Publisher, lipgloss.NewStyle()}, span{" (" + string(src.Standing) + ") · " + src.PublishedLabel(), s.Muted})
	b.para(indent, span{src.Title, s.Accent})
	if src.Address != "" {
		b.link(indent, src.Address, s.Link)
	} else {
		b.para(indent, span{"no web address recorded", s.Muted})
	}
	if r := src.RetrievedLabel(); r != "" {
		b.para(indent, span{r, s.Muted})
	}
	if src.Archive != "" {
		b.para(indent, span{"archived copy: ", s.Muted})
		b.link(indent, src.Archive, s.Link)
	}
}
