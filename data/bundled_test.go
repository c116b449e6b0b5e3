package data

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"corridor/data/datatest"
	"corridor/model"
)

func loadBundled(t testing.TB) *model.Dataset {
	t.Helper()
	ds, err := Load(Bundled())
	if err != nil {
		t.Fatalf("bundled dataset does not load:\n%v", err)
	}
	return ds
}

func TestBundledLoadsCleanAndIsBigEnough(t *testing.T) {
	ds := loadBundled(t)
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"observations", len(ds.Observations), 600},
		{"events", len(ds.Events), 150},
		{"ports", len(ds.Ports), 12},
		{"projects", len(ds.Projects), 12},
	} {
		if c.got < c.min {
			t.Errorf("%d %s, want at least %d", c.got, c.what, c.min)
		}
	}
	t.Logf("%d sources, %d metrics, %d subjects, %d ports, %d projects, %d observations, %d events",
		len(ds.Sources), len(ds.Metrics), len(ds.Subjects), len(ds.Ports), len(ds.Projects), len(ds.Observations), len(ds.Events))
}

// The Ports tab still looks these metrics up by id (route, card and chart
// subjects are declared in the dataset and checked as it loads); renaming
// one in the CSVs must fail here.
func TestBundledHasTheMetricsTheViewsUse(t *testing.T) {
	ds := loadBundled(t)
	for _, id := range []string{"cargo", "containers", "trains", "cargo_growth"} {
		if _, ok := ds.Metric(id); !ok {
			t.Errorf("metric %q missing", id)
		}
	}
}

func TestEverySourceIsUsed(t *testing.T) {
	ds := loadBundled(t)
	used := map[string]bool{}
	for _, o := range ds.Observations {
		used[o.Source] = true
	}
	for _, e := range ds.Events {
		used[e.Source] = true
	}
	for _, p := range ds.Projects {
		used[p.Source] = true
	}
	for _, p := range ds.Places {
		used[p.Source] = true
	}
	for _, s := range ds.Sources {
		if !used[s.ID] {
			t.Errorf("source %s (%s) is never used", s.ID, s.Title)
		}
	}
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// Every figure in the five seed articles is bundled, with the value,
// unit and period the article gives.
func TestBundledHasEverySeedFigure(t *testing.T) {
	ds := loadBundled(t)
	byID := map[string]model.Observation{}
	for _, o := range ds.Observations {
		byID[o.ID] = o
	}
	rows := readCSV(t, "testdata/seed_observations.csv")
	if len(rows) < 30 {
		t.Errorf("only %d seed figures listed", len(rows))
	}
	for _, r := range rows {
		o, ok := byID[r["observation"]]
		if !ok {
			t.Errorf("%s: observation %s missing", r["seed"], r["observation"])
			continue
		}
		v, err := strconv.ParseFloat(r["value"], 64)
		if err != nil || math.Abs(v-o.Value) > 1e-9*math.Max(1, math.Abs(v)) || o.Unit != r["unit"] || o.Period.String() != r["period"] {
			t.Errorf("%s: %s is %v %s %s, seed says %s %s %s", r["seed"], o.ID, o.Value, o.Unit, o.Period, r["value"], r["unit"], r["period"])
		}
	}
}

// Every dated event in the seed articles is bundled with its date.
func TestBundledHasEverySeedEvent(t *testing.T) {
	ds := loadBundled(t)
	byID := map[string]model.Event{}
	for _, e := range ds.Events {
		byID[e.ID] = e
	}
	for _, r := range readCSV(t, "testdata/seed_events.csv") {
		e, ok := byID[r["event"]]
		if !ok {
			t.Errorf("%s: event %s missing", r["seed"], r["event"])
			continue
		}
		if e.Date.String() != r["date"] {
			t.Errorf("%s: %s dated %s, seed says %s", r["seed"], e.ID, e.Date, r["date"])
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(Bundled()); err != nil {
			b.Fatal(err)
		}
	}
}

// A project's capacity, length and cost are summaries: each must be a
// figure some source gives for that project, with the same qualifier, so
// the table never shows a number the dataset cannot source.
func TestProjectNumbersAreSourcedFigures(t *testing.T) {
	ds := loadBundled(t)
	for _, p := range ds.Projects {
		for _, c := range []struct {
			name string
			v    *float64
			q    model.Qualifier
			unit string
		}{{"capacity", p.Capacity, p.CapacityQ, p.CapacityUnit}, {"length_km", p.LengthKM, p.LengthQ, "km"}, {"cost", p.Cost, p.CostQ, p.CostUnit}} {
			if c.v == nil {
				continue
			}
			found := false
			for _, o := range ds.Observations {
				if o.Subject == p.ID && o.Unit == c.unit && o.Value == *c.v && o.Qualifier == c.q {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s %s = %s%v %s is not an observation of the project", p.ID, c.name, c.q, *c.v, c.unit)
			}
		}
	}
}

// BenchmarkLoadScaled and BenchmarkValidateScaled load the bundled data
// and copies with 10 and 100 times its observations and events: the cost
// should grow linearly.
func BenchmarkLoadScaled(b *testing.B) {
	for _, k := range []int{1, 10, 100} {
		fsys, err := datatest.Scale(Bundled(), k, ObservationsFile, EventsFile)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(fsys); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkValidateScaled(b *testing.B) {
	for _, k := range []int{1, 10, 100} {
		fsys, err := datatest.Scale(Bundled(), k, ObservationsFile, EventsFile)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ds, pos, errs := loadAll([]Layer{{FS: fsys}})
				if len(errs) > 0 {
					b.Fatal(errs)
				}
				_ = warnings(ds, pos, time.Now(), true)
			}
		})
	}
}

// Every bundled source of a figure, event or project records the day it
// was first bundled as the day its page had been read by (see the
// README). The map's coordinate sources are gazetteer pages cited for
// checking, not pages a figure was read from, so they record none.
func TestBundledSourcesRetrieved(t *testing.T) {
	ds := loadBundled(t)
	read := map[string]bool{}
	for _, o := range ds.Observations {
		read[o.Source] = true
	}
	for _, e := range ds.Events {
		read[e.Source] = true
	}
	for _, p := range ds.Projects {
		read[p.Source] = true
	}
	for _, s := range ds.Sources {
		if !read[s.ID] {
			continue
		}
		if s.Retrieved.Kind != model.PeriodDay {
			t.Errorf("source %s: retrieved %q, want a day", s.ID, s.Retrieved)
		}
		if p := s.Published; p.Exact() && p.Year > s.Retrieved.Year {
			t.Errorf("source %s: published %s after it was retrieved (%s)", s.ID, p, s.Retrieved)
		}
	}
}

func TestBundledHasTheIdsTheViewsUse(t *testing.T) {
	ds := loadBundled(t)
	for _, id := range []string{"titr", "az-transit", "block-trains", "asco", "baku", "aktau", "kuryk", "poti", "batumi", "turkmenbashi", "khorgos", "btk", "btc", "tcp"} {
		if !ds.HasSubject(id) {
			t.Errorf("subject %q missing", id)
		}
	}
	for _, id := range []string{"cargo", "containers", "trains", "cargo_growth"} {
		if _, ok := ds.Metric(id); !ok {
			t.Errorf("metric %q missing", id)
		}
	}
}

func TestReviewedKindsStay(t *testing.T) {
	ds := loadBundled(t)
	byID := map[string]model.Observation{}
	for _, o := range ds.Observations {
		byID[o.ID] = o
	}
	rows := readCSV(t, "testdata/relabels.csv")
	if len(rows) < 30 {
		t.Errorf("only %d reviewed rows listed", len(rows))
	}
	for _, r := range rows {
		o, ok := byID[r["id"]]
		if !ok {
			t.Errorf("%s missing", r["id"])
			continue
		}
		if string(o.Kind) != r["new_kind"] {
			t.Errorf("%s is a %s; the review made it a %s: %s", o.ID, o.Kind, r["new_kind"], r["reason"])
		}
	}
	// A capacity whose own note speaks of a goal is a target mislabelled.
	for _, o := range ds.Observations {
		note := strings.ToLower(o.Note)
		if o.Kind == model.Capacity && (strings.Contains(note, "target") || strings.Contains(note, "goal") || strings.Contains(note, "aim")) {
			t.Errorf("%s is a capacity but its note reads %q", o.ID, o.Note)
		}
	}
}

func TestScopesStayApart(t *testing.T) {
	ds := loadBundled(t)
	byID := map[string]model.Observation{}
	for _, o := range ds.Observations {
		byID[o.ID] = o
	}
	for _, r := range readCSV(t, "testdata/scopes.csv") {
		o, ok := byID[r["id"]]
		if !ok {
			t.Errorf("%s missing", r["id"])
			continue
		}
		if o.Subject != r["subject"] {
			t.Errorf("%s is about %s; it belongs under %s: %s", o.ID, o.Subject, r["subject"], r["reason"])
		}
		if !ds.HasSubject(r["subject"]) {
			t.Errorf("subject %s is not defined", r["subject"])
		}
	}
}

func TestBundledValidatesWithoutFixableWarnings(t *testing.T) {
	// After every bundled source was read (retrieved dates run to
	// December 2026), so "read in the future" cannot fire.
	now := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	ds, problems := Validate(Origin{}, now)
	if ds == nil {
		t.Fatalf("bundle does not load: %v", problems)
	}
	growth := 0
	for _, p := range problems {
		if p.Warning && p.Field == "value" && strings.Contains(p.Msg, "reported growth") {
			growth++
			continue
		}
		t.Errorf("%s", p)
	}
	t.Logf("%d reported growth rates disagree with their figures", growth)
}

func TestBundledRangesAreNeverPoints(t *testing.T) {
	ds := loadBundled(t)
	ranges := 0
	keys := map[model.SeriesKey]bool{}
	for _, o := range ds.Observations {
		keys[o.Key()] = true
		if o.IsRange() {
			ranges++
			if !(o.Value < o.High) {
				t.Errorf("%s: range %v..%v does not run upwards", o.ID, o.Value, o.High)
			}
		}
	}
	if ranges < 22 {
		t.Errorf("%d ranges bundled, want at least the 22 ranges the reference figures give", ranges)
	}
	for k := range keys {
		for _, p := range ds.Points(k, nil) {
			if p.IsRange() {
				t.Errorf("%s is a range but Points returned it for %s", p.ID, p.Period)
			}
		}
	}
	for _, g := range ds.GrowthChecks() {
		if g.Computed.Current.IsRange() || g.Computed.Previous.IsRange() || g.Reported.IsRange() {
			t.Errorf("growth check %s uses a range", g.Reported.ID)
		}
	}
}
