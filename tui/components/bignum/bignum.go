// Package bignum draws text in large glyphs for a projector: a 3x5 pixel
// font rendered either five rows tall with full blocks or three rows tall
// with half blocks. Callers fall back to normal text when neither fits.
package bignum

import (
	"strings"
	"unicode"
)

// font is 3 pixels wide and 5 tall; each string is one pixel row.
var font = map[rune][5]string{
	'0': {"###", "#.#", "#.#", "#.#", "###"}, '1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"}, '3': {"###", "..#", "###", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"}, '5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"}, '7': {"###", "..#", "..#", "..#", "..#"},
	'8': {"###", "#.#", "###", "#.#", "###"}, '9': {"###", "#.#", "###", "..#", "###"},
	'.': {"...", "...", "...", "...", ".#."}, ',': {"...", "...", "...", ".#.", "#.."},
	'-': {"...", "...", "###", "...", "..."}, '+': {"...", ".#.", "###", ".#.", "..."},
	'%': {"#.#", "..#", ".#.", "#..", "#.#"}, '~': {"...", ".##", "##.", "...", "..."},
	'>': {"#..", ".#.", "..#", ".#.", "#.."}, '<': {"..#", ".#.", "#..", ".#.", "..#"},
	' ': {"...", "...", "...", "...", "..."}, '/': {"..#", "..#", ".#.", "#..", "#.."},
	'A': {".#.", "#.#", "###", "#.#", "#.#"}, 'B': {"##.", "#.#", "##.", "#.#", "##."},
	'C': {".##", "#..", "#..", "#..", ".##"}, 'D': {"##.", "#.#", "#.#", "#.#", "##."},
	'E': {"###", "#..", "##.", "#..", "###"}, 'F': {"###", "#..", "##.", "#..", "#.."},
	'G': {".##", "#..", "#.#", "#.#", ".##"}, 'H': {"#.#", "#.#", "###", "#.#", "#.#"},
	'I': {"###", ".#.", ".#.", ".#.", "###"}, 'J': {"..#", "..#", "..#", "#.#", ".#."},
	'K': {"#.#", "#.#", "##.", "#.#", "#.#"}, 'L': {"#..", "#..", "#..", "#..", "###"},
	'M': {"#.#", "###", "###", "#.#", "#.#"}, 'N': {"##.", "#.#", "#.#", "#.#", "#.#"},
	'O': {".#.", "#.#", "#.#", "#.#", ".#."}, 'P': {"##.", "#.#", "##.", "#..", "#.."},
	'Q': {".#.", "#.#", "#.#", "##.", ".##"}, 'R': {"##.", "#.#", "##.", "#.#", "#.#"},
	'S': {".##", "#..", ".#.", "..#", "##."}, 'T': {"###", ".#.", ".#.", ".#.", ".#."},
	'U': {"#.#", "#.#", "#.#", "#.#", "###"}, 'V': {"#.#", "#.#", "#.#", "#.#", ".#."},
	'W': {"#.#", "#.#", "###", "###", "#.#"}, 'X': {"#.#", "#.#", ".#.", "#.#", "#.#"},
	'Y': {"#.#", "#.#", ".#.", ".#.", ".#."}, 'Z': {"###", "..#", ".#.", "#..", "###"},
}

// glyph returns a rune's bitmap; letters are drawn as capitals and
// anything the font lacks as a space.
func glyph(r rune) [5]string {
	if g, ok := font[unicode.ToUpper(r)]; ok {
		return g
	}
	return font[' ']
}

// Width is how many cells Render uses for s at the given height.
func Width(s string, rows int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	px := 3
	if rows == 5 {
		px = 6
	}
	return n*px + (n - 1)
}

// Render draws s with rows 5 (full blocks, pixels two cells wide) or 3
// (half blocks). Other heights return nil.
func Render(s string, rows int) []string {
	runes := []rune(s)
	switch rows {
	case 5:
		out := make([]string, 5)
		for y := range 5 {
			var b strings.Builder
			for i, r := range runes {
				if i > 0 {
					b.WriteByte(' ')
				}
				for _, px := range glyph(r)[y] {
					if px == '#' {
						b.WriteString("██")
					} else {
						b.WriteString("  ")
					}
				}
			}
			out[y] = b.String()
		}
		return out
	case 3:
		out := make([]string, 3)
		for y := range 3 {
			var b strings.Builder
			for i, r := range runes {
				if i > 0 {
					b.WriteByte(' ')
				}
				g := glyph(r)
				for x := range 3 {
					top := g[2*y][x] == '#'
					bottom := 2*y+1 < 5 && g[2*y+1][x] == '#'
					switch {
					case top && bottom:
						b.WriteString("█")
					case top:
						b.WriteString("▀")
					case bottom:
						b.WriteString("▄")
					default:
						b.WriteByte(' ')
					}
				}
			}
			out[y] = b.String()
		}
		return out
	}
	return nil
}

// Fit renders s at the tallest height (5, then 3) whose width fits in
// width cells and whose height fits in rows; nil when neither fits.
func Fit(s string, width, rows int) []string {
	for _, h := range []int{5, 3} {
		if h <= rows && Width(s, h) <= width {
			return Render(s, h)
		}
	}
	return nil
}
