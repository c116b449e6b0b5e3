package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corridor/data"
)

// floor is about the least a Bubble Tea program can do per key: move a
// cursor over 40 lines and draw them. corridor's key frame is measured
// against it in the same run, so the ratio survives a noisy machine.
type floor struct {
	lines  []string
	cursor int
}

func (f *floor) Init() tea.Cmd { return nil }
func (f *floor) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "j":
			f.cursor = min(f.cursor+1, len(f.lines)-1)
		case "k":
			f.cursor = max(f.cursor-1, 0)
		}
	}
	return f, nil
}
func (f *floor) View() tea.View {
	var b strings.Builder
	for i, l := range f.lines {
		if i == f.cursor {
			b.WriteString("> ")
		} else {
			b.WriteString("  ")
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return tea.NewView(b.String())
}

// BenchmarkFloor is the minimal program's key press: Update plus View.
func BenchmarkFloor(b *testing.B) {
	f := &floor{}
	for i := range 40 {
		f.lines = append(f.lines, fmt.Sprintf("row %d %s", i, strings.Repeat("x", 100)))
	}
	down, up := keyMsg("j"), keyMsg("k")
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		if n%2 == 0 {
			f.Update(down)
		} else {
			f.Update(up)
		}
		_ = f.View()
	}
}

// BenchmarkStart is start to first frame: loading the bundled data,
// building the UI and drawing the first view at 120x40.
func BenchmarkStart(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ds, err := data.Load(data.Bundled())
		if err != nil {
			b.Fatal(err)
		}
		a := New(WithDataset(ds), WithNow(fixedNow), WithoutBackgroundQuery())
		a.Update(loadedMsg{ds: ds})
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = a.View()
	}
}
