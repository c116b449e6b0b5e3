package tui

import "charm.land/bubbles/v2/key"

// KeyMap is the keys the root handles on every tab. Help text is generated
// from these bindings, never written by hand.
type KeyMap struct {
	Tab1, Tab2, Tab3, Tab4, Tab5 key.Binding
	NextTab, PrevTab             key.Binding
	Source                       key.Binding
	Help                         key.Binding
	Quit                         key.Binding
	ForceQuit                    key.Binding
	Snapshot                     key.Binding
	Freeze                       key.Binding
	Resume                       key.Binding
}

// DefaultKeyMap returns the global keys.
func DefaultKeyMap() KeyMap {
	tab := func(n, name string) key.Binding {
		return key.NewBinding(key.WithKeys(n), key.WithHelp(n, name))
	}
	return KeyMap{
		Tab1:      tab("1", "overview"),
		Tab2:      tab("2", "ports"),
		Tab3:      tab("3", "transit"),
		Tab4:      tab("4", "energy"),
		Tab5:      tab("5", "timeline"),
		NextTab:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "prev tab")),
		Source:    key.NewBinding(key.WithKeys("enter", "s"), key.WithHelp("enter/s", "sources")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Snapshot:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "snapshot")),
		Freeze:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "freeze screen")),
		Resume:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "resume rotation")),
	}
}

// tabKeys lists the tab-switch bindings in tab order.
func (k KeyMap) tabKeys() []key.Binding {
	return []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5}
}

// helpKeys merges the active tab's keys with the global ones so the help
// footer and the full help overlay list exactly what works right now.
type helpKeys struct {
	global KeyMap
	tab    interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	pane bool
}

// ShortHelp implements help.KeyMap.
func (h helpKeys) ShortHelp() []key.Binding {
	var out []key.Binding
	if h.tab != nil {
		out = append(out, h.tab.ShortHelp()...)
	}
	if !h.pane {
		out = append(out, h.global.Source, h.global.NextTab)
	}
	return append(out, h.global.Help, h.global.Quit)
}

// FullHelp implements help.KeyMap.
func (h helpKeys) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	if h.tab != nil {
		out = append(out, h.tab.FullHelp()...)
	}
	g := h.global
	return append(out,
		[]key.Binding{g.Tab1, g.Tab2, g.Tab3, g.Tab4, g.Tab5},
		[]key.Binding{g.NextTab, g.PrevTab, g.Source, g.Help, g.Quit, g.ForceQuit},
		[]key.Binding{g.Snapshot, g.Freeze, g.Resume})
}
