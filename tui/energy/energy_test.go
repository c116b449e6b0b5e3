package energy

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/chart"
	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

func period(s string) model.Period {
	p, err := model.ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func num(v float64) *float64 { return &v }

// dataset is two projects the tests can name: an operating railway with
// a known capacity and a planned cable with a cost.
func dataset() *model.Dataset {
	d := &model.Dataset{
		Sources: []model.Source{{ID: "s1", Title: "Project page", Publisher: "Railway", Standing: model.Official, Address: "https://example.org/p"}},
		Projects: []model.Project{
			{ID: "rail", Name: "Coast railway", Type: "railway", Status: "operating", Capacity: num(17_000_000), CapacityUnit: "tonnes/year", LengthKM: num(850), Partners: []string{"Georgia"}, Completion: period("2017-10"), Source: "s1"},
			{ID: "cable", Name: "Sea power cable", Type: "cable", Status: "planned", Capacity: num(1300), CapacityUnit: "MW", Cost: num(3_500_000_000), CostUnit: "EUR", Partners: []string{"Romania"}, Completion: period("2029"), Source: "s1"},
		},
	}
	d.Index()
	return d
}

func newTab(w, h int) *Model {
	c := &common.Common{Styles: styles.New("dark", true, false), Data: dataset(), Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	m := New(c)
	m.SetSize(w, h)
	return m
}

func TestRowsShowStatusCapacityAndCost(t *testing.T) {
	m := newTab(120, 30)
	f := ansi.Strip(m.View())
	for _, want := range []string{"Coast railway", "● operating", "17M t/yr", "850 km", "Sea power cable", "○ planned", "1300 MW", "€3.5B"} {
		if !strings.Contains(f, want) {
			t.Errorf("frame lacks %q:\n%s", want, f)
		}
	}
}

func TestFilterNarrowsAndSelectionOpensSources(t *testing.T) {
	m := newTab(120, 30)
	for _, k := range []string{"/", "c", "a", "b"} {
		m.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if rows := m.list.Table.Rows(); len(rows) != 1 || ansi.Strip(rows[0][0]) != "Sea power cable" {
		t.Fatalf("filter 'cab' left %d rows: %v", len(rows), rows)
	}
	sel, ok := m.Selection()
	if !ok || sel.Title != "Sea power cable" {
		t.Fatalf("selection = %+v, %v", sel.Title, ok)
	}
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", size[0], size[1], p.Name), func(t *testing.T) {
				golden.RequireEqual(t, p.Encode(newTab(size[0], size[1]).View()))
			})
		}
	}
}

// Bars show status by glyph, never by where today falls: a planned
// project whose completion has passed still draws as planned. A legend
// names the glyphs and the header carries year ticks.
func TestGanttStatusByGlyphWithLegendAndTicks(t *testing.T) {
	d := dataset()
	d.Projects[1].Completion = period("2015") // planned, in the past
	d.Index()
	c := &common.Common{Styles: styles.New("dark", true, false), Data: d, Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	m := New(c)
	m.SetSize(120, 30)
	f := ansi.Strip(m.View())
	for _, r := range m.list.Table.Rows() {
		bar := ansi.Strip(r[len(r)-1])
		switch ansi.Strip(r[0]) {
		case "Coast railway":
			if !strings.Contains(bar, "█") || strings.Contains(bar, "░") {
				t.Errorf("operating railway drawn %q", bar)
			}
		case "Sea power cable":
			if !strings.Contains(bar, "░") || strings.Contains(bar, "█") {
				t.Errorf("planned cable with a past date drawn %q, want the planned glyph", bar)
			}
		}
	}
	if !strings.Contains(f, "█ operating  ░ planned  ◂▸ date not given") {
		t.Errorf("no legend for the bars:\n%s", f)
	}
	if !strings.Contains(f, "2015") {
		t.Errorf("no year ticks over the bars:\n%s", f)
	}
}

// Every mark the bars and statuses draw is explained in help: a change
// to the Gantt's glyphs must change the legend too.
func TestLegendExplainsEveryBarMark(t *testing.T) {
	m := newTab(120, 30)
	legend := ""
	for _, e := range m.Legend() {
		legend += e[0]
	}
	drawn := ""
	for _, st := range chart.Statuses() {
		for _, c := range [][2]bool{{true, true}, {true, false}, {false, true}} {
			drawn += chart.Gantt(2010, 2030, 2005, 2035, 30, c[0], c[1], st, false)
		}
	}
	for _, st := range model.ProjectStatuses() {
		drawn += statusGlyph(st)
	}
	for _, r := range drawn {
		if r != ' ' && !strings.ContainsRune(legend, r) {
			t.Errorf("the mark %q is drawn but not explained in help", r)
		}
	}
}
