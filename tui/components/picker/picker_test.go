package picker

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

func items() []Item {
	return []Item{{"Azerbaijan", 120}, {"Kazakhstan", 87}, {"Georgia", 43}, {"Turkmenistan", 36}, {"Uzbekistan", 36}, {"Türkiye", 28}}
}

func open(w, h int) Model {
	m := New(styles.New("dark", true, false), "country", items(), 156)
	m.SetSize(w, h)
	m.Open("")
	return m
}

func send(m Model, keys ...string) (Model, Result) {
	var r Result
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		default:
			msg = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		m, r = m.Update(msg)
	}
	return m, r
}

func TestTypingNarrowsAndEnterPicks(t *testing.T) {
	m, r := send(open(60, 10), "s", "t", "a", "n")
	if r != Open || m.Value() != "Kazakhstan" {
		t.Fatalf("after 'stan': result %v, value %q, want Kazakhstan first", r, m.Value())
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "3 match") || strings.Contains(v, "Georgia") || strings.Contains(v, "all") && strings.Contains(v, "▸ all") {
		t.Errorf("'stan' should leave three countries:\n%s", v)
	}
	if raw := m.View(); !strings.Contains(raw, "\x1b[4mstan\x1b[24m") {
		t.Errorf("the typed text is not underlined in the matches: %q", raw)
	}
	m, r = send(m, "down", "enter")
	if r != Picked || m.Value() != "Turkmenistan" || m.IsOpen() {
		t.Fatalf("down enter: result %v value %q open %v", r, m.Value(), m.IsOpen())
	}
}

func TestEscResetsAndBackspaceErases(t *testing.T) {
	m, _ := send(open(60, 10), "x", "x")
	if !strings.Contains(ansi.Strip(m.View()), "nothing matches") {
		t.Fatalf("no match should say so:\n%s", ansi.Strip(m.View()))
	}
	if _, r := send(m, "enter"); r != Open {
		t.Error("enter with nothing to pick closed the picker")
	}
	m, _ = send(m, "backspace", "backspace")
	if m.Query() != "" || m.Value() != "" {
		t.Fatalf("backspace: query %q value %q, want the full list with all", m.Query(), m.Value())
	}
	if _, r := send(m, "esc"); r != Reset {
		t.Errorf("esc: %v, want Reset", r)
	}
}

func TestOpenOnTheCurrentChoiceAndClick(t *testing.T) {
	m := New(styles.New("dark", true, false), "country", items(), 156)
	m.SetSize(60, 4)
	m.Open("Uzbekistan")
	if m.Value() != "Uzbekistan" || !strings.Contains(ansi.Strip(m.View()), "▸ Uzbekistan") {
		t.Fatalf("open should start on the current choice:\n%s", ansi.Strip(m.View()))
	}
	// Row 1 is the first item in view.
	m, r := m.Update(tea.MouseClickMsg{X: 3, Y: 1, Button: tea.MouseLeft})
	if r != Picked || m.Value() == "Uzbekistan" {
		t.Errorf("a click on the first row in view: %v %q", r, m.Value())
	}
}

func TestGolden(t *testing.T) {
	for _, sz := range [][2]int{{40, 6}, {70, 9}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], p.Name), func(t *testing.T) {
				m, _ := send(open(sz[0], sz[1]), "a")
				golden.RequireEqual(t, p.Encode(m.View()))
			})
		}
	}
}
