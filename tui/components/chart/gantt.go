package chart

import (
	"math"
	"strconv"
	"strings"

	"corridor/tui/components/cells"
)

// Status is a project's stage. A Gantt bar shows it by its glyph, never
// by where today falls: a planned project whose dates have passed still
// draws as planned.
type Status int

// The stages a project can be in.
const (
	StatusUnknown Status = iota
	Operating
	UnderConstruction
	Planned
	Proposed // proposed or under study
	Suspended
)

// Statuses lists the stages in legend order.
func Statuses() []Status {
	return []Status{Operating, UnderConstruction, Planned, Proposed, Suspended, StatusUnknown}
}

// StatusOf reads a project's status as projects.csv spells it.
func StatusOf(s string) Status {
	switch s {
	case "operating":
		return Operating
	case "under-construction":
		return UnderConstruction
	case "planned":
		return Planned
	case "proposed", "study":
		return Proposed
	case "suspended":
		return Suspended
	}
	return StatusUnknown
}

// glyph is the cell a bar of this status is drawn with. In --ascii the
// bars use letters: the block glyphs' ASCII stand-ins (#, =, .) already
// mean other things (a disputed figure, a capacity, a forecast).
func (s Status) glyph(ascii bool) rune {
	u, a := "█▓░╌╳▒", "OUPSX?"
	i := map[Status]int{Operating: 0, UnderConstruction: 1, Planned: 2, Proposed: 3, Suspended: 4}[s]
	if s == StatusUnknown {
		i = 5
	}
	if ascii {
		return rune(a[i])
	}
	return []rune(u)[i]
}

func (s Status) name() string {
	switch s {
	case Operating:
		return "operating"
	case UnderConstruction:
		return "under construction"
	case Planned:
		return "planned"
	case Proposed:
		return "proposed/study"
	case Suspended:
		return "suspended"
	}
	return "status unknown"
}

// ganttCol is the cell of time v on a scale from lo to hi in width cells.
func ganttCol(v, lo, hi float64, width int) int {
	return max(0, min(width-1, int(math.Round((v-lo)/(hi-lo)*float64(width-1)))))
}

// Gantt draws a start→end bar on a scale from lo to hi (years, fractional
// for months) in width cells, in the glyph of the project's status. An
// unknown end draws an open arrow after the start, an unknown start one
// before the end.
func Gantt(start, end, lo, hi float64, width int, hasStart, hasEnd bool, st Status, ascii bool) string {
	if width <= 0 || hi <= lo {
		return strings.Repeat(" ", max(width, 0))
	}
	row := []rune(strings.Repeat(" ", width))
	if !hasStart && !hasEnd {
		return string(row)
	}
	s, e := start, end
	if !hasStart {
		s = end
	}
	if !hasEnd {
		e = start
	}
	a, z := ganttCol(s, lo, hi, width), ganttCol(e, lo, hi, width)
	g := st.glyph(ascii)
	for i := a; i <= z; i++ {
		row[i] = g
	}
	if !hasEnd && z+1 < width {
		row[z+1] = '▸'
	}
	if !hasStart && a > 0 {
		row[a-1] = '◂'
	}
	return string(row)
}

// GanttAxis is the year scale over Gantt bars: year labels starting at
// the cell where their year starts, on steps of 1, 2, 5, 10 or 20 years,
// as "2020" where they fit and "'20" where only that does.
func GanttAxis(lo, hi float64, width int) string {
	if width <= 0 || hi <= lo {
		return strings.Repeat(" ", max(width, 0))
	}
	perYear := float64(width-1) / (hi - lo)
	for _, short := range []bool{false, true} {
		lw := 4
		if short {
			lw = 3
		}
		for _, m := range []int{1, 2, 5, 10, 20, 50} {
			if float64(m)*perYear < float64(lw+1) {
				continue
			}
			row := []rune(strings.Repeat(" ", width))
			n := 0
			for y := int(math.Ceil(lo/float64(m))) * m; float64(y) <= hi; y += m {
				c := ganttCol(float64(y), lo, hi, width)
				if c+lw > width {
					break
				}
				l := strconv.Itoa(y)
				if short {
					l = "'" + l[len(l)-2:]
				}
				copy(row[c:], []rune(l))
				n++
			}
			if n >= 2 || (short && n >= 1) {
				return string(row)
			}
			break
		}
	}
	return strings.Repeat(" ", width)
}

// GanttLegend names the glyph of each status in statuses, and the open
// arrows when open is set, within width cells (wrapped).
func GanttLegend(statuses []Status, open, ascii bool, paint func(...string) string, width int) []string {
	var items []item
	for _, st := range Statuses() {
		for _, s := range statuses {
			if s == st {
				text := " " + st.name()
				items = append(items, item{paint(string(st.glyph(ascii))) + text, 1 + cells.Width(text)})
				break
			}
		}
	}
	if open {
		items = append(items, item{"◂▸ date not given", 17})
	}
	return wrap(items, width)
}

// Glyph is the bar glyph a status is drawn with, for legends and help.
func (s Status) Glyph(ascii bool) string { return string(s.glyph(ascii)) }

// Name is the status as legends word it.
func (s Status) Name() string { return s.name() }
