package ports

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

// The tab is tested over a small dataset written here, so the tests say
// exactly which figure each row must show.
var (
	once sync.Once
	ds   *model.Dataset
)

func dataset(t testing.TB) *model.Dataset {
	t.Helper()
	once.Do(func() {
		src := model.Source{ID: "s1", Title: "Port report", Publisher: "Port authority", Standing: model.Official, Address: "https://example.org/r"}
		obs := func(id, subj, metric, period string, v float64, unit string, kind model.Kind) model.Observation {
			p, err := model.ParsePeriod(period)
			if err != nil {
				panic(err)
			}
			return model.Observation{ID: id, Subject: subj, Metric: metric, Period: p, Value: v, Unit: unit, Kind: kind, Source: "s1"}
		}
		ds = &model.Dataset{
			Sources:  []model.Source{src},
			Metrics:  []model.Metric{{ID: "cargo", Label: "Cargo"}, {ID: "containers", Label: "Containers"}, {ID: "trains", Label: "Trains"}},
			Subjects: []model.Subject{{ID: "alpha", Name: "Alpha"}, {ID: "beta", Name: "Beta"}, {ID: "gamma", Name: "Gamma"}, {ID: "delta", Name: "Delta"}},
			Ports:    []model.Port{{ID: "alpha", Name: "Alpha", Country: "Georgia"}, {ID: "beta", Name: "Beta", Country: "Kazakhstan"}, {ID: "gamma", Name: "Gamma", Country: "Azerbaijan"}, {ID: "delta", Name: "Delta", Country: "Kazakhstan"}},
			Observations: []model.Observation{
				obs("o1", "alpha", "cargo", "2023", 2_000_000, "tonnes", model.Actual),
				obs("o2", "alpha", "cargo", "2024", 3_000_000, "tonnes", model.Actual),
				obs("o3", "beta", "cargo", "2024", 9_000_000, "tonnes", model.Actual),
				obs("o4", "delta", "trains", "2022", 1848, "trains", model.Actual),
			},
		}
		ds.Index()
	})
	return ds
}

func newTab(t testing.TB, w, h int) *Model {
	t.Helper()
	c := &common.Common{Styles: styles.New("dark", true, false), Data: dataset(t), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	m := New(c)
	m.SetSize(w, h)
	return m
}

func press(s string) tea.KeyPressMsg {
	if s == "down" {
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

func selected(m *Model) string {
	r, _ := m.selected()
	return r.port.Name
}

func TestLargestCargoFirstWithItsPeriod(t *testing.T) {
	m := newTab(t, 100, 20)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if !strings.Contains(lines[1], "Beta") || !strings.Contains(lines[1], "9M t") || !strings.Contains(lines[1], "2024") {
		t.Fatalf("first row = %q, want Beta 9M t 2024", lines[1])
	}
	if !strings.Contains(lines[2], "Alpha") || !strings.Contains(lines[2], "+50.0%†") {
		t.Fatalf("second row = %q, want Alpha with its derived +50%% growth", lines[2])
	}
	if !strings.Contains(lines[3]+lines[4], "Gamma") || !strings.Contains(lines[3]+lines[4], "Delta") {
		t.Fatalf("ports with no cargo figure must sort last: %q %q", lines[3], lines[4])
	}
}

func TestSelectionFollowsThePortAcrossSort(t *testing.T) {
	m := newTab(t, 100, 20)
	m.Update(press("down"))
	if selected(m) != "Alpha" {
		t.Fatalf("selected %s, want Alpha", selected(m))
	}
	for range 5 {
		m.Update(press("o"))
		if selected(m) != "Alpha" {
			t.Fatalf("after sorting by %s the selection moved to %s", m.SortName(), selected(m))
		}
	}
}

func TestEmptyValuesSortLastBothWays(t *testing.T) {
	m := newTab(t, 100, 20)
	for _, k := range []string{"", "r"} {
		if k != "" {
			m.Update(press(k))
		}
		rows := m.list.Table.Rows()
		if last := ansi.Strip(rows[len(rows)-1][0]); last != "Gamma" {
			t.Fatalf("reverse=%v: last row %q, want Gamma (no cargo figure)", m.reverse, last)
		}
	}
}

func TestViewRedrawsOnlyWhenInputsChange(t *testing.T) {
	m := newTab(t, 100, 20)
	a := m.View()
	if b := m.View(); a != b {
		t.Fatal("the same inputs drew a different frame")
	}
	m.Update(press("down"))
	if b := m.View(); a == b {
		t.Fatal("moving the cursor did not redraw")
	}
	m.Update(press("c"))
	before := m.View()
	m.Update(press("c"))
	if after := m.View(); before == after && m.width < 110 {
		t.Fatal("toggling the chart did not redraw")
	}
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", size[0], size[1], p.Name), func(t *testing.T) {
				m := newTab(t, size[0], size[1])
				m.Update(press("down"))
				golden.RequireEqual(t, p.Encode(m.View()))
			})
		}
	}
}

// Every row's trend covers the same years, so a year's cell lines up
// down the column, the column's title names them, and each row's bars
// start at zero: a fall is drawn lower, whatever the port's size.
func TestTrendSharesYearsAndFallsDrawLower(t *testing.T) {
	obs := func(id, subj, period string, v float64) model.Observation {
		p, err := model.ParsePeriod(period)
		if err != nil {
			t.Fatal(err)
		}
		return model.Observation{ID: id, Subject: subj, Metric: "cargo", Period: p, Value: v, Unit: "tonnes", Kind: model.Actual, Source: "s1"}
	}
	d := &model.Dataset{
		Sources: []model.Source{{ID: "s1", Title: "Port report", Publisher: "Port authority", Standing: model.Official}},
		Ports:   []model.Port{{ID: "big", Name: "Big", Country: "Georgia"}, {ID: "small", Name: "Small", Country: "Georgia"}},
		Observations: []model.Observation{
			obs("b1", "big", "2022", 4_700_000), obs("b2", "big", "2024", 3_600_000), // a fall
			obs("s1", "small", "2023", 100_000), obs("s2", "small", "2024", 109_000), // a rise
		},
	}
	d.Index()
	m := New(&common.Common{Styles: styles.New("dark", true, false), Data: d})
	m.SetSize(120, 20)
	f := ansi.Strip(m.View())
	if !strings.Contains(f, "Cargo 14–24") {
		t.Fatalf("the trend column does not name its years:\n%s", f)
	}
	trend := map[string]string{}
	for _, r := range m.rows {
		trend[r.port.ID] = m.trend(r)
	}
	// Eleven cells, 2014-2024: 2022 is the ninth, 2023 the tenth.
	if got := trend["big"]; got != "        █ ▆" {
		t.Errorf("big: %q, want the 2024 fall drawn lower than 2022, 2023 blank", got)
	}
	if got := trend["small"]; got != "         ▇█" {
		t.Errorf("small: %q, want 2023 and 2024 in the last two cells, rising", got)
	}
	m = New(&common.Common{Styles: styles.New("dark", true, true), Data: d})
	m.SetSize(120, 20)
	if got := m.trend(m.rows[0]); strings.Trim(got, " 12345678") != "" {
		t.Errorf("--ascii trend %q: want digits, not glyphs that mean something else", got)
	}
}

// A port without a cargo figure shows what it has (trains), with its
// period, marked stale when it is more than a year behind the newest
// figure on the tab; w leaves only ports with cargo figures.
func TestPortsWithoutCargoShowTheirMainFigure(t *testing.T) {
	m := newTab(t, 120, 20)
	var delta string
	for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if strings.HasPrefix(l, "Delta") {
			delta = l
		}
	}
	if !strings.Contains(delta, "1848 trains") || !strings.Contains(delta, "2022"+model.GlyphStale) {
		t.Fatalf("Delta row = %q, want its trains with the period marked stale", delta)
	}
	m.Update(press("w"))
	if f := ansi.Strip(m.View()); strings.Contains(f, "Delta") || strings.Contains(f, "Gamma") || !strings.Contains(f, "Alpha") {
		t.Fatalf("w should leave only ports with cargo:\n%s", f)
	}
	if b := m.Badges(); len(b) == 0 || !strings.HasPrefix(b[0], "FILTER 2/4") {
		t.Errorf("badges %v, want FILTER 2/4", b)
	}
}
