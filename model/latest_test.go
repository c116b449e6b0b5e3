package model

import "testing"

// latestFixture: Baku's cargo with a full 2024, Jan-Sep and a year to
// the end of October 2025 and the same months of 2024; its containers
// with a lower bound for 2025 and two 2024 figures of the same standing
// at different precision.
func latestFixture(t *testing.T) *Dataset {
	obs := func(id, metric, period string, v float64, q Qualifier, unit, src string) Observation {
		return Observation{ID: id, Subject: "baku", Metric: metric, Period: mustPeriod(t, period), Value: v, Qualifier: q, Unit: unit, Kind: Actual, Source: src}
	}
	d := &Dataset{
		Sources: []Source{{ID: "port", Publisher: "Port", Standing: Official}, {ID: "agency", Publisher: "Agency", Standing: Agency}, {ID: "agency2", Publisher: "Agency 2", Standing: Agency}},
		Ports:   []Port{{ID: "baku", Name: "Port of Baku"}},
		Observations: []Observation{
			obs("c24", "cargo", "2024", 7.6e6, Exactly, "tonnes", "port"),
			obs("c24-10", "cargo", "2024-01..10", 6.6e6, Exactly, "tonnes", "agency"),
			obs("c25-09", "cargo", "2025-01..09", 6.108e6, Exactly, "tonnes", "agency"),
			obs("c25-10", "cargo", "2025 (to 2025-10)", 7.0e6, About, "tonnes", "agency"),
			obs("t24a", "containers", "2024", 76000, Exactly, "TEU", "agency"),
			obs("t24b", "containers", "2024", 76775, Exactly, "TEU", "agency2"),
			obs("t25", "containers", "2025", 100000, MoreThan, "TEU", "agency"),
		},
	}
	d.Index()
	return d
}

func TestHeadlineIsTheLatestPeriodOfAnyLength(t *testing.T) {
	d := latestFixture(t)
	p, ok := Headline(d, "baku", "cargo", "tonnes")
	if !ok || p.ID != "c25-10" || p.Period.Label() == "2024" {
		t.Fatalf("headline = %s %s, want the year to October 2025", p.ID, p.Period.Label())
	}
}

func TestGrowthComparesTheSameMonths(t *testing.T) {
	d := latestFixture(t)
	p, _ := Headline(d, "baku", "cargo", "tonnes")
	text, rep, g := GrowthFor(d, p)
	if rep != nil || g == nil || g.Previous.ID != "c24-10" {
		t.Fatalf("growth %q against %+v, want Jan-Oct 2024 (derived)", text, g)
	}
	if text != "~+6.1%†" {
		t.Errorf("growth text = %q, want ~+6.1%%† (about, derived)", text)
	}
}

func TestGrowthFromALowerBoundIsABound(t *testing.T) {
	d := latestFixture(t)
	p, _ := Headline(d, "baku", "containers", "TEU")
	text, _, g := GrowthFor(d, p)
	if g == nil || g.Bound != AtLeast || g.Previous.ID != "t24b" {
		t.Fatalf("growth %+v, want a lower bound against the more precise 76,775", g)
	}
	if text != ">=+30.3%†" {
		t.Errorf("growth text = %q, want >=+30.3%%†", text)
	}
}

func TestOpposingBoundsGiveNoGrowth(t *testing.T) {
	for _, c := range []struct {
		cur, old Qualifier
		want     Qualifier
		ok       bool
	}{
		{Exactly, Exactly, Exactly, true},
		{MoreThan, Exactly, AtLeast, true},
		{Exactly, MoreThan, AtMost, true},
		{LessThan, MoreThan, AtMost, true},
		{MoreThan, MoreThan, "", false},
		{About, Exactly, Exactly, true},
	} {
		got, ok := growthBound(c.cur, c.old)
		if got != c.want || ok != c.ok {
			t.Errorf("growthBound(%q, %q) = %q, %v; want %q, %v", c.cur, c.old, got, ok, c.want, c.ok)
		}
	}
}

func TestSignificantDigits(t *testing.T) {
	for v, want := range map[float64]int{76775: 5, 76000: 2, 8.1922e6: 5, 7.6e6: 2, 0.25: 2, 12.5: 3} {
		if got := significant(v); got != want {
			t.Errorf("significant(%v) = %d, want %d", v, got, want)
		}
	}
}

func TestMainFigureIsTheMostRecentSeries(t *testing.T) {
	d := latestFixture(t)
	p, ok := MainFigure(d, "baku")
	if !ok || p.ID != "t25" {
		t.Fatalf("main figure = %s, want the 2025 containers (the series ending last)", p.ID)
	}
	if _, ok := MainFigure(d, "nowhere"); ok {
		t.Fatal("a subject without figures has a main figure")
	}
}
