package overview

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/styles"
)

func period(t *testing.T, s string) model.Period {
	t.Helper()
	p, err := model.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// own is a dataset with ids the bundle does not use, two sources that
// disagree, and declarations out of position order. One of its cards is
// titled "Data checks", as an analyst may title one.
func own(t *testing.T) *model.Dataset {
	obs := func(id, subject, p string, v float64, src string) model.Observation {
		return model.Observation{ID: id, Subject: subject, Metric: "cargo", Period: period(t, p), Value: v, Unit: "tonnes", Kind: model.Actual, Source: src}
	}
	ds := &model.Dataset{
		Sources:  []model.Source{{ID: "s1", Publisher: "Ministry", Standing: model.Official}, {ID: "s2", Publisher: "Agency", Standing: model.Agency}},
		Metrics:  []model.Metric{{ID: "cargo", Label: "Cargo", Units: []string{"tonnes"}}},
		Subjects: []model.Subject{{ID: "north-port", Name: "North port"}, {ID: "south-port", Name: "South port"}},
		Observations: []model.Observation{
			obs("o1", "north-port", "2024", 1_200_000, "s1"),
			obs("o2", "north-port", "2024", 1_300_000, "s2"),
			obs("o3", "south-port", "2025", 800_000, "s1"),
		},
		Route: []model.RouteNode{{ID: "r-south", Position: 20, Name: "Southgate"}, {ID: "r-north", Position: 10, Name: "Northgate"}, {ID: "r-sea", Position: 15, Name: "Open sea"}},
		Cards: []model.Card{{ID: "c-checks", Position: 10, Title: "Data checks"}},
		Figures: []model.Figure{
			{ID: "f1", On: "r-north", Position: 10, Label: "port", Subject: "north-port", Metric: "cargo", Unit: "tonnes"},
			{ID: "f2", On: "r-south", Position: 10, Label: "port", Subject: "south-port", Metric: "cargo", Unit: "tonnes"},
			{ID: "f3", On: "c-checks", Position: 10, Label: "south", Subject: "south-port", Metric: "cargo", Unit: "tonnes"},
		},
	}
	ds.Index()
	return ds
}

func newTab(t *testing.T, ds *model.Dataset, w, h int) *Model {
	t.Helper()
	m := New(&common.Common{Styles: styles.New("dark", true, false), Data: ds})
	m.SetSize(w, h)
	return m
}

// The route is drawn in position order with each node's declared
// figures; a node without figures is drawn but not selectable.
func TestRouteFollowsTheDeclarations(t *testing.T) {
	m := newTab(t, own(t), 120, 40)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Northgate") || strings.Index(v, "Northgate") > strings.Index(v, "Open sea") || strings.Index(v, "Open sea") > strings.Index(v, "Southgate") {
		t.Errorf("route not in position order:\n%s", v)
	}
	for _, s := range []string{"port 1.2M t≠ 2024", "port 800k t 2025", "south 800k t 2025"} {
		if !strings.Contains(v, s) {
			t.Errorf("no %q in:\n%s", s, v)
		}
	}
	var titles []string
	for range 4 {
		sel, _ := m.Selection()
		titles = append(titles, sel.Title)
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	if got := strings.Join(titles, ", "); got != "Northgate, Southgate, Data checks, Data checks" {
		t.Errorf("selection steps through %s; the empty node must be skipped", got)
	}
}

// A declared card titled "Data checks" is an ordinary card: only the
// computed checks card lists the disagreeing figures.
func TestChecksCardIsNotFoundByTitle(t *testing.T) {
	m := newTab(t, own(t), 120, 40)
	var declared, checks *common.Selection
	for range len(m.items) {
		sel, _ := m.Selection()
		switch m.items[m.cursor].kind {
		case cardItem:
			declared = &sel
		case checksItem:
			checks = &sel
		}
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	if declared == nil || checks == nil {
		t.Fatal("both cards must be selectable")
	}
	if len(declared.Observations) != 1 || declared.Observations[0].ID != "o3" {
		t.Errorf("the declared card lists %v, want only its figure o3", declared.Observations)
	}
	if len(checks.Observations) != 1 || checks.Observations[0].Subject != "north-port" {
		t.Errorf("the checks card lists %v, want the disputed north-port figure", checks.Observations)
	}
}

// Without declarations the tab still draws: the route is empty, the
// computed checks card remains.
func TestNoDeclarations(t *testing.T) {
	ds := own(t)
	ds.Route, ds.Cards, ds.Figures = nil, nil, nil
	ds.Index()
	m := newTab(t, ds, 80, 24)
	if sel, ok := m.Selection(); !ok || m.items[m.cursor].kind != checksItem {
		t.Errorf("selection %q, want the checks card", sel.Title)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "1 figures where sources disagree") {
		t.Errorf("no checks card:\n%s", v)
	}
}

// With room to spare the Overview charts the series it declares: the
// actuals set the axes, and a forecast far out is listed with its arrow
// and value instead of stretching them.
func TestVolumeChartFitsTheActuals(t *testing.T) {
	ds := own(t)
	for i, v := range []float64{1.0e6, 1.1e6, 0.9e6, 1.4e6} {
		ds.Observations = append(ds.Observations, model.Observation{ID: "v" + string(rune('a'+i)), Subject: "south-port", Metric: "cargo", Period: period(t, strconv.Itoa(2020+i)), Value: v, Unit: "tonnes", Kind: model.Actual, Source: "s1"})
	}
	ds.Observations = append(ds.Observations, model.Observation{ID: "vf", Subject: "south-port", Metric: "cargo", Period: period(t, "2035"), Value: 9e6, Unit: "tonnes", Kind: model.Forecast, Source: "s2"})
	ds.Charts = []model.Chart{{ID: "ch", View: model.ViewOverview, Position: 10, Title: "South port by year", Subject: "south-port", Metric: "cargo", Unit: "tonnes", Style: model.ByYear}}
	ds.Index()
	v := ansi.Strip(newTab(t, ds, 200, 60).View())
	if !strings.Contains(v, "South port by year") {
		t.Fatalf("no chart at 200x60:\n%s", v)
	}
	for _, want := range []string{"● actual (t)", "→ 2035 fcst 9M t", "2020", "2023"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in the chart:\n%s", want, v)
		}
	}
	for _, bad := range []string{"2030", "9M ┤", "8M ┤"} {
		if strings.Contains(v, bad) {
			t.Errorf("the forecast set the axes (%q):\n%s", bad, v)
		}
	}
}

// In briefing mode the large figures share one size: a long figure that
// only fits three rows tall brings the others down to three rows too.
func TestBriefingFiguresShareOneSize(t *testing.T) {
	ds := own(t)
	ds.Observations = append(ds.Observations, model.Observation{ID: "o4", Subject: "south-port", Metric: "cargo",
		Period: period(t, "2026"), Value: 14_512_300, Unit: "tonnes", Kind: model.Actual, Source: "s1"})
	ds.Figures[0].Briefing, ds.Figures[1].Briefing = "North", "South"
	ds.Index()
	for _, w := range []int{60, 70, 200} {
		m := New(&common.Common{Styles: styles.New("dark", true, false), Data: ds, Present: true})
		m.SetSize(w, 40)
		panel := m.bigPanel()
		if panel == "" {
			continue
		}
		colW := (w - 2) / 2
		heights := [2]int{}
		for _, l := range strings.Split(ansi.Strip(panel), "\n") {
			for c := range 2 {
				part := []rune(l + strings.Repeat(" ", w))[c*(colW+2) : c*(colW+2)+colW]
				if strings.ContainsAny(string(part), "█▀▄") {
					heights[c]++
				}
			}
		}
		if heights[0] != heights[1] || heights[0] == 0 {
			t.Errorf("width %d: large figures %d and %d rows tall, want one size:\n%s", w, heights[0], heights[1], ansi.Strip(panel))
		}
	}
}

// While a briefing rotates on its own no card is drawn selected.
func TestNoSelectionWhileBriefingRotates(t *testing.T) {
	c := &common.Common{Styles: styles.New("dark", true, false), Data: own(t), Present: true, HideCursor: true}
	m := New(c)
	m.SetSize(120, 40)
	if v := m.View(); strings.ContainsAny(ansi.Strip(v), "┏┃━") {
		t.Errorf("a selected card's thick border shows while rotating:\n%s", ansi.Strip(v))
	}
	c.HideCursor = false
	if v := m.View(); !strings.ContainsAny(ansi.Strip(v), "┏┃━") {
		t.Errorf("paused, the selection should show again:\n%s", ansi.Strip(v))
	}
}
