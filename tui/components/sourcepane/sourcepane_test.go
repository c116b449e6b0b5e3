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
		"7.3M t  (actual)", "Ministry of Transport (official) · 15 Jan 2025", "Port handled record cargo",
		"7.1M t  (actual)", "Trend (agency) · Feb 2025", "https://en.trend.az/business/1",
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

// An address is one OSC 8 hyperlink on one line, never broken: cut with
// … when the pane is narrower than it, the link target whole.
func TestAddressIsOneUnbrokenHyperlink(t *testing.T) {
	for _, w := range []int{40, 50, 70, 120} {
		m := figure(t, w, 40, styles.DefaultStyles(true))
		v := m.View()
		for i, l := range strings.Split(v, "\n") {
			if lw := ansi.StringWidth(l); lw > w {
				t.Errorf("width %d: line %d is %d wide", w, i, lw)
			}
		}
		link := ansi.SetHyperlink(longAddress)
		if strings.Count(v, link) != 1 {
			t.Fatalf("width %d: the address is not one hyperlink to the whole address:\n%q", w, v)
		}
		line := ansi.Strip(strings.SplitN(v[strings.Index(v, link):], "\n", 2)[0])
		shown := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line), "║"))
		if w-6 >= len(longAddress) && shown != longAddress {
			t.Errorf("width %d: address shown as %q, want it whole", w, shown)
		}
		if w-6 < len(longAddress) && (!strings.HasSuffix(shown, "…") || !strings.HasPrefix(longAddress, strings.TrimSuffix(shown, "…"))) {
			t.Errorf("width %d: address shown as %q, want its start and …", w, shown)
		}
		if strings.Contains(ansi.Strip(v), "hit-record-cargo-in-2024") && w-6 < len(longAddress) {
			t.Errorf("width %d: the address tail wrapped onto another line", w)
		}
	}
}

// Wrapped lines hang two cells under the line they continue.
func TestHangingIndent(t *testing.T) {
	m := figure(t, 44, 40, styles.DefaultStyles(true))
	lines := plain(m)
	for i, l := range lines {
		if strings.Contains(l, "† growth is computed") {
			first := strings.Index(l, "†")
			next := lines[i+1]
			if got := len(next) - len(strings.TrimLeft(strings.TrimLeft(next, "║"), " ")) - 1; got < first+1 {
				t.Fatalf("continuation %q is not indented past %q", next, l)
			}
			return
		}
	}
	t.Fatalf("no derived line:\n%s", strings.Join(lines, "\n"))
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

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func pressKeys(m Model, keys ...string) Model {
	for _, k := range keys {
		m, _ = m.Update(keyMsg(k))
	}
	return m
}

// j/k move between sources, g/G/home/end go to the first and last, and
// the bottom edge says which source is selected and which line is on top.
func TestMovesBetweenSourcesWithPosition(t *testing.T) {
	m := figure(t, 60, 10, styles.DefaultStyles(true))
	if !strings.Contains(plain(m)[9], "source 1/3") || !strings.Contains(plain(m)[9], "line 1/") {
		t.Fatalf("bottom edge %q, want source 1/3 and the line", plain(m)[9])
	}
	if m.Address() != longAddress {
		t.Fatalf("first source's address = %q", m.Address())
	}
	m = pressKeys(m, "j")
	if m.Address() != "https://en.trend.az/business/1" || !strings.Contains(plain(m)[9], "source 2/3") {
		t.Fatalf("j: address %q, edge %q", m.Address(), plain(m)[9])
	}
	if f := strings.Join(plain(m), "\n"); !strings.Contains(f, "https://en.trend.az/business/1") {
		t.Errorf("the selected source is not in view:\n%s", f)
	}
	for _, k := range []string{"G", "end"} {
		m = pressKeys(m, "g", k)
		if src, n, _, _ := m.Position(); src != 3 || n != 3 || m.Address() != "" {
			t.Errorf("%s: source %d/%d address %q, want the last, which has none", k, src, n, m.Address())
		}
		if f := strings.Join(plain(m), "\n"); !strings.Contains(f, "no web address recorded") {
			t.Errorf("%s: the last source is not in view:\n%s", k, f)
		}
	}
	for _, k := range []string{"g", "home"} {
		m = pressKeys(m, "G", k)
		if src, _, line, _ := m.Position(); src != 1 || line != 1 {
			t.Errorf("%s: source %d line %d, want 1 and 1", k, src, line)
		}
	}
	m = pressKeys(m, "pgdown")
	if _, _, line, _ := m.Position(); line == 1 {
		t.Error("pgdown did not scroll")
	}
	// Opening another selection starts at its top.
	m.Open(model.Selection{Title: "again", Observations: m.sel.Observations, Derived: m.sel.Derived})
	if src, _, line, _ := m.Position(); src != 1 || line != 1 {
		t.Errorf("Open kept source %d line %d", src, line)
	}
}

// The selected source is marked in the gutter, not only by colour.
func TestSelectedSourceIsMarked(t *testing.T) {
	m := pressKeys(figure(t, 70, 40, styles.DefaultStyles(true)), "j")
	for _, l := range plain(m) {
		if strings.Contains(l, "Trend (agency)") && !strings.Contains(l, "▌") {
			t.Errorf("selected source's line %q lacks the mark", l)
		}
		if strings.Contains(l, "Ministry of Transport") && strings.Contains(l, "▌") {
			t.Errorf("unselected source marked: %q", l)
		}
	}
}

// Y offers the selected address to the terminal's clipboard and says it
// was sent, nothing more.
func TestCopySendsTheAddress(t *testing.T) {
	m := figure(t, 70, 40, styles.DefaultStyles(true))
	_, cmd := m.Update(keyMsg("Y"))
	if cmd == nil {
		t.Fatal("Y returned no command")
	}
	var got []tea.Msg
	for _, c := range cmd().(tea.BatchMsg) {
		got = append(got, c())
	}
	if len(got) != 2 || fmt.Sprint(got[0]) != longAddress || got[1] != (CopiedMsg{longAddress}) {
		t.Fatalf("y sent %v, want the clipboard set to the address and CopiedMsg", got)
	}
	m = pressKeys(m, "G")
	if _, cmd := m.Update(keyMsg("Y")); cmd != nil {
		t.Error("Y on a source without an address should do nothing")
	}
}

// y asks for the citation of the selected entry: the figure it lists.
func TestCiteAsksForTheSelectedFigure(t *testing.T) {
	m := figure(t, 70, 40, styles.DefaultStyles(true))
	m = pressKeys(m, "j")
	_, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y returned no command")
	}
	got, ok := cmd().(CiteMsg)
	if !ok || got.Item != model.CiteFigure || got.ID != m.entries[m.cursor].id || got.ID == "" {
		t.Fatalf("y sent %+v, want the citation of the selected figure %q", got, m.entries[m.cursor].id)
	}
}

// The pane is as tall as its content, up to the room it has.
func TestHeightFitsContent(t *testing.T) {
	c, _ := fixture(t, styles.DefaultStyles(true))
	m := New(c.Styles)
	m.SetData(c.Data)
	m.SetSize(80, 30)
	m.Open(model.Selection{Title: "one source", Sources: []string{"agency"}})
	if h := m.Height(); h != 5 || len(plain(m)) != 5 {
		t.Fatalf("one source of three lines: height %d (%d drawn), want 5", h, len(plain(m)))
	}
	if big := figure(t, 80, 12, styles.DefaultStyles(true)); big.Height() != 12 {
		t.Fatalf("long content: height %d, want all 12 lines of room", big.Height())
	}
}

func TestMouseSelectsAndScrolls(t *testing.T) {
	m := figure(t, 70, 30, styles.DefaultStyles(true))
	for y, l := range plain(m) {
		if strings.Contains(l, "Trend (agency)") {
			m, _ = m.Update(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
		}
	}
	if src, _, _, _ := m.Position(); src != 2 {
		t.Errorf("click on the second source selected %d", src)
	}
	m = figure(t, 70, 10, styles.DefaultStyles(true))
	m, _ = m.Update(tea.MouseWheelMsg{X: 10, Y: 3, Button: tea.MouseWheelDown})
	if _, _, line, _ := m.Position(); line != 4 {
		t.Errorf("wheel down: top line %d, want 4", line)
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
