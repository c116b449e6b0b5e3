// Package charttest reads a drawn chart back from its text, as a reader
// sees it, so tests hold what is on screen rather than what the code
// meant to draw. Only _test.go files import it.
package charttest

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Chart is a drawn chart as a reader sees it: the plot's rows, the value
// each labelled row stands for, and the column of each labelled slot.
type Chart struct {
	Lines   [][]rune
	Text    string
	AxisRow int // the x axis's line
	Top     int // the plot's first line
	AxisCol int // the y axis's column
	Ticks   map[int]float64
	Labels  map[int]string // row → tick label as printed
	Slots   map[string]int // slot label ("2019", "Jan") → its column
	Broken  bool
}

// Read reads the chart in out (styled or not), whose slot labels (years,
// months) are slotW wide.
func Read(t testing.TB, out string, slotW int) Chart {
	t.Helper()
	r := Chart{Text: ansi.Strip(out), AxisRow: -1, Ticks: map[int]float64{}, Labels: map[int]string{}, Slots: map[string]int{}}
	for _, l := range strings.Split(r.Text, "\n") {
		r.Lines = append(r.Lines, []rune(l))
	}
	for i, l := range r.Lines {
		for c := 0; c+1 < len(l); c++ {
			if (l[c] == '└' || l[c] == '≈') && (l[c+1] == '─' || l[c+1] == '┬') {
				r.AxisRow, r.AxisCol, r.Broken = i, c, l[c] == '≈'
				break
			}
		}
		if r.AxisRow >= 0 {
			break
		}
	}
	if r.AxisRow < 0 {
		t.Fatalf("no x axis in\n%s", r.Text)
	}
	// The plot runs up from the axis while rows have the y axis.
	r.Top = r.AxisRow
	for i := r.AxisRow - 1; i >= 0; i-- {
		l := r.Lines[i]
		if r.AxisCol >= len(l) || (l[r.AxisCol] != '┤' && l[r.AxisCol] != '│') {
			break
		}
		r.Top = i
		if l[r.AxisCol] == '┤' {
			f := strings.Fields(string(l[:r.AxisCol]))
			if len(f) == 0 {
				t.Fatalf("tick without a label on row %d:\n%s", i, r.Text)
			}
			label := f[len(f)-1]
			r.Labels[i] = label
			r.Ticks[i] = number(t, label)
		}
	}
	if r.Top == r.AxisRow {
		t.Fatalf("no plot above the x axis:\n%s", r.Text)
	}
	axis := r.Lines[r.AxisRow]
	if r.AxisRow+1 < len(r.Lines) {
		under := r.Lines[r.AxisRow+1]
		for c := r.AxisCol + 1; c < len(axis) && (axis[c] == '─' || axis[c] == '┬'); c++ {
			if axis[c] != '┬' {
				continue
			}
			start := c - (slotW-1)/2
			if start >= 0 && start+slotW <= len(under) {
				if s := string(under[start : start+slotW]); strings.TrimSpace(s) == s && !strings.Contains(s, " ") {
					r.Slots[s] = c
				}
			}
		}
	}
	return r
}

// number reads a printed value: "4.5M", "500k", "12".
func number(t testing.TB, s string) float64 {
	t.Helper()
	mul := 1.0
	switch {
	case strings.HasSuffix(s, "k"):
		mul, s = 1e3, strings.TrimSuffix(s, "k")
	case strings.HasSuffix(s, "M"):
		mul, s = 1e6, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "B"):
		mul, s = 1e9, strings.TrimSuffix(s, "B")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("tick label %q is not a number", s)
	}
	return v * mul
}

// RowValue is the value a plot row stands for and half a row's value,
// read from two tick labels.
func (r Chart) RowValue(t testing.TB, row int) (v, half float64) {
	t.Helper()
	var rows []int
	for k := range r.Ticks {
		rows = append(rows, k)
	}
	if len(rows) < 2 {
		t.Fatalf("fewer than two tick labels:\n%s", r.Text)
	}
	r1, r2 := rows[0], rows[1]
	per := (r.Ticks[r1] - r.Ticks[r2]) / float64(r2-r1)
	return r.Ticks[r1] + float64(r1-row)*per, math.Abs(per) / 2
}

// ColOf is the column of the slot whose index is want, from the slots
// whose labels idx reads as indexes (years, month numbers): slots are
// evenly spaced. false when no slot is labelled.
func (r Chart) ColOf(t testing.TB, idx func(label string) (int, bool), want int) (int, bool) {
	t.Helper()
	type at struct{ i, c int }
	var known []at
	for l, c := range r.Slots {
		if i, ok := idx(l); ok {
			known = append(known, at{i, c})
		}
	}
	if len(known) == 0 {
		return 0, false
	}
	if len(known) == 1 {
		return known[0].c, known[0].i == want
	}
	a, b := known[0], known[1]
	if (b.c-a.c)%(b.i-a.i) != 0 {
		t.Fatalf("slot labels not evenly spaced: %v\n%s", known, r.Text)
	}
	step := (b.c - a.c) / (b.i - a.i)
	return a.c + (want-a.i)*step, true
}

// MarkerRow is the row of the glyph g in column c above the axis, or -1.
func (r Chart) MarkerRow(c int, g rune) int {
	found := -1
	for i := r.Top; i < r.AxisRow; i++ {
		if c < len(r.Lines[i]) && r.Lines[i][c] == g {
			found = i
		}
	}
	return found
}

// ZeroRow is the row labelled 0, or -1.
func (r Chart) ZeroRow() int {
	for row, v := range r.Ticks {
		if v == 0 {
			return row
		}
	}
	return -1
}

// YearIdx reads a year label as its index.
func YearIdx(l string) (int, bool) {
	y, err := strconv.Atoi(l)
	return y, err == nil
}
