// Package table is a scrolling, selectable table that renders only the
// rows in view, so drawing a frame costs the same for 10 rows or 10,000.
// Rows can have a heading line above them (the Timeline's years) that
// scrolls with the rows and that the cursor passes over; the heading of
// the rows at the top stays pinned while they scroll. The header shows
// the cursor's position ("12/54"), and text matching a filter is
// underlined.
package table

import (
	"fmt"
	"slices"
	"strings"

	"corridor/tui/components/cells"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Column describes one column. Every column is as wide as its widest
// cell (or title) when the table has the room. When it has not, Flex
// columns (free text such as names) shrink first, down to Width; then
// Optional columns are dropped, lowest Keep first (rightmost first among
// equals); then, as a last resort, the rest shrink to a few cells and the
// rightmost go. A column is never drawn so narrow that it shows only "…".
type Column struct {
	Title string
	// Width is the narrowest a Flex column shrinks to before optional
	// columns are dropped.
	Width int
	Flex  bool
	Right bool
	// Optional columns are hidden when space runs out, lowest Keep first
	// (rightmost first among equals).
	Optional bool
	Keep     int
}

// minCol is the narrowest any column is drawn: three characters and the
// ellipsis, so a cut value still says something.
const minCol = 4

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
	// owner is, for each row, the row whose heading it sits under (-1
	// before the first heading), so the top row's heading can be pinned.
	owner  []int
	hilite string
	cursor int
	offset int
	width  int
	height int
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

// lineCache holds drawn rows for one (rev, width), with the column
// layout they were drawn in and the widest cell of each column.
type lineCache struct {
	rev, width int
	header     string
	// titles are the column titles as fitted, for placing the position.
	titles []string
	rows   map[int]string
	heads  map[int]string
	cols   []int
	widths []int
	// cut holds the cells cut differently from the plain "start…" so two
	// different rows never read the same, by row and visible column.
	cut map[[2]int]string
	// natural is each column's widest cell or title, for natRev.
	natRev  int
	natural []int
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
	m.owner = m.owner[:0]
	last := -1
	for r := range headings {
		if headings[r] != "" {
			last = r
		}
		m.owner = append(m.owner, last)
	}
	m.rev++
	m.SetCursor(m.cursor)
}

// pinned reports whether row r, at the top of the view, needs its
// heading drawn above it because the heading itself scrolled away.
func (m Model) pinned(r int) bool {
	return r < len(m.owner) && m.owner[r] >= 0 && m.owner[r] != r
}

// SetHighlight underlines text matching q (ignoring case) in every cell,
// so a filter shows why each row is there; "" removes it.
func (m *Model) SetHighlight(q string) {
	if q != m.hilite {
		m.hilite = q
		m.rev++
	}
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
		pin := 0
		if m.pinned(top - 1) {
			pin = 1
		}
		if n+add+pin > page {
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

// naturals is each column's widest cell or title, measured once per
// content revision.
func (m Model) naturals(c *lineCache) []int {
	if c.natural != nil && c.natRev == m.rev {
		return c.natural
	}
	nat := make([]int, len(m.columns))
	for i, col := range m.columns {
		nat[i] = cells.Width(col.Title)
	}
	for _, r := range m.rows {
		for i := range min(len(r), len(nat)) {
			nat[i] = max(nat[i], cells.Width(r[i]))
		}
	}
	c.natural, c.natRev = nat, m.rev
	return nat
}

// RowAt is the row drawn on line y of the view (0 is the header), if a
// row and not a heading is there.
func (m Model) RowAt(y int) (int, bool) {
	if y < 1 || y > m.pageSize() {
		return 0, false
	}
	n := 1
	if m.offset < len(m.rows) && m.pinned(m.offset) && m.pageSize() > 1 {
		n++
	}
	for r := m.offset; r < len(m.rows) && n <= m.pageSize(); r++ {
		if m.heading(r) != "" {
			n++
		}
		if n == y {
			return r, true
		}
		if n > y {
			return 0, false
		}
		n++
	}
	return 0, false
}

// Click selects the row on line y of the view. ok is set when y was on a
// row; again when that row was already selected (a second click, which
// owners take as "open").
func (m *Model) Click(y int) (ok, again bool) {
	r, ok := m.RowAt(y)
	if !ok {
		return false, false
	}
	again = r == m.cursor
	m.SetCursor(r)
	return true, again
}

// Scroll moves the cursor by d rows (the mouse wheel), keeping it in
// view.
func (m *Model) Scroll(d int) { m.SetCursor(m.cursor + d) }

// layout decides which columns show and how wide: each as wide as its
// content when there is room; otherwise flex columns shrink to their
// Width, then optional columns go (lowest Keep first), then the rest
// shrink to minCol and the rightmost go.
func (m Model) layout(c *lineCache, width int) (cols []int, widths []int) {
	nat := m.naturals(c)
	for i := range m.columns {
		cols = append(cols, i)
	}
	floor := func(i int, last bool) int {
		col := m.columns[i]
		switch {
		case last:
			return min(nat[i], minCol)
		case col.Flex:
			return min(nat[i], max(col.Width, minCol))
		}
		return nat[i]
	}
	// fit shrinks the widest shrinkable column a cell at a time until the
	// columns fit or none can shrink further.
	fit := func(cols []int, last bool) ([]int, bool) {
		w := make([]int, len(cols))
		total := len(cols) - 1
		for j, i := range cols {
			w[j] = nat[i]
			total += w[j]
		}
		for total > width {
			best := -1
			for j, i := range cols {
				if w[j] > floor(i, last) && (best < 0 || w[j] > w[best]) {
					best = j
				}
			}
			if best < 0 {
				return w, false
			}
			w[best]--
			total--
		}
		return w, true
	}
	for {
		if w, ok := fit(cols, false); ok {
			return cols, w
		}
		drop := -1
		for j := len(cols) - 1; j >= 0; j-- {
			col := m.columns[cols[j]]
			if col.Optional && (drop < 0 || col.Keep < m.columns[cols[drop]].Keep) {
				drop = j
			}
		}
		if drop < 0 {
			break
		}
		cols = append(cols[:drop:drop], cols[drop+1:]...)
	}
	for {
		w, ok := fit(cols, true)
		if ok || len(cols) == 1 {
			return cols, w
		}
		cols = cols[:len(cols)-1]
	}
}

// distinct finds the cells that, cut to their column's width, would read
// the same as another row's different cell, and cuts them around where
// they differ instead: "Trans-Caspian…Aktau–Sumgait" and
// "Trans-Caspian…Siyazan–Turkm…", not "Trans-Caspian fibre…" twice.
func (m Model) distinct(cols, widths []int) map[[2]int]string {
	out := map[[2]int]string{}
	for j, i := range cols {
		w := widths[j]
		groups := map[string][]int{}
		for r, row := range m.rows {
			if i < len(row) && cells.Width(row[i]) > w {
				cut := cells.PlainCut(row[i], w)
				groups[cut] = append(groups[cut], r)
			}
		}
		for _, rs := range groups {
			if len(rs) < 2 {
				continue
			}
			// The different texts that cut alike; identical texts may
			// look identical.
			byText := map[string][]int{}
			for _, r := range rs {
				p := ansi.Strip(m.rows[r][i])
				byText[p] = append(byText[p], r)
			}
			if len(byText) < 2 {
				continue
			}
			texts := make([][]rune, 0, len(byText))
			for p := range byText {
				texts = append(texts, []rune(p))
			}
			slices.SortFunc(texts, func(a, b []rune) int { return strings.Compare(string(a), string(b)) })
			// Sorted, a text shares its longest start with a neighbour.
			for k, t := range texts {
				at := 0
				if k > 0 {
					at = max(at, common(t, texts[k-1]))
				}
				if k+1 < len(texts) {
					at = max(at, common(t, texts[k+1]))
				}
				cut := middleCut(t, at, w)
				for _, r := range byText[string(t)] {
					out[[2]int{r, j}] = cut
				}
			}
		}
	}
	return out
}

// common is the length of the start a and b share, in runes.
func common(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// middleCut writes s in w cells keeping its start and the part from
// index at (where it differs from a look-alike): "head…rest", with a
// trailing … when the rest is cut too.
func middleCut(s []rune, at, w int) string {
	head := max(w/3, 1)
	if at <= head || w < 5 {
		return cells.Truncate(string(s), w, "…")
	}
	rest := string(s[max(at-1, head):])
	return string(s[:head]) + "…" + cells.Truncate(rest, w-head-1, "…")
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
		*cache = lineCache{rev: m.rev, width: m.width, rows: map[int]string{}, heads: map[int]string{},
			natRev: cache.natRev, natural: cache.natural}
		cache.cols, cache.widths = m.layout(cache, m.width)
		// Keep room at the header's end for the position rather than
		// write it over the last titles, unless that would cost a column
		// or cut a value that is not free text.
		if pw := len(m.positionText(len(m.rows)-1)) + 1; len(m.rows) > 0 && m.width >= pw+6 {
			used := len(cache.cols) - 1
			for _, w := range cache.widths {
				used += w
			}
			if used+pw > m.width {
				cols, widths := m.layout(cache, m.width-pw)
				ok := len(cols) == len(cache.cols)
				for j, i := range cols {
					ok = ok && (m.columns[i].Flex || widths[j] == cache.natural[i])
				}
				if ok {
					cache.cols, cache.widths = cols, widths
				}
			}
		}
		cache.cut = m.distinct(cache.cols, cache.widths)
	}
	cols, widths := cache.cols, cache.widths
	var b strings.Builder
	if cache.header == "" {
		hdr := make([]string, len(cols))
		for j, i := range cols {
			hdr[j] = fit(m.columns[i].Title, widths[j], m.columns[i].Right)
		}
		cache.header = m.Styles.Header.Render(cells.Truncate(strings.Join(hdr, " "), m.width, "…"))
		cache.titles = hdr
	}
	b.WriteString(m.position(cache))
	row := make([]string, len(cols))
	headLine := func(r int) string {
		line, ok := cache.heads[r]
		if !ok {
			line = m.Styles.Heading.Render(cells.Truncate("── "+m.heading(r)+" "+strings.Repeat("─", m.width), m.width, ""))
			cache.heads[r] = line
		}
		return line
	}
	n := 0
	if m.offset < len(m.rows) && m.pinned(m.offset) && m.pageSize() > 1 {
		b.WriteString("\n" + headLine(m.owner[m.offset]))
		n++
	}
	for r := m.offset; r < len(m.rows) && n < m.pageSize(); r++ {
		if h := m.heading(r); h != "" {
			b.WriteByte('\n')
			b.WriteString(headLine(r))
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
			if c, ok := cache.cut[[2]int{r, j}]; ok {
				v = c
			}
			row[j] = fit(v, widths[j], m.columns[i].Right)
			if m.hilite != "" {
				row[j] = cells.Highlight(row[j], m.hilite, underlineOn, underlineOff)
			}
		}
		line := cells.Truncate(strings.Join(row, " "), m.width, "…")
		if selected {
			plain := ansi.Strip(line) + strings.Repeat(" ", max(m.width-cells.Width(line), 0))
			if m.hilite != "" {
				plain = cells.Highlight(plain, m.hilite, underlineOn, underlineOff)
			}
			line = m.Styles.Selected.Render(plain)
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

// Underline marks filter matches: it keeps each cell's colour and shows
// without colour, and switching it off touches nothing else.
const (
	underlineOn  = "\x1b[4m"
	underlineOff = "\x1b[24m"
)

// position is the header with "n/N" (the cursor's row and the number of
// rows) in it: at the right end when there is room, else at the right of
// the free-text column's title, else over the end of the titles.
func (m Model) position(c *lineCache) string {
	header := c.header
	if len(m.rows) == 0 {
		return header
	}
	pos := m.positionText(m.cursor)
	pw := len(pos)
	if m.width < pw+6 {
		return header
	}
	h, mu := m.Styles.Header, m.Styles.Muted
	if hw := cells.Width(header); hw+1+pw <= m.width {
		return header + strings.Repeat(" ", m.width-hw-pw) + mu.Render(pos)
	}
	for j, i := range c.cols {
		if tw := cells.Width(m.columns[i].Title); m.columns[i].Flex && !m.columns[i].Right && tw+1+pw <= c.widths[j] {
			before := strings.Join(c.titles[:j], " ")
			if j > 0 {
				before += " "
			}
			after := strings.Join(c.titles[j+1:], " ")
			if after != "" {
				after = " " + after
			}
			title := h.Render(before+m.columns[i].Title+strings.Repeat(" ", c.widths[j]-tw-pw)) + mu.Render(pos)
			return title + h.Render(cells.Truncate(after, m.width-cells.Width(before)-c.widths[j], ""))
		}
	}
	return h.Render(cells.Truncate(strings.Join(c.titles, " "), m.width-pw-1, "")) + " " + mu.Render(pos)
}

// positionText is "n/N" for the cursor on row i.
func (m Model) positionText(i int) string { return fmt.Sprintf("%d/%d", i+1, len(m.rows)) }

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
