package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is the keys the root handles on every tab. Help text is generated
// from these bindings, never written by hand.
type KeyMap struct {
	// Tabs are the number keys, one per tab shown, in bar order; their
	// help names the tab each opens.
	Tabs      []key.Binding
	NextTab   key.Binding
	PrevTab   key.Binding
	Source    key.Binding
	Help      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding
	Snapshot  key.Binding
	// Cite copies a citation of what the cursor is on.
	Cite key.Binding
	// Changes lists what the last data reload changed.
	Changes key.Binding
}

// DefaultKeyMap returns the global keys for tabs named names, in bar
// order: the tab at position i opens with key i+1 (up to nine).
func DefaultKeyMap(names []string) KeyMap {
	k := KeyMap{
		NextTab:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev tab")),
		Source:    key.NewBinding(key.WithKeys("enter", "s"), key.WithHelp("enter/s", "sources")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Snapshot:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "snapshot")),
		Cite:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy citation")),
		Changes:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "what the last reload changed")),
	}
	for i, n := range names[:min(len(names), 9)] {
		d := fmt.Sprint(i + 1)
		k.Tabs = append(k.Tabs, key.NewBinding(key.WithKeys(d), key.WithHelp(d, n)))
	}
	return k
}

// helpKeys merges the keys that work right now, so the footer and the
// full help list exactly those: the tab's (or the open pane's), then the
// global ones, then the presenter's.
type helpKeys struct {
	global KeyMap
	local  interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	pane    bool
	present []key.Binding
}

// ShortHelp implements help.KeyMap.
func (h helpKeys) ShortHelp() []key.Binding {
	var out []key.Binding
	if h.local != nil {
		out = append(out, h.local.ShortHelp()...)
	}
	if !h.pane {
		out = append(out, h.global.Source, h.global.NextTab)
	}
	return append(out, h.global.Help, h.global.Quit)
}

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	if h.local != nil {
		out = append(out, h.local.FullHelp()...)
	}
	g := h.global
	return append(out, g.Tabs,
		[]key.Binding{g.NextTab, g.PrevTab, g.Source, g.Cite, g.Changes, g.Help, g.Quit, g.ForceQuit},
		append([]key.Binding{g.Snapshot}, h.present...))
}

// signature is the text of the bindings help would show, so the drawn
// help can be reused while it is unchanged.
func (h helpKeys) signature(full bool) string {
	var b strings.Builder
	add := func(k key.Binding) {
		if k.Enabled() {
			b.WriteString(k.Help().Key + "\x00" + k.Help().Desc + "\x00")
		}
	}
	if !full {
		for _, k := range h.ShortHelp() {
			add(k)
		}
		return b.String()
	}
	for _, col := range h.FullHelp() {
		for _, k := range col {
			add(k)
		}
		b.WriteString("\x01")
	}
	return b.String()
}
