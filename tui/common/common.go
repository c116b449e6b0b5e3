// Package common holds what every tab shares: the per-program context
// (styles, data, clock), the Tab interface the root routes through, the
// Selection a tab hands to the source pane, and number formatting.
package common

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"corridor/model"
	"corridor/tui/components/filtertable"
	"corridor/tui/components/keymap"
	"corridor/tui/styles"
)

// Common is the per-program context. One is built by tui.New for each
// program (and so each SSH session) and shared by pointer with its tabs;
// it is never global.
type Common struct {
	Styles *styles.Styles
	Data   *model.Dataset
	// Now is the program's idea of today, injected so golden tests do not
	// drift with the calendar.
	Now time.Time
	// Present is set in briefing mode: tabs may draw large glyphs.
	Present bool
	// Changed holds the ids of figures the last reload added or changed,
	// marked as new until the next reload.
	Changed map[string]bool
	// HideCursor is set while a briefing rotates on its own: nobody is
	// choosing anything, so no selection box or highlighted row shows.
	HideCursor bool
	// Keys are the user's rebindings; each tab applies them to its key
	// maps when it is built (see keymap.Remap).
	Keys keymap.Remap
}

// ListKeys applies the rebindings of the shared list and filter keys
// ("list.*", "filter.*") to a filtered table.
func (c *Common) ListKeys(list *filtertable.Model) {
	c.Keys.Apply("list", &list.Table.KeyMap)
	c.Keys.Apply("filter", &list.Filter.KeyMap)
}

// Tab is one view of the dashboard. The root model owns global keys and
// routing; a tab handles its own keys and draws inside the size it is given.
type Tab interface {
	help.KeyMap
	// SetSize gives the tab the room left by the tab bar and footer.
	SetSize(width, height int)
	// Update handles a message routed to this tab.
	Update(msg tea.Msg) (Tab, tea.Cmd)
	// View draws the tab, no wider than its width and no taller than its height.
	View() string
	// Selection describes what the cursor is on, for the source pane.
	Selection() (Selection, bool)
	// Capturing reports whether the tab is reading text (a filter), so the
	// root must not treat letters as global keys.
	Capturing() bool
}

// Inputs are what every tab's drawing depends on: the data, the styles
// and the size. A tab's view cache key embeds them, with the tab's own
// state (cursor, filter, sort), so a tab redraws exactly when one of
// them changes (see components/memo).
type Inputs struct {
	Data          *model.Dataset
	Styles        *styles.Styles
	Width, Height int
	Present       bool
	HideCursor    bool
}

// Inputs returns the shared inputs for a tab drawn at w×h.
func (c *Common) Inputs(w, h int) Inputs {
	return Inputs{Data: c.Data, Styles: c.Styles, Width: w, Height: h, Present: c.Present, HideCursor: c.HideCursor}
}

// Badger is a tab with modes worth a status-bar badge, such as FILTER
// while a filter hides rows or SORT while the order is not the default,
// so a list that looks short or reordered says why.
type Badger interface {
	Badges() []string
}

// Legender is a tab that draws marks of its own (the Energy bars, the
// Timeline's planned events): Legend pairs each mark with its meaning
// for the help overlay.
type Legender interface {
	Legend() [][2]string
}

// Keeper is a tab that keeps its place over a data reload: the root asks
// the old tab what to Keep before the data changes and hands it to the
// tab built over the new data, so the cursor stays on the same port,
// project or event (matched by its id, never by row number) and the
// filter and sort stay as they were. Restore skips what the new data no
// longer has.
type Keeper interface {
	Keep() any
	Restore(kept any)
}

// OpenSourcesMsg asks the root to open the source pane on the tab's
// selection: a tab sends it when a row that was already selected is
// clicked (which a double click always is).
type OpenSourcesMsg struct{}

// OpenSources is the command a tab returns to open the source pane.
func OpenSources() tea.Msg { return OpenSourcesMsg{} }

// Shift moves a mouse message's position by (-dx, -dy): a parent hands
// a child the position relative to the child's top left. Other messages
// pass unchanged.
func Shift(msg tea.Msg, dx, dy int) tea.Msg {
	switch m := msg.(type) {
	case tea.MouseClickMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	case tea.MouseWheelMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	case tea.MouseReleaseMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	case tea.MouseMotionMsg:
		m.X, m.Y = m.X-dx, m.Y-dy
		return m
	}
	return msg
}

// WheelStep is how many rows one notch of the mouse wheel moves a list.
const WheelStep = 3

// StylesChangedMsg tells tabs the styles were rebuilt (the terminal's
// background answered) so cached renderings must be redrawn.
type StylesChangedMsg struct{}

// Selection is what a tab hands the source pane: the figures, series
// or events under the cursor (see model.Selection).
type Selection = model.Selection

// Now returns the clock to use when none is injected.
func Now() time.Time { return time.Now() }

// NewMark is the mark after a figure the last reload added or changed,
// until the next reload (see Changed).
func (c *Common) NewMark(id string) string {
	if c.Changed[id] {
		return model.GlyphNew
	}
	return ""
}
