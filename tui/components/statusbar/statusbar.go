// Package statusbar draws the line under every tab: where the data came
// from and how much of it there is, badges for modes that change what
// keys do (frozen, paused), a short notice after an action, the legend
// of corridor's marks, and, above it, a banner while the data files are
// broken.
package statusbar

import (
	"strings"

	"charm.land/lipgloss/v2"

	"corridor/tui/components/cells"
	"corridor/tui/components/memo"
	"corridor/tui/styles"
)

// State is everything the bar shows. It is a comparable value, so the
// bar redraws exactly when something in it changes.
type State struct {
	// Origin says where the data came from ("bundled data", a directory).
	Origin string
	// Counts summarises the data ("880 figures · 156 events").
	Counts string
	// Notice replaces the line for a few seconds after an action.
	Notice string
	// Banner is a problem that stays until it is fixed (a bad data edit).
	Banner string
	// Badges name modes in force, such as FROZEN, PAUSED, FILTER or
	// SORT, joined by JoinBadges (a string keeps State comparable).
	Badges string
	// Legend explains the marks next to figures.
	Legend string
}

// badgeSep separates badges inside State.Badges.
const badgeSep = "\x1f"

// JoinBadges packs badges for State.Badges, skipping empty ones.
func JoinBadges(badges ...string) string {
	var keep []string
	for _, b := range badges {
		if b != "" {
			keep = append(keep, b)
		}
	}
	return strings.Join(keep, badgeSep)
}

// Model is the status bar.
type Model struct {
	state  State
	width  int
	styles *styles.Styles
	view   memo.String[key]
}

type key struct {
	s      State
	width  int
	styles *styles.Styles
}

// New returns an empty bar.
func New(st *styles.Styles) Model { return Model{styles: st} }

// SetSize sets the width the bar may use.
func (m *Model) SetSize(width int) { m.width = width }

// SetStyles changes the look.
func (m *Model) SetStyles(st *styles.Styles) { m.styles = st }

// Set replaces what the bar shows.
func (m *Model) Set(s State) { m.state = s }

// State returns what the bar shows.
func (m *Model) State() State { return m.state }

// View draws the banner (when there is one) and the status line, each
// cut to the width.
func (m *Model) View() string {
	return m.view.Get(key{m.state, m.width, m.styles}, m.draw)
}

func (m *Model) draw() string {
	s, st, w := m.styles, m.state, m.width
	var line string
	badges := ""
	if st.Badges != "" {
		for _, b := range strings.Split(st.Badges, badgeSep) {
			badges += s.Badge.Render(" "+b+" ") + " "
		}
	}
	switch {
	case st.Notice != "":
		line = cells.Truncate(badges+s.Notice.Render(st.Notice), w, "…")
	default:
		left := badges + s.StatusKey.Render(st.Origin)
		if st.Counts != "" {
			left += s.StatusBar.Render(" · " + st.Counts)
		}
		legend := s.StatusBar.Render(st.Legend)
		gap := w - lipgloss.Width(left) - lipgloss.Width(legend)
		if st.Legend == "" || gap < 2 {
			line = cells.Truncate(left, w, "…")
		} else {
			line = left + strings.Repeat(" ", gap) + legend
		}
	}
	if st.Banner != "" {
		return cells.Truncate(s.Bad.Bold(true).Render(st.Banner), w, "…") + "\n" + line
	}
	return line
}
