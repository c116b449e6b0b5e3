package model

import (
	"slices"
	"strings"
	"testing"
)

// Each kind of edit lands in its own part of the report, and the report
// counts exactly the rows Diff counts (what a reload's notice says).
func TestCompareSortsEachEdit(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, c := range []struct {
		name string
		edit func(d *Dataset)
		part func(c Changes) int
	}{
		{"figure added", func(d *Dataset) {
			d.Observations = append(d.Observations, Observation{ID: "o-5", Subject: "asco", Metric: "cargo", Period: d.Observations[2].Period, Value: 1, Unit: "tonnes", Kind: Target, Source: "trend-1"})
		}, func(c Changes) int { return len(c.Added) }},
		{"figure removed", func(d *Dataset) { d.Observations = d.Observations[1:] }, func(c Changes) int { return len(c.Removed) }},
		{"figure changed", func(d *Dataset) { d.Observations[2].Value = 8_200_000 }, func(c Changes) int { return len(c.Changed) }},
		{"figure newly suspect", func(d *Dataset) { d.Observations[2].Flag = FlagSuspect }, func(c Changes) int {
			return len(c.NewlySuspect) + 10*len(c.Changed) // flag-only: suspect, not also changed
		}},
		{"suspect and changed", func(d *Dataset) { d.Observations[2].Flag, d.Observations[2].Note = FlagSuspect, "checked" }, func(c Changes) int {
			return len(c.NewlySuspect) * len(c.Changed)
		}},
		{"event added", func(d *Dataset) {
			d.Events = append(d.Events, Event{ID: "e-2", Date: d.Events[0].Date, Title: "x", Kind: "summit", Status: EventHeld, Source: "trend-1"})
		}, func(c Changes) int { return len(c.EventsAdded) }},
		{"event moved", func(d *Dataset) { d.Events[0].Date = d.Observations[2].Period }, func(c Changes) int { return len(c.EventsMoved) }},
		{"event changed", func(d *Dataset) { d.Events[0].Title = "Renamed" }, func(c Changes) int { return len(c.EventsChanged) }},
		{"event removed", func(d *Dataset) { d.Events = nil }, func(c Changes) int { return len(c.EventsRemoved) }},
		{"source changed", func(d *Dataset) { d.Sources[0].Archive = "" }, func(c Changes) int { return len(c.Sources.Changed) }},
		{"project numbers", func(d *Dataset) {
			d.Projects[0].Capacity = f(6)
		}, func(c Changes) int { return len(c.Projects.Changed) }},
		{"port added", func(d *Dataset) { d.Ports = append(d.Ports, Port{ID: "aktau"}) }, func(c Changes) int { return len(c.Ports.Added) }},
		{"metric removed", func(d *Dataset) { d.Metrics = nil }, func(c Changes) int { return len(c.Metrics.Removed) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			old := citeFixture(t)
			old.Projects = []Project{{ID: "btk", Name: "BTK", Capacity: f(5)}}
			old.Index()
			new := citeFixture(t)
			new.Projects = []Project{{ID: "btk", Name: "BTK", Capacity: f(5)}}
			c.edit(new)
			new.Index()
			got := Compare(old, new)
			if n := c.part(got); n != 1 {
				t.Errorf("its part of the report has %d entries, want 1:\n%s", n, got.Text("old", "new"))
			}
			if got.Rows() != 1 || Diff(old, new) != 1 {
				t.Errorf("Rows() = %d, Diff = %d, want 1 and 1", got.Rows(), Diff(old, new))
			}
			if same := Compare(old, old); !same.Empty() || same.Summary() != "no changes" || len(same.Sections()) != 0 {
				t.Errorf("a dataset compared with itself: %s", same.Text("a", "a"))
			}
		})
	}
}

// A reported change says old and new value with both sources; a
// disagreement that ends says what remains.
func TestCompareLabels(t *testing.T) {
	old := citeFixture(t)
	new := citeFixture(t)
	new.Observations[0].Value, new.Observations[0].Source = 4_700_000, "blog-2"
	new.Observations = slices.Delete(new.Observations, 1, 2) // the suspect 46 Mt: no disagreement left
	new.Index()
	c := Compare(old, new)
	text := c.Text("before", "after")
	for _, want := range []string{
		"ASCO — Cargo, H1 2025: about 4,600,000 tonnes (actual, Trend) -> about 4,700,000 tonnes (actual, Blog) [o-1; value, source]",
		"Disagreements resolved\n  = ASCO — Cargo, H1 2025 (actual): about 4,600,000 tonnes (Trend) o-1; 46,000,000 tonnes (Blog, flagged suspect) o-2; now about 4,700,000 tonnes (Blog) o-1",
		"2 changes: 1 figure removed, 1 figure changed; 1 disagreement resolved",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if ids := c.ChangedIDs(); !ids["o-1"] || len(ids) != 1 {
		t.Errorf("ChangedIDs = %v, want o-1 only (removed figures are not on screen)", ids)
	}
}
