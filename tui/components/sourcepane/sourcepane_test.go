package sourcepane

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

const longAddress = "https://www.example.gov.az/en/news/2025/01/port-of-baku-handled-record-cargo-in-2024"

func period(t *testing.T, s string) model.Period {
	t.Helper()
	p, err := model.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// fixture has one figure stated by three sources: an official one with a
// long address, an agency giving another value, and a flagged outlier.
func fixture(t *testing.T, st *styles.Styles) (*common.Common, model.Observation) {
	t.Helper()
	y := period(t, "2024")
	obs := func(id string, v float64, src string) model.Observation {
		return model.Observation{ID: id, Subject: "baku", Metric: "cargo", Period: y, Value: v, Unit: "t", Kind: model.Actual, Source: src}
	}
	suspect := obs("o3", 73e6, "paper")
	suspect.Flag, suspect.Note = model.FlagSuspect, "ten times every other source"
	d := &model.Dataset{
		Sources: []model.Source{
			{ID: "gov", Title: "Port handled record cargo", Publisher: "Ministry of Transport", Standing: model.Official, Address: longAddress, Published: period(t, "2025-01-15")},
			{ID: "agency", Title: "Baku port volumes", Publisher: "Trend", Standing: model.Agency, Address: "https://en.trend.az/business/1", Published: period(t, "2025-02")},
			{ID: "paper", Title: "Caspian ports review", Publisher: "Daily Paper", Standing: model.Media, PublishedNote: "date not shown"},
		},
		Metrics:      []model.Metric{{ID: "cargo", Label: "Cargo handled", Units: []string{"t"}}},
		Ports:        []model.Port{{ID: "baku", Name: "Port of Baku", Country: "Azerbaijan"}},
		Observations: []model.Observation{obs("o1", 7.3e6, "gov"), obs("o2", 7.1e6, "agency"), suspect},
		Events: []model.Event{{ID: "e1", Date: period(t, "2025-01-15"), Title: "Baku port passes a record", Countries: []string{"Azerbaijan"},
			Kind: "milestone", Status: model.EventHeld, Place: "Alat", Source: "gov"}},
	}
	d.Index()
	return &common.Common{Styles: st, Data: d, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, d.Observations[0]
}

func figure(t *testing.T, w, h int, st *styles.Styles) Model {
	t.Helper()
	c, o := fixture(t, st)
	m := New(c.Styles)
	m.SetData(c.Data)
	m.SetSize(w, h)
	m.Open(model.Selection{Title: "Port of Baku cargo", Observations: []model.Observation{o},
		Derived: []string{"growth is computed from two stated years"}})
	return m
}

func plain(m Model) []string {
	l := strings.Split(ansi.Strip(m.View()), "\n")
	for i := range l {
		l[i] = strings.TrimRight(l[i], " ")
	}
	return l
}

func TestFigureWithEverySource(t *testing.T) {
	m := figure(t, 70, 40, styles.DefaultStyles(true))
	f := strings.Join(plain(m), "\n")
	order := []string{
		"Sources · Port of Baku cargo",
		"† growth is computed from two stated years",
		"Port of Baku · Cargo handled · 2024",
		"≠ sources disagree: every value is listed",
		"7.3M t  (actual)", "Ministry of Transport (official) · 2025-01-15", "Port handled record cargo",
		"7.1M t  (actual)", "Trend (agency) · 2025-02", "https://en.trend.az/business/1",
		"73M t  (actual, flagged as a likely data error !)", "Daily Paper (media) · date not shown", "no web address recorded", "note: ten times every other source",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(f[at:], want)
		if i < 0 {
			t.Fatalf("%q missing or out of order (official first, flagged last):\n%s", want, f)
		}
		at += i + len(want)
	}
}

// A long address wraps inside the pane, never past its border, and the
// pieces put back together are the whole address.
func TestLongAddressWraps(t *testing.T) {
	for _, w := range []int{40, 50, 70} {
		m := figure(t, w, 40, styles.DefaultStyles(true))
		lines := plain(m)
		var addr string
		for i, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %d is %d wide: %q", w, i, ansi.StringWidth(l), l)
			}
			inner := strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "║"))
			if strings.HasPrefix(inner, "https://www.example") || addr != "" && !strings.HasPrefix(addr, longAddress) {
				addr += inner
			}
		}
		if addr != longAddress {
			t.Errorf("width %d: address reads %q", w, addr)
		}
		if w < len(longAddress) && !strings.Contains(strings.Join(lines, "\n"), "https://www.example") {
			t.Errorf("width %d: address start missing", w)
		}
	}
}

func TestEventSelection(t *testing.T) {
	c, _ := fixture(t, styles.DefaultStyles(true))
	m := New(c.Styles)
	m.SetData(c.Data)
	m.SetSize(60, 20)
	m.Open(model.Selection{Title: "Baku port passes a record", Events: c.Data.Events})
	f := strings.Join(plain(m), "\n")
	for _, want := range []string{"15 Jan 2025 · Baku port passes a record", "Azerbaijan · milestone · held", "place: Alat", "Ministry of Transport (official)"} {
		if !strings.Contains(f, want) {
			t.Errorf("event pane lacks %q:\n%s", want, f)
		}
	}
	m.Open(model.Selection{Title: "nothing"})
	if f := strings.Join(plain(m), "\n"); !strings.Contains(f, "Nothing selected has a source.") {
		t.Errorf("empty selection:\n%s", f)
	}
}

func TestScroll(t *testing.T) {
	m := figure(t, 60, 8, styles.DefaultStyles(true))
	first := func() string { return plain(m)[2] } // under the border and title
	top := first()
	if !strings.Contains(top, "† growth") {
		t.Fatalf("top line %q", top)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if first() == top {
		t.Error("j did not scroll")
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'k', Text: "k"})
	if first() != top {
		t.Errorf("k did not scroll back: %q", first())
	}
	if n := len(plain(m)); n != 8 {
		t.Errorf("pane is %d lines, want 8", n)
	}
	// Opening another selection starts at its top.
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	m.Open(model.Selection{Title: "again", Observations: m.sel.Observations, Derived: m.sel.Derived})
	if first() != top {
		t.Errorf("Open did not go to the top: %q", first())
	}
}

func TestViewGolden(t *testing.T) {
	for _, sz := range [][2]int{{50, 20}, {80, 24}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], p.Name), func(t *testing.T) {
				golden.RequireEqual(t, p.Encode(figure(t, sz[0], sz[1], styles.DefaultStyles(true)).View()))
			})
		}
	}
	// --ascii: plain borders.
	t.Run("50x20-ascii-borders", func(t *testing.T) {
		v := figure(t, 50, 20, styles.New("dark", true, true)).View()
		if strings.ContainsAny(ansi.Strip(v), "║═╔╗╚╝") {
			t.Error("box-drawing border in --ascii mode")
		}
		golden.RequireEqual(t, golden.Profiles()[0].Encode(v))
	})
}
