package model

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// citeFixture has one of everything a citation must show: a hedged
// figure another source contradicts, a suspect figure, a figure with a
// worded period, a planned event, a source with a retrieval date and an
// archived copy, and one with neither a date nor an address.
func citeFixture(t *testing.T) *Dataset {
	d := &Dataset{
		Version: "0123456789ab",
		Sources: []Source{
			{ID: "trend-1", Title: "ASCO posts 12% growth in H1 & more", Publisher: "Trend", Standing: Agency,
				Address: "https://en.trend.az/business/1", Published: mustPeriod(t, "2025-07-15"),
				Retrieved: mustPeriod(t, "2026-11-22"), Archive: "https://web.archive.org/web/2025/https://en.trend.az/business/1"},
			{ID: "blog-2", Title: "Caspian_shipping {notes}", Publisher: "Blog", Standing: Aggregator,
				PublishedNote: "not shown; context suggests 2025", Retrieved: mustPeriod(t, "2026-11-22")},
		},
		Metrics:  []Metric{{ID: "cargo", Label: "Cargo", Units: []string{"tonnes"}}},
		Subjects: []Subject{{ID: "asco", Name: "ASCO"}},
		Observations: []Observation{
			{ID: "o-1", Subject: "asco", Metric: "cargo", Period: mustPeriod(t, "2025-H1"), Value: 4_600_000, Qualifier: About, Unit: "tonnes", Kind: Actual, Source: "trend-1", Note: "all cargo incl. oil"},
			{ID: "o-2", Subject: "asco", Metric: "cargo", Period: mustPeriod(t, "2025-H1"), Value: 46_000_000, Unit: "tonnes", Kind: Actual, Source: "blog-2", Flag: FlagSuspect},
			{ID: "o-3", Subject: "asco", Metric: "cargo", Period: mustPeriod(t, "2024"), Value: 8_100_000.5, Unit: "tonnes", Kind: Actual, Source: "trend-1"},
			{ID: "o-4", Subject: "asco", Metric: "cargo", Period: mustPeriod(t, "c. 2023"), Value: 7_000_000, Qualifier: MoreThan, Unit: "tonnes", Kind: Actual, Source: "blog-2"},
		},
		Events: []Event{
			{ID: "e-1", Date: mustPeriod(t, "2026-H2"), Title: "New ferry line opens", Countries: []string{"Kazakhstan", "Azerbaijan"}, Kind: "opening",
				Status: EventPlanned, Place: "Aktau", Source: "trend-1", Note: "announced by the operator"},
		},
	}
	d.Index()
	return d
}

func TestCiteGolden(t *testing.T) {
	d := citeFixture(t)
	via := Provenance{Program: "v1.0.0", Data: d.Version}
	cites := map[string]func() (Citation, bool){
		"figure":         func() (Citation, bool) { return d.CiteObservation("o-1", via) },
		"figure-suspect": func() (Citation, bool) { return d.CiteObservation("o-2", via) },
		"figure-text":    func() (Citation, bool) { return d.CiteObservation("o-4", via) },
		"series": func() (Citation, bool) {
			return d.CiteSeries(SeriesKey{Subject: "asco", Metric: "cargo", Unit: "tonnes", Kind: Actual}, via)
		},
		"event":  func() (Citation, bool) { return d.CiteEvent("e-1", via) },
		"source": func() (Citation, bool) { return d.CiteSource("blog-2", via) },
	}
	for name, cite := range cites {
		c, ok := cite()
		if !ok {
			t.Fatalf("%s: not found", name)
		}
		for _, format := range CiteFormats() {
			t.Run(name+"-"+format, func(t *testing.T) {
				got, err := c.Format(format)
				if err != nil {
					t.Fatal(err)
				}
				ext := map[string]string{"text": "txt", "markdown": "md", "bibtex": "bib"}[format]
				golden(t, filepath.Join("testdata", "cite-"+name+"."+ext), got)
			})
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model -run Golden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from its golden file; got:\n%s", path, got)
	}
}

// The facts a reader relies on are in every format, whatever the layout.
func TestCiteSaysWhatMatters(t *testing.T) {
	d := citeFixture(t)
	c, _ := d.CiteObservation("o-1", Provenance{Program: "v1.0.0", Data: d.Version})
	for _, format := range CiteFormats() {
		got, _ := c.Format(format)
		for _, want := range []string{"about 4,600,000 tonnes", "H1 2025", "actual", "Trend", "2025", "en.trend.az/business/1",
			"retrieved on or before 22 Nov 2026", "web.archive.org", "46,000,000 tonnes (Blog, flagged as a likely data error)", "corridor v1.0.0, data 0123456789ab", "o-1"} {
			// Markdown and BibTeX escape some characters and capitalise
			// sentence starts; the words must survive both.
			if !strings.Contains(strings.ToLower(strings.ReplaceAll(got, `\`, "")), strings.ToLower(want)) {
				t.Errorf("%s citation lacks %q:\n%s", format, want, got)
			}
		}
	}
	if _, err := c.Format("apa"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestCiteByID(t *testing.T) {
	d := citeFixture(t)
	for id, want := range map[string]CiteItem{"o-3": CiteFigure, "e-1": CiteEvent, "trend-1": CiteSource} {
		c, ok, amb := d.Cite(id, Provenance{})
		if !ok || c.Item != want || amb != nil {
			t.Errorf("Cite(%q) = %v %v %v, want a %s", id, c.Item, ok, amb, want)
		}
	}
	if _, ok, _ := d.Cite("o-99", Provenance{}); ok {
		t.Error("unknown id cited")
	}
	d.Sources = append(d.Sources, Source{ID: "o-3", Publisher: "X"})
	d.Index()
	if _, ok, amb := d.Cite("o-3", Provenance{}); !ok || len(amb) != 2 {
		t.Errorf("an id naming a figure and a source: ambiguous = %v", amb)
	}
}

func TestStatedValue(t *testing.T) {
	for _, c := range []struct {
		v    float64
		q    Qualifier
		unit string
		want string
	}{
		{4_600_000, About, "tonnes", "about 4,600,000 tonnes"},
		{8_100_000.5, Exactly, "tonnes", "8,100,000.5 tonnes"},
		{999, MoreThan, "TEU", "more than 999 TEU"},
		{12, Exactly, "% y/y", "+12% y/y"},
		{-6.6, Exactly, "% y/y", "-6.6% y/y"},
		{1234, LessThan, "%", "less than 1,234%"},
		{3.1, Exactly, "x", "3.1 times"},
		{-1500, Exactly, "USD", "-1,500 USD"},
		{0, Exactly, "trains", "0 trains"},
	} {
		if got := StatedValue(c.v, c.q, c.unit); got != c.want {
			t.Errorf("StatedValue(%v, %q, %q) = %q, want %q", c.v, c.q, c.unit, got, c.want)
		}
	}
}

// y in the dashboard cites what is selected: a series when the selection
// spans periods of one series, else the figure on screen, else the
// event, else the source.
func TestCiteSelection(t *testing.T) {
	d := citeFixture(t)
	via := Provenance{}
	for _, c := range []struct {
		name    string
		obs     []Observation
		events  []Event
		sources []string
		item    CiteItem
		id      string
	}{
		{"series", d.Series(SeriesKey{"asco", "cargo", "tonnes", Actual}), nil, nil, CiteSeries, "asco:cargo:tonnes:actual"},
		{"one period, two sources", d.Alternatives(d.Observations[0]), nil, nil, CiteFigure, "o-1"},
		{"one figure", d.Observations[2:3], nil, nil, CiteFigure, "o-3"},
		{"event", nil, d.Events, []string{"trend-1"}, CiteEvent, "e-1"},
		{"source", nil, nil, []string{"blog-2"}, CiteSource, "blog-2"},
	} {
		got, ok := d.CiteSelection(c.obs, c.events, c.sources, via)
		if !ok || got.Item != c.item || got.ID != c.id {
			t.Errorf("%s: cited %s %s (%v), want %s %s", c.name, got.Item, got.ID, ok, c.item, c.id)
		}
	}
	if _, ok := d.CiteSelection(nil, nil, nil, via); ok {
		t.Error("an empty selection was cited")
	}
}
