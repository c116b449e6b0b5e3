package sourcepane

import (
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"

	"corridor/model"
	"corridor/tui/styles"
)

// The pane shows when a source's page was read and where an archived
// copy is, and says nothing about either when they are not recorded.
func TestPaneShowsRetrievedAndArchive(t *testing.T) {
	day := func(s string) model.Period {
		p, err := model.ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	d := &model.Dataset{
		Sources: []model.Source{
			{ID: "a", Title: "Port statistics", Publisher: "Ministry", Standing: model.Official, Address: "https://example.org/a",
				Retrieved: day("2026-11-22"), Archive: "https://web.archive.org/web/2026/https://example.org/a"},
			{ID: "b", Title: "Blog post", Publisher: "Blog", Standing: model.Aggregator},
		},
		Ports: []model.Port{{ID: "baku", Name: "Port of Baku"}},
		Observations: []model.Observation{
			{ID: "o-1", Subject: "baku", Metric: "cargo", Period: day("2024"), Value: 7.6e6, Unit: "tonnes", Kind: model.Actual, Source: "a"},
			{ID: "o-2", Subject: "baku", Metric: "cargo", Period: day("2023"), Value: 7.4e6, Unit: "tonnes", Kind: model.Actual, Source: "b"},
		},
	}
	d.Index()
	m := New(styles.DefaultStyles(true))
	m.SetData(d)
	m.SetSize(100, 40)
	m.Open(model.Selection{Title: "Port of Baku", Observations: d.Observations[:1]})
	view := ansi.Strip(m.View())
	for _, want := range []string{"retrieved on or before 22 Nov 2026", "archived copy:", "https://web.archive.org/web/2026/https://example.org/a"} {
		if !strings.Contains(view, want) {
			t.Errorf("pane lacks %q:\n%s", want, view)
		}
	}
	m.Open(model.Selection{Title: "Port of Baku", Observations: d.Observations[1:]})
	if view := ansi.Strip(m.View()); strings.Contains(view, "retrieved") || strings.Contains(view, "archived") {
		t.Errorf("a source without the dates shows them:\n%s", view)
	}
}
