package transit

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/data"
	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/styles"
)

func newTab(t *testing.T, ds *model.Dataset) *Model {
	t.Helper()
	m := New(&common.Common{Styles: styles.New("dark", true, false), Data: ds})
	m.SetSize(120, 40)
	return m
}

// The tab lists the series charts.csv declares, in their order, and the
// figures behind them are exactly what `export --view transit` writes.
func TestSeriesAreTheDeclaredChartsAndTheExport(t *testing.T) {
	ds, err := data.Load(data.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	m := newTab(t, ds)
	var want []string
	for _, c := range ds.ChartsOf(model.ViewTransit) {
		want = append(want, c.Title)
	}
	var titles []string
	shown := map[string]bool{}
	for range want {
		sel, ok := m.Selection()
		if !ok {
			t.Fatal("no selection")
		}
		titles = append(titles, sel.Title)
		if v := ansi.Strip(m.View()); !strings.Contains(v, "▸ "+sel.Title+" ") {
			t.Errorf("%q is not the highlighted series:\n%s", sel.Title, v)
		}
		for _, o := range sel.Observations {
			shown[o.ID] = true
		}
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	if !slices.Equal(titles, want) {
		t.Errorf("series %v, want the declared %v", titles, want)
	}
	rows, err := data.ExportRows(ds, "transit")
	if err != nil {
		t.Fatal(err)
	}
	exported := map[string]bool{}
	for _, r := range rows.([]data.ObservationRow) {
		if exported[r.ID] {
			t.Errorf("%s exported twice", r.ID)
		}
		exported[r.ID] = true
		if !shown[r.ID] {
			t.Errorf("export has %s (%s %s %s), which the tab does not show", r.ID, r.Subject, r.Metric, r.Period)
		}
	}
	for id := range shown {
		if !exported[id] {
			t.Errorf("the tab shows %s, which the export leaves out", id)
		}
	}
	if len(shown) == 0 {
		t.Fatal("the tab shows no figures")
	}
}

// A series the dataset declares without figures is left out, and a
// dataset that declares none says so.
func TestUndeclaredOrEmpty(t *testing.T) {
	ds := &model.Dataset{
		Subjects: []model.Subject{{ID: "my-line", Name: "My line"}},
		Observations: []model.Observation{
			{ID: "o1", Subject: "my-line", Metric: "cargo", Period: mustPeriod(t, "2024"), Value: 5, Unit: "tonnes", Kind: model.Actual},
		},
		Charts: []model.Chart{
			{ID: "a", View: model.ViewTransit, Position: 2, Title: "My line by half-year", Subject: "my-line", Metric: "cargo", Unit: "tonnes", Style: model.ByHalfYear},
			{ID: "b", View: model.ViewTransit, Position: 1, Title: "My line", Subject: "my-line", Metric: "cargo", Unit: "tonnes", Style: model.ByYear},
		},
	}
	ds.Index()
	m := newTab(t, ds)
	if sel, _ := m.Selection(); sel.Title != "My line" || len(m.panels) != 1 {
		t.Errorf("panels %d, selection %q; want only My line (no half-year figures)", len(m.panels), sel.Title)
	}
	ds.Charts = nil
	ds.Index()
	m = newTab(t, ds)
	if v := ansi.Strip(m.View()); v != "No transit figures in this dataset." {
		t.Errorf("view without declared series: %q", v)
	}
}

func mustPeriod(t *testing.T, s string) model.Period {
	t.Helper()
	p, err := model.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
