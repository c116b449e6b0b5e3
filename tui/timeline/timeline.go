// Package timeline is the Diplomatic timeline tab: dated events grouped
// by year, newest first, filtered by country, kind and free text, with a
// detail pane for the selected event.
package timeline

import (
	"corridor/tui/components/cells"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/filter"
	"corridor/tui/components/table"
)

// KeyMap is the Timeline's keys.
type KeyMap struct {
	table.KeyMap
	Filter  filter.KeyMap
	Country key.Binding
	Kind    key.Binding
}

// DefaultKeyMap returns the Timeline keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		KeyMap:  table.DefaultKeyMap(),
		Filter:  filter.DefaultKeyMap(),
		Country: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "country")),
		Kind:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "kind")),
	}
}

// line is a year header or an event in the list.
type line struct {
	year   int
	event  model.Event
	header bool
}

// Model is the Timeline tab.
type Model struct {
	c         *common.Common
	keys      KeyMap
	filter    filter.Model
	countries []string
	kinds     []string
	country   int // index into countries, -1 for all
	kind      int // index into kinds, -1 for all
	events    []model.Event
	lines     []line
	cursor    int // index into events
	width     int
	height    int
	// view caches draw until dirty is set by a message or resize.
	view  string
	dirty bool
}

// New builds the tab over c's dataset.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: DefaultKeyMap(), filter: filter.New("search titles, places, notes"), country: -1, kind: -1}
	m.countries = c.Data.EventCountries()
	m.kinds = c.Data.EventKindsUsed()
	m.filter.SetStyle(c.Styles.Filter)
	m.refilter()
	return m
}

func (m *Model) currentFilter() model.EventFilter {
	f := model.EventFilter{Query: m.filter.Query()}
	if m.country >= 0 {
		f.Country = m.countries[m.country]
	}
	if m.kind >= 0 {
		f.Kind = m.kinds[m.kind]
	}
	return f
}

func (m *Model) refilter() {
	m.events = m.c.Data.FilterEvents(m.currentFilter())
	m.lines = m.lines[:0]
	year := 0
	for _, e := range m.events {
		if e.Date.Year != year {
			year = e.Date.Year
			m.lines = append(m.lines, line{year: year, header: true})
		}
		m.lines = append(m.lines, line{year: year, event: e})
	}
	m.cursor = max(0, min(m.cursor, len(m.events)-1))
}

// View implements common.Tab. The frame is redrawn only after a message
// or resize changed something, so an idle redraw costs nothing.
func (m *Model) View() string {
	if m.dirty {
		m.view = m.draw()
		m.dirty = false
	}
	return m.view
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Timeline" }

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) {
	m.dirty = true
	m.width, m.height = w, h
	m.filter.SetWidth(w)
}

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	m.dirty = true
	if _, ok := msg.(common.StylesChangedMsg); ok {
		m.filter.SetStyle(m.c.Styles.Filter)
		return m, nil
	}
	var cmd tea.Cmd
	var changed bool
	m.filter, cmd, changed = m.filter.Update(msg)
	if changed {
		m.refilter()
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.filter.Active() || changed {
		return m, cmd
	}
	n := len(m.events)
	page := max(m.listH()-2, 1)
	switch {
	case key.Matches(k, m.keys.Country):
		m.country = cycle(m.country, len(m.countries))
		m.refilter()
	case key.Matches(k, m.keys.Kind):
		m.kind = cycle(m.kind, len(m.kinds))
		m.refilter()
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = max(min(m.cursor+1, n-1), 0)
	case key.Matches(k, m.keys.PageUp):
		m.cursor = max(m.cursor-page, 0)
	case key.Matches(k, m.keys.PageDown):
		m.cursor = max(min(m.cursor+page, n-1), 0)
	case key.Matches(k, m.keys.Top):
		m.cursor = 0
	case key.Matches(k, m.keys.Bottom):
		m.cursor = max(n-1, 0)
	}
	return m, cmd
}

// cycle steps through -1 (all), 0 … n-1.
func cycle(i, n int) int {
	if i+1 >= n {
		return -1
	}
	return i + 1
}

func (m *Model) side() bool { return m.width >= 120 }

// listH is the height of the event list, after the filter bar and, in
// narrow layouts, the detail pane.
func (m *Model) listH() int {
	h := m.height - 1
	if m.filter.Shown() {
		h--
	}
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

// draw renders the bar, the visible window of the list and the detail.
func (m *Model) draw() string {
	s := m.c.Styles
	f := m.currentFilter()
	bar := fmt.Sprintf("country: %s · kind: %s · %d events", orAll(f.Country), orAll(f.Kind), len(m.events))
	parts := []string{cells.Truncate(s.Muted.Render(bar), m.width, "…")}
	if m.filter.Shown() {
		parts = append(parts, m.filter.View())
	}
	list := m.list(m.listW(), m.listH())
	detail := m.detail()
	switch {
	case m.side():
		parts = append(parts, cells.Columns("  ", []string{list, lipgloss.NewStyle().Width(46).Render(detail)}, []int{m.listW(), 46}))
	case m.height-1 >= 16:
		parts = append(parts, list, s.Rule.Render(strings.Repeat("─", m.width)), cells.Fit(lipgloss.NewStyle().Width(m.width).Render(detail), m.width, 6))
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

// list renders only the lines in view, centred on the cursor.
func (m *Model) list(w, h int) string {
	s := m.c.Styles
	if len(m.events) == 0 {
		return s.Muted.Render("no events match")
	}
	cur := 0
	ev := -1
	for i, l := range m.lines {
		if !l.header {
			ev++
			if ev == m.cursor {
				cur = i
				break
			}
		}
	}
	start := max(0, min(cur-h/2, len(m.lines)-h))
	end := min(start+h, len(m.lines))
	out := make([]string, 0, end-start)
	for i := start; i < end; i++ {
		l := m.lines[i]
		if l.header {
			out = append(out, s.Heading.Render(fmt.Sprintf("── %d ", l.year)+strings.Repeat("─", max(w-9, 0))))
			continue
		}
		e := l.event
		date := table.Fit(dateLabel(e.Date), 7, false)
		kind := table.Fit(e.Kind, 14, false)
		mark := "  "
		if e.Planned() {
			mark = "◌ "
		}
		text := date + " " + mark + kind + " " + e.Title + " " + s.Muted.Render("· "+strings.Join(e.Countries, ", "))
		if w < 70 {
			text = date + " " + mark + e.Title
		}
		text = cells.Truncate(text, w, "…")
		if i == cur {
			text = s.Selected.Render(ansi.Strip(text) + strings.Repeat(" ", max(w-cells.Width(text), 0)))
		}
		out = append(out, text)
	}
	return strings.Join(out, "\n")
}

// dateLabel is the date within its year group: "29 May", "May", "Q3",
// or "year" when only the year is known.
func dateLabel(p model.Period) string {
	if p.Kind == model.PeriodYear {
		return "year"
	}
	l := p.Label()
	return strings.TrimSpace(strings.TrimSuffix(l, fmt.Sprint(p.Year)))
}

func (m *Model) selected() (model.Event, bool) {
	if m.cursor < 0 || m.cursor >= len(m.events) {
		return model.Event{}, false
	}
	return m.events[m.cursor], true
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

// Capturing implements common.Tab.
func (m *Model) Capturing() bool { return m.filter.Active() }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if m.filter.Active() {
		return []key.Binding{m.keys.Filter.Accept, m.keys.Filter.Clear}
	}
	return []key.Binding{m.keys.Down, m.keys.Up, m.keys.Country, m.keys.Kind, m.keys.Filter.Open}
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return append(m.keys.KeyMap.FullHelp(), []key.Binding{m.keys.Country, m.keys.Kind, m.keys.Filter.Open, m.keys.Filter.Clear})
}

// Filter returns the active event filter, for tests.
func (m *Model) Filter() model.EventFilter { return m.currentFilter() }
