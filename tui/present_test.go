package tui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// tickN delivers n rotation ticks of the current generation, as the
// one-second timer would, without sleeping.
func tickN(a *App, n int) {
	for range n {
		a.Update(a.pres.Next())
	}
}

func TestPresentRotatesPausesAndResumes(t *testing.T) {
	a := newApp(t, 120, 40, WithPresent(3*time.Second), WithTabs([]string{"ports", "transit", "timeline"}))
	if a.Active() != "ports" {
		t.Fatalf("first tab = %s, want ports (first of --tabs)", a.Active())
	}
	f := ansi.Strip(a.Render())
	if strings.Contains(f, "? help") || !strings.Contains(f, "next transit") {
		t.Errorf("briefing footer should show the countdown, not key hints:\n%s", f)
	}
	if strings.Contains(f, "Overview") {
		t.Errorf("tab bar shows a tab not in --tabs:\n%s", f)
	}
	tickN(a, 2)
	if a.Active() != "ports" {
		t.Fatalf("rotated early: %s", a.Active())
	}
	tickN(a, 1)
	if a.Active() != "transit" {
		t.Fatalf("after 3 s active = %s, want transit", a.Active())
	}
	tickN(a, 6)
	if a.Active() != "ports" {
		t.Fatalf("rotation should wrap to ports, got %s", a.Active())
	}
	press(a, "j")
	if !a.Paused() {
		t.Fatal("a key should pause the rotation")
	}
	tickN(a, 10)
	if a.Active() != "ports" {
		t.Fatalf("paused rotation moved to %s", a.Active())
	}
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "p resumes") {
		t.Errorf("paused footer should say how to resume:\n%s", f)
	}
	press(a, "p")
	if a.Paused() {
		t.Fatal("p should resume")
	}
	tickN(a, 3)
	if a.Active() != "transit" {
		t.Fatalf("resumed rotation: active = %s", a.Active())
	}
}

func TestFreezeHoldsTheScreen(t *testing.T) {
	a := newApp(t, 120, 40, WithPresent(2*time.Second))
	press(a, "f")
	if !a.Frozen() {
		t.Fatal("f should freeze")
	}
	before := a.View().Content
	tickN(a, 5)
	press(a, "2", "j")
	if a.Active() != "overview" || a.View().Content != before {
		t.Fatal("a frozen screen changed")
	}
	press(a, "f")
	if a.Frozen() {
		t.Fatal("f again should unfreeze")
	}
	press(a, "2")
	if a.Active() != "ports" {
		t.Errorf("keys should work again after unfreezing, active = %s", a.Active())
	}
}

func TestBigNumbersOnABigScreen(t *testing.T) {
	// The body (everything above the two footer lines) is where large
	// glyphs go; the footer's countdown bar is drawn with blocks too.
	body := func(a *App) string {
		lines := strings.Split(a.Render(), "\n")
		return strings.Join(lines[:len(lines)-2], "\n")
	}
	big := newApp(t, 200, 60, WithPresent(0))
	if f := body(big); !strings.Contains(f, "██") {
		t.Errorf("briefing at 200x60 should draw large glyphs:\n%s", ansi.Strip(f))
	}
	small := newApp(t, 80, 24, WithPresent(0))
	if f := body(small); strings.Contains(f, "██") {
		t.Errorf("80x24 has no room for large glyphs:\n%s", ansi.Strip(f))
	}
	checkFrame(t, big.Render(), 200, 60, "present 200x60")
	checkFrame(t, small.Render(), 80, 24, "present 80x24")
}

func TestASCIIModeIsPlainASCII(t *testing.T) {
	for i := range TabNames() {
		a := newApp(t, 120, 40, WithASCII(), WithPresent(0))
		press(a, string(rune('1'+i)), "enter")
		for _, f := range []string{a.Render()} {
			for j := 0; j < len(f); j++ {
				if f[j] > 0x7e {
					t.Fatalf("tab %d: byte %#x in an --ascii frame: %q", i+1, f[j], ansi.Strip(f[max(0, j-30):min(len(f), j+10)]))
				}
			}
		}
	}
}

func TestThemes(t *testing.T) {
	hc := newApp(t, 100, 30, WithTheme("high-contrast"))
	if v := hc.View(); v.BackgroundColor == nil {
		t.Error("high-contrast should ask for a black background")
	}
	light := newApp(t, 100, 30, WithTheme("light"))
	light.Update(tea.BackgroundColorMsg{Color: colorBlack{}})
	if light.c.Styles.IsDark {
		t.Error("a forced light theme must ignore a dark terminal")
	}
}

type colorBlack struct{}

func (colorBlack) RGBA() (r, g, b, a uint32) { return 0, 0, 0, 0xffff }

func TestCtrlSWritesAnSVG(t *testing.T) {
	dir := t.TempDir()
	a := newApp(t, 100, 30, WithSnapshotDir(dir))
	press(a, "2")
	cmd := press(a, "ctrl+s")
	if cmd == nil {
		t.Fatal("ctrl+s returned no command")
	}
	a.Update(cmd())
	want := filepath.Join(dir, "corridor-ports-2026-11-22T12-00.svg")
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("no snapshot file: %v", err)
	}
	if !strings.HasPrefix(string(b), "<?xml") || !strings.Contains(string(b), "Ports") {
		t.Errorf("not an SVG of the frame: %.200s", b)
	}
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "saved ") || !strings.Contains(f, "corridor-ports-") {
		t.Errorf("no notice of where the file went:\n%s", f)
	}
}

func TestCtrlSOverSSHUsesTheClipboard(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	a := newApp(t, 100, 30, WithClipboardSnapshots())
	frame := ansi.Strip(a.Render())
	cmd := press(a, "ctrl+s")
	if cmd == nil {
		t.Fatal("no command")
	}
	var payload string
	var msgs []tea.Msg
	for _, m := range flatten(cmd) {
		// tea.SetClipboard's message is unexported: recognise it by its
		// type name and read the text it carries.
		if v := reflect.ValueOf(m); v.Kind() == reflect.String && v.Type().Name() == "setClipboardMsg" {
			payload = v.String()
			continue
		}
		msgs = append(msgs, m)
	}
	if payload != frame {
		t.Errorf("OSC 52 payload is not the frame's text:\n--- payload:\n%s\n--- frame:\n%s", payload, frame)
	}
	for _, m := range msgs {
		a.Update(m)
	}
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "clipboard") {
		t.Errorf("no clipboard notice:\n%s", f)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a file was written on the server: %v", entries)
	}
}

// flatten runs cmd and returns every message it and its batches produce.
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	// Batches and sequences (tea.Sequence's message is unexported) are
	// slices of commands: run each.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, flatten(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}
