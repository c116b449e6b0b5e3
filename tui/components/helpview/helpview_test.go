package helpview

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

func sections() []Section {
	var nav []Entry
	for i := range 12 {
		nav = append(nav, Entry{fmt.Sprintf("k%d", i), fmt.Sprintf("action number %d", i)})
	}
	return []Section{
		{Title: "Ports", Entries: nav},
		{Title: "Marks", Entries: []Entry{{"≠", "sources disagree: enter lists every value"}, {"†", "computed by corridor, not stated by a source"}}},
	}
}

func newHelp(w, h int) Model {
	m := New(styles.New("dark", true, false))
	m.SetContent("Ports", sections())
	m.SetSize(w, h)
	return m
}

func press(m Model, k string) (Model, bool) {
	var msg tea.KeyPressMsg
	switch k {
	case "esc":
		msg = tea.KeyPressMsg{Code: tea.KeyEscape}
	default:
		msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
	}
	return m.Update(msg)
}

func TestBoxFitsItsRoom(t *testing.T) {
	for _, sz := range [][2]int{{40, 9}, {80, 20}, {200, 56}} {
		v := newHelp(sz[0], sz[1]).View()
		lines := strings.Split(v, "\n")
		if len(lines) > sz[1] {
			t.Errorf("%v: %d lines", sz, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > sz[0] {
				t.Errorf("%v: line %d wide: %q", sz, w, ansi.Strip(l))
			}
		}
	}
}

func TestScrollsAndCloses(t *testing.T) {
	m := newHelp(40, 9)
	if f, total := m.Position(); f != 1 || total <= 7 {
		t.Fatalf("position %d/%d, want 1 of more than fits", f, total)
	}
	if !strings.Contains(ansi.Strip(m.View()), "1–7/") {
		t.Errorf("no position in the box edge:\n%s", ansi.Strip(m.View()))
	}
	m, _ = press(m, "G")
	if !strings.Contains(ansi.Strip(m.View()), "computed by corridor") {
		t.Errorf("G should show the last lines:\n%s", ansi.Strip(m.View()))
	}
	m, _ = press(m, "g")
	if f, _ := m.Position(); f != 1 {
		t.Errorf("g: first line %d", f)
	}
	for _, k := range []string{"esc", "?", "q"} {
		if _, closed := press(m, k); !closed {
			t.Errorf("%s does not close help", k)
		}
	}
	if _, closed := press(m, "j"); closed {
		t.Error("j closed help")
	}
}

// Descriptions wrap under themselves, never under the key column.
func TestWrapsDescriptionsWithAHangingIndent(t *testing.T) {
	lines := newHelp(40, 40).Lines()
	for i, l := range lines {
		if strings.Contains(ansi.Strip(l), "sources disagree") {
			next := ansi.Strip(lines[i+1])
			if !strings.HasPrefix(next, "   ") || strings.TrimSpace(next) == "" {
				t.Fatalf("wrapped line %q does not hang under its description", next)
			}
			return
		}
	}
	t.Fatal("the mark is not listed")
}

func TestBindingsSkipDisabledAndRepeats(t *testing.T) {
	a := key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "do a"))
	off := key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "resume"), key.WithDisabled())
	got := Bindings(a, off, a)
	if len(got) != 1 || got[0] != (Entry{"a", "do a"}) {
		t.Fatalf("Bindings = %v", got)
	}
}

func TestFooterDropsOptionalHintsFirst(t *testing.T) {
	st := styles.New("dark", true, false)
	opt := []Entry{{"↓/j", "down"}, {"↑/k", "up"}, {"/", "filter"}, {"o", "sort by"}}
	req := []Entry{{"?", "help"}, {"q", "quit"}}
	for _, c := range []struct {
		w    int
		want string
	}{
		{80, "↓/j down • ↑/k up • / filter • o sort by • ? help • q quit"},
		{40, "↓/j down • ↑/k up • ? help • q quit"},
		{20, "? help • q quit"},
		{10, "? help •…"},
	} {
		if got := ansi.Strip(Footer(st, c.w, opt, req)); got != c.want {
			t.Errorf("width %d: %q, want %q", c.w, got, c.want)
		}
	}
}

func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{40, 9}, {80, 20}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], p.Name), func(t *testing.T) {
				golden.RequireEqual(t, p.Encode(newHelp(sz[0], sz[1]).View()))
			})
		}
	}
}
