package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"corridor/data"
)

// selectedTitle is what the active tab's cursor is on, as the source
// pane would title it.
func selectedTitle(t *testing.T, a *App) string {
	t.Helper()
	tab := a.activeTab()
	if tab == nil {
		t.Fatal("no tab")
	}
	sel, ok := tab.Selection()
	if !ok {
		return ""
	}
	return sel.Title
}

// moveTo presses j until the cursor is on title.
func moveTo(t *testing.T, a *App, title string) {
	t.Helper()
	press(a, "g")
	for range 400 {
		if selectedTitle(t, a) == title {
			return
		}
		press(a, "j")
	}
	t.Fatalf("never reached %q", title)
}

func TestEnergySelectionFollowsTheProjectAcrossTheFilter(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "4")
	want := "Baku–Tbilisi–Ceyhan oil pipeline"
	moveTo(t, a, want)
	press(a, "/", "p", "i", "p", "e")
	if got := selectedTitle(t, a); got != want {
		t.Fatalf("after filtering 'pipe' the cursor is on %q, want %q", got, want)
	}
	press(a, "enter", "esc")
	if got := selectedTitle(t, a); got != want {
		t.Fatalf("after clearing the filter the cursor is on %q, want %q", got, want)
	}
}

func TestTimelineSelectionFollowsTheEventAcrossTheFilter(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "5")
	for range 7 {
		press(a, "j")
	}
	want := selectedTitle(t, a)
	word := strings.Fields(want)[0]
	press(a, "/")
	press(a, strings.Split(strings.ToLower(word), "")...)
	if got := selectedTitle(t, a); got != want {
		t.Fatalf("after filtering %q the cursor is on %q, want %q", word, got, want)
	}
	press(a, "esc")
	if got := selectedTitle(t, a); got != want {
		t.Fatalf("after clearing the filter the cursor is on %q, want %q", got, want)
	}
}

// A reload rebuilds every tab from the new data; each keeps its cursor on
// the same item and its filter and sort.
func TestReloadKeepsSelectionFilterAndSort(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "2", "o", "/", "g", "e", "o", "enter")
	moveTo(t, a, "Port of Batumi")
	press(a, "4")
	moveTo(t, a, "Baku–Tbilisi–Ceyhan oil pipeline")
	press(a, "5", "j", "j", "j")
	event := selectedTitle(t, a)

	fresh, err := data.Load(data.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	a.Update(DataMsg{Data: fresh, At: time.Now(), Changes: 1})
	if a.c.Data != fresh {
		t.Fatal("reload did not swap the data")
	}
	if got := selectedTitle(t, a); got != event {
		t.Errorf("timeline after reload: %q, want %q", got, event)
	}
	press(a, "2")
	if got := selectedTitle(t, a); got != "Port of Batumi" {
		t.Errorf("ports after reload: %q, want Port of Batumi", got)
	}
	f := ansi.Strip(a.Render())
	if !strings.Contains(f, "/geo") || !strings.Contains(f, "↓TEU") {
		t.Errorf("ports lost its filter or sort over the reload:\n%s", f)
	}
	press(a, "4")
	if got := selectedTitle(t, a); got != "Baku–Tbilisi–Ceyhan oil pipeline" {
		t.Errorf("energy after reload: %q", got)
	}
}
