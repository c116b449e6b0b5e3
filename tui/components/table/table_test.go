package table

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

func testStyles() Styles {
	s := styles.DefaultStyles(true)
	return Styles{Header: s.Header, Cell: s.Cell, Selected: s.Selected, Muted: s.Muted, Heading: s.Heading}
}

func portColumns() []Column {
	return []Column{
		{Title: "Port", Width: 10, Flex: true},
		{Title: "Country", Width: 12, Optional: true, Keep: 1},
		{Title: "Cargo", Width: 9, Right: true},
		{Title: "Year", Width: 4, Optional: true, Keep: 2},
	}
}

// Rows in the order the owner sorted them (cargo, descending).
func portRows() [][]string {
	return [][]string{
		{"Port of Baku", "Azerbaijan", "7.3M t", "2024"},
		{"Aktau", "Kazakhstan", "5.1M t", "2024"},
		{"Poti", "Georgia", "4.6M t", "2023"},
		{"Batumi", "Georgia", "3.9M t", "2024"},
		{"Kuryk", "Kazakhstan", "1.2M t", "2023"},
		{"Turkmenbashi", "Turkmenistan", ">11.3M t", "2021"},
	}
}

func newTable(w, h int) Model {
	m := New(WithColumns(portColumns()...), WithStyles(testStyles()))
	m.SetRows(portRows())
	m.SetSize(w, h)
	return m
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m, _ = m.Update(keyPress(k))
	}
	return m
}

// reversed reports whether s turns on reverse video (SGR 7).
func reversed(s string) bool {
	for _, seq := range sgr.FindAllStringSubmatch(s, -1) {
		ps := strings.Split(seq[1], ";")
		for i := 0; i < len(ps); i++ {
			switch {
			case ps[i] == "7":
				return true
			case (ps[i] == "38" || ps[i] == "48") && i+1 < len(ps) && ps[i+1] == "5":
				i += 2 // a 256-colour index
			case (ps[i] == "38" || ps[i] == "48") && i+1 < len(ps) && ps[i+1] == "2":
				i += 4 // r;g;b
			}
		}
	}
	return false
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// lines is the view without styling.
func lines(m Model) []string { return strings.Split(ansi.Strip(m.View()), "\n") }

func TestViewGolden(t *testing.T) {
	for _, sz := range [][2]int{{40, 5}, {60, 8}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], p.Name), func(t *testing.T) {
				m := press(newTable(sz[0], sz[1]), "j")
				golden.RequireEqual(t, p.Encode(m.View()))
			})
		}
	}
}

func TestViewShowsRowsInOrderAndTheSelection(t *testing.T) {
	m := press(newTable(60, 8), "j")
	l := lines(m)
	if len(l) != 7 {
		t.Fatalf("%d lines, want header and 6 rows:\n%s", len(l), strings.Join(l, "\n"))
	}
	if !strings.HasPrefix(l[0], "Port") || !strings.Contains(l[0], "Country") || !strings.Contains(l[0], "Cargo Year") {
		t.Errorf("header %q", l[0])
	}
	for i, r := range portRows() {
		if !strings.HasPrefix(l[i+1], r[0]) {
			t.Errorf("line %d = %q, want row %q in the order given", i+1, l[i+1], r[0])
		}
	}
	// Cargo is right-aligned under its title.
	if c := strings.Index(l[0], "Cargo") + len("Cargo"); !strings.HasPrefix(l[6][c-len(">11.3M t"):], ">11.3M t") {
		t.Errorf("cargo not right-aligned:\n%s\n%s", l[0], l[6])
	}
	if m.Cursor() != 1 {
		t.Fatalf("cursor %d after j, want 1", m.Cursor())
	}
	// The selected row is drawn in reverse video (so it shows without
	// colour) and padded to the full width; others are not.
	raw := strings.Split(m.View(), "\n")
	if !reversed(raw[2]) || !strings.Contains(raw[2], "Aktau") || ansi.StringWidth(raw[2]) != 60 {
		t.Errorf("selected row %q", raw[2])
	}
	if reversed(raw[1]) || reversed(raw[3]) {
		t.Errorf("unselected rows drawn selected:\n%q\n%q", raw[1], raw[3])
	}
	m.Focused = false
	if reversed(m.View()) {
		t.Error("an unfocused table shows its cursor")
	}
}

func TestNavigation(t *testing.T) {
	m := newTable(60, 4) // header and three rows
	for _, step := range []struct {
		key  string
		want int
		top  string // first row in view
	}{
		{"j", 1, "Port of Baku"},
		{"down", 2, "Port of Baku"},
		{"j", 3, "Aktau"},
		{"k", 2, "Aktau"},
		{"G", 5, "Batumi"},
		{"j", 5, "Batumi"},
		{"pgup", 2, "Poti"},
		{"g", 0, "Port of Baku"},
		{"k", 0, "Port of Baku"},
		{"pgdown", 3, "Aktau"},
		{"space", 5, "Batumi"},
	} {
		m = press(m, step.key)
		l := lines(m)
		if m.Cursor() != step.want || !strings.HasPrefix(l[1], step.top) {
			t.Fatalf("after %s: cursor %d, top %q; want %d, %q", step.key, m.Cursor(), l[1], step.want, step.top)
		}
		if len(l) != 4 {
			t.Fatalf("after %s: %d lines in a 4-line table", step.key, len(l))
		}
	}
}

func TestSetRowsKeepsCursorInRange(t *testing.T) {
	m := press(newTable(60, 8), "G")
	m.SetRows(portRows()[:2])
	if m.Cursor() != 1 {
		t.Errorf("cursor %d after the rows shrank to 2", m.Cursor())
	}
	m.SetRows(nil)
	if m.Cursor() != -1 {
		t.Errorf("cursor %d on an empty table, want -1", m.Cursor())
	}
	if l := lines(m); len(l) != 2 || !strings.Contains(l[1], "nothing matches") {
		t.Errorf("empty table:\n%s", strings.Join(l, "\n"))
	}
}

// Optional columns go when space runs out, lowest Keep first; the flex
// column keeps at least its width.
func TestNarrowDropsOptionalColumns(t *testing.T) {
	for _, c := range []struct {
		w          int
		has, hasnt []string
	}{
		{60, []string{"Country", "Year"}, nil},
		{35, []string{"Year"}, []string{"Country"}},
		{22, nil, []string{"Country", "Year"}},
	} {
		hdr := lines(newTable(c.w, 4))[0]
		for _, s := range c.has {
			if !strings.Contains(hdr, s) {
				t.Errorf("width %d: header %q lacks %s", c.w, hdr, s)
			}
		}
		for _, s := range c.hasnt {
			if strings.Contains(hdr, s) {
				t.Errorf("width %d: header %q still has %s", c.w, hdr, s)
			}
		}
		for i, l := range lines(newTable(c.w, 4)) {
			if w := ansi.StringWidth(l); w > c.w {
				t.Errorf("width %d: line %d is %d wide", c.w, i, w)
			}
		}
	}
}

func headed(h int) Model {
	m := New(WithColumns(Column{Title: "Event", Width: 10, Flex: true}), WithStyles(testStyles()))
	m.SetRows([][]string{{"e2026a"}, {"e2026b"}, {"e2025a"}, {"e2025b"}, {"e2025c"}, {"e2024a"}})
	m.SetHeadings([]string{"2026", "", "2025", "", "", "2024"})
	m.SetSize(30, h)
	return m
}

func TestHeadingsGolden(t *testing.T) {
	for _, p := range golden.Profiles() {
		t.Run(p.Name, func(t *testing.T) {
			golden.RequireEqual(t, p.Encode(press(headed(7), "j", "j").View()))
		})
	}
}

func TestHeadingsAreNotRows(t *testing.T) {
	m := headed(12)
	want := []string{"Event", "── 2026 ─", "e2026a", "e2026b", "── 2025 ─", "e2025a", "e2025b", "e2025c", "── 2024 ─", "e2024a"}
	l := lines(m)
	if len(l) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(l), len(want), strings.Join(l, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(l[i], w) {
			t.Errorf("line %d = %q, want %q…", i, l[i], w)
		}
	}
	if w := ansi.StringWidth(l[1]); w != 30 {
		t.Errorf("heading is %d wide, want the table's 30", w)
	}
	// j moves from the last 2026 row to the first 2025 row in one press.
	m = press(m, "j", "j")
	if m.Cursor() != 2 || m.Rows()[m.Cursor()][0] != "e2025a" {
		t.Errorf("cursor %d after j j, want row e2025a", m.Cursor())
	}
}

// In a short table the cursor's row is always in view, and so is the
// heading of the rows at the top: scrolled away, it is pinned above them.
func TestHeadingsScroll(t *testing.T) {
	m := headed(4) // header and three lines
	for _, step := range []struct {
		key  string
		want string
		view string
	}{
		{"j", "e2026b", "── 2026|e2026a|e2026b"},
		{"j", "e2025a", "── 2025|e2025a|e2025b"},
		{"j", "e2025b", "── 2025|e2025a|e2025b"},
		{"j", "e2025c", "── 2025|e2025b|e2025c"},
		{"j", "e2024a", "── 2024|e2024a"},
		{"k", "e2025c", "── 2025|e2025c|── 2024"},
		{"k", "e2025b", "── 2025|e2025b|e2025c"},
		{"k", "e2025a", "── 2025|e2025a|e2025b"},
		{"g", "e2026a", "── 2026|e2026a|e2026b"},
		{"G", "e2024a", "── 2024|e2024a"},
	} {
		m = press(m, step.key)
		l := lines(m)
		var view []string
		for _, x := range l[1:] {
			view = append(view, strings.TrimRight(strings.TrimRight(x, " "), "─ "))
		}
		if got := m.Rows()[m.Cursor()][0]; got != step.want || strings.Join(view, "|") != step.view {
			t.Fatalf("after %s: cursor on %s, view %q; want %s, %q", step.key, got, strings.Join(view, "|"), step.want, step.view)
		}
	}
}

// The header ends with the cursor's position among the rows.
func TestHeaderShowsPosition(t *testing.T) {
	m := press(newTable(60, 4), "j", "j")
	if h := lines(m)[0]; !strings.HasSuffix(h, "3/6") || !strings.HasPrefix(h, "Port") {
		t.Fatalf("header %q, want the titles then 3/6", h)
	}
	m = press(m, "G")
	if h := lines(m)[0]; !strings.HasSuffix(h, "6/6") {
		t.Fatalf("header %q after G, want 6/6", h)
	}
}

// A filter's matches are underlined in every row, selected or not,
// without touching the cells' other styles.
func TestHighlightUnderlinesMatches(t *testing.T) {
	m := newTable(60, 8)
	m.SetHighlight("ge")
	raw := strings.Split(m.View(), "\n")
	for _, r := range raw[1:] {
		plain := ansi.Strip(r)
		has := strings.Contains(strings.ToLower(plain), "ge")
		if got := strings.Contains(r, "\x1b[4m"); got != has {
			t.Errorf("row %q: underlined %v, want %v", plain, got, has)
		}
	}
	if !strings.Contains(raw[3], "\x1b[4mGe\x1b[24morgia") {
		t.Errorf("Poti's Georgia not underlined at Ge: %q", raw[3])
	}
}

func TestFit(t *testing.T) {
	for _, c := range []struct {
		s     string
		w     int
		right bool
		want  string
	}{
		{"Baku", 6, false, "Baku  "},
		{"Baku", 6, true, "  Baku"},
		{"Turkmenbashi", 6, false, "Turkm…"},
		{"Baku", 0, false, ""},
	} {
		if got := Fit(c.s, c.w, c.right); got != c.want {
			t.Errorf("Fit(%q, %d, %v) = %q, want %q", c.s, c.w, c.right, got, c.want)
		}
	}
}

// With room to spare every column is as wide as its widest cell: nothing
// is cut.
func TestColumnsGrowToContent(t *testing.T) {
	m := New(WithColumns(
		Column{Title: "Port", Width: 8, Flex: true},
		Column{Title: "Country", Width: 6},
		Column{Title: "Cargo", Width: 5, Right: true},
	), WithStyles(testStyles()))
	m.SetRows([][]string{{"Turkmenbashi International Seaport", "Turkmenistan", ">11.3M t"}, {"Poti", "Georgia", "7.7M t"}})
	m.SetSize(200, 5)
	f := strings.Join(lines(m), "\n")
	if strings.Contains(f, "…") || !strings.Contains(f, "Turkmenbashi International Seaport Turkmenistan >11.3M t") {
		t.Fatalf("a wide table cut its cells or spread them out:\n%s", f)
	}
}

// When room runs short the flex column shrinks to its Width first, then
// optional columns go by Keep, and no column shrinks to a bare "…".
func TestShrinksByPriority(t *testing.T) {
	cols := []Column{
		{Title: "Name", Width: 8, Flex: true},
		{Title: "Type", Optional: true, Keep: 1},
		{Title: "Status"},
		{Title: "Cost", Right: true, Optional: true, Keep: 2},
	}
	rows := [][]string{{"Baku–Tbilisi–Kars railway", "railway", "under-construction", "20.7B KZT"}}
	for _, c := range []struct {
		w          int
		has, hasnt []string
	}{
		{80, []string{"Baku–Tbilisi–Kars railway", "railway", "under-construction", "20.7B KZT"}, nil},
		{55, []string{"Baku–Tbil", "railway", "under-construction", "20.7B KZT"}, []string{"Kars railway"}},
		{40, []string{"under-construction", "20.7B KZT"}, []string{"Type"}},
		{30, []string{"under-construction"}, []string{"Type", "Cost"}},
		{12, []string{"Baku…", "under…"}, nil},
	} {
		m := New(WithColumns(cols...), WithStyles(testStyles()))
		m.SetRows(rows)
		m.SetSize(c.w, 4)
		f := strings.Join(lines(m), "\n")
		for _, s := range c.has {
			if !strings.Contains(f, s) {
				t.Errorf("width %d lacks %q:\n%s", c.w, s, f)
			}
		}
		for _, s := range c.hasnt {
			if strings.Contains(f, s) {
				t.Errorf("width %d still shows %q:\n%s", c.w, s, f)
			}
		}
		if bareEllipsis.MatchString(f) {
			t.Errorf("width %d: a column of bare …:\n%s", c.w, f)
		}
	}
}

var bareEllipsis = regexp.MustCompile(`(^|\s)…(\s|$)`)

// Cut cells keep rows apart: two names that share their start are cut
// around where they differ, never into the same text.
func TestDifferentRowsNeverLookTheSame(t *testing.T) {
	rows := [][]string{
		{"Trans-Caspian fibre-optic cable Aktau–Sumgait", "planned"},
		{"Trans-Caspian fibre-optic cable Siyazan–Turkmenbashi", "planned"},
		{"Trans-Caspian Gas Pipeline", "proposed"},
		{"Port of Baku terminal A", "operating"},
		{"Port of Baku terminal B", "operating"},
	}
	for w := 12; w <= 70; w++ {
		m := New(WithColumns(Column{Title: "Project", Width: 6, Flex: true}, Column{Title: "Status"}), WithStyles(testStyles()))
		m.SetRows(rows)
		m.SetSize(w, 10)
		m.Focused = false
		seen := map[string]int{}
		for i, l := range lines(m)[1:] {
			if j, dup := seen[l]; dup {
				t.Fatalf("width %d: rows %d and %d both read %q", w, j, i, l)
			}
			seen[l] = i
		}
	}
}
