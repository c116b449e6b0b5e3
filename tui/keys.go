package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"corridor/model"
	"corridor/tui/common"
	"corridor/tui/components/filter"
	"corridor/tui/components/helpview"
	"corridor/tui/components/keymap"
	"corridor/tui/components/picker"
	"corridor/tui/components/presenter"
	"corridor/tui/components/sourcepane"
	"corridor/tui/components/table"
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
// help overlay list exactly those: the tab's (or the open pane's), then
// the global ones, then the presenter's.
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
	return out // help and quit are the footer's required keys
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

// signature is the text of footer entries, so the drawn footer can be
// reused while it is unchanged.
func signature(optional, required []helpview.Entry) string {
	var b strings.Builder
	for _, e := range optional {
		b.WriteString(e.Key + "\x00" + e.Desc + "\x00")
	}
	b.WriteString("\x01")
	for _, e := range required {
		b.WriteString(e.Key + "\x00" + e.Desc + "\x00")
	}
	return b.String()
}

// marks explains corridor's marks; every tab can show any of them.
func marks() []helpview.Entry {
	return []helpview.Entry{
		{Key: model.GlyphDisputed, Desc: "sources disagree: enter lists every value"},
		{Key: model.GlyphDerived, Desc: "computed by corridor (growth, utilisation), not stated by a source"},
		{Key: model.GlyphSuspect, Desc: "flagged as a likely data error"},
		{Key: model.KindTag(model.Forecast), Desc: "a forecast, not an actual figure"},
		{Key: model.KindTag(model.Target), Desc: "a target, not an actual figure"},
		{Key: model.KindTag(model.Capacity), Desc: "a capacity, not what was handled"},
		{Key: "~ > < >= <=", Desc: "about, more than, less than, no less, no more: as the source words it"},
		{Key: "a–b", Desc: "a range the source gives: never drawn as a point"},
		{Key: model.GlyphStale, Desc: "stale: more than a year behind the newest figure in this view"},
		{Key: model.GlyphNew, Desc: "added or changed by the last data reload (n lists the changes)"},
		{Key: "—", Desc: "no figure in the data"},
	}
}

// setHelpContent fills the help overlay with the keys live in this tab
// and mode and the marks it can show.
func (a *App) setHelpContent() {
	h := a.helpKeys()
	g := a.keys
	title := a.reg[a.order[a.active]].Title
	var local []key.Binding
	if h.local != nil {
		for _, col := range h.local.FullHelp() {
			local = append(local, col...)
		}
	}
	localTitle := title
	if a.paneOpen {
		localTitle, title = "Sources pane", title+" · sources"
	}
	everywhere := []key.Binding{g.Help, g.Quit, g.ForceQuit, g.Snapshot}
	if !a.paneOpen {
		everywhere = append([]key.Binding{g.Source}, everywhere...)
	}
	sections := []helpview.Section{
		{Title: localTitle, Entries: helpview.Bindings(local...)},
		{Title: "Tabs", Entries: helpview.Bindings(append(append([]key.Binding{}, g.Tabs...), g.NextTab, g.PrevTab)...)},
		{Title: "Everywhere", Entries: helpview.Bindings(append(everywhere, h.present...)...)},
	}
	var legend []helpview.Entry
	if t := a.activeTab(); t != nil && !a.paneOpen {
		if l, ok := t.(common.Legender); ok {
			for _, e := range l.Legend() {
				legend = append(legend, helpview.Entry{Key: e[0], Desc: e[1]})
			}
		}
	}
	if len(legend) > 0 {
		sections = append(sections, helpview.Section{Title: "Marks on this tab", Entries: legend})
	}
	sections = append(sections, helpview.Section{Title: "Marks on figures", Entries: marks()})
	a.help.SetContent(title, sections)
}

// KeyActions lists every key binding that can be rebound, by
// "section.action", with its default keys: the root's ("global"), the
// presenter's, the help overlay's, the source pane's, the lists' and
// filters' shared keys, the pickers' and each tab's own (by tab name).
func KeyActions() []keymap.Action {
	reg := DefaultRegistry()
	g := DefaultKeyMap(reg.Names())
	pres := presenter.DefaultKeyMap()
	hv := helpview.DefaultKeyMap()
	pane := sourcepane.DefaultKeyMap()
	list := table.DefaultKeyMap()
	flt := filter.DefaultKeyMap()
	pk := picker.DefaultKeyMap()
	out := keymap.Actions("global", &g)
	out = append(out, keymap.Actions("presenter", &pres)...)
	out = append(out, keymap.Actions("help", &hv)...)
	out = append(out, keymap.Actions("pane", &pane)...)
	out = append(out, keymap.Actions("list", &list)...)
	out = append(out, keymap.Actions("filter", &flt)...)
	out = append(out, keymap.Actions("picker", &pk)...)
	for _, t := range reg {
		if t.Keys != nil {
			out = append(out, keymap.Actions(t.Name, t.Keys())...)
		}
	}
	return out
}
