package chart

import (
	"math"
	"strings"
)

// sparkTicks are the eight heights of a sparkline cell; sparkASCII are
// the same heights in --ascii, as digits, so they borrow no glyph that
// means something else (cells.ASCII would turn ▃ into '-', ▅ into '+').
const (
	sparkTicks = "▁▂▃▄▅▆▇█"
	sparkASCII = "12345678"
)

// Spark draws values over the years lo..hi, one cell a year, so rows
// drawn over the same years line up. Heights run from zero to peak
// (pass the largest value to share one scale between rows, or the
// row's own largest for a row's own proportions): a fall is never drawn
// higher, and a nonzero value is never blank. A year with
// no figure is a blank cell; zero is '_'.
func Spark(values map[int]float64, lo, hi int, peak float64, ascii bool) string {
	ticks := []rune(sparkTicks)
	if ascii {
		ticks = []rune(sparkASCII)
	}
	var b strings.Builder
	for y := lo; y <= hi; y++ {
		v, ok := values[y]
		switch {
		case !ok || math.IsNaN(v):
			b.WriteByte(' ')
		case v <= 0 || peak <= 0:
			b.WriteByte('_')
		default:
			i := int(math.Round(v/peak*float64(len(ticks)))) - 1
			b.WriteRune(ticks[max(0, min(i, len(ticks)-1))])
		}
	}
	return b.String()
}
