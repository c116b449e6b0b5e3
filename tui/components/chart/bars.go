package chart

import (
	"math"
	"strings"

	"corridor/tui/components/cells"
)

// Bar is one row of a bar chart.
type Bar struct {
	Label string
	Value float64
	// Text is printed after the bar (the formatted value and marks).
	Text string
	Plan bool
}

// Bars draws horizontal bars from zero, scaled to the largest value. A
// nonzero value always gets at least one cell, so it never reads as
// zero. Plan bars use a light shade so they differ from actuals without
// colour.
func Bars(bars []Bar, width int, solid, plan func(...string) string) []string {
	labelW, textW := 0, 0
	maxV := 0.0
	for _, b := range bars {
		labelW = max(labelW, cells.Width(b.Label))
		textW = max(textW, cells.Width(b.Text))
		maxV = math.Max(maxV, b.Value)
	}
	barW := width - labelW - textW - 3
	lines := make([]string, 0, len(bars))
	for _, b := range bars {
		n := 0
		if maxV > 0 && barW > 0 {
			n = int(math.Round(b.Value / maxV * float64(barW)))
			if b.Value > 0 {
				n = max(n, 1)
			}
		}
		glyph, paint := "█", solid
		if b.Plan {
			glyph, paint = "░", plan
		}
		bar := strings.Repeat(glyph, max(n, 0))
		line := pad(b.Label, labelW) + " " + paint(bar) + strings.Repeat(" ", max(barW-n, 0)) + " " + b.Text
		lines = append(lines, cells.Truncate(line, width, "…"))
	}
	return lines
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(w-cells.Width(s), 0))
}
