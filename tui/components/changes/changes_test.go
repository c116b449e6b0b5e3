package changes

import (
	golden_ "corridor/tui/internal/golden"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/styles"
)

func period(t *testing.T, s string) model.Period {
	t.Helper()
	p, err := model.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// report is a reload with one change of each kind that touches figures
// and events, built by hand: tui does not import data.
func report(t *testing.T) model.Changes {
	src := []model.Source{
		{ID: "stat-1", Publisher: "Statistics Office", Standing: model.Official},
		{ID: "news-1", Publisher: "News Agency", Standing: model.Agency},
		{ID: "blog-1", Publisher: "Blog", Standing: model.Aggregator},
	}
	obs := func(id, subject, metric, p string, v float64, unit, source string) model.Observation {
		return model.Observation{ID: id, Subject: subject, Metric: metric, Period: period(t, p), Value: v, Unit: unit, Kind: model.Actual, Source: source}
	}
	old := &model.Dataset{Version: "8c18ee323c44", Sources: src,
		Metrics: []model.Metric{{ID: "cargo", Label: "Cargo handled"}, {ID: "containers", Label: "Containers"}},
		Ports:   []model.Port{{ID: "baku", Name: "Port of Baku"}, {ID: "aktau", Name: "Port of Aktau"}},
		Observations: []model.Observation{
			obs("o-1", "baku", "cargo", "2024", 7_600_000, "tonnes", "stat-1"),
			obs("o-4", "aktau", "cargo", "2024", 3_800_000, "tonnes", "stat-1"),
			obs("o-5", "aktau", "cargo", "2024", 3_900_000, "tonnes", "news-1"),
			obs("o-6", "baku", "containers", "2024", 76_000, "TEU", "news-1"),
			obs("o-8", "aktau", "containers", "2024", 7_000, "TEU", "blog-1"),
		},
		Events: []model.Event{{ID: "e-2", Date: period(t, "2026-H2"), Title: "New ferry line opens", Status: model.EventPlanned, Source: "news-1"}},
	}
	old.Index()
	new := &model.Dataset{Version: "4c14bc7df59d", Sources: src, Metrics: old.Metrics, Ports: old.Ports,
		Observations: []model.Observation{
			obs("o-1", "baku", "cargo", "2024", 7_650_000, "tonnes", "news-1"),
			obs("o-4", "aktau", "cargo", "2024", 3_800_000, "tonnes", "stat-1"),
			obs("o-6", "baku", "containers", "2024", 76_000, "TEU", "news-1"),
			obs("o-8", "aktau", "containers", "2024", 7_000, "TEU", "blog-1"),
			obs("o-9", "aktau", "containers", "2024", 8_200, "TEU", "news-1"),
		},
		Events: []model.Event{
			{ID: "e-2", Date: period(t, "2027-H1"), Title: "New ferry line opens", Status: model.EventPlanned, Source: "news-1"},
			{ID: "e-3", Date: period(t, "2025-04-01"), Title: "Ferry operator signs a port agreement", Status: model.EventHeld, Source: "news-1"},
		},
	}
	new.Observations[2].Flag = model.FlagSuspect
	new.Index()
	return model.Compare(old, new)
}

func pane(t *testing.T, w, h int) Model {
	m := New(styles.DefaultStyles(true))
	m.SetSize(w, h)
	m.SetChanges(report(t), time.Date(2026, 11, 22, 14, 5, 3, 0, time.UTC))
	return m
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	golden_.Check(t, filepath.Join("testdata", name), got)
}

// The pane at two fixed sizes, in plain text and as styled output.
func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {60, 16}} {
		m := pane(t, size[0], size[1])
		view := m.View()
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		golden(t, "changes-"+name+".txt", ansi.Strip(view)+"\n")
		golden(t, "changes-"+name+".ans", view+"\n")
		for i, l := range strings.Split(view, "\n") {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v line %d is %d wide", size, i, w)
			}
		}
		if n := strings.Count(view, "\n") + 1; n > size[1] {
			t.Errorf("%v: %d lines", size, n)
		}
	}
}

// What a reviewer must see is on the pane: old and new value with both
// sources, the new suspect flag, the disagreement the update creates and
// the one it resolves, and the moved event.
func TestPaneSaysWhatChanged(t *testing.T) {
	view := ansi.Strip(pane(t, 200, 60).View())
	for _, want := range []string{
		"6 changes: 1 figure added, 1 figure removed, 1 figure changed, 1 figure newly suspect, 1 event added, 1 event moved; 1 new disagreement, 1 disagreement resolved",
		"data 8c18ee323c44 -> 4c14bc7df59d",
		"Port of Baku — Cargo handled, 2024: 7,600,000 tonnes (actual, Statistics Office) -> 7,650,000 tonnes (actual, News Agency) [o-1; value, source]",
		"! Port of Baku — Containers, 2024: 76,000 TEU (actual, News Agency, flagged suspect) [o-6]",
		"≠ Port of Aktau — Containers, 2024 (actual): ",
		"= Port of Aktau — Cargo handled, 2024 (actual): ",
		"> New ferry line opens: H2 2026 -> H1 2027 (planned) [e-2; date]",
		"14:05:03",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("pane lacks %q:\n%s", want, view)
		}
	}
}

// Key flow: j scrolls one line, G shows the last section, g the top;
// close is the root's to act on, so the pane only offers the binding.
func TestKeys(t *testing.T) {
	m := pane(t, 60, 10)
	first := func(m Model) string { return strings.Split(ansi.Strip(m.View()), "\n")[2] }
	top := first(m)
	m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if first(m) == top {
		t.Errorf("j did not scroll: first line still %q", top)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Events moved") || strings.Contains(v, "Figures added") {
		t.Errorf("G should show the end of the report:\n%s", v)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
	if first(m) != top {
		t.Errorf("g did not go back to the top: %q, want %q", first(m), top)
	}
	if !keyMatches(m, tea.KeyPressMsg{Code: tea.KeyEscape}) {
		t.Error("esc is not the close binding")
	}
}

func keyMatches(m Model, k tea.KeyPressMsg) bool {
	for _, b := range m.KeyMap.Close.Keys() {
		if b == k.String() {
			return true
		}
	}
	return false
}

func TestNotice(t *testing.T) {
	r := report(t)
	if got, want := Notice(r, "c"), "data reloaded (6 changes; 1 newly suspect, 1 new disagreement) · c lists them"; got != want {
		t.Errorf("Notice = %q, want %q", got, want)
	}
	if got := Notice(model.Changes{}, "c"); got != "data reloaded (0 changes)" {
		t.Errorf("empty report: %q", got)
	}
	empty := New(styles.DefaultStyles(false))
	empty.SetSize(60, 10)
	if v := ansi.Strip(empty.View()); !strings.Contains(v, "No reload yet") {
		t.Errorf("before any reload the pane says:\n%s", v)
	}
}
