package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corridor/tui/components/bignum"
	"corridor/tui/components/cells"
)

// presenter is briefing mode: tabs rotate on their own, any key pauses
// the rotation, p resumes it, and f freezes the screen for a question.
type presenter struct {
	on     bool
	every  time.Duration
	left   time.Duration
	paused bool
	frozen bool
	// frame is what a frozen screen keeps showing.
	frame string
	// gen tags ticks so a restarted rotation ignores stale ones.
	gen int
}

// rotateTickMsg drives the rotation countdown, once a second.
type rotateTickMsg struct{ gen int }

// DefaultRotate is how long each tab stays up in briefing mode.
const DefaultRotate = 20 * time.Second

// WithPresent turns on briefing mode: tabs rotate every d (DefaultRotate
// when d is 0), key hints are hidden, headline figures use large glyphs.
func WithPresent(d time.Duration) Option {
	return func(a *App) {
		if d <= 0 {
			d = DefaultRotate
		}
		a.pres = presenter{on: true, every: d, left: d}
		a.c.Present = true
	}
}

// WithTabs chooses which tabs appear and in what order, by name.
func WithTabs(names []string) Option {
	return func(a *App) {
		var order []int
		for _, n := range names {
			for i, t := range TabNames() {
				if strings.EqualFold(strings.TrimSpace(n), t) {
					order = append(order, i)
				}
			}
		}
		if len(order) > 0 {
			a.order = order
		}
	}
}

func (a *App) tick() tea.Cmd {
	gen := a.pres.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return rotateTickMsg{gen: gen} })
}

// onTick counts down and moves to the next tab in order when time is up.
func (a *App) onTick(msg rotateTickMsg) tea.Cmd {
	if !a.pres.on || msg.gen != a.pres.gen {
		return nil
	}
	if !a.pres.paused && !a.pres.frozen && a.c.Data != nil && !a.paneOpen {
		a.pres.left -= time.Second
		if a.pres.left <= 0 {
			a.step(1)
			a.pres.left = a.pres.every
		}
		a.chromeHead = "" // the countdown changed
	}
	return a.tick()
}

// presentKey handles the keys briefing mode owns. It reports whether the
// key was consumed; any other key pauses the rotation and goes on.
func (a *App) presentKey(k tea.KeyPressMsg) (bool, tea.Cmd) {
	switch {
	case key.Matches(k, a.keys.Freeze):
		a.pres.frozen = !a.pres.frozen
		if a.pres.frozen {
			a.pres.frame = a.render()
		}
		return true, nil
	case a.pres.frozen:
		return !key.Matches(k, a.keys.Quit, a.keys.ForceQuit), nil
	case !a.pres.on:
		return false, nil
	case key.Matches(k, a.keys.Resume):
		a.pres.paused = false
		a.pres.left = a.pres.every
		a.chromeHead = ""
		return true, nil
	}
	a.pres.paused = true
	a.chromeHead = ""
	return false, nil
}

// Paused reports whether briefing-mode rotation is paused.
func (a *App) Paused() bool { return a.pres.paused }

// Frozen reports whether the screen is frozen.
func (a *App) Frozen() bool { return a.pres.frozen }

// countdown is briefing mode's slim bar: the time left on this tab as a
// shrinking bar, and what comes next.
func (a *App) countdown() string {
	s := a.c.Styles
	next := TabNames()[a.order[(a.pos()+1)%len(a.order)]]
	var label string
	switch {
	case a.pres.frozen:
		label = "frozen · f resumes"
	case a.pres.paused:
		label = "paused · p resumes rotation"
	default:
		label = fmt.Sprintf("%2ds · next %s", int(a.pres.left.Seconds()), next)
	}
	barW := max(a.width-cells.Width(label)-1, 0)
	done := 0
	if a.pres.every > 0 && !a.pres.paused {
		done = int(float64(barW) * float64(a.pres.every-a.pres.left) / float64(a.pres.every))
	}
	bar := s.Bar.Render(strings.Repeat("█", max(barW-done, 0))) + s.Rule.Render(strings.Repeat("░", min(done, barW)))
	if a.pres.paused {
		bar = s.Rule.Render(strings.Repeat("░", barW))
	}
	return bar + " " + s.Muted.Render(label)
}

// bigTitle is the active tab's name in large glyphs, when the terminal is
// big enough to spare the rows.
func (a *App) bigTitle() string {
	if !a.pres.on || a.height < 36 {
		return ""
	}
	lines := bignum.Fit(TabNames()[a.active], a.width, 3)
	if lines == nil {
		return ""
	}
	return a.c.Styles.Title.Render(strings.Join(lines, "\n"))
}
