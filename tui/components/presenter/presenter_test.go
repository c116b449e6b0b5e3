package presenter

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"corridor/tui/styles"
)

func press(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func tick(m *Model, n int) (advances int) {
	for range n {
		if adv, _ := m.Update(TickMsg{gen: m.gen}, true); adv {
			advances++
		}
	}
	return advances
}

func TestRotatesOnTimePausesAndResumes(t *testing.T) {
	m := New()
	m.Start(3 * time.Second)
	if got := tick(&m, 2); got != 0 {
		t.Fatalf("advanced after 2 s of 3")
	}
	if got := tick(&m, 1); got != 1 {
		t.Fatalf("no advance after 3 s")
	}
	if m.Key(press('j'), nil) {
		t.Fatal("an ordinary key must go on to the tab")
	}
	if !m.Paused() || strings.Join(m.Badges(), " ") != "PAUSED" || tick(&m, 10) != 0 {
		t.Fatalf("a key should pause the rotation (badges %q)", m.Badges())
	}
	if !m.Key(press('p'), nil) || m.Paused() || tick(&m, 3) != 1 {
		t.Fatal("p should resume with a full interval")
	}
}

func TestStaleTickIgnored(t *testing.T) {
	m := New()
	m.Start(time.Second)
	if adv, cmd := m.Update(TickMsg{gen: m.gen + 1}, true); adv || cmd != nil {
		t.Fatal("a tick from another generation moved the rotation")
	}
}

func TestFreezeHoldsBodyAndSaysSo(t *testing.T) {
	quit := key.NewBinding(key.WithKeys("q"))
	m := New() // not presenting: freeze still works and is visible
	if !m.Key(press('f'), func() string { return "BODY" }) {
		t.Fatal("f not consumed")
	}
	if body, ok := m.Frozen(); !ok || body != "BODY" || strings.Join(m.Badges(), " ") != "FROZEN" {
		t.Fatalf("frozen = %q %v, badges %q", body, ok, m.Badges())
	}
	if !m.Key(press('2'), nil) {
		t.Fatal("a frozen screen let a key through")
	}
	if m.Key(press('q'), nil, quit) {
		t.Fatal("quit must pass a frozen screen")
	}
	m.Key(press('f'), nil)
	if _, ok := m.Frozen(); ok || len(m.Badges()) != 0 {
		t.Fatal("f again should unfreeze")
	}
}

func TestResumeOnlyListedWhenPresenting(t *testing.T) {
	m := New()
	if len(m.Bindings()) != 1 {
		t.Fatalf("outside briefing, help lists %d presenter keys, want only f", len(m.Bindings()))
	}
	m.Start(0)
	if len(m.Bindings()) != 2 {
		t.Fatal("briefing should list f and p")
	}
}

func TestCountdownSaysWhatIsNext(t *testing.T) {
	m := New()
	m.Start(20 * time.Second)
	tick(&m, 5)
	got := ansi.Strip(m.Countdown(60, "ports", styles.New("dark", true, false)))
	if !strings.HasSuffix(got, "15s · next ports") || ansi.StringWidth(got) != 60 {
		t.Fatalf("countdown = %q", got)
	}
	m.Key(press('f'), func() string { return "" })
	if got := ansi.Strip(m.Countdown(60, "ports", styles.New("dark", true, false))); !strings.HasSuffix(got, "frozen · f resumes") {
		t.Fatalf("frozen countdown = %q", got)
	}
}
