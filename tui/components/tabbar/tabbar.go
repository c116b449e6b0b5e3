// Package tabbar draws the row of tab titles with their number keys and
// tells which title a mouse click landed on.
package tabbar

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"corridor/tui/components/cells"
	"corridor/tui/components/memo"
	"corridor/tui/styles"
)

// Model is the tab bar. Titles are in bar order; the number shown before
// each is its position, which is also its key.
type Model struct {
	titles []string
	brand  string
	active int
	width  int
	styles *styles.Styles
	view   memo.Memo[key, drawn]
}

// key is every input the bar is drawn from, titles aside (fixed by New).
type key struct {
	width, active int
	styles        *styles.Styles
}

// drawn is a rendered bar and where each title ended up.
type drawn struct {
	bar   string
	spans [][2]int
}

// New returns a bar showing titles after brand.
func New(st *styles.Styles, brand string, titles []string) Model {
	return Model{titles: titles, brand: brand, styles: st}
}

// SetSize sets the width the bar may use.
func (m *Model) SetSize(width int) { m.width = width }

// SetStyles changes the look (the terminal's background answered).
func (m *Model) SetStyles(st *styles.Styles) { m.styles = st }

// SetActive marks the title at position i as the current tab.
func (m *Model) SetActive(i int) { m.active = i }

// View draws the bar on one line no wider than the width.
func (m *Model) View() string { return m.draw().bar }

// At returns the position of the title under column x, if any.
func (m *Model) At(x int) (int, bool) {
	for i, sp := range m.draw().spans {
		if x >= sp[0] && x < sp[1] {
			return i, true
		}
	}
	return 0, false
}

// forms are the ways a title is written, longest first: the bar takes
// the first that fits, so a narrow terminal still shows every tab's key.
var forms = []func(i int, t string) string{
	func(i int, t string) string { return fmt.Sprintf("%d %s", i+1, t) },
	func(i int, t string) string {
		return fmt.Sprintf("%d %s", i+1, string([]rune(t)[:min(len([]rune(t)), 4)]))
	},
	func(i int, _ string) string { return fmt.Sprintf("%d", i+1) },
}

func (m *Model) draw() drawn {
	return m.view.Get(key{m.width, m.active, m.styles}, func() drawn {
		s := m.styles
		brand := s.Brand.Render(m.brand) + " "
		var out drawn
		for fi, form := range forms {
			prefix := brand
			if fi > 0 && m.width < 60 {
				prefix = ""
			}
			bar := prefix
			x := lipgloss.Width(prefix)
			spans := make([][2]int, len(m.titles))
			for i, t := range m.titles {
				st := s.Tab
				if i == m.active {
					st = s.ActiveTab
				}
				cell := st.Render(form(i, t))
				w := lipgloss.Width(cell)
				spans[i] = [2]int{x, x + w}
				x += w
				bar += cell
			}
			out = drawn{bar: cells.Truncate(bar, m.width, ""), spans: spans}
			if x <= m.width {
				break
			}
		}
		return out
	})
}
