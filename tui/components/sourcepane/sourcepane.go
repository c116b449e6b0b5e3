// Package sourcepane shows where the selected figures come from: every
// value with its source's title, publisher, standing, date and address,
// alternatives from other sources, and flags. It is the "one key away" of
// corridor's promise that every figure carries its source.
package sourcepane

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corridor/model"
	"corridor/tui/styles"
)

// KeyMap is the pane's keys.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Close key.Binding
}

// DefaultKeyMap returns the pane's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Close:    key.NewBinding(key.WithKeys("esc", "enter", "s", "backspace"), key.WithHelp("esc", "close sources")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Close, k.Down, k.Up} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Close}}
}

// Model is the pane.
type Model struct {
	KeyMap KeyMap
	styles *styles.Styles
	data   *model.Dataset
	sel    model.Selection
	vp     viewport.Model
	width  int
	height int
}

// New returns an empty pane drawing with st.
func New(st *styles.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st, vp: viewport.New()}
}

// Open shows sel.
func (m *Model) Open(sel model.Selection) {
	m.sel = sel
	m.refresh()
	m.vp.GotoTop()
}

// SetSize sets the pane's outer size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.refresh()
}

// SetData gives the pane the dataset whose sources it lists (again after
// a reload).
func (m *Model) SetData(d *model.Dataset) { m.data = d }

// SetStyles redraws the content in new styles (the terminal's
// background answered).
func (m *Model) SetStyles(st *styles.Styles) {
	m.styles = st
	m.refresh()
}

func (m *Model) refresh() {
	fw, fh := m.styles.Pane.GetFrameSize()
	innerW := max(m.width-fw, 1)
	m.vp.SetWidth(innerW)
	m.vp.SetHeight(max(m.height-fh-1, 1))
	m.vp.SetContent(m.content(innerW))
}

// Update scrolls.
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
		}
	}
	return m, nil
}

// View draws the pane.
func (m Model) View() string {
	s := m.styles
	title := s.Title.Render(truncate("Sources · "+m.sel.Title, max(m.vp.Width(), 1)))
	return s.Pane.Width(m.width).Render(title + "\n" + m.vp.View())
}

func truncate(s string, w int) string {
	return lipgloss.NewStyle().MaxWidth(w).Render(s)
}

// content lists every observation with its alternatives and source.
func (m Model) content(w int) string {
	s, d := m.styles, m.data
	var b strings.Builder
	line := func(indent int, str string) { para(&b, w, indent, str) }
	if d == nil {
		return "no data"
	}
	for _, t := range m.sel.Derived {
		line(0, s.Derived.Render(model.GlyphDerived+" "+t))
	}
	if len(m.sel.Derived) > 0 {
		b.WriteString("\n")
	}
	var shown []string
	for _, o := range m.sel.Observations {
		if slices.Contains(shown, o.ID) {
			continue
		}
		alts := d.Alternatives(o)
		disputed := len(d.Disagreeing(o)) > 0
		head := fmt.Sprintf("%s · %s · %s", d.Name(o.Subject), d.MetricLabel(o.Metric), o.Period.Label())
		if !o.Period.Exact() {
			head += " (period as the source gives it; not plotted)"
		}
		line(0, s.Heading.Render(head))
		if disputed {
			line(0, s.Disputed.Render(model.GlyphDisputed+" sources disagree: every value is listed"))
		}
		for _, a := range alts {
			shown = append(shown, a.ID)
			val := model.FormatObs(a)
			tag := string(a.Kind)
			if a.Suspect() {
				tag += ", flagged as a likely data error " + model.GlyphSuspect
			}
			line(2, s.Value.Render(val)+s.Muted.Render("  ("+tag+")"))
			m.writeSource(&b, w, a.Source, 4)
			if a.Note != "" {
				line(4, s.Muted.Render("note: "+a.Note))
			}
		}
		b.WriteString("\n")
	}
	for _, e := range m.sel.Events {
		line(0, s.Heading.Render(e.Date.Label()+" · "+e.Title))
		line(2, strings.Join(e.Countries, ", ")+s.Muted.Render(" · "+e.Kind+" · "+e.Status))
		if e.Place != "" {
			line(2, s.Muted.Render("place: "+e.Place))
		}
		m.writeSource(&b, w, e.Source, 4)
		if e.Note != "" {
			line(4, s.Muted.Render("note: "+e.Note))
		}
		b.WriteString("\n")
	}
	for _, id := range m.sel.Sources {
		m.writeSource(&b, w, id, 2)
	}
	if b.Len() == 0 {
		return s.Muted.Render("Nothing selected has a source.")
	}
	return strings.TrimRight(b.String(), "\n")
}

func (m Model) writeSource(b *strings.Builder, w int, id string, indent int) {
	s := m.styles
	src, ok := m.data.Source(id)
	if !ok {
		para(b, w, indent, s.Bad.Render("unknown source "+id))
		return
	}
	para(b, w, indent, src.Publisher+s.Muted.Render(" ("+string(src.Standing)+") · "+src.PublishedLabel()))
	para(b, w, indent, s.Accent.Render(src.Title))
	if src.Address != "" {
		para(b, w, indent, s.Muted.Render(src.Address))
	} else {
		para(b, w, indent, s.Muted.Render("no web address recorded"))
	}
	if r := src.RetrievedLabel(); r != "" {
		para(b, w, indent, s.Muted.Render(r))
	}
	if src.Archive != "" {
		para(b, w, indent, s.Muted.Render("archived copy: "+src.Archive))
	}
}

// para writes text wrapped to w cells with every line indented, so a
// long title or address stays inside its entry.
func para(b *strings.Builder, w, indent int, text string) {
	b.WriteString(lipgloss.NewStyle().Width(w).PaddingLeft(indent).Render(text) + "\n")
}
