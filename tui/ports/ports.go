// Package ports is the Ports tab: every port's latest cargo, containers,
// capacity, utilisation and growth in a sortable table, and the selected
// port's history charted with its capacity as a distinct series.
package ports

import (
	"cmp"
	"corridor/tui/components/cells"
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/chart"
	"corridor/tui/components/filtertable"
	"corridor/tui/components/memo"
	"corridor/tui/components/table"
)

// KeyMap is the Ports tab's own keys; navigation and filtering come from
// the filtered table.
type KeyMap struct {
	Sort    key.Binding
	Reverse key.Binding
	Chart   key.Binding
	// CargoOnly hides the ports without a cargo figure.
	CargoOnly key.Binding
}

// DefaultKeyMap returns the Ports keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Sort:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "sort by")),
		Reverse:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reverse")),
		Chart:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cargo/containers")),
		CargoOnly: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "only ports with cargo figures")),
	}
}

// row is one port's figures, computed when data or filter change.
type row struct {
	port     model.Port
	cargo    model.Point
	hasCargo bool
	teu      model.Point
	hasTEU   bool
	capacity model.Point
	hasCap   bool
	util     float64 // derived; NaN when not computable
	growth   string
	gReport  *model.Point
	gDerived *model.Growth
	// main is what a port without a cargo figure shows instead (trains
	// at a rail crossing), in its own unit; figures counts what the
	// dataset holds about the port.
	main    model.Point
	hasMain bool
	figures int
	// years are the port's annual cargo actuals, drawn as its trend.
	years map[int]float64
}

var sortNames = []string{"port", "cargo", "TEU", "growth", "utilisation"}

// sortColumn is the column each sort orders by.
var sortColumn = []int{0, 2, 4, 7, 6}

// columns returns the table's columns with the sorted one marked by an
// arrow, so the order is visible without colour.
func (m *Model) columns() []table.Column {
	cols := []table.Column{
		{Title: "Port", Width: 22, Flex: true},
		{Title: "Country", Width: 10, Optional: true, Keep: 0},
		{Title: "Cargo", Width: 13, Right: true},
		{Title: "Period", Width: 12},
		{Title: "TEU", Width: 13, Right: true, Optional: true, Keep: 5},
		{Title: "Capacity", Width: 14, Right: true, Optional: true, Keep: 3},
		{Title: "Util" + model.GlyphDerived, Width: 6, Right: true, Optional: true, Keep: 2},
		{Title: "Growth y/y", Width: 9, Right: true, Optional: true, Keep: 4},
		{Title: "Figs", Width: 4, Right: true, Optional: true, Keep: 0},
		{Title: m.trendTitle(), Width: sparkW, Optional: true, Keep: 1},
	}
	arrow := "↑"
	if m.reverse {
		arrow = "↓"
	}
	c := &cols[sortColumn[m.sortBy]]
	if c.Right {
		c.Title = arrow + c.Title
	} else {
		c.Title += arrow
	}
	return cols
}

// sparkW is the trend column's width: one cell a year.
const sparkW = 11

// trendTitle names the trend column with the years it spans.
func (m *Model) trendTitle() string {
	if m.sparkHi == 0 {
		return "Cargo trend"
	}
	return fmt.Sprintf("Cargo %02d–%02d", (m.sparkHi-sparkW+1)%100, m.sparkHi%100)
}

// Model is the Ports tab.
type Model struct {
	c       *common.Common
	keys    KeyMap
	list    filtertable.Model
	all     []row
	rows    []row
	sortBy  int
	reverse bool
	chartTE bool
	// cargoOnly hides ports without a cargo figure.
	cargoOnly bool
	// newest is the most recent period any row shows: a figure more
	// than a year behind it is marked stale.
	newest model.Period
	width  int
	height int
	view   memo.String[viewKey]
	// charts keeps each port's charts as drawn at the current size, so
	// moving back and forth over the rows never replots.
	charts map[chartKey]string
	// selectedID is the port the cursor is on, kept across re-ordering.
	selectedID string
	// sparkHi is the last year of every row's trend: all rows show the
	// same years, so their cells line up.
	sparkHi int
}

// viewKey is everything the tab's drawing depends on.
type viewKey struct {
	in        common.Inputs
	list      filtertable.State
	sortBy    int
	reverse   bool
	chartTE   bool
	cargoOnly bool
}

// chartKey is everything one port's chart area depends on.
type chartKey struct {
	in   common.Inputs
	port string
	te   bool
	h    int
}

// New builds the tab over c's dataset.
func New(c *common.Common) *Model {
	m := &Model{c: c, keys: DefaultKeyMap(), sortBy: 1, reverse: true}
	m.list = filtertable.New("port or country")
	c.Keys.Apply("ports", &m.keys)
	c.ListKeys(&m.list)
	m.list.SetStyles(c.Styles)
	m.compute()
	m.list.SetTotal(len(m.all))
	m.refilter()
	return m
}

// compute derives every port's row once per dataset.
func (m *Model) compute() {
	d := m.c.Data
	m.all = m.all[:0]
	m.sparkHi = 0
	for _, p := range d.Ports {
		r := row{port: p, util: math.NaN()}
		r.cargo, r.hasCargo = model.Headline(d, p.ID, "cargo", "tonnes")
		r.teu, r.hasTEU = model.Headline(d, p.ID, "containers", "TEU")
		if r.hasCargo {
			r.growth, r.gReport, r.gDerived = model.GrowthFor(d, r.cargo)
			// Utilisation compares a full year's cargo with the capacity
			// stated for that year or earlier; anything else is not like
			// for like, so it is left blank.
			if r.cargo.Period.Kind == model.PeriodYear {
				year := r.cargo.Period.Year
				r.capacity, r.hasCap = d.Latest(model.Key(p.ID, "cargo", "tonnes/year", model.Capacity),
					func(pp model.Period) bool { return pp.Year <= year })
				if r.hasCap && r.capacity.Value > 0 {
					r.util = r.cargo.Value / r.capacity.Value * 100
				}
			}
		}
		if !r.hasCap {
			r.capacity, r.hasCap = d.Latest(model.Key(p.ID, "cargo", "tonnes/year", model.Capacity), nil)
		}
		if !r.hasCargo {
			r.main, r.hasMain = model.MainFigure(d, p.ID)
		}
		r.figures = d.CountAbout(p.ID)
		for _, pt := range []struct {
			ok bool
			p  model.Period
		}{{r.hasCargo, r.cargo.Period}, {r.hasTEU, r.teu.Period}, {r.hasMain, r.main.Period}} {
			if pt.ok && pt.p.Ends() > m.newest.Ends() {
				m.newest = pt.p
			}
		}
		r.years = model.YearValues(d, model.Key(p.ID, "cargo", "tonnes", model.Actual))
		for y := range r.years {
			m.sparkHi = max(m.sparkHi, y)
		}
		m.all = append(m.all, r)
	}
}

// remember notes the selected port so the cursor can follow it.
func (m *Model) remember() {
	if r, ok := m.selected(); ok {
		m.selectedID = r.port.ID
	}
}

func (m *Model) refilter() {
	m.remember()
	m.refilterKeeping()
}

// refilterKeeping filters and orders the rows, then puts the cursor back
// on selectedID.
func (m *Model) refilterKeeping() {
	q := strings.ToLower(strings.TrimSpace(m.list.Filter.Query()))
	m.rows = m.rows[:0]
	for _, r := range m.all {
		if m.cargoOnly && !r.hasCargo {
			continue
		}
		if q == "" || strings.Contains(strings.ToLower(r.port.Name+" "+r.port.Country+" "+r.port.Sea+" "+r.port.ID), q) {
			m.rows = append(m.rows, r)
		}
	}
	m.order()
}

// sort reorders the rows, keeping the selected port selected.
func (m *Model) sort() {
	m.remember()
	m.order()
}

func (m *Model) order() {
	val := func(r row) float64 {
		switch m.sortBy {
		case 1:
			if r.hasCargo {
				return r.cargo.Value
			}
		case 2:
			if r.hasTEU {
				return r.teu.Value
			}
		case 3:
			if r.gReport != nil {
				return r.gReport.Value
			}
			if r.gDerived != nil {
				return r.gDerived.Percent
			}
		case 4:
			if !math.IsNaN(r.util) {
				return r.util
			}
		}
		return math.Inf(-1)
	}
	slices.SortStableFunc(m.rows, func(a, b row) int {
		c := 0
		if m.sortBy == 0 {
			c = strings.Compare(a.port.Name, b.port.Name)
		} else {
			va, vb := val(a), val(b)
			// A port without the figure goes last in either direction:
			// "no figure" is not the smallest figure.
			if ea, eb := math.IsInf(va, -1), math.IsInf(vb, -1); ea != eb {
				if ea {
					return 1
				}
				return -1
			}
			c = cmp.Compare(va, vb)
		}
		if m.reverse {
			c = -c
		}
		return cmp.Or(c, strings.Compare(a.port.Name, b.port.Name))
	})
	cells := make([][]string, len(m.rows))
	for i, r := range m.rows {
		cells[i] = m.cells(r)
	}
	m.list.Table.SetColumns(m.columns()...)
	m.list.Table.SetRows(cells)
	// The selection follows the port, not the row number: sorting or
	// filtering must never put the cursor on another port.
	if i := slices.IndexFunc(m.rows, func(r row) bool { return r.port.ID == m.selectedID }); i >= 0 {
		m.list.Table.SetCursor(i)
	}
}

func (m *Model) cells(r row) []string {
	s := m.c.Styles
	dash := s.Muted.Render("—")
	cargo, year, teu, capc, util, growth := dash, "", dash, dash, dash, dash
	switch {
	case r.hasCargo:
		cargo = model.PointText(r.cargo) + m.c.NewMark(r.cargo.ID)
		year = r.cargo.Period.Label() + m.stale(r.cargo.Period)
	case r.hasMain:
		// No cargo figure: what the port does have, in its own unit and
		// muted, so it is never read (or sorted) as tonnes.
		cargo = s.Muted.Render(m.c.Data.MetricLabel(r.main.Metric)+" "+model.PointText(r.main)) + m.c.NewMark(r.main.ID)
		year = s.Muted.Render(r.main.Period.Label()) + m.stale(r.main.Period)
	case r.figures > 0:
		// Only plans, capacities or worded periods: say so, not "—".
		cargo = s.Muted.Render("no actuals")
	}
	if r.hasTEU {
		teu = model.FormatValue(r.teu.Value, r.teu.Qualifier, "TEU") + model.Marks(r.teu.Disputed(), false) + m.c.NewMark(r.teu.ID)
		if !r.hasCargo || r.teu.Period.String() != r.cargo.Period.String() {
			teu += " " + r.teu.Period.Label() + m.stale(r.teu.Period)
		}
	}
	if r.hasCap {
		capc = s.Capacity.Render(model.PointText(r.capacity))
	}
	if !math.IsNaN(r.util) {
		u := fmt.Sprintf("%.0f%%", r.util)
		if r.capacity.Period.Year != r.cargo.Period.Year {
			u += fmt.Sprintf(" cap %d", r.capacity.Period.Year)
		}
		util = s.Derived.Render(u)
	}
	if r.growth != "" {
		growth = r.growth
	}
	return []string{r.port.Name, r.port.Country, cargo, year, teu, capc, util, growth, fmt.Sprint(r.figures), s.Accent.Render(m.trend(r))}
}

// stale marks a period more than a year behind the newest this tab shows.
func (m *Model) stale(p model.Period) string {
	if model.Stale(p, m.newest) {
		return model.GlyphStale
	}
	return ""
}

// trend draws a port's annual cargo over the years every row shares,
// each bar from zero to the port's own peak in those years: a fall is
// always drawn lower, and the proportions within a row are true. The
// Cargo column compares ports; the chart under the table gives values.
func (m *Model) trend(r row) string {
	lo := m.sparkHi - sparkW + 1
	peak := 0.0
	for y, v := range r.years {
		if y >= lo {
			peak = math.Max(peak, v)
		}
	}
	return chart.Spark(r.years, lo, m.sparkHi, peak, m.c.Styles.ASCII)
}

// View implements common.Tab. The frame is redrawn only when one of its
// inputs changed, so an idle redraw costs nothing.
func (m *Model) View() string {
	m.list.Table.Focused = !m.c.HideCursor
	return m.view.Get(viewKey{m.c.Inputs(m.width, m.height), m.list.State(), m.sortBy, m.reverse, m.chartTE, m.cargoOnly}, m.draw)
}

// Title implements common.Tab.
func (m *Model) Title() string { return "Ports" }

// SetSize implements common.Tab.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layoutTable()
}

// chartH is the room left for charts; below 8 lines charts are dropped.
func (m *Model) chartH() int {
	rest := m.height - m.list.FilterHeight() - min(len(m.rows)+1, max(m.height/2, 5))
	if rest < 8 {
		return 0
	}
	return rest
}

func (m *Model) layoutTable() {
	m.list.SetSize(m.width, m.height-m.chartH())
}

// Update implements common.Tab.
func (m *Model) Update(msg tea.Msg) (common.Tab, tea.Cmd) {
	if _, ok := msg.(common.StylesChangedMsg); ok {
		m.list.SetStyles(m.c.Styles)
		m.sort()
		return m, nil
	}
	switch msg.(type) {
	case tea.MouseClickMsg, tea.MouseWheelMsg:
		// The list is at the top; a second click on a row opens its sources.
		if _, open := m.list.Mouse(msg, common.WheelStep); open {
			return m, common.OpenSources
		}
		return m, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.list.Capturing() {
		switch {
		case key.Matches(k, m.keys.Sort):
			m.sortBy = (m.sortBy + 1) % len(sortNames)
			m.reverse = m.sortBy != 0
			m.sort()
			return m, nil
		case key.Matches(k, m.keys.Reverse):
			m.reverse = !m.reverse
			m.sort()
			return m, nil
		case key.Matches(k, m.keys.Chart):
			m.chartTE = !m.chartTE
			return m, nil
		case key.Matches(k, m.keys.CargoOnly):
			m.cargoOnly = !m.cargoOnly
			m.refilter()
			m.layoutTable()
			return m, nil
		}
	}
	var cmd tea.Cmd
	var ch filtertable.Change
	m.list, cmd, ch = m.list.Update(msg)
	if ch.Query {
		m.refilter()
	}
	if ch.Query || ch.Layout {
		m.layoutTable()
	}
	return m, cmd
}

func (m *Model) selected() (row, bool) {
	i := m.list.Table.Cursor()
	if i < 0 || i >= len(m.rows) {
		return row{}, false
	}
	return m.rows[i], true
}

// chartArea draws the selected port's charts, or reuses them when that
// port was drawn before at this size and in these styles.
func (m *Model) chartArea() string {
	h := m.chartH()
	r, ok := m.selected()
	if h == 0 || !ok {
		return ""
	}
	k := chartKey{in: m.c.Inputs(m.width, m.height), port: r.port.ID, te: m.chartTE && m.width < 110, h: h}
	if out, ok := m.charts[k]; ok {
		return out
	}
	if len(m.charts) > 4*len(m.all) {
		clear(m.charts) // the size or styles moved on: old entries are dead
	}
	var out string
	if m.width >= 110 {
		w := (m.width - 1) / 2
		out = cells.Columns(" ", []string{m.portChart(r, false, w, h), m.portChart(r, true, w, h)}, []int{w, w})
	} else {
		out = m.portChart(r, m.chartTE, m.width, h)
	}
	if m.charts == nil {
		m.charts = map[chartKey]string{}
	}
	m.charts[k] = out
	return out
}

func (m *Model) portChart(r row, containers bool, w, h int) string {
	s, d := m.c.Styles, m.c.Data
	metric, unit, capUnit, title := "cargo", "tonnes", "tonnes/year", "cargo handled, tonnes"
	if containers {
		metric, unit, capUnit, title = "containers", "TEU", "TEU/year", "containers, TEU"
	}
	var series []chart.Series
	for _, k := range []model.SeriesKey{
		model.Key(r.port.ID, metric, unit, model.Actual),
		model.Key(r.port.ID, metric, capUnit, model.Capacity),
		model.Key(r.port.ID, metric, unit, model.Target),
		model.Key(r.port.ID, metric, unit, model.Forecast),
	} {
		if sr := chart.SeriesFor(d, k); len(sr.Values) > 0 {
			series = append(series, sr)
		}
	}
	cs := chart.StylesFrom(s)
	// Year-to-date totals get their own chart: stacked under the yearly
	// one when there is room, instead of it when the port has fewer than
	// two years of actuals.
	ytd := chart.YearToDate(d, model.Key(r.port.ID, metric, unit, model.Actual))
	actualYears := 0
	if len(series) > 0 && series[0].Kind == model.Actual {
		actualYears = len(series[0].Values)
	}
	yearsH, monthsH := h-1, 0
	switch {
	case len(ytd) > 0 && h >= 20:
		monthsH = h * 2 / 5
		yearsH = h - monthsH - 1
	case len(ytd) > 0 && actualYears < 2:
		yearsH, monthsH = 0, h
	}
	var parts []string
	if yearsH > 0 {
		head := s.Heading.Render(r.port.Name) + s.Muted.Render(" · "+title+" by year")
		body := chart.Years(series, chart.Options{Width: w, Height: yearsH, Styles: cs})
		if body == "" {
			body = s.Muted.Render("no annual figures to chart")
			if o := d.Series(model.Key(r.port.ID, metric, unit, model.Actual)); len(o) > 0 {
				body += s.Muted.Render(fmt.Sprintf(" (%d figures for other periods: enter lists them)", len(o)))
			}
		}
		parts = append(parts, head, body)
	}
	if monthsH > 0 {
		if body := chart.Months(ytd, chart.ShortUnit(unit), chart.Options{Width: w, Height: monthsH - 1, Styles: cs}); body != "" {
			parts = append(parts, s.Heading.Render(r.port.Name)+s.Muted.Render(" · "+title+" so far in the year"), body)
		}
	}
	return cells.Fit(strings.Join(parts, "\n"), w, -1)
}

// draw renders the tab; View caches it until something changes.
func (m *Model) draw() string {
	charts := m.chartArea()
	if charts == "" {
		return m.list.View()
	}
	return m.list.View() + "\n" + charts
}

// Selection implements common.Tab: the selected port's headline figures
// first, then every other figure about it.
func (m *Model) Selection() (common.Selection, bool) {
	r, ok := m.selected()
	if !ok {
		return common.Selection{}, false
	}
	sel := common.Selection{Title: r.port.Name}
	for _, p := range []struct {
		ok bool
		p  model.Point
	}{{r.hasCargo, r.cargo}, {r.hasTEU, r.teu}, {r.hasCap, r.capacity}} {
		if p.ok {
			sel.Observations = append(sel.Observations, p.p.Observation)
		}
	}
	if r.gReport != nil {
		sel.Observations = append(sel.Observations, r.gReport.Observation)
	}
	if r.gDerived != nil {
		g := r.gDerived
		sel.Derived = append(sel.Derived, fmt.Sprintf("growth %s = %s (%s) vs %s (%s), computed by corridor",
			model.FormatGrowth(*g), model.FormatObs(g.Current), g.Current.Period.Label(), model.FormatObs(g.Previous), g.Previous.Period.Label()))
	}
	if !math.IsNaN(r.util) {
		sel.Derived = append(sel.Derived, fmt.Sprintf("utilisation %.0f%% = cargo %s (%s) ÷ capacity %s (%s), computed by corridor",
			r.util, model.FormatObs(r.cargo.Observation), r.cargo.Period.Label(), model.FormatObs(r.capacity.Observation), r.capacity.Period.Label()))
	}
	sel.Observations = append(sel.Observations, m.c.Data.About(r.port.ID)...)
	return sel, true
}

// Capturing implements common.Tab.
func (m *Model) Capturing() bool { return m.list.Capturing() }

// ShortHelp implements help.KeyMap.
func (m *Model) ShortHelp() []key.Binding {
	if m.list.Capturing() {
		return m.list.ShortHelp()
	}
	return append(m.list.ShortHelp(), m.keys.Sort)
}

// FullHelp implements help.KeyMap.
func (m *Model) FullHelp() [][]key.Binding {
	return append(m.list.FullHelp(), []key.Binding{m.keys.Sort, m.keys.Reverse, m.keys.Chart, m.keys.CargoOnly})
}

// kept is what the Ports tab carries over a data reload.
type kept struct {
	port, query                 string
	sortBy                      int
	reverse, chartTE, cargoOnly bool
}

// Keep implements common.Keeper.
func (m *Model) Keep() any {
	m.remember()
	return kept{m.selectedID, m.list.Filter.Query(), m.sortBy, m.reverse, m.chartTE, m.cargoOnly}
}

// Restore implements common.Keeper.
func (m *Model) Restore(v any) {
	k, ok := v.(kept)
	if !ok {
		return
	}
	m.sortBy, m.reverse, m.chartTE, m.cargoOnly = k.sortBy, k.reverse, k.chartTE, k.cargoOnly
	m.list.SetQuery(k.query)
	m.selectedID = k.port
	m.refilterKeeping()
	m.layoutTable()
}

// Legend implements common.Legender.
func (m *Model) Legend() [][2]string {
	return [][2]string{
		{"↑ ↓", "the column the rows are sorted by, and which way"},
		{"▁▃▅█", "cargo trend: one bar a year over the last ten, blank where no figure"},
		{"Q1 2024", "a TEU figure's own period, when it is not the cargo's"},
		{"muted", "no cargo figure: the port's latest figure of another kind, in its own unit"},
		{model.GlyphStale, "stale: more than a year behind the newest figure on this tab"},
		{"cap 2019", "utilisation against the latest capacity stated before the cargo's year"},
		{"Figs", "how many figures the dataset holds about the port"},
	}
}

// Badges implements common.Badger: FILTER with the rows it leaves, and
// SORT when the order is not the default (cargo, largest first).
func (m *Model) Badges() []string {
	var b []string
	if strings.TrimSpace(m.list.Filter.Query()) != "" || m.cargoOnly {
		b = append(b, fmt.Sprintf("FILTER %d/%d", len(m.rows), len(m.all)))
	}
	if m.sortBy != 1 || !m.reverse {
		arrow := "↑"
		if m.reverse {
			arrow = "↓"
		}
		b = append(b, "SORT "+sortNames[m.sortBy]+arrow)
	}
	return b
}

// SortName names the current sort, for tests and the status line.
func (m *Model) SortName() string { return sortNames[m.sortBy] }
