// Package changes shows what the last data reload changed: the same
// report `corridor diff` prints (figures added, removed and changed with
// both sources, newly suspect figures, new and resolved disagreements,
// events), in a scrollable pane the root opens from the reload notice.
// It only draws; the report is computed by model.Compare off the UI
// goroutine (data.Watch puts it in each Update).
package changes

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/styles"
)

// NewMark is the mark a view puts after a figure that the last reload
// added or changed (model.Changes.ChangedIDs), until the next reload. It
// is plain ASCII so it survives --ascii, NO_COLOR and a projector.
const NewMark = model.GlyphNew

// KeyMap is the pane's keys.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Close key.Binding
}

// DefaultKeyMap returns the pane's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Close:    key.NewBinding(key.WithKeys("esc", "enter", "backspace"), key.WithHelp("esc", "close changes")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Close, k.Down, k.Up} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Close}}
}

// Model is the pane. The zero value is not usable; build it with New.
type Model struct {
	KeyMap KeyMap
	styles *styles.Styles
	report model.Changes
	at     time.Time
	has    bool
	vp     viewport.Model
	width  int
	height int
}

// New returns an empty pane drawing with st.
func New(st *styles.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st, vp: viewport.New()}
}

// SetStyles redraws the pane in new styles.
func (m *Model) SetStyles(st *styles.Styles) {
	m.styles = st
	m.refresh()
}

// SetChanges shows the report of a reload made at at, from the top.
func (m *Model) SetChanges(report model.Changes, at time.Time) {
	m.report, m.at, m.has = report, at, true
	m.refresh()
	m.vp.GotoTop()
}

// Changes returns the report shown, and whether there is one.
func (m Model) Changes() (model.Changes, bool) { return m.report, m.has }

// SetSize sets the pane's outer size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.refresh()
}

// Refresh redraws the content, after a style change.
func (m *Model) Refresh() { m.refresh() }

func (m *Model) refresh() {
	fw, fh := m.styles.Pane.GetFrameSize()
	innerW := max(m.width-fw, 1)
	m.vp.SetWidth(innerW)
	m.vp.SetHeight(max(m.height-fh-1, 1))
	m.vp.SetContent(m.content(innerW))
}

// Update scrolls. Close is left to the root, which owns what is on
// screen (as with the sources pane).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.KeyMap.Up):
			m.vp.ScrollUp(1)
		case key.Matches(k, m.KeyMap.Down):
			m.vp.ScrollDown(1)
		case key.Matches(k, m.KeyMap.PageUp):
			m.vp.PageUp()
		case key.Matches(k, m.KeyMap.PageDown):
			m.vp.PageDown()
		case key.Matches(k, m.KeyMap.Top):
			m.vp.GotoTop()
		case key.Matches(k, m.KeyMap.Bottom):
			m.vp.GotoBottom()
		}
	}
	return m, nil
}

// View draws the pane.
func (m Model) View() string {
	s := m.styles
	title := "Changes in the last reload"
	if m.has && !m.at.IsZero() {
		title += " · " + m.at.Format("15:04:05")
	}
	title = lipgloss.NewStyle().MaxWidth(max(m.vp.Width(), 1)).Render(s.Title.Render(title))
	return s.Pane.Width(m.width).Render(title + "\n" + m.vp.View())
}

// Notice is the status-bar notice for a reload: "data reloaded (7
// changes; 1 new disagreement) · c lists them". keyHelp names the key
// that opens the pane; empty leaves the hint out.
func Notice(report model.Changes, keyHelp string) string {
	n := report.Rows()
	s := fmt.Sprintf("data reloaded (%d %s", n, plural(n, "change", "changes"))
	var extra []string
	if k := len(report.NewlySuspect); k > 0 {
		extra = append(extra, fmt.Sprintf("%d newly suspect", k))
	}
	if k := len(report.NewDisagreements); k > 0 {
		extra = append(extra, fmt.Sprintf("%d new %s", k, plural(k, "disagreement", "disagreements")))
	}
	if len(extra) > 0 {
		s += "; " + strings.Join(extra, ", ")
	}
	s += ")"
	if keyHelp != "" && n > 0 {
		s += " · " + keyHelp + " lists them"
	}
	return s
}

// content is the report laid out in wrapped lines, each section headed,
// each entry with its mark in the colour of its meaning.
func (m Model) content(w int) string {
	s := m.styles
	if !m.has {
		return s.Muted.Render("No reload yet: changes to --data files are listed here after they load.")
	}
	var b strings.Builder
	r := m.report
	versions := "data " + r.OldVersion + " -> " + r.NewVersion
	if r.OldVersion == "" || r.NewVersion == "" {
		versions = ""
	}
	para(&b, w, 0, 0, s.Value.Render(r.Summary()))
	if versions != "" {
		para(&b, w, 0, 0, s.Muted.Render(versions))
	}
	markStyle := map[string]lipgloss.Style{"+": s.Good, "-": s.Bad, "!": s.Warn, model.GlyphDisputed: s.Disputed, "=": s.Good}
	for _, sec := range r.Sections() {
		b.WriteString("\n")
		para(&b, w, 0, 0, s.Heading.Render(sec.Title))
		st, ok := markStyle[sec.Mark]
		if !ok {
			st = s.Muted
		}
		for _, l := range sec.Lines {
			para(&b, w, 2, 2, st.Render(sec.Mark)+" "+l)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// para writes text wrapped to w cells, the first line indented by first
// and the rest by hang more, so an entry's continuation lines sit under
// its text rather than under its mark.
func para(b *strings.Builder, w, first, hang int, text string) {
	body := lipgloss.NewStyle().Width(max(w-first-hang, 1)).Render(text)
	for i, l := range strings.Split(body, "\n") {
		pad := first
		if i > 0 {
			pad += hang
		}
		b.WriteString(strings.Repeat(" ", pad) + strings.TrimRight(l, " ") + "\n")
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
