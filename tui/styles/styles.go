// Package styles builds corridor's look. Styles are values built per
// program by DefaultStyles, never package state, so two SSH sessions on
// light and dark terminals each get their own.
package styles

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/guptarohit/asciigraph"
)

// Styles holds every style the UI draws with.
type Styles struct {
	IsDark bool

	Brand     lipgloss.Style
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	TabGap    lipgloss.Style
	Rule      lipgloss.Style

	Title    lipgloss.Style
	Heading  lipgloss.Style
	Muted    lipgloss.Style
	Accent   lipgloss.Style
	Value    lipgloss.Style
	BigValue lipgloss.Style
	Good     lipgloss.Style
	Bad      lipgloss.Style
	Warn     lipgloss.Style

	// Kind styles mark non-actual figures; the glyphs in Glyphs carry the
	// same meaning without colour.
	Forecast lipgloss.Style
	Target   lipgloss.Style
	Capacity lipgloss.Style
	Derived  lipgloss.Style
	Disputed lipgloss.Style

	Box      lipgloss.Style
	Card     lipgloss.Style
	CardSel  lipgloss.Style
	Pane     lipgloss.Style
	Node     lipgloss.Style
	Arrow    lipgloss.Style
	Selected lipgloss.Style
	Header   lipgloss.Style
	Cell     lipgloss.Style
	Bar      lipgloss.Style
	BarPlan  lipgloss.Style
	Filter   lipgloss.Style

	StatusBar lipgloss.Style
	StatusKey lipgloss.Style
	Notice    lipgloss.Style
	ErrorBox  lipgloss.Style

	Help help.Styles

	// Chart colours are ANSI 256 codes because asciigraph takes those; the
	// renderer downsamples them to the terminal's profile like any colour.
	ChartActual asciigraph.AnsiColor
	ChartSecond asciigraph.AnsiColor
	ChartPlan   asciigraph.AnsiColor
	ChartAxis   asciigraph.AnsiColor
}

// DefaultStyles returns the styles for a dark or light background.
func DefaultStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	fg := ld(c("#1F2328"), c("#E6EDF3"))
	muted := ld(c("#6E7781"), c("#8B949E"))
	accent := ld(c("#0550AE"), c("#58A6FF"))
	brand := ld(c("#8250DF"), c("#D2A8FF"))
	good := ld(c("#1A7F37"), c("#3FB950"))
	bad := ld(c("#CF222E"), c("#F85149"))
	warn := ld(c("#9A6700"), c("#D29922"))
	plan := ld(c("#BF3989"), c("#DB61A2"))
	selBg := ld(c("#DDF4FF"), c("#1F3A5F"))
	border := ld(c("#D0D7DE"), c("#30363D"))

	s := &Styles{IsDark: isDark}
	s.Brand = lipgloss.NewStyle().Foreground(brand).Bold(true)
	s.Tab = lipgloss.NewStyle().Foreground(muted).Padding(0, 1)
	s.ActiveTab = lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true).Padding(0, 1)
	s.TabGap = lipgloss.NewStyle().Foreground(border)
	s.Rule = lipgloss.NewStyle().Foreground(border)

	s.Title = lipgloss.NewStyle().Foreground(brand).Bold(true)
	s.Heading = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Value = lipgloss.NewStyle().Foreground(fg).Bold(true)
	s.BigValue = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Good = lipgloss.NewStyle().Foreground(good)
	s.Bad = lipgloss.NewStyle().Foreground(bad)
	s.Warn = lipgloss.NewStyle().Foreground(warn).Bold(true)

	s.Forecast = lipgloss.NewStyle().Foreground(plan).Italic(true)
	s.Target = lipgloss.NewStyle().Foreground(plan).Italic(true)
	s.Capacity = lipgloss.NewStyle().Foreground(muted).Italic(true)
	s.Derived = lipgloss.NewStyle().Foreground(muted).Italic(true)
	s.Disputed = lipgloss.NewStyle().Foreground(warn).Bold(true)

	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	s.Card = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1)
	// A thick border marks the selected card without relying on colour.
	s.CardSel = s.Card.Border(lipgloss.ThickBorder()).BorderForeground(accent)
	s.Pane = lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(0, 1)
	s.Node = lipgloss.NewStyle().Foreground(fg).Bold(true)
	s.Arrow = lipgloss.NewStyle().Foreground(muted)
	// Reverse video keeps the cursor visible with NO_COLOR and on projectors.
	s.Selected = lipgloss.NewStyle().Foreground(selBg).Reverse(true).Bold(true)
	s.Header = lipgloss.NewStyle().Foreground(muted).Bold(true)
	s.Cell = lipgloss.NewStyle().Foreground(fg)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	s.BarPlan = lipgloss.NewStyle().Foreground(plan)
	s.Filter = lipgloss.NewStyle().Foreground(accent)

	s.StatusBar = lipgloss.NewStyle().Foreground(muted)
	s.StatusKey = lipgloss.NewStyle().Foreground(brand).Bold(true)
	s.Notice = lipgloss.NewStyle().Foreground(good)
	s.ErrorBox = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(bad).Foreground(bad).Padding(0, 1)

	s.Help = help.DefaultStyles(isDark)

	if isDark {
		s.ChartActual, s.ChartSecond, s.ChartPlan, s.ChartAxis = asciigraph.DodgerBlue, asciigraph.Goldenrod, asciigraph.HotPink, asciigraph.Gray
	} else {
		s.ChartActual, s.ChartSecond, s.ChartPlan, s.ChartAxis = asciigraph.Blue, asciigraph.DarkGoldenrod, asciigraph.MediumVioletRed, asciigraph.DimGray
	}
	return s
}
