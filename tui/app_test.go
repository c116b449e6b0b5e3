package tui

import (
	"bytes"
	golden_ "corridor/tui/internal/golden"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"corridor/data"
	"corridor/data/datatest"
	"corridor/model"
)

var (
	dsOnce sync.Once
	ds     *model.Dataset
	dsErr  error
)

// bundled loads the real bundled dataset once for all tests.
func bundled(t testing.TB) *model.Dataset {
	t.Helper()
	dsOnce.Do(func() { ds, dsErr = data.Load(data.Bundled()) })
	if dsErr != nil {
		t.Fatalf("bundled data: %v", dsErr)
	}
	return ds
}

// fixedNow keeps Gantt bars and "planned" markers stable in golden files.
var fixedNow = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

// newApp builds a loaded, sized App the way a program would, without a
// terminal.
func newApp(t testing.TB, w, h int, opts ...Option) *App {
	t.Helper()
	opts = append([]Option{WithDataset(bundled(t)), WithNow(fixedNow), WithoutBackgroundQuery()}, opts...)
	a := New(opts...)
	a.Update(loadedMsg{ds: bundled(t)})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

func press(a *App, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = a.Update(keyMsg(k))
	}
	return cmd
}

// keyMsg turns a key name as key.Binding spells it into a key press.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// render returns the frame encoded for profile p, as a terminal of that
// profile would receive it.
func render(a *App, p colorprofile.Profile) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	_, _ = w.WriteString(a.Render())
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for i, name := range TabNames() {
			for _, prof := range []struct {
				name string
				p    colorprofile.Profile
			}{{"ascii", colorprofile.ASCII}, {"ansi256", colorprofile.ANSI256}} {
				t.Run(fmt.Sprintf("%s-%dx%d-%s", name, size[0], size[1], prof.name), func(t *testing.T) {
					a := newApp(t, size[0], size[1])
					press(a, fmt.Sprint(i+1))
					got := render(a, prof.p)
					golden_.Check(t, filepath.Join("testdata", fmt.Sprintf("%s-%dx%d-%s.golden", name, size[0], size[1], prof.name)), got)
				})
			}
		}
	}
}

// checkFrame asserts a frame fits w×h and, at any size the layout
// supports, shows the tab bar and a body: a blank screen must fail.
func checkFrame(t *testing.T, frame string, w, h int, what string) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Fatalf("%s: %d lines for height %d", what, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%s: line %d is %d wide, terminal %d: %q", what, i, lw, w, ansi.Strip(l))
		}
	}
	if w < MinWidth || h < MinHeight {
		return
	}
	if len(lines) != h {
		t.Fatalf("%s: %d lines, want the full height %d", what, len(lines), h)
	}
	if bar := ansi.Strip(lines[0]); !strings.Contains(bar, "1") || !strings.Contains(bar, "2") {
		t.Fatalf("%s: no tab bar on the first line: %q", what, bar)
	}
	for _, l := range lines[1 : len(lines)-2] {
		if strings.Trim(ansi.Strip(l), " ─-") != "" {
			return
		}
	}
	t.Fatalf("%s: the body is empty:\n%s", what, ansi.Strip(frame))
}

// sweepSizes are the sizes the sweep draws: every width from 1 to 220
// at a range of heights, or, under -race, every layout breakpoint ±1 and
// a stride between them.
func sweepSizes() (widths, heights []int) {
	heights = []int{1, 8, 11, 12, 13, 17, 24, 36, 41, 60}
	if !raceEnabled {
		for w := 1; w <= 220; w++ {
			widths = append(widths, w)
		}
		return widths, heights
	}
	seen := map[int]bool{}
	for _, bp := range []int{1, MinWidth, 60, 70, 80, 100, 110, 120, 140, 200, 220} {
		for _, w := range []int{bp - 1, bp, bp + 1} {
			if w >= 1 && !seen[w] {
				seen[w] = true
				widths = append(widths, w)
			}
		}
	}
	for w := 1; w <= 220; w += 17 {
		if !seen[w] {
			widths = append(widths, w)
		}
	}
	return widths, []int{1, 11, 12, 13, 20, 24, 36, 60}
}

func TestSizeSweep(t *testing.T) {
	widths, heights := sweepSizes()
	for i, name := range TabNames() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a := newApp(t, 80, 24)
			press(a, fmt.Sprint(i+1))
			for _, h := range heights {
				for _, w := range widths {
					a.Update(tea.WindowSizeMsg{Width: w, Height: h})
					checkFrame(t, a.Render(), w, h, fmt.Sprintf("%s at %dx%d", name, w, h))
				}
			}
			a.Update(tea.WindowSizeMsg{Width: 1, Height: 1})
			checkFrame(t, a.Render(), 1, 1, name+" at 1x1")
		})
	}
}

func TestTooSmallSaysSo(t *testing.T) {
	a := newApp(t, MinWidth-1, 30)
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "terminal too small") || !strings.Contains(f, fmt.Sprintf("%d×%d", MinWidth, MinHeight)) {
		t.Errorf("frame = %q", f)
	}
}

func TestSwitchTabs(t *testing.T) {
	a := newApp(t, 100, 30)
	for i, name := range TabNames() {
		press(a, fmt.Sprint(i+1))
		if a.Active() != name {
			t.Errorf("after %d active = %s, want %s", i+1, a.Active(), name)
		}
	}
	press(a, "tab")
	if a.Active() != "overview" {
		t.Errorf("tab from last = %s, want overview (wraps)", a.Active())
	}
	press(a, "shift+tab")
	if last := TabNames()[len(TabNames())-1]; a.Active() != last {
		t.Errorf("shift+tab = %s, want %s (wraps back)", a.Active(), last)
	}
	// A click on a title selects its tab.
	bar := ansi.Strip(strings.SplitN(a.Render(), "\n", 2)[0])
	for i, name := range TabNames() {
		title := strings.ToUpper(name[:1]) + name[1:]
		x := ansi.StringWidth(bar[:strings.Index(bar, title)])
		a.Update(tea.MouseClickMsg{X: x, Y: 0, Button: tea.MouseLeft})
		if a.Active() != TabNames()[i] {
			t.Errorf("click at x=%d on %q selected %s, want %s", x, bar, a.Active(), TabNames()[i])
		}
	}
}

func TestStartTab(t *testing.T) {
	if a := newApp(t, 100, 30, WithTab("energy")); a.Active() != "energy" {
		t.Errorf("WithTab(energy) active = %s", a.Active())
	}
}

func TestSourcePaneOpensAndCloses(t *testing.T) {
	for i, name := range TabNames() {
		t.Run(name, func(t *testing.T) {
			a := newApp(t, 100, 30)
			press(a, fmt.Sprint(i+1), "enter")
			if !a.PaneOpen() {
				t.Fatal("enter did not open the source pane")
			}
			f := ansi.Strip(a.Render())
			if !strings.Contains(f, "Sources ·") {
				t.Errorf("pane frame lacks title:\n%s", f)
			}
			if !strings.Contains(f, "http") && !strings.Contains(f, "no web address") {
				t.Errorf("pane shows no address:\n%s", f)
			}
			press(a, "esc")
			if a.PaneOpen() {
				t.Error("esc did not close the pane")
			}
			press(a, "s")
			if !a.PaneOpen() {
				t.Error("s did not open the pane")
			}
		})
	}
}

func TestFilterCapturesKeys(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "2", "/", "b", "a", "k", "u")
	if a.Active() != "ports" {
		t.Fatalf("active = %s", a.Active())
	}
	f := ansi.Strip(a.Render())
	if !strings.Contains(f, "/baku") || !strings.Contains(f, "Port of Baku") || strings.Contains(f, "Poti") {
		t.Errorf("filtered frame:\n%s", f)
	}
	if cmd := press(a, "q"); cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while typing a filter")
		}
	}
	press(a, "esc")
	if f := ansi.Strip(a.Render()); strings.Contains(f, "/bakuq") {
		t.Errorf("esc did not clear the filter:\n%s", f)
	}
	press(a, "5", "/", "s", "u", "m", "m", "i", "t", "enter")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "/summit") {
		t.Errorf("timeline search not shown:\n%s", f)
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		a := newApp(t, 100, 30)
		cmd := press(a, k)
		if cmd == nil {
			t.Fatalf("%s returned no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s did not quit", k)
		}
	}
}

func TestLoadErrorIsShown(t *testing.T) {
	a := New(WithLoader(func() (*model.Dataset, error) { return nil, fmt.Errorf("observations.csv:3:4: period: bad") }), WithoutBackgroundQuery())
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	run(a, a.Init())
	if a.Err() == nil {
		t.Fatal("running Init's command did not report the loader's error")
	}
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "observations.csv:3:4") {
		t.Errorf("error not shown:\n%s", f)
	}
}

func TestBackgroundColourRebuildsStyles(t *testing.T) {
	a := newApp(t, 100, 30)
	if !a.c.Styles.IsDark {
		t.Fatal("default should be dark")
	}
	a.Update(tea.BackgroundColorMsg{Color: colorWhite{}})
	if a.c.Styles.IsDark {
		t.Error("a white background should switch to light styles")
	}
	// Two apps never share styles: a light one does not change a dark one.
	b := newApp(t, 100, 30)
	if !b.c.Styles.IsDark || a.c.Styles == b.c.Styles {
		t.Error("styles leaked between apps")
	}
}

type colorWhite struct{}

func (colorWhite) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestNoLineWiderThanTerminalWithPaneAndHelp(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		for i := range TabNames() {
			a := newApp(t, sz[0], sz[1])
			press(a, fmt.Sprint(i+1), "?", "enter")
			checkFrame(t, a.Render(), sz[0], sz[1], fmt.Sprintf("tab %d pane+help %v", i+1, sz))
		}
	}
}

func benchView(b *testing.B, tab, w, h int) {
	a := newApp(b, w, h)
	press(a, fmt.Sprint(tab+1))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = a.View()
	}
}

func BenchmarkView(b *testing.B) {
	for _, sz := range [][2]int{{120, 40}, {200, 60}} {
		for i, name := range TabNames() {
			b.Run(fmt.Sprintf("%s/%dx%d", name, sz[0], sz[1]), func(b *testing.B) { benchView(b, i, sz[0], sz[1]) })
		}
	}
}

// BenchmarkResize measures the work done once per size change (charts are
// replotted then, not every frame).
func BenchmarkResize(b *testing.B) {
	for i, name := range TabNames() {
		b.Run(name, func(b *testing.B) {
			a := newApp(b, 120, 40)
			press(a, fmt.Sprint(i+1))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n++
				a.Update(tea.WindowSizeMsg{Width: 120 + n%2, Height: 40})
			}
		})
	}
}

// BenchmarkKeyFrame measures what a key press costs end to end: Update
// moving the cursor, then the View that follows it.
func BenchmarkKeyFrame(b *testing.B) {
	for _, sz := range [][2]int{{120, 40}, {200, 60}} {
		for i, name := range TabNames() {
			b.Run(fmt.Sprintf("%s/%dx%d", name, sz[0], sz[1]), func(b *testing.B) {
				a := newApp(b, sz[0], sz[1])
				press(a, fmt.Sprint(i+1))
				keyLoop(b, a)
			})
		}
	}
}

func TestPortsSortKeys(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "2")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "↓Cargo") {
		t.Fatalf("default sort should be cargo, descending:\n%s", f)
	}
	press(a, "o")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "↓TEU") {
		t.Errorf("o should sort by TEU:\n%s", f)
	}
	press(a, "r")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "↑TEU") {
		t.Errorf("r should reverse:\n%s", f)
	}
}

func TestTimelineFilters(t *testing.T) {
	a := newApp(t, 120, 40)
	press(a, "5", "c", "g", "e", "o")
	f := ansi.Strip(a.Render())
	if !strings.Contains(f, "country: geo") || !strings.Contains(f, "1 match") || !strings.Contains(f, "Georgia") {
		t.Fatalf("typing in the country picker should narrow it to Georgia:\n%s", f)
	}
	if cmd := press(a, "q"); quits(cmd) {
		t.Fatal("q quit while typing in the picker")
	}
	press(a, "backspace", "enter")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "country: Georgia · kind: all") {
		t.Errorf("enter should pick Georgia:\n%s", f)
	}
	press(a, "t", "s", "u", "m", "enter")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "country: Georgia · kind: summit") {
		t.Errorf("t should pick a kind:\n%s", f)
	}
	press(a, "c", "esc")
	if f := ansi.Strip(a.Render()); !strings.Contains(f, "country: all · kind: summit") {
		t.Errorf("esc should reset the country:\n%s", f)
	}
}

// BenchmarkScaledFrames shows a frame's cost does not grow with the data:
// the same key press and redraw on the bundled data and on copies with
// 10 and 100 times its observations and events (lists draw only the rows
// in view).
func BenchmarkScaledFrames(b *testing.B) {
	for _, k := range []int{1, 10, 100} {
		fsys, err := datatest.Scale(data.Bundled(), k, data.ObservationsFile, data.EventsFile)
		if err != nil {
			b.Fatal(err)
		}
		ds, err := data.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		for i, name := range TabNames() {
			b.Run(fmt.Sprintf("x%d/%s", k, name), func(b *testing.B) {
				a := New(WithDataset(ds), WithNow(fixedNow), WithoutBackgroundQuery())
				a.Update(loadedMsg{ds: ds})
				a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				press(a, fmt.Sprint(i+1))
				keyLoop(b, a)
			})
		}
	}
}

// keyLoop presses j and k in turn, drawing a frame after each.
func keyLoop(b *testing.B, a *App) {
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		if n%2 == 0 {
			a.Update(down)
		} else {
			a.Update(up)
		}
		_ = a.View()
	}
}

// run executes cmd as the program would and feeds its messages back,
// batches included (no timers: they would sleep).
func run(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			run(a, c)
		}
	case nil:
	default:
		_, next := a.Update(msg)
		run(a, next)
	}
}
