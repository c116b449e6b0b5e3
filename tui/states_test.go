package tui

import (
	"errors"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
)

// TestStateGoldens pins the frame in the states a user meets beyond the
// plain tabs: an active filter, briefing mode, --ascii, the light and
// high-contrast themes, the error banner and the open sources pane.
func TestStateGoldens(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		prof colorprofile.Profile
		opts []Option
		do   func(a *App)
	}{
		{"filter-ports", 80, 24, colorprofile.ASCII, nil, func(a *App) { press(a, "2", "/", "g", "e", "o") }},
		{"present-overview", 120, 40, colorprofile.ASCII, []Option{WithPresent(20 * time.Second)}, nil},
		{"ascii-transit", 80, 24, colorprofile.ASCII, []Option{WithASCII()}, func(a *App) { press(a, "3") }},
		{"light-ports", 80, 24, colorprofile.ANSI256, []Option{WithTheme("light")}, func(a *App) { press(a, "2") }},
		{"high-contrast-energy", 80, 24, colorprofile.ANSI256, []Option{WithTheme("high-contrast")}, func(a *App) { press(a, "4") }},
		{"banner-overview", 80, 24, colorprofile.ASCII, nil, func(a *App) {
			a.Update(DataMsg{Err: errors.New("observations.csv:12:4: period: month \"13\" is not 01–12"), At: fixedNow})
		}},
		{"sources-ports", 100, 30, colorprofile.ASCII, nil, func(a *App) { press(a, "2", "enter") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t, c.w, c.h, c.opts...)
			if c.do != nil {
				c.do(a)
			}
			checkFrame(t, a.Render(), c.w, c.h, c.name)
			golden(t, "state-"+c.name, render(a, c.prof))
		})
	}
}
