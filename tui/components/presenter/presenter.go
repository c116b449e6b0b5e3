// Package presenter is briefing mode: tabs rotate on their own, any key
// pauses the rotation, p resumes it, and f freezes the picture while a
// question is taken. Freezing works outside briefing mode too, and in
// both the status bar says so, so a frozen screen never looks like a hang.
package presenter

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corridor/tui/components/bignum"
	"corridor/tui/components/cells"
	"corridor/tui/styles"
)

// DefaultRotate is how long each tab stays up in briefing mode.
const DefaultRotate = 20 * time.Second

// KeyMap is the keys the presenter owns.
type KeyMap struct {
	Freeze key.Binding
	Resume key.Binding
}

// DefaultKeyMap returns the presenter's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Freeze: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "freeze screen")),
		Resume: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "resume rotation")),
	}
}

// Model is the presenter's state.
type Model struct {
	KeyMap KeyMap
	on     bool
	every  time.Duration
	left   time.Duration
	paused bool
	frozen bool
	// body is what a frozen screen keeps showing under live chrome.
	body string
	// gen tags ticks so a restarted rotation ignores stale ones.
	gen int
}

// TickMsg drives the rotation countdown, once a second.
type TickMsg struct{ gen int }

// Next is the tick the running countdown waits for: tests deliver it
// instead of sleeping.
func (m Model) Next() TickMsg { return TickMsg{gen: m.gen} }

// New returns a presenter; rotation is off until Start.
func New() Model { return Model{KeyMap: DefaultKeyMap()} }

// Start turns briefing mode on with each tab shown for every
// (DefaultRotate when every is 0 or less).
func (m *Model) Start(every time.Duration) {
	if every <= 0 {
		every = DefaultRotate
	}
	m.on, m.every, m.left = true, every, every
}

// On reports whether briefing mode is on.
func (m Model) On() bool { return m.on }

// Paused reports whether the rotation is paused.
func (m Model) Paused() bool { return m.paused }

// Frozen returns the held body while the screen is frozen.
func (m Model) Frozen() (string, bool) { return m.body, m.frozen }

// Tick returns the command for the next countdown tick, or nil outside
// briefing mode.
func (m Model) Tick() tea.Cmd {
	if !m.on {
		return nil
	}
	gen := m.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return TickMsg{gen: gen} })
}

// Update counts a tick down. running says whether the rotation may move
// now (data loaded, no pane open). advance is set when it is time for
// the next tab.
func (m *Model) Update(msg TickMsg, running bool) (advance bool, cmd tea.Cmd) {
	if !m.on || msg.gen != m.gen {
		return false, nil
	}
	if !m.paused && !m.frozen && running {
		m.left -= time.Second
		if m.left <= 0 {
			advance = true
			m.left = m.every
		}
	}
	return advance, m.Tick()
}

// Key handles the keys briefing mode owns and reports whether k was
// consumed. body draws the current body, for freezing. While frozen
// every key but f and the keys in pass is held back; in briefing mode
// any other key pauses the rotation and goes on to the tabs.
func (m *Model) Key(k tea.KeyPressMsg, body func() string, pass ...key.Binding) bool {
	switch {
	case key.Matches(k, m.KeyMap.Freeze):
		m.frozen = !m.frozen
		m.body = ""
		if m.frozen {
			m.body = body()
		}
		return true
	case m.frozen:
		return !key.Matches(k, pass...)
	case !m.on:
		return false
	case key.Matches(k, m.KeyMap.Resume):
		m.paused = false
		m.left = m.every
		return true
	}
	m.paused = true
	return false
}

// Interact pauses the rotation in briefing mode, as a key does: someone
// is using the mouse.
func (m *Model) Interact() {
	if m.on && !m.frozen {
		m.paused = true
	}
}

// Bindings are the presenter's keys that work now, for help: resume only
// means something in briefing mode.
func (m Model) Bindings() []key.Binding {
	if m.on {
		return []key.Binding{m.KeyMap.Freeze, m.KeyMap.Resume}
	}
	return []key.Binding{m.KeyMap.Freeze}
}

// Badges names the modes in force for the status bar.
func (m Model) Badges() []string {
	var b []string
	if m.frozen {
		b = append(b, "FROZEN")
	}
	if m.on && m.paused {
		b = append(b, "PAUSED")
	}
	return b
}

// Countdown is briefing mode's slim bar: the time left on this tab as a
// shrinking bar, and what comes next.
func (m Model) Countdown(width int, next string, s *styles.Styles) string {
	var label string
	switch {
	case m.frozen:
		label = "frozen · f resumes"
	case m.paused:
		label = "paused · p resumes rotation"
	default:
		label = fmt.Sprintf("%2ds · next %s", int(m.left.Seconds()), next)
	}
	barW := max(width-cells.Width(label)-1, 0)
	done := 0
	if m.every > 0 && !m.paused {
		done = int(float64(barW) * float64(m.every-m.left) / float64(m.every))
	}
	bar := s.Bar.Render(strings.Repeat("█", max(barW-done, 0))) + s.Rule.Render(strings.Repeat("░", min(done, barW)))
	if m.paused || m.frozen {
		bar = s.Rule.Render(strings.Repeat("░", barW))
	}
	return bar + " " + s.Muted.Render(label)
}

// BigTitle is a tab's name in large glyphs, when briefing on a screen
// with rows to spare; "" otherwise.
func (m Model) BigTitle(name string, width, height int, s *styles.Styles) string {
	if !m.on || height < 36 {
		return ""
	}
	lines := bignum.Fit(name, width, 3)
	if lines == nil {
		return ""
	}
	return s.Title.Render(strings.Join(lines, "\n"))
}
