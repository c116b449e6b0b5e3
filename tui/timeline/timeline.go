// Package timeline is the Diplomatic timeline tab: dated events grouped
// by year, newest first, filtered by country, kind and free text, with a
// detail pane for the selected event.
package timeline

import (
	"corridor/tui/components/cells"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/filtertable"
	"corridor/tui/components/memo"
	"corridor/tui/components/picker"
	"corridor/tui/components/table"
)

// KeyMap is the Timeline's own keys; navigation and "/" are the list's.
type KeyMap struct {
	Country key.Binding
	Kind    key.Binding
}

// DefaultKeyMap returns the Timeline keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Country: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "pick a country")),
		Kind:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "pick a kind")),
	}
}

// Model is the Timeline tab.
type Model struct {
	c         *common.Common
	keys      KeyMap
	list      filtertable.Model
	countries []string
	kinds     []string
	country   int // index into countries, -1 for all
	kind      int // index into kinds, -1 for all
	events    []model.Event
	// pickers choose the country and the kind by typing.
	countryPick, kindPick picker.Model
	// narrow is the layout the rows were built for (date and title only).
	narrow bool
	width  int
	height int
	view   memo.String[viewKey]
}

// viewKey is everything the tab's drawing depends on.
type viewKey struct {
	in                  common.Inputs
	list                filtertable.State
	country, kind       int
	narrow              bool
	countryPk, kindPick picker.State
}

// New builds the tab over c's dataset.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: DefaultKeyMap(), list: filtertable.New("search titles, places, notes"), country: -1, kind: -1}
	m.countries = c.Data.EventCountries()
	m.kinds = c.Data.EventKindsUsed()
	var countries, kinds []picker.Item
	for _, v := range m.countries {
		countries = append(countries, picker.Item{Value: v, Count: len(c.Data.FilterEvents(model.EventFilter{Country: v}))})
	}
	for _, v := range m.kinds {
		kinds = append(kinds, picker.Item{Value: v, Count: len(c.Data.FilterEvents(model.EventFilter{Kind: v}))})
	}
	m.countryPick = picker.New(c.Styles, "country", countries, len(c.Data.Events))
	m.kindPick = picker.New(c.Styles, "kind", kinds, len(c.Data.Events))
	c.Keys.Apply("timeline", &m.keys)
	c.Keys.Apply("picker", &m.countryPick.KeyMap)
	c.Keys.Apply("picker", &m.kindPick.KeyMap)
	c.ListKeys(&m.list)
	m.list.SetStyles(c.Styles)
	m.list.SetTotal(len(c.Data.Events))
	m.refilter()
	return m
}

func (m *Model) currentFilter() model.EventFilter {
	f := model.EventFilter{Query: m.list.Filter.Query()}
	if m.country >= 0 {
		f.Country = m.countries[m.country]
	}
	if m.kind >= 0 {
		f.Kind = m.kinds[m.kind]
	}
	return f
}

// refilter picks the events and rebuilds the rows, keeping the cursor on
// the event it was on when that one still matches.
func (m *Model) refilter() {
	id := ""
	if e, ok := m.selected(); ok {
		id = e.ID
	}
	m.refilterTo(id)
}

// refilterTo filters and puts the cursor on event id, if shown.
func (m *Model) refilterTo(id string) {
	m.events = m.c.Data.FilterEvents(m.currentFilter())
	m.rebuild()
	if i := slices.IndexFunc(m.events, func(e model.Event) bool { return e.ID == id }); i >= 0 {
		m.list.Table.SetCursor(i)
	}
}

// Legend implements common.Legender.
func (m *Model) Legend() [][2]string {
	return [][2]string{{"◌", "planned: announced, not yet confirmed as held"}}
}

// Badges implements common.Badger: FILTER with the events left while a
// search, country or kind narrows the list.
func (m *Model) Badges() []string {
	if f := m.currentFilter(); strings.TrimSpace(f.Query) == "" && f.Country == "" && f.Kind == "" {
		return nil
	}
	return []string{fmt.Sprintf("FILTER %d/%d", len(m.events), len(m.c.Data.Events))}
}

// kept is what the Timeline carries over a data reload: filters by value,
// since the lists of countries and kinds may change.
type kept struct{ event, query, country, kind string }

// Keep implements common.Keeper.
func (m *Model) Keep() any {
	e, _ := m.selected()
	f := m.currentFilter()
	return kept{e.ID, f.Query, f.Country, f.Kind}
}

// Restore implements common.Keeper.
func (m *Model) Restore(v any) {
	k, ok := v.(kept)
	if !ok {
		return
	}
	m.list.SetQuery(k.query)
	m.country, m.kind = slices.Index(m.countries, k.country), slices.Index(m.kinds, k.kind)
	m.refilterTo(k.event)
}

// rebuild fills the list: one row per event, a year heading above the
// first event of each year.
func (m *Model) rebuild() {
	s := m.c.Styles
	m.narrow = m.listW() < 70
	if m.narrow {
		m.list.Table.SetColumns(
			table.Column{Title: "Date", Width: 11},
			table.Column{Width: 1},
			table.Column{Title: "Event", Width: 10, Flex: true},
		)
	} else {
		m.list.Table.SetColumns(
			table.Column{Title: "Date", Width: 11},
			table.Column{Width: 1},
			table.Column{Title: "Kind", Width: 14},
			table.Column{Title: "Event · countries", Width: 10, Flex: true},
		)
	}
	rows := make([][]string, len(m.events))
	heads := make([]string, len(m.events))
	year := 0
	for i, e := range m.events {
		if i == 0 || e.Date.Year != year {
			year = e.Date.Year
			heads[i] = strconv.Itoa(year)
		}
		mark := " "
		if e.Planned() {
			mark = "◌"
		}
		if m.narrow {
			rows[i] = []string{e.Date.Label(), mark, e.Title}
		} else {
			rows[i] = []string{e.Date.Label(), mark, e.Kind, e.Title + " " + s.Muted.Render("· "+strings.Join(e.Countries, ", "))}
		}
	}
	m.list.Table.SetRows(rows)
	m.list.Table.SetHeadings(heads)
	m.list.SetSize(m.listW(), m.listH())
	m.countryPick.SetSize(m.listW(), m.listH())
	m.kindPick.SetSize(m.listW(), m.listH())
}

// View implements common.Tab. The frame is redrawn only after a message
// or resize changed something, so an idle redraw costs nothing.
func (m *Model) View() string {
	m.list.Table.Focused = !m.c.HideCursor
	return m.view.Get(viewKey{m.c.Inputs(m.width, m.height), m.list.State(), m.country, m.kind, m.narrow, m.countryPick.State(), m.kindPick.State()}, m.draw)
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Timeline" }

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.countryPick.SetSize(m.listW(), m.listH())
	m.kindPick.SetSize(m.listW(), m.listH())
	if narrow := m.listW() < 70; narrow != m.narrow {
		m.rebuild()
		return
	}
	m.list.SetSize(m.listW(), m.listH())
}

// picking is the open picker, or nil.
func (m *Model) picking() *picker.Model {
	switch {
	case m.countryPick.IsOpen():
		return &m.countryPick
	case m.kindPick.IsOpen():
		return &m.kindPick
	}
	return nil
}

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	if _, ok := msg.(common.StylesChangedMsg); ok {
		m.list.SetStyles(m.c.Styles)
		m.countryPick.SetStyles(m.c.Styles)
		m.kindPick.SetStyles(m.c.Styles)
		m.rebuild()
		return m, nil
	}
	// The bar takes the first line; the list (or an open picker) is
	// under it, on the left.
	msg = common.Shift(msg, 0, 1)
	if p := m.picking(); p != nil {
		var res picker.Result
		*p, res = p.Update(msg)
		if res != picker.Open {
			choice := -1
			values := m.countries
			if p == &m.kindPick {
				values = m.kinds
			}
			if res == picker.Picked {
				choice = slices.Index(values, p.Value())
			}
			if p == &m.kindPick {
				m.kind = choice
			} else {
				m.country = choice
			}
			m.refilter()
		}
		return m, nil
	}
	switch msg.(type) {
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		if _, open := m.list.Mouse(msg, common.WheelStep); open {
			return m, common.OpenSources
		}
		return m, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.list.Capturing() {
		switch {
		case key.Matches(k, m.keys.Country):
			m.countryPick.Open(m.currentFilter().Country)
			return m, nil
		case key.Matches(k, m.keys.Kind):
			m.kindPick.Open(m.currentFilter().Kind)
			return m, nil
		}
	}
	var cmd tea.Cmd
	var ch filtertable.Change
	m.list, cmd, ch = m.list.Update(msg)
	switch {
	case ch.Query:
		m.refilter()
	case ch.Layout:
		m.list.SetSize(m.listW(), m.listH())
	}
	return m, cmd
}

func (m *Model) side() bool { return m.width >= 120 }

// listH is the height of the filter line and the event list, after the
// bar and, in narrow layouts, the detail pane.
func (m *Model) listH() int {
	h := m.height - 1
	if !m.side() && h >= 16 {
		h -= 7
	}
	return max(h, 1)
}

func (m *Model) listW() int {
	if m.side() {
		return m.width - 48
	}
	return m.width
}

// draw renders the bar, the list and the detail.
func (m *Model) draw() string {
	s := m.c.Styles
	f := m.currentFilter()
	bar := fmt.Sprintf("country: %s · kind: %s · %d events", orAll(f.Country), orAll(f.Kind), len(m.events))
	parts := []string{cells.Truncate(s.Muted.Render(bar), m.width, "…")}
	list := m.list.View()
	if p := m.picking(); p != nil {
		list = p.View()
	}
	detail := m.detail()
	switch {
	case m.side():
		parts = append(parts, cells.Columns("  ", []string{list, lipgloss.NewStyle().Width(46).Render(detail)}, []int{m.listW(), 46}))
	case m.height-1 >= 16:
		parts = append(parts, cells.Fit(list, m.width, m.listH()), s.Rule.Render(strings.Repeat("─", m.width)), cells.Fit(lipgloss.NewStyle().Width(m.width).Render(detail), m.width, 6))
	default:
		parts = append(parts, list)
	}
	return strings.Join(parts, "\n")
}

func orAll(s string) string {
	if s == "" {
		return "all"
	}
	return s
}

func (m *Model) selected() (model.Event, bool) {
	i := m.list.Table.Cursor()
	if i < 0 || i >= len(m.events) {
		return model.Event{}, false
	}
	return m.events[i], true
}

func (m *Model) detail() string {
	e, ok := m.selected()
	if !ok {
		return ""
	}
	s := m.c.Styles
	b := []string{s.Heading.Render(e.Title)}
	status := e.Status
	if e.Planned() {
		status = "◌ planned (announced, not yet confirmed as held)"
	}
	b = append(b, s.Muted.Render("date: ")+e.Date.Label()+s.Muted.Render(" ("+e.Date.Kind.PrecisionName()+" precision)"))
	b = append(b, s.Muted.Render("kind: ")+e.Kind+s.Muted.Render(" · ")+status)
	b = append(b, s.Muted.Render("countries: ")+strings.Join(e.Countries, ", "))
	if e.Place != "" {
		b = append(b, s.Muted.Render("place: ")+e.Place)
	}
	if src, ok := m.c.Data.Source(e.Source); ok {
		b = append(b, s.Muted.Render("source: ")+src.Publisher+s.Muted.Render(" · "+src.PublishedLabel()+" · enter for details"))
	}
	if e.Note != "" {
		b = append(b, s.Muted.Render("note: ")+e.Note)
	}
	return strings.Join(b, "\n")
}

// Selection implements common.Tab.
func (m *Model) Selection() (common.Selection, bool) {
	e, ok := m.selected()
	if !ok {
		return common.Selection{}, false
	}
	return common.Selection{Title: e.Title, Events: []model.Event{e}}, true
}

// Capturing implements common.Tab: while a filter or a picker reads
// what is typed.
func (m *Model) Capturing() bool { return m.list.Capturing() || m.picking() != nil }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if p := m.picking(); p != nil {
		return p.KeyMap.ShortHelp()
	}
	if m.list.Capturing() {
		return m.list.ShortHelp()
	}
	return []key.Binding{m.list.Table.KeyMap.Down, m.list.Table.KeyMap.Up, m.keys.Country, m.keys.Kind, m.list.Filter.KeyMap.Open}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	if p := m.picking(); p != nil {
		return p.KeyMap.FullHelp()
	}
	f := m.list.Table.KeyMap.FullHelp()
	return append(f, []key.Binding{m.keys.Country, m.keys.Kind, m.list.Filter.KeyMap.Open, m.list.Filter.KeyMap.Clear})
}

// Filter returns the active event filter, for tests.
func (m *Model) Filter() model.EventFilter { return m.currentFilter() }
