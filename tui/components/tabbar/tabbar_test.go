package tabbar

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"corridor/tui/styles"
)

func bar(w int) Model {
	m := New(styles.New("dark", true, false), "corridor", []string{"Timeline", "Ports"})
	m.SetSize(w)
	return m
}

func TestTitlesAreNumberedByPosition(t *testing.T) {
	m := bar(80)
	got := ansi.Strip(m.View())
	if !strings.Contains(got, "1 Timeline") || !strings.Contains(got, "2 Ports") {
		t.Fatalf("bar = %q, want 1 Timeline then 2 Ports", got)
	}
	if strings.Index(got, "Timeline") > strings.Index(got, "Ports") {
		t.Fatalf("bar = %q: titles out of order", got)
	}
}

func TestNarrowBarShortensButKeepsEveryKey(t *testing.T) {
	for _, w := range []int{40, 30, 12} {
		m := bar(w)
		got := ansi.Strip(m.View())
		if ansi.StringWidth(got) > w {
			t.Fatalf("width %d: bar %q is wider", w, got)
		}
		if !strings.Contains(got, "1") || !strings.Contains(got, "2") {
			t.Fatalf("width %d: bar %q lost a tab key", w, got)
		}
	}
}

func TestClickFindsTheTitle(t *testing.T) {
	m := bar(80)
	got := ansi.Strip(m.View())
	x := strings.Index(got, "Ports")
	if i, ok := m.At(x); !ok || i != 1 {
		t.Fatalf("click at %d on %q = (%d, %v), want position 1", x, got, i, ok)
	}
	if _, ok := m.At(0); ok {
		t.Fatalf("a click on the brand selected a tab")
	}
}

func TestActiveTitleIsStyledDifferently(t *testing.T) {
	m := bar(80)
	m.SetActive(0)
	first := m.View()
	m.SetActive(1)
	second := m.View()
	if first == second {
		t.Fatalf("moving the active tab did not change the bar")
	}
}
