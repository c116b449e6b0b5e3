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
	"corridor/tui/components/chart/charttest"
	"corridor/tui/internal/golden"
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

// The Middle Corridor volume panel at the tab sizes 60x20, 80x24,
// 120x40 and 200x60 terminals give it, and 120x40 in --present: 2019-21
// (759k, 783k, 586k t) are above the zero row, and the 2024 -> 2025
// fall (4.484M -> 4.119M t) is drawn as a fall or written out.
func TestVolumeGolden(t *testing.T) {
	ds, err := data.Load(data.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		w, h    int
		present bool
	}{
		{"60x20", 60, 16, false},
		{"80x24", 80, 20, false},
		{"120x40", 120, 36, false},
		{"200x60", 200, 56, false},
		{"120x40-present", 120, 34, true},
	} {
		for _, p := range golden.Profiles() {
			t.Run(c.name+"-"+p.Name, func(t *testing.T) {
				m := New(&common.Common{Styles: styles.New("dark", true, false), Data: ds, Present: c.present})
				m.SetSize(c.w, c.h)
				if sel, _ := m.Selection(); sel.Title != "Middle Corridor volume" {
					t.Fatalf("first series is %q", sel.Title)
				}
				out := m.View()
				golden.RequireEqual(t, p.Encode(out))
				r := charttest.Read(t, out, 4)
				rows := map[int]int{}
				for y := 2019; y <= 2025; y++ {
					col, ok := r.ColOf(t, charttest.YearIdx, y)
					if rows[y] = r.MarkerRow(col, '●'); !ok || rows[y] < 0 {
						t.Fatalf("no marker for %d:\n%s", y, r.Text)
					}
				}
				zero := r.ZeroRow()
				if zero < 0 && !r.Broken {
					t.Errorf("the axis starts above zero unmarked:\n%s", r.Text)
				}
				for y := 2019; y <= 2021; y++ {
					if rows[y] == zero {
						t.Errorf("%d on the zero row:\n%s", y, r.Text)
					}
				}
				switch {
				case rows[2025] < rows[2024]:
					t.Errorf("the 2025 fall drawn as a rise:\n%s", r.Text)
				case rows[2025] == rows[2024] && !(strings.Contains(r.Text, "4.484M") && strings.Contains(r.Text, "4.119M")):
					t.Errorf("the 2025 fall drawn flat and not written out:\n%s", r.Text)
				}
			})
		}
	}
}
