package filtertable

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/components/table"
	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

var names = []string{"Aktau", "Alat", "Baku", "Batumi", "Kuryk", "Poti"}

// newList builds a list whose owner filters the rows, as tabs do.
func newList(w, h int) Model {
	m := New("port name", table.WithColumns(table.Column{Title: "Port", Width: 10, Flex: true}))
	m.SetStyles(styles.DefaultStyles(true))
	m.SetSize(w, h)
	refilter(&m)
	return m
}

func refilter(m *Model) {
	var rows [][]string
	for _, n := range names {
		if strings.Contains(strings.ToLower(n), strings.ToLower(m.Filter.Query())) {
			rows = append(rows, []string{n})
		}
	}
	m.Table.SetRows(rows)
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// press sends keys as a tab would, re-filtering and re-laying out when
// told to, and returns what the last key changed.
func press(m *Model, w, h int, keys ...string) Change {
	var ch Change
	for _, k := range keys {
		*m, _, ch = m.Update(keyPress(k))
		if ch.Query {
			refilter(m)
		}
		if ch.Layout {
			m.SetSize(w, h)
		}
	}
	return ch
}

func selected(m Model) string {
	if c := m.Table.Cursor(); c >= 0 {
		return m.Table.Rows()[c][0]
	}
	return ""
}

func TestKeysGoToTheFilterWhileTyping(t *testing.T) {
	m := newList(30, 8)
	if ch := press(&m, 30, 8, "j"); !ch.Cursor || selected(m) != "Alat" {
		t.Fatalf("j moved to %q (change %+v), want Alat", selected(m), ch)
	}
	if ch := press(&m, 30, 8, "/"); !ch.Layout || !m.Capturing() || m.FilterHeight() != 1 {
		t.Fatalf("/ did not open the filter line: %+v", ch)
	}
	// j and k are letters now: they go into the query, not the table.
	ch := press(&m, 30, 8, "k")
	if !ch.Query || ch.Cursor || m.Filter.Query() != "k" {
		t.Fatalf("k while typing: %+v, query %q", ch, m.Filter.Query())
	}
	press(&m, 30, 8, "u")
	// The cursor stays at its index (1), now on the second match.
	if got := len(m.Table.Rows()); got != 2 || selected(m) != "Kuryk" {
		t.Errorf("after /ku: %d rows, selected %q", got, selected(m))
	}
	press(&m, 30, 8, "enter")
	if m.Capturing() {
		t.Fatal("enter did not stop typing")
	}
	if ch := press(&m, 30, 8, "k"); !ch.Cursor || selected(m) != "Baku" {
		t.Errorf("k after enter: %q (change %+v), want Baku", selected(m), ch)
	}
	if ch := press(&m, 30, 8, "esc"); !ch.Query || !ch.Layout || len(m.Table.Rows()) != len(names) || m.FilterHeight() != 0 {
		t.Errorf("esc: %+v, %d rows", ch, len(m.Table.Rows()))
	}
}

// The filter line takes its row from the table: the whole stays h lines.
func TestHeightIncludesTheFilterLine(t *testing.T) {
	m := newList(30, 5)
	if n := len(strings.Split(m.View(), "\n")); n != 5 {
		t.Errorf("closed: %d lines, want 5", n)
	}
	press(&m, 30, 5, "/")
	l := strings.Split(ansi.Strip(m.View()), "\n")
	if len(l) != 5 || !strings.HasPrefix(l[0], "/") || !strings.HasPrefix(l[1], "Port") {
		t.Errorf("open:\n%s", strings.Join(l, "\n"))
	}
}

func TestHelpFollowsTheMode(t *testing.T) {
	m := newList(30, 8)
	help := func() string {
		var s []string
		for _, b := range m.ShortHelp() {
			s = append(s, b.Help().Key)
		}
		return strings.Join(s, " ")
	}
	if got := help(); got != "↓/j ↑/k /" {
		t.Errorf("browsing help %q", got)
	}
	press(&m, 30, 8, "/")
	if got := help(); got != "enter esc" {
		t.Errorf("typing help %q", got)
	}
}

func TestViewGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		keys []string
	}{{"browsing", []string{"j", "j"}}, {"filtered", []string{"/", "a", "enter", "j"}}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%s-30x6-%s", c.name, p.Name), func(t *testing.T) {
				m := newList(30, 6)
				press(&m, 30, 6, c.keys...)
				golden.RequireEqual(t, p.Encode(m.View()))
			})
		}
	}
}

// The filter line says how many rows match of how many, and the table
// underlines what matched.
func TestFilterLineCountsMatches(t *testing.T) {
	m := newList(40, 8)
	m.SetTotal(len(names))
	press(&m, 40, 8, "/", "b", "a")
	v := m.View()
	first := ansi.Strip(strings.SplitN(v, "\n", 2)[0])
	if !strings.HasPrefix(first, "/ba") || !strings.HasSuffix(first, "2 of 6 match") || ansi.StringWidth(first) != 40 {
		t.Fatalf("filter line %q, want /ba … 2 of 6 match across 40 cells", first)
	}
	if !strings.Contains(v, "\x1b[4mBa\x1b[24mku") {
		t.Errorf("Baku's match not underlined: %q", v)
	}
	press(&m, 40, 8, "esc")
	if strings.Contains(m.View(), "\x1b[4m") {
		t.Error("clearing the filter should clear the underlines")
	}
}
