package tui

import (
	"strings"

	"corridor/tui/common"
	"corridor/tui/energy"
	"corridor/tui/maptab"
	"corridor/tui/overview"
	"corridor/tui/ports"
	"corridor/tui/timeline"
	"corridor/tui/transit"
)

// TabSpec is one tab as the program knows it. The registry is the only
// list of tabs: the number keys, the tab bar, help, --tab/--tabs, snapshot
// --tab, export --view and the usage text are all derived from it.
type TabSpec struct {
	// Name is what flags and file names use: lower case, one word.
	Name string
	// Title is what the tab bar shows.
	Title string
	// Export names the `corridor export --view` that writes this tab's
	// data, or "" when the tab has no table of its own to export.
	Export string
	// New builds the tab over a session's context. Tabs are built when
	// first shown, so a session pays only for the tabs it opens.
	New func(c *common.Common) common.Tab
	// Keys, when set, returns a pointer to the tab's default KeyMap: its
	// bindings can then be rebound in the config as "<name>.<action>".
	Keys func() any
}

// Registry is the ordered list of tabs a program offers.
type Registry []TabSpec

// DefaultRegistry is corridor's tabs in their default order. To add a
// tab, write its package and add one line here.
func DefaultRegistry() Registry {
	return Registry{
		{Name: "overview", Title: "Overview", New: func(c *common.Common) common.Tab { return overview.New(c) },
			Keys: func() any { k := overview.DefaultKeyMap(); return &k }},
		{Name: "ports", Title: "Ports", Export: "ports", New: func(c *common.Common) common.Tab { return ports.New(c) },
			Keys: func() any { k := ports.DefaultKeyMap(); return &k }},
		{Name: "transit", Title: "Transit", Export: "transit", New: func(c *common.Common) common.Tab { return transit.New(c) },
			Keys: func() any { k := transit.DefaultKeyMap(); return &k }},
		{Name: "energy", Title: "Energy", Export: "energy", New: func(c *common.Common) common.Tab { return energy.New(c) }},
		{Name: "timeline", Title: "Timeline", Export: "timeline", New: func(c *common.Common) common.Tab { return timeline.New(c) },
			Keys: func() any { k := timeline.DefaultKeyMap(); return &k }},
		{Name: "map", Title: "Map", New: func(c *common.Common) common.Tab { return maptab.New(c) }},
	}
}

// Names lists the tab names in registry order.
func (r Registry) Names() []string {
	out := make([]string, len(r))
	for i, t := range r {
		out[i] = t.Name
	}
	return out
}

// ExportViews lists the export views the tabs declare, in tab order.
func (r Registry) ExportViews() []string {
	var out []string
	for _, t := range r {
		if t.Export != "" {
			out = append(out, t.Export)
		}
	}
	return out
}

// Index finds a tab by name, ignoring case and surrounding space; -1 when
// there is none.
func (r Registry) Index(name string) int {
	name = strings.ToLower(strings.TrimSpace(name))
	for i, t := range r {
		if t.Name == name {
			return i
		}
	}
	return -1
}

// TabNames are the tab names of the default registry, in order.
func TabNames() []string { return DefaultRegistry().Names() }
