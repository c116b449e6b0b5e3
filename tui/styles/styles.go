// Package styles builds corridor's look. Styles are values built per
// program by DefaultStyles, never package state, so two SSH sessions on
// light and dark terminals each get their own.
package styles

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles holds every style the UI draws with.
type Styles struct {
	IsDark bool
	// Theme is the --theme name the styles were built for.
	Theme string
	// HighContrast asks the terminal for a black background.
	HighContrast bool
	// ASCII is set when every glyph must be plain ASCII.
	ASCII bool

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
	// Link draws a web address (an OSC 8 hyperlink where the terminal
	// has them): underlined, so it reads as one without colour.
	Link lipgloss.Style

	StatusBar lipgloss.Style
	StatusKey lipgloss.Style
	// Badge names a mode in force (FROZEN, FILTER…) in the status bar:
	// its own foreground and background, never the terminal's reversed.
	Badge    lipgloss.Style
	Notice   lipgloss.Style
	ErrorBox lipgloss.Style

	Help help.Styles
}

// Themes lists the --theme names: auto follows the terminal's background,
// dark and light force one, high-contrast is for projectors.
func Themes() []string { return []string{"auto", "dark", "light", "high-contrast"} }

// New returns the styles for a theme. isDark is the terminal's background
// as detected (used by "auto"); ascii draws every border with plain ASCII
// for terminals and fonts without box-drawing characters.
func New(theme string, isDark, ascii bool) *Styles {
	var s *Styles
	switch theme {
	case "dark":
		s = DefaultStyles(true)
	case "light":
		s = DefaultStyles(false)
	case "high-contrast":
		s = highContrast()
	default:
		s = DefaultStyles(isDark)
	}
	s.Theme = theme
	if ascii {
		s.ASCII = true
		b := lipgloss.ASCIIBorder()
		s.Box = s.Box.Border(b)
		s.Card = s.Card.Border(b)
		// The selected card keeps a different border without box glyphs.
		s.CardSel = s.CardSel.Border(lipgloss.Border{Top: "=", Bottom: "=", Left: "#", Right: "#",
			TopLeft: "#", TopRight: "#", BottomLeft: "#", BottomRight: "#"})
		s.Pane = s.Pane.Border(b)
		s.ErrorBox = s.ErrorBox.Border(b)
	}
	return s
}

// highContrast is white and saturated colours on black, bold where it
// helps, and nothing faint: a projector washes out greys.
func highContrast() *Styles {
	s := DefaultStyles(true)
	c := lipgloss.Color
	white, yellow, cyan, magenta, green, red := c("#FFFFFF"), c("#FFFF00"), c("#00FFFF"), c("#FF5FFF"), c("#5FFF5F"), c("#FF5F5F")
	s.HighContrast = true
	s.Brand = s.Brand.Foreground(yellow)
	s.Tab = s.Tab.Foreground(white)
	s.ActiveTab = s.ActiveTab.Foreground(yellow)
	s.TabGap = s.TabGap.Foreground(white)
	s.Rule = s.Rule.Foreground(white)
	s.Title = s.Title.Foreground(yellow)
	s.Heading = s.Heading.Foreground(cyan)
	s.Muted = s.Muted.Foreground(white)
	s.Accent = s.Accent.Foreground(cyan)
	s.Value = s.Value.Foreground(white)
	s.BigValue = s.BigValue.Foreground(yellow)
	s.Good, s.Bad, s.Warn = s.Good.Foreground(green), s.Bad.Foreground(red), s.Warn.Foreground(yellow)
	s.Forecast, s.Target, s.Capacity, s.Derived = s.Forecast.Foreground(magenta), s.Target.Foreground(magenta), s.Capacity.Foreground(white), s.Derived.Foreground(white)
	s.Disputed = s.Disputed.Foreground(yellow)
	s.Box, s.Card = s.Box.BorderForeground(white), s.Card.BorderForeground(white)
	s.CardSel = s.CardSel.BorderForeground(yellow)
	s.Pane = s.Pane.BorderForeground(yellow)
	s.Node, s.Arrow, s.Header, s.Cell = s.Node.Foreground(white), s.Arrow.Foreground(white), s.Header.Foreground(yellow), s.Cell.Foreground(white)
	black := c("#000000")
	s.Selected = selected(yellow, black)
	s.Badge = lipgloss.NewStyle().Foreground(black).Background(yellow).Bold(true)
	s.Bar, s.BarPlan, s.Filter, s.Link = s.Bar.Foreground(cyan), s.BarPlan.Foreground(magenta), s.Filter.Foreground(yellow), s.Link.Foreground(cyan)
	s.StatusBar, s.StatusKey, s.Notice = s.StatusBar.Foreground(white), s.StatusKey.Foreground(yellow), s.Notice.Foreground(green)
	s.Help.ShortKey, s.Help.FullKey = s.Help.ShortKey.Foreground(yellow), s.Help.FullKey.Foreground(yellow)
	s.Help.ShortDesc, s.Help.FullDesc = s.Help.ShortDesc.Foreground(white), s.Help.FullDesc.Foreground(white)
	s.Help.ShortSeparator, s.Help.FullSeparator = s.Help.ShortSeparator.Foreground(white), s.Help.FullSeparator.Foreground(white)
	s.Help.Ellipsis = s.Help.Ellipsis.Foreground(white)
	return s
}

// selected is the cursor's style: explicit colours, shown as fg on bg,
// and reverse video. The colours are set swapped because reverse swaps
// them back, so a colour terminal draws exactly fg on bg whatever its own
// palette, and with NO_COLOR (colours dropped, reverse kept) the row
// still stands out.
func selected(fg, bg color.Color) lipgloss.Style {
	return lipgloss.NewStyle().Foreground(bg).Background(fg).Reverse(true).Bold(true)
}

// DefaultStyles returns the styles for a dark or light background. Every
// text colour reaches WCAG AA (4.5:1) on the usual terminal backgrounds,
// true colour and 256-colour alike; see TestContrast.
func DefaultStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	fg := ld(c("#1F2328"), c("#E6EDF3"))
	muted := ld(c("#59636E"), c("#9198A1"))
	accent := ld(c("#0550AE"), c("#58A6FF"))
	brand := ld(c("#6639BA"), c("#D2A8FF"))
	good := ld(c("#116329"), c("#3FB950"))
	bad := ld(c("#A40E26"), c("#FF7B72"))
	warn := ld(c("#7D4E00"), c("#D29922"))
	plan := ld(c("#99286E"), c("#F778BA"))
	selFg := ld(c("#FFFFFF"), c("#F0F6FC"))
	selBg := ld(c("#0550AE"), c("#1F4A85"))
	badgeFg := ld(c("#FFFFFF"), c("#0D1117"))
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
	s.Selected = selected(selFg, selBg)
	s.Header = lipgloss.NewStyle().Foreground(muted).Bold(true)
	s.Cell = lipgloss.NewStyle().Foreground(fg)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	s.BarPlan = lipgloss.NewStyle().Foreground(plan)
	s.Filter = lipgloss.NewStyle().Foreground(accent)
	s.Link = lipgloss.NewStyle().Foreground(accent).Underline(true)

	s.StatusBar = lipgloss.NewStyle().Foreground(muted)
	s.StatusKey = lipgloss.NewStyle().Foreground(brand).Bold(true)
	s.Badge = lipgloss.NewStyle().Foreground(badgeFg).Background(brand).Bold(true)
	s.Notice = lipgloss.NewStyle().Foreground(good)
	s.ErrorBox = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(bad).Foreground(bad).Padding(0, 1)

	// The footer's key help in the theme's own colours: the bubbles
	// defaults are light greys that fade out on a white terminal.
	s.Help = help.Styles{
		ShortKey:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		ShortDesc:      lipgloss.NewStyle().Foreground(muted),
		ShortSeparator: lipgloss.NewStyle().Foreground(muted),
		Ellipsis:       lipgloss.NewStyle().Foreground(muted),
		FullKey:        lipgloss.NewStyle().Foreground(accent).Bold(true),
		FullDesc:       lipgloss.NewStyle().Foreground(muted),
		FullSeparator:  lipgloss.NewStyle().Foreground(muted),
	}

	return s
}
