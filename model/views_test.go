package model

import (
	"slices"
	"testing"
)

// declared adds view declarations to the fixture, out of position order
// as a layered directory may leave them.
func declared(t *testing.T) *Dataset {
	d := fixture(t)
	d.Route = []RouteNode{{ID: "r-b", Position: 20, Name: "Baku"}, {ID: "r-a", Position: 10, Name: "Aktau"}}
	d.Cards = []Card{{ID: "c-titr", Position: 10, Title: "Middle Corridor"}}
	d.Figures = []Figure{
		{ID: "f2", On: "c-titr", Position: 20, Label: "second", Subject: "titr", Metric: "cargo", Unit: "tonnes", Briefing: "Card"},
		{ID: "f1", On: "c-titr", Position: 10, Label: "first", Subject: "titr", Metric: "cargo", Unit: "tonnes"},
		{ID: "f3", On: "r-b", Position: 10, Label: "node", Subject: "titr", Metric: "cargo", Unit: "tonnes", Briefing: "Node"},
	}
	d.Charts = []Chart{
		{ID: "halves", View: ViewTransit, Position: 20, Subject: "titr", Metric: "cargo", Unit: "tonnes", Style: ByHalfYear},
		{ID: "years", View: ViewTransit, Position: 10, Subject: "titr", Metric: "cargo", Unit: "tonnes", Style: ByYear},
		{ID: "ov", View: ViewOverview, Position: 10, Subject: "titr", Metric: "cargo", Unit: "tonnes", Style: ByYear},
	}
	d.Index()
	return d
}

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func TestDeclarationsFollowPositions(t *testing.T) {
	d := declared(t)
	if got := ids(d.Route, func(n RouteNode) string { return n.Name }); !slices.Equal(got, []string{"Aktau", "Baku"}) {
		t.Errorf("route %v", got)
	}
	if got := ids(d.FiguresOn("c-titr"), func(f Figure) string { return f.Label }); !slices.Equal(got, []string{"first", "second"}) {
		t.Errorf("card figures %v", got)
	}
	if got := ids(d.FiguresOn("nowhere"), func(f Figure) string { return f.ID }); len(got) != 0 {
		t.Errorf("figures on an unknown id: %v", got)
	}
	// Route before cards, whatever the file order.
	if got := ids(d.BriefingFigures(), func(f Figure) string { return f.Briefing }); !slices.Equal(got, []string{"Node", "Card"}) {
		t.Errorf("briefing %v", got)
	}
	if got := ids(d.ChartsOf(ViewTransit), func(c Chart) string { return c.ID }); !slices.Equal(got, []string{"years", "halves"}) {
		t.Errorf("transit charts %v", got)
	}
	if got := ids(d.ChartsOf(ViewOverview), func(c Chart) string { return c.ID }); !slices.Equal(got, []string{"ov"}) {
		t.Errorf("overview charts %v", got)
	}
}

// A chart lists every figure of its subject and metric, every kind,
// newest first with text periods last; a half-year chart only halves.
func TestChartObservations(t *testing.T) {
	d := declared(t)
	years := d.ChartObservations(d.ChartsOf(ViewTransit)[0])
	got := ids(years, func(o Observation) string { return o.ID })
	// Keys put actuals first, then the sort is stable by period, newest
	// first: 2030 target, H1 2025, the three 2024s, 2023, 2022, "c. 2025".
	want := []string{"o7", "o10", "o4", "o3", "o5", "o2", "o1", "o6"}
	if !slices.Equal(got, want) {
		t.Errorf("year chart lists %v, want %v", got, want)
	}
	halves := d.ChartObservations(d.ChartsOf(ViewTransit)[1])
	if got := ids(halves, func(o Observation) string { return o.ID }); !slices.Equal(got, []string{"o10"}) {
		t.Errorf("half-year chart lists %v, want only o10", got)
	}
}

// A view's export holds each figure behind its charts once, in file
// order, and nothing else (the growth figures are another metric).
func TestViewObservations(t *testing.T) {
	d := declared(t)
	got := ids(d.ViewObservations(ViewTransit), func(o Observation) string { return o.ID })
	want := []string{"o1", "o2", "o3", "o4", "o5", "o6", "o7", "o10"}
	if !slices.Equal(got, want) {
		t.Errorf("transit export %v, want %v", got, want)
	}
	if got := d.ViewObservations("nowhere"); len(got) != 0 {
		t.Errorf("a view without charts exports %d figures", len(got))
	}
}

// A reload that only changes a declaration still counts as a change.
func TestDiffCountsDeclarations(t *testing.T) {
	a, b := declared(t), declared(t)
	b.Figures[0].Label = "relabelled"
	b.Route = b.Route[:1]
	if n := Diff(a, b); n != 2 {
		t.Errorf("Diff = %d, want 2 (one relabelled figure, one removed node)", n)
	}
}
