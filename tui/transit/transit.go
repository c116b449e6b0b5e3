// Package transit is the Transit cargo tab: the series the dataset
// declares for it (in the bundle the Middle Corridor's volume by year,
// half-year comparisons, block trains, transit via Azerbaijan and the
// railways), each as a chart with the figures listed under it.
package transit

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/cells"
	"corridor/tui/components/chart"
	"corridor/tui/components/memo"
	"corridor/tui/components/table"
)

// KeyMap is the Transit tab's keys.
type KeyMap struct {
	Next, Prev, Top, Bottom key.Binding
}

// DefaultKeyMap returns the Transit keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next series")),
		Prev:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "prev series")),
		Top:    key.NewBinding(key.WithKeys("g", "home", "pgup"), key.WithHelp("g", "first")),
		Bottom: key.NewBinding(key.WithKeys("G", "end", "pgdown"), key.WithHelp("G", "last")),
	}
}

// Model is the Transit tab.
type Model struct {
	c      *common.Common
	keys   KeyMap
	panels []model.Chart
	obs    [][]model.Observation
	cursor int
	width  int
	height int
	view   memo.String[viewKey]
	// panels drawn for the current inputs, so moving back to a series
	// never replots its chart.
	drawn map[panelKey]string
}

// panelKey is everything one panel's drawing depends on.
type panelKey struct {
	in   common.Inputs
	i    int
	w, h int
}

// viewKey is everything the tab's drawing depends on.
type viewKey struct {
	in     common.Inputs
	cursor int
}

// New builds the tab from the series the dataset declares for it
// (charts.csv), keeping only those it has figures for. Each panel's
// figures are gathered and sorted once, here, not per frame, by the same
// query `corridor export --view transit` uses.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: DefaultKeyMap()}
	c.Keys.Apply("transit", &m.keys)
	for _, p := range c.Data.ChartsOf(model.ViewTransit) {
		if obs := c.Data.ChartObservations(p); len(obs) > 0 {
			m.panels = append(m.panels, p)
			m.obs = append(m.obs, obs)
		}
	}
	return m
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Transit" }

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		// The series list is on the left of the wide layout, one series a
		// line under its title: a click selects, a second click opens the
		// sources.
		if i := msg.Y - 1; msg.Button == tea.MouseLeft && m.width >= 100 && msg.X < seriesW && i >= 0 && i < len(m.panels) {
			if i == m.cursor {
				return m, common.OpenSources
			}
			m.cursor = i
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.cursor = max(m.cursor-1, 0)
		case tea.MouseWheelDown:
			m.cursor = min(m.cursor+1, max(len(m.panels)-1, 0))
		}
	case tea.KeyPressMsg:
		n := len(m.panels)
		if n == 0 {
			return m, nil
		}
		switch {
		case key.Matches(msg, m.keys.Next):
			m.cursor = min(m.cursor+1, n-1)
		case key.Matches(msg, m.keys.Prev):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.keys.Top):
			m.cursor = 0
		case key.Matches(msg, m.keys.Bottom):
			m.cursor = n - 1
		}
	}
	return m, nil
}

// draw draws the panel list and the selected panel.
func (m *Model) draw() string {
	s := m.c.Styles
	if len(m.panels) == 0 {
		return s.Muted.Render("No transit figures in this dataset.")
	}
	p := m.panels[m.cursor]
	var list []string
	for i, q := range m.panels {
		t := "  " + q.Title
		if i == m.cursor && !m.c.HideCursor {
			t = s.Selected.Render("▸ " + q.Title)
		}
		list = append(list, t)
	}
	if m.width >= 100 {
		listW := seriesW
		left := s.Title.Render("Series") + s.Muted.Render(fmt.Sprintf(" %d/%d", m.cursor+1, len(m.panels))) + "\n" + strings.Join(list, "\n")
		right := m.panelAt(m.cursor, m.width-listW-2, m.height)
		return cells.Columns("  ", []string{left, right}, []int{listW, m.width - listW - 2})
	}
	head := s.Muted.Render(fmt.Sprintf("series %d/%d (j/k) ", m.cursor+1, len(m.panels))) + s.Title.Render(p.Title)
	return cells.Truncate(head, m.width, "…") + "\n" + m.panelAt(m.cursor, m.width, m.height-1)
}

// seriesW is the width of the series list in the wide layout.
const seriesW = 38

// panelAt draws panel i in w×h, or reuses it.
func (m *Model) panelAt(i, w, h int) string {
	k := panelKey{m.c.Inputs(m.width, m.height), i, w, h}
	if out, ok := m.drawn[k]; ok {
		return out
	}
	if m.drawn == nil || len(m.drawn) > 4*len(m.panels) {
		m.drawn = map[panelKey]string{} // the inputs moved on
	}
	out := m.panel(m.panels[i], m.obs[i], w, h)
	m.drawn[k] = out
	return out
}

// panel draws a chart, its legend and the figures list within w×h.
func (m *Model) panel(p model.Chart, obs []model.Observation, w, h int) string {
	s, d := m.c.Styles, m.c.Data
	var body []string
	// The chart block holds the plot, its legend, the plans it lists and
	// the key; the figures list keeps a third of the height, and at least
	// four lines.
	chartH := max(h-max(5, h/3), 0)
	cs := chart.StylesFrom(s)
	switch p.Style {
	case model.ByYear:
		var series []chart.Series
		for _, k := range d.Keys(p.Subject, p.Metric) {
			if k.Unit != p.Unit && k.Unit != p.Unit+"/year" {
				continue
			}
			if sr := chart.SeriesFor(d, k); len(sr.Values) > 0 {
				series = append(series, sr)
			}
		}
		// Year-to-date figures get their own chart when there is room
		// for it and the figures list.
		ytd := chart.YearToDate(d, model.Key(p.Subject, p.Metric, p.Unit, model.Actual))
		monthsH := 0
		if len(ytd) > 0 && h >= 28 {
			monthsH = max(9, h/4)
			chartH = h - monthsH - max(5, h/4)
		}
		if chartH >= 6 {
			if c := chart.Years(series, chart.Options{Width: w, Height: chartH - 1, Styles: cs}); c != "" {
				body = append(body, s.Muted.Render(p.Unit+" per calendar year"), c)
			} else {
				body = append(body, s.Muted.Render("no full-year figures to chart; all figures are listed below"))
			}
		}
		if monthsH > 0 {
			if c := chart.Months(ytd, chart.ShortUnit(p.Unit), chart.Options{Width: w, Height: monthsH - 1, Styles: cs}); c != "" {
				body = append(body, s.Muted.Render(p.Unit+" so far in the year, by month: this year against last"), c)
			}
		}
	case model.ByHalfYear:
		var bars []chart.Bar
		for _, pt := range d.Points(model.Key(p.Subject, p.Metric, p.Unit, model.Actual), func(pp model.Period) bool { return pp.Kind == model.PeriodHalf }) {
			bars = append(bars, chart.Bar{Label: pt.Period.Label(), Value: pt.Value, Text: model.PointText(pt)})
		}
		if len(bars) > 0 && chartH >= 3 {
			lines := chart.Bars(bars, w, s.Bar.Render, s.BarPlan.Render)
			if len(lines) > chartH {
				lines = lines[len(lines)-chartH:]
			}
			body = append(body, s.Muted.Render(p.Unit+" per half-year"))
			body = append(body, lines...)
		}
	}
	used := 0
	for _, b := range body {
		used += lipgloss.Height(b)
	}
	room := h - used - 2
	if room > 0 {
		body = append(body, s.Heading.Render(fmt.Sprintf("Figures (%d, newest first; enter for sources)", len(obs))))
		for i, o := range obs {
			if i >= room {
				body = append(body, s.Muted.Render(fmt.Sprintf("… %d more", len(obs)-i)))
				break
			}
			body = append(body, m.figureLine(o, w))
		}
	}
	return cells.Fit(strings.Join(body, "\n"), w, -1)
}

func (m *Model) figureLine(o model.Observation, w int) string {
	s, d := m.c.Styles, m.c.Data
	val := model.FormatObs(o) + model.Marks(len(d.Disagreeing(o)) > 0, o.Suspect()) + m.c.NewMark(o.ID)
	src, _ := d.Source(o.Source)
	per := table.Fit(o.Period.Label(), 14, false)
	vs := table.Fit(val, 22, true)
	if o.Kind != model.Actual {
		vs = s.Target.Render(vs)
	}
	note := src.Publisher
	if o.Note != "" {
		note += " · " + o.Note
	}
	line := per + " " + vs
	// The publisher only where a few letters of it fit: a column of bare
	// "…" says nothing.
	if w-cells.Width(line)-2 >= 6 {
		line += "  " + s.Muted.Render(note)
	}
	return cells.Truncate(line, w, "…")
}

// View implements common.Tab.
func (m *Model) View() string {
	return m.view.Get(viewKey{m.c.Inputs(m.width, m.height), m.cursor}, m.draw)
}

// Selection implements common.Tab: every figure of the selected series.
func (m *Model) Selection() (common.Selection, bool) {
	if len(m.panels) == 0 {
		return common.Selection{}, false
	}
	return common.Selection{Title: m.panels[m.cursor].Title, Observations: m.obs[m.cursor]}, true
}

// Capturing implements common.Tab.
func (m *Model) Capturing() bool { return false }

// Keep implements common.Keeper: the selected series, by title.
func (m *Model) Keep() any {
	if len(m.panels) == 0 {
		return ""
	}
	return m.panels[m.cursor].Title
}

// Restore implements common.Keeper.
func (m *Model) Restore(v any) {
	for i, p := range m.panels {
		if p.Title == v {
			m.cursor = i
		}
	}
}

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Next, m.keys.Prev} }

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Next, m.keys.Prev, m.keys.Top, m.keys.Bottom}}
}
