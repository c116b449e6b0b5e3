package tui

import (
	tea "charm.land/bubbletea/v2"

	"corridor/model"
)

// Frame draws one frame of a tab at a fixed size without a terminal, the
// way the dashboard would show it right after start: for snapshots, the
// README's captures and tests.
func Frame(ds *model.Dataset, tab string, width, height int, opts ...Option) string {
	opts = append([]Option{WithDataset(ds), WithTab(tab), WithoutBackgroundQuery()}, opts...)
	a := New(opts...)
	a.Update(loadedMsg{ds: ds})
	a.Update(tea.WindowSizeMsg{Width: width, Height: height})
	return a.Render()
}
