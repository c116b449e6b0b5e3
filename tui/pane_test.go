package tui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A selection with one source gets a pane as tall as that source, and
// the tab stays on screen above it with its cursor in view.
func TestSourcePaneFitsItsContentUnderTheTab(t *testing.T) {
	a := newApp(t, 100, 40)
	press(a, "5", "j", "j")
	event := selectedTitle(t, a)
	press(a, "enter")
	f := ansi.Strip(a.Render())
	lines := strings.Split(f, "\n")
	top := -1
	for i, l := range lines {
		if strings.Contains(l, "Sources · ") {
			top = i
		}
	}
	if top < 8 {
		t.Fatalf("the pane starts on line %d: it should leave the tab above it:\n%s", top, f)
	}
	above := strings.Join(lines[:top], "\n")
	if !strings.Contains(above, "Date") || !strings.Contains(above, strings.Fields(event)[0]) {
		t.Errorf("the tab and its selected event %q should show above the pane:\n%s", event, f)
	}
	if !strings.Contains(f, "source 1/1") {
		t.Errorf("no position in the pane:\n%s", f)
	}
	checkFrame(t, a.Render(), 100, 40, "pane under timeline")
	press(a, "esc")
	if a.PaneOpen() || len(strings.Split(ansi.Strip(a.Render()), "\n")) != 40 {
		t.Error("esc should close the pane and give the tab its room back")
	}
}

// y copies the selected source's address by OSC 52 and says it was sent,
// not that it arrived; g/G go to the first and last source.
func TestPaneCopiesTheSelectedAddress(t *testing.T) {
	a := newApp(t, 100, 40)
	press(a, "4")
	moveTo(t, a, "Baku–Tbilisi–Ceyhan oil pipeline")
	press(a, "enter", "G")
	src, n, _, _ := a.pane.Position()
	if src != n || n < 2 {
		t.Fatalf("G: source %d of %d, want the last", src, n)
	}
	press(a, "home")
	if src, _, _, _ := a.pane.Position(); src != 1 {
		t.Fatalf("home: source %d, want 1", src)
	}
	for a.pane.Address() == "" {
		if before, _, _, _ := a.pane.Position(); press(a, "j") == nil {
			if after, _, _, _ := a.pane.Position(); after == before {
				t.Fatal("no source with an address")
			}
		}
	}
	want := a.pane.Address()
	var payload string
	for _, m := range flatten(press(a, "Y")) {
		if v := reflect.ValueOf(m); v.Kind() == reflect.String && v.Type().Name() == "setClipboardMsg" {
			payload = v.String()
			continue
		}
		a.Update(m)
	}
	if payload != want {
		t.Fatalf("OSC 52 payload %q, want the selected address %q", payload, want)
	}
	if s := statusLine(a); !strings.Contains(s, "sent to your terminal") || strings.Contains(s, "copied") {
		t.Errorf("notice %q should say the address was sent, not that it was copied", s)
	}
	if f := a.Render(); !strings.Contains(f, ansi.SetHyperlink(want)) {
		t.Error("the address is not drawn as an OSC 8 hyperlink")
	}
}
