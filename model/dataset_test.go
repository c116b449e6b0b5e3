package model

import (
	"math"
	"testing"
)

func mustPeriod(t *testing.T, s string) Period {
	t.Helper()
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// fixture builds a small dataset: TITR cargo with a conflict in 2024, a
// suspect figure, a text period and a reported growth rate.
func fixture(t *testing.T) *Dataset {
	obs := func(id, subject, metric, period string, v float64, unit string, kind Kind, src string) Observation {
		return Observation{ID: id, Subject: subject, Metric: metric, Period: mustPeriod(t, period), Value: v, Unit: unit, Kind: kind, Source: src}
	}
	d := &Dataset{
		Sources: []Source{
			{ID: "off", Publisher: "Ministry", Standing: Official, Published: mustPeriod(t, "2025-02-01")},
			{ID: "agn", Publisher: "Agency", Standing: Agency, Published: mustPeriod(t, "2025-03-01")},
			{ID: "blog", Publisher: "Blog", Standing: Aggregator},
		},
		Subjects: []Subject{{ID: "titr", Name: "Middle Corridor"}},
		Observations: []Observation{
			obs("o1", "titr", "cargo", "2022", 1_500_000, "tonnes", Actual, "agn"),
			obs("o2", "titr", "cargo", "2023", 2_760_000, "tonnes", Actual, "agn"),
			obs("o3", "titr", "cargo", "2024", 4_400_000, "tonnes", Actual, "agn"),
			obs("o4", "titr", "cargo", "2024", 4_480_000, "tonnes", Actual, "off"),
			obs("o5", "titr", "cargo", "2024", 45_000_000, "tonnes", Actual, "blog"),
			obs("o6", "titr", "cargo", "c. 2025", 5_000_000, "tonnes", Actual, "blog"),
			obs("o7", "titr", "cargo", "2030", 10_000_000, "tonnes", Target, "off"),
			obs("o8", "titr", "cargo_growth", "2024", 62, "% y/y", Actual, "agn"),
			obs("o9", "titr", "cargo_growth", "2023", 20, "% y/y", Actual, "agn"),
			obs("o10", "titr", "cargo", "2025-H1", 2_000_000, "tonnes", Actual, "agn"),
		},
	}
	d.Observations[4].Flag = FlagSuspect
	d.Index()
	return d
}

func TestPointsPreferOfficialAndSkipSuspectAndText(t *testing.T) {
	d := fixture(t)
	pts := d.Points(SeriesKey{"titr", "cargo", "tonnes", Actual}, Annual)
	if len(pts) != 3 {
		t.Fatalf("got %d annual points, want 3: %+v", len(pts), pts)
	}
	last := pts[2]
	if last.ID != "o4" {
		t.Errorf("2024 point from %s, want the official source o4", last.ID)
	}
	if last.Others != 2 || !last.Disputed() {
		t.Errorf("2024 point Others = %d, want 2 (agency and suspect differ)", last.Others)
	}
	if all := d.Points(SeriesKey{"titr", "cargo", "tonnes", Actual}, nil); all[len(all)-1].Period.String() != "2025-H1" {
		t.Errorf("latest of any period = %s, want 2025-H1", all[len(all)-1].Period)
	}
}

func TestLatestKeepsKindsApart(t *testing.T) {
	d := fixture(t)
	p, ok := d.Latest(SeriesKey{"titr", "cargo", "tonnes", Actual}, Annual)
	if !ok || p.Period.Year != 2024 {
		t.Fatalf("latest annual actual = %v %v, want 2024 (the 2030 target is not an actual)", p.Period, ok)
	}
	tp, ok := d.Latest(SeriesKey{"titr", "cargo", "tonnes", Target}, nil)
	if !ok || tp.Value != 10_000_000 {
		t.Errorf("target series = %v", tp)
	}
}

func TestYoY(t *testing.T) {
	d := fixture(t)
	k := SeriesKey{"titr", "cargo", "tonnes", Actual}
	g, ok := d.YoY(k, mustPeriod(t, "2024"))
	if !ok {
		t.Fatal("no growth for 2024")
	}
	want := (4_480_000.0/2_760_000 - 1) * 100
	if math.Abs(g.Percent-want) > 1e-9 || !g.Derived() {
		t.Errorf("growth = %v, want %v derived", g.Percent, want)
	}
	if _, ok := d.YoY(k, mustPeriod(t, "2022")); ok {
		t.Error("2022 has no 2021 figure, growth must be refused, not guessed")
	}
	if _, ok := d.YoY(k, mustPeriod(t, "2025-H1")); ok {
		t.Error("H1 2025 has no H1 2024 figure")
	}
}

func TestGrowthChecks(t *testing.T) {
	d := fixture(t)
	checks := d.GrowthChecks()
	if len(checks) != 2 {
		t.Fatalf("got %d checks, want 2", len(checks))
	}
	byID := map[string]GrowthCheck{}
	for _, c := range checks {
		byID[c.Reported.ID] = c
	}
	// 2024: reported 62%, computed 62.3% from official 4.48 Mt: agrees.
	if c := byID["o8"]; !c.OK {
		t.Errorf("2024 check = %+v, want OK", c)
	}
	// 2023: reported 20%, computed 84%: disagrees.
	if c := byID["o9"]; c.OK || c.Diff > -60 {
		t.Errorf("2023 check = %+v, want a large disagreement", c)
	}
}

func TestConflicts(t *testing.T) {
	d := fixture(t)
	cs := d.Conflicts()
	if len(cs) != 1 {
		t.Fatalf("got %d conflicts, want 1: %+v", len(cs), cs)
	}
	if cs[0].Period.String() != "2024" || len(cs[0].Observations) != 3 {
		t.Errorf("conflict = %+v", cs[0])
	}
	if got := d.Alternatives(d.Observations[2]); len(got) != 3 || got[0].ID != "o4" {
		t.Errorf("alternatives = %+v, want official first", got)
	}
}

func TestEventFilter(t *testing.T) {
	d := &Dataset{Events: []Event{
		{ID: "a", Date: mustPeriod(t, "2024-05-01"), Title: "Green corridor memorandum", Countries: []string{"Azerbaijan", "Kazakhstan"}, Kind: "memorandum"},
		{ID: "b", Date: mustPeriod(t, "2025"), Title: "Summit in Astana", Countries: []string{"Kazakhstan"}, Kind: "summit"},
		{ID: "c", Date: mustPeriod(t, "2026-H1"), Title: "Line opens", Countries: []string{"Georgia"}, Kind: "opening", Status: EventPlanned},
	}}
	d.Index()
	tests := []struct {
		f    EventFilter
		want []string
	}{
		{EventFilter{}, []string{"c", "b", "a"}},
		{EventFilter{Country: "Kazakhstan"}, []string{"b", "a"}},
		{EventFilter{Kind: "summit"}, []string{"b"}},
		{EventFilter{Query: "GREEN azerbaijan"}, []string{"a"}},
		{EventFilter{Query: "nothing"}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range d.FilterEvents(tt.f) {
			got = append(got, e.ID)
		}
		if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
			t.Errorf("FilterEvents(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
	if e, ok := d.LatestEvent(); !ok || e.ID != "b" {
		t.Errorf("LatestEvent = %v, want b (c is only planned)", e.ID)
	}
}

func TestDiff(t *testing.T) {
	a := fixture(t)
	b := fixture(t)
	if n := Diff(a, b); n != 0 {
		t.Errorf("identical datasets differ by %d", n)
	}
	b.Observations[0].Value++
	b.Observations = b.Observations[:len(b.Observations)-1]
	b.Events = append(b.Events, Event{ID: "new"})
	if n := Diff(a, b); n != 3 {
		t.Errorf("Diff = %d, want 3 (one changed, one removed, one added)", n)
	}
	if n := Diff(nil, a); n != len(a.Sources)+len(a.Subjects)+len(a.Observations) {
		t.Errorf("Diff from nothing = %d", n)
	}
}

// A range the source gave ("104,000–105,000 TEU") is never a point: not
// in Points, not in growth, and it differs from a single figure equal to
// either end.
func TestRangesAreNeverPoints(t *testing.T) {
	d := fixture(t)
	r := Observation{ID: "r1", Subject: "titr", Metric: "cargo", Period: mustPeriod(t, "2023"), Unit: "tonnes", Kind: Actual, Source: "off"}
	r.SetRange(2_700_000, 2_800_000)
	only := Observation{ID: "r2", Subject: "titr", Metric: "cargo", Period: mustPeriod(t, "2021"), Unit: "tonnes", Kind: Actual, Source: "off"}
	only.SetRange(1_000_000, 1_200_000)
	d.Observations = append(d.Observations, r, only)
	d.Index()
	if !r.IsRange() || r.High != 2_800_000 || r.Plottable() {
		t.Fatalf("range = %+v, IsRange %v, Plottable %v", r, r.IsRange(), r.Plottable())
	}
	k := SeriesKey{"titr", "cargo", "tonnes", Actual}
	for _, p := range d.Points(k, nil) {
		if p.IsRange() {
			t.Errorf("Points returned the range %s for %s", p.ID, p.Period)
		}
		if p.Period.Year == 2021 {
			t.Errorf("2021 has only a range; it must not be a point: %+v", p)
		}
	}
	// The official range outranks the agency's figure for 2023, yet the
	// point is the figure, with the range counted as a disagreement.
	for _, p := range d.Points(k, Annual) {
		if p.Period.Year == 2023 && (p.ID != "o2" || p.Others != 1) {
			t.Errorf("2023 point = %s with %d others, want o2 disputed by the range", p.ID, p.Others)
		}
	}
	if _, ok := d.YoY(k, mustPeriod(t, "2022")); ok {
		t.Error("growth from a range must be refused")
	}
	lo := Observation{Value: 2_700_000}
	if r.SameValue(lo) || lo.SameValue(r) {
		t.Error("a range is not the same value as its low end")
	}
	same := Observation{}
	same.SetRange(2_700_000, 2_800_000)
	if !r.SameValue(same) {
		t.Error("equal ranges are the same value")
	}
}

// A reported rate agrees when some source's figures support it, read with
// their rounding; a reported bound agrees with anything beyond it; bounds
// and ranges among the figures cannot refute a rate.
func TestGrowthChecksReadFiguresAsStated(t *testing.T) {
	obs := func(id, metric, period string, v float64, q Qualifier, unit, src string) Observation {
		return Observation{ID: id, Subject: "titr", Metric: metric, Period: mustPeriod(t, period), Value: v, Qualifier: q, Unit: unit, Kind: Actual, Source: src}
	}
	d := &Dataset{
		Sources: []Source{{ID: "a", Standing: Agency}, {ID: "m", Standing: Media}},
		Observations: []Observation{
			// H1: 2.1 Mt against 1.3 Mt is +61.5%, but rounded figures allow +52% to +72%.
			obs("c1", "cargo", "2024-H1", 2_100_000, Exactly, "tonnes", "m"),
			obs("p1", "cargo", "2023-H1", 1_300_000, Exactly, "tonnes", "m"),
			obs("p1b", "cargo", "2023-H1", 1_000_000, MoreThan, "tonnes", "a"),
			obs("g1", "cargo_growth", "2024-H1", 65, Exactly, "% y/y", "m"),
			// 2024: 4.484 / 2.764 is +62.2%; "more than 60%" agrees.
			obs("c2", "cargo", "2024", 4_484_000, Exactly, "tonnes", "a"),
			obs("p2", "cargo", "2023", 2_764_000, Exactly, "tonnes", "a"),
			obs("g2", "cargo_growth", "2024", 60, MoreThan, "% y/y", "m"),
			obs("g3", "cargo_growth", "2024", 70, MoreThan, "% y/y", "m"),
			// Jan–Jul: two sources disagree on the base; 62% fits one of them.
			obs("c4", "cargo", "2024-01..07", 2_500_000, Exactly, "tonnes", "m"),
			obs("p4a", "cargo", "2023-01..07", 1_700_000, Exactly, "tonnes", "a"),
			obs("p4b", "cargo", "2023-01..07", 1_570_000, Exactly, "tonnes", "m"),
			obs("g4", "cargo_growth", "2024-01..07", 62, Exactly, "% y/y", "a"),
		},
	}
	d.Index()
	got := map[string]GrowthCheck{}
	for _, c := range d.GrowthChecks() {
		got[c.Reported.ID] = c
	}
	for id, want := range map[string]bool{"g1": true, "g2": true, "g3": false, "g4": true} {
		c, ok := got[id]
		if !ok {
			t.Errorf("%s was not checked", id)
			continue
		}
		if c.OK != want {
			t.Errorf("%s OK = %v, want %v (computed %+.1f%% from %s and %s)", id, c.OK, want, c.Computed.Percent, c.Computed.Current.ID, c.Computed.Previous.ID)
		}
	}
	if c := got["g1"]; c.Computed.Previous.ID != "p1" {
		t.Errorf("g1 checked against %s; a bound (>1 Mt) cannot be a base", c.Computed.Previous.ID)
	}
	if c := got["g4"]; c.Computed.Previous.ID != "p4b" {
		t.Errorf("g4 checked against %s, want the base that supports it (p4b)", c.Computed.Previous.ID)
	}
}

// A figure and the same figure written more coarsely are not a
// disagreement; different figures, bounds and ranges are.
func TestSameValueReadsRounding(t *testing.T) {
	o := func(v float64, q Qualifier) Observation { return Observation{Value: v, Qualifier: q} }
	r := Observation{}
	r.SetRange(4_400_000, 4_500_000)
	tests := []struct {
		a, b Observation
		want bool
	}{
		{o(4_484_000, ""), o(4_500_000, ""), true},
		{o(4_119_000, ""), o(4_120_000, ""), true},
		{o(1_485_000, ""), o(1_500_000, ""), true},
		{o(1_485_000, ""), o(1_700_000, ""), false},
		{o(2_764_000, ""), o(2_700_000, About), false},
		{o(4_484_000, ""), o(4_500_000, MoreThan), false},
		{o(4_500_000, ""), r, false},
		{o(76_775, ""), o(76_000, About), false},
	}
	for _, tt := range tests {
		if got := tt.a.SameValue(tt.b); got != tt.want || tt.b.SameValue(tt.a) != tt.want {
			t.Errorf("SameValue(%v%s, %v%s) = %v, want %v both ways", tt.a.Value, tt.a.Qualifier, tt.b.Value, tt.b.Qualifier, got, tt.want)
		}
	}
}
