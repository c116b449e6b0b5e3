package filter

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/internal/golden"
	"corridor/tui/styles"
)

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// typeKeys sends keys and reports whether any of them changed the query.
func typeKeys(m Model, keys ...string) (Model, bool) {
	any := false
	for _, k := range keys {
		var changed bool
		m, _, changed = m.Update(keyPress(k))
		any = any || changed
	}
	return m, any
}

func newFilter(w int) Model {
	m := New("name or country")
	m.SetWidth(w)
	m.SetStyle(styles.DefaultStyles(true).Filter)
	return m
}

func TestOpenTypeKeepClear(t *testing.T) {
	m := newFilter(40)
	if m.Shown() || m.Active() {
		t.Fatal("a new filter takes a line")
	}
	m, changed := typeKeys(m, "b")
	if changed || m.Active() || m.Query() != "" {
		t.Fatalf("b before / was taken by the filter (query %q)", m.Query())
	}
	m, _ = typeKeys(m, "/")
	if !m.Active() || !m.Shown() {
		t.Fatal("/ did not open the filter")
	}
	m, changed = typeKeys(m, "b", "a", "k", "u")
	if !changed || m.Query() != "baku" {
		t.Fatalf("query %q (changed %v), want baku", m.Query(), changed)
	}
	m, changed = typeKeys(m, "enter")
	if changed || m.Active() || !m.Shown() || m.Query() != "baku" {
		t.Fatalf("enter should keep the query and stop typing: active %v, query %q", m.Active(), m.Query())
	}
	if !strings.Contains(ansi.Strip(m.View()), "/baku") {
		t.Errorf("kept filter not drawn: %q", ansi.Strip(m.View()))
	}
	// esc clears a kept filter without reopening it.
	m, changed = typeKeys(m, "esc")
	if !changed || m.Query() != "" || m.Shown() {
		t.Errorf("esc: changed %v, query %q, shown %v", changed, m.Query(), m.Shown())
	}
	// esc while typing clears and closes.
	m, _ = typeKeys(m, "/", "x", "esc")
	if m.Active() || m.Query() != "" {
		t.Errorf("esc while typing: active %v, query %q", m.Active(), m.Query())
	}
	// esc with nothing to clear changes nothing.
	if _, changed = typeKeys(m, "esc"); changed {
		t.Error("esc on an empty filter reported a change")
	}
}

func TestBackspaceChangesQuery(t *testing.T) {
	m, _ := typeKeys(newFilter(40), "/", "p", "o", "t", "i")
	m, changed := typeKeys(m, "backspace")
	if !changed || m.Query() != "pot" {
		t.Errorf("backspace: query %q, changed %v", m.Query(), changed)
	}
}

func TestViewGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		keys []string
	}{{"open", []string{"/"}}, {"typed", []string{"/", "b", "a", "k", "u"}}, {"kept", []string{"/", "b", "a", "k", "u", "enter"}}} {
		for _, p := range golden.Profiles() {
			t.Run(fmt.Sprintf("%s-30-%s", c.name, p.Name), func(t *testing.T) {
				m, _ := typeKeys(newFilter(30), c.keys...)
				v := m.View()
				if w := ansi.StringWidth(v); w > 30 {
					t.Errorf("filter line is %d wide in 30", w)
				}
				golden.RequireEqual(t, p.Encode(v))
			})
		}
	}
}
