package timeline

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/model"
	"corridor/tui/common"
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

// fixture is a small dataset: events in 2024, 2025 and a planned one in
// 2027, stored oldest first as the loader keeps them.
func fixture(t *testing.T) *common.Common {
	t.Helper()
	ev := func(id, date, title, kind string, countries ...string) model.Event {
		return model.Event{ID: id, Date: period(t, date), Title: title, Kind: kind, Countries: countries, Status: model.EventHeld, Source: "src"}
	}
	d := &model.Dataset{
		Sources: []model.Source{{ID: "src", Title: "A report", Publisher: "Agency", Standing: model.Agency, Address: "https://example.org/report", Published: period(t, "2025-03")}},
		Events: []model.Event{
			ev("e1", "2024-02-10", "Rail tariff agreement signed", "agreement", "Kazakhstan", "Azerbaijan"),
			ev("e2", "2024-06", "Ferry line opened", "opening", "Kazakhstan"),
			ev("e3", "2024-Q4", "Port expansion starts", "construction", "Georgia"),
			ev("e4", "2025-01-15", "Summit in Baku", "summit", "Azerbaijan", "Kazakhstan", "Georgia"),
			ev("e5", "2025-09-01", "Joint operator founded", "agreement", "Azerbaijan"),
		},
	}
	planned := ev("e6", "2027", "Deep-water port opens", "milestone", "Georgia")
	planned.Status = model.EventPlanned
	d.Events = append(d.Events, planned)
	d.Index()
	return &common.Common{Styles: styles.New("dark", true, false), Data: d, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func newModel(t *testing.T, w, h int) *Model {
	t.Helper()
	m := New(fixture(t))
	m.SetSize(w, h)
	return m
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		default:
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		m.Update(msg)
	}
}

func selected(t *testing.T, m *Model) string {
	t.Helper()
	s, ok := m.Selection()
	if !ok || len(s.Events) != 1 {
		t.Fatalf("no event selected (%v, %d events)", ok, len(s.Events))
	}
	return s.Events[0].Title
}

// lines returns the frame's lines without styling or trailing spaces.
func lines(m *Model) []string {
	ls := strings.Split(ansi.Strip(m.View()), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return ls
}

var spaces = regexp.MustCompile(` {2,}`)

// squash reads a frame with column padding collapsed to one space, so a
// test says what a row shows, not how wide its columns are.
func squash(s string) string { return spaces.ReplaceAllString(s, " ") }

func TestYearHeadingsNewestFirst(t *testing.T) {
	m := newModel(t, 80, 30)
	var order []string
	for _, l := range lines(m) {
		if strings.HasPrefix(l, "── ") {
			order = append(order, strings.Fields(l)[1])
		}
	}
	if strings.Join(order, " ") != "2027 2025 2024" {
		t.Errorf("year headings %v, want 2027 2025 2024", order)
	}
	f := squash(strings.Join(lines(m), "\n"))
	for _, want := range []string{"country: all · kind: all · 6 events", "2027 ◌ milestone", "15 Jan 2025 summit Summit in Baku · Azerbaijan, Kazakhstan, Georgia", "Q4 2024 construction Port expansion starts"} {
		if !strings.Contains(f, want) {
			t.Errorf("frame lacks %q:\n%s", want, f)
		}
	}
}

func TestCursorMovesOverEventsNotHeadings(t *testing.T) {
	m := newModel(t, 80, 30)
	if got := selected(t, m); got != "Deep-water port opens" {
		t.Fatalf("first selection %q, want the newest event", got)
	}
	// The next row down is under the 2025 heading: one key, not two.
	press(m, "j")
	if got := selected(t, m); got != "Joint operator founded" {
		t.Errorf("after j: %q, want Joint operator founded", got)
	}
	press(m, "G")
	if got := selected(t, m); got != "Rail tariff agreement signed" {
		t.Errorf("after G: %q, want the oldest event", got)
	}
	press(m, "k", "k")
	if got := selected(t, m); got != "Port expansion starts" {
		t.Errorf("after G k k: %q", got)
	}
	press(m, "g")
	if got := selected(t, m); got != "Deep-water port opens" {
		t.Errorf("after g: %q", got)
	}
}

// The detail pane and the source pane follow the selection.
func TestDetailFollowsSelection(t *testing.T) {
	m := newModel(t, 80, 30)
	press(m, "j", "j")
	f := strings.Join(lines(m), "\n")
	for _, want := range []string{"date: 15 Jan 2025 (day precision)", "countries: Azerbaijan, Kazakhstan, Georgia", "source: Agency"} {
		if !strings.Contains(f, want) {
			t.Errorf("detail lacks %q:\n%s", want, f)
		}
	}
	if s, _ := m.Selection(); s.Title != "Summit in Baku" || s.Events[0].Source != "src" {
		t.Errorf("selection for the source pane: %+v", s)
	}
}

func TestCountryAndKindFilters(t *testing.T) {
	m := newModel(t, 80, 30)
	// The country picker lists all, then countries most frequent first
	// (Azerbaijan and Kazakhstan are in three events each): ↓ enter
	// picks Azerbaijan.
	press(m, "c")
	if !m.Capturing() || !strings.Contains(strings.Join(lines(m), "\n"), "country: ▏ type to narrow") {
		t.Fatalf("c should open the country picker:\n%s", strings.Join(lines(m), "\n"))
	}
	press(m, "down", "enter")
	if f := m.Filter(); f.Country != "Azerbaijan" || m.Capturing() {
		t.Fatalf("country after c ↓ enter = %q (picker open %v)", f.Country, m.Capturing())
	}
	f := strings.Join(lines(m), "\n")
	if !strings.Contains(f, "country: Azerbaijan · kind: all · 3 events") || strings.Contains(f, "Ferry line opened") {
		t.Errorf("Azerbaijan filter:\n%s", f)
	}
	press(m, "t", "a", "g", "r") // typing narrows the kinds to agreement
	if f := strings.Join(lines(m), "\n"); !strings.Contains(f, "1 match") || strings.Contains(f, "summit") {
		t.Fatalf("typing 'agr' should leave one kind:\n%s", f)
	}
	press(m, "enter")
	f = strings.Join(lines(m), "\n")
	if !strings.Contains(f, "kind: agreement · 2 events") || strings.Contains(f, "Summit in Baku") {
		t.Errorf("Azerbaijan + agreement:\n%s", f)
	}
	if got := selected(t, m); got != "Joint operator founded" {
		t.Errorf("selection after filtering: %q", got)
	}
	// esc in a picker resets that filter to all.
	press(m, "c", "k", "esc")
	if f := m.Filter(); f.Country != "" || f.Kind != "agreement" {
		t.Errorf("esc in the country picker: country %q kind %q, want all and agreement", f.Country, f.Kind)
	}
}

func TestSearch(t *testing.T) {
	m := newModel(t, 80, 30)
	press(m, "/")
	if !m.Capturing() {
		t.Fatal("/ did not open the search")
	}
	press(m, "p", "o", "r", "t", "j") // j is typed, not a move
	if m.Filter().Query != "portj" {
		t.Fatalf("query %q, want portj", m.Filter().Query)
	}
	press(m, "esc")
	press(m, "/", "p", "o", "r", "t", "enter")
	if m.Capturing() {
		t.Fatal("enter did not leave the search")
	}
	f := strings.Join(lines(m), "\n")
	if !strings.Contains(f, "/port") || !strings.Contains(f, "2 events") || strings.Contains(f, "Summit in Baku") {
		t.Errorf("search for port:\n%s", f)
	}
	press(m, "j")
	if got := selected(t, m); got != "Port expansion starts" {
		t.Errorf("j after search: %q", got)
	}
	press(m, "esc")
	if m.Filter().Query != "" || !strings.Contains(strings.Join(lines(m), "\n"), "6 events") {
		t.Errorf("esc did not clear the search")
	}
}

// In a short window the list scrolls: the selected row and the heading of
// its year stay in view.
func TestScrollKeepsSelectionAndItsYear(t *testing.T) {
	m := newModel(t, 80, 8) // bar, header and 6 list lines; no detail pane
	press(m, "G")
	f := lines(m)
	if !strings.Contains(strings.Join(f, "\n"), "Rail tariff agreement signed") {
		t.Errorf("selected last row not in view:\n%s", strings.Join(f, "\n"))
	}
	press(m, "g")
	f = lines(m)
	if len(f) < 3 || !strings.HasPrefix(f[2], "── 2027") || !strings.Contains(f[3], "Deep-water port opens") {
		t.Errorf("top of the list after g:\n%s", strings.Join(f, "\n"))
	}
	// Moving up onto the first event of a year shows its heading.
	press(m, "G", "k", "k")
	f = lines(m)
	for i, l := range f {
		if strings.Contains(l, "Port expansion starts") && (i == 0 || !strings.HasPrefix(f[i-1], "── 2024")) {
			t.Errorf("2024 heading not above its first event:\n%s", strings.Join(f, "\n"))
		}
	}
	if len(f) > 8 {
		t.Errorf("%d lines in an 8-line tab", len(f))
	}
}

func TestNarrowDropsKindAndCountries(t *testing.T) {
	m := newModel(t, 60, 30)
	f := squash(strings.Join(lines(m), "\n"))
	if strings.Contains(f, "summit") || strings.Contains(f, "· Azerbaijan") || !strings.Contains(f, "15 Jan 2025 Summit in Baku") {
		t.Errorf("narrow list:\n%s", f)
	}
	m.SetSize(100, 30)
	if f := squash(strings.Join(lines(m), "\n")); !strings.Contains(f, "summit Summit in Baku") {
		t.Errorf("list widened back:\n%s", f)
	}
}
