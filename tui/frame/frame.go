// Package frame turns a drawn frame (text with ANSI styling, as the
// dashboard sends it to a terminal) into a grid of styled cells, and the
// grid into SVG or HTML that show the frame with its colours in a
// monospace font, ready for a slide or a web page.
package frame

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Style is one cell's look. Colours are "#rrggbb" or "" for the default.
type Style struct {
	Fg, Bg                                  string
	Bold, Faint, Italic, Underline, Reverse bool
}

// Cell is one terminal cell. A wide character's second cell is Cont.
type Cell struct {
	Ch    string
	Style Style
	Cont  bool
}

// Grid is a frame as rows of cells, each row exactly Width cells.
type Grid struct {
	Width, Height int
	Rows          [][]Cell
}

// Parse reads a frame into a w×h grid; text past the edges is dropped.
func Parse(s string, w, h int) Grid {
	g := Grid{Width: w, Height: h, Rows: make([][]Cell, h)}
	for y := range g.Rows {
		g.Rows[y] = make([]Cell, w)
		for x := range g.Rows[y] {
			g.Rows[y][x] = Cell{Ch: " "}
		}
	}
	var st Style
	x, y := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			x, y = 0, y+1
			i++
			continue
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				st = sgr(st, s[i+2:j])
			}
			i = j + 1
			continue
		case c == 0x1b && i+1 < len(s) && s[i+1] == ']':
			j := i + 2
			for j < len(s) && s[j] != 0x07 && !(s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\') {
				j++
			}
			if j < len(s) && s[j] == 0x1b {
				j++
			}
			i = j + 1
			continue
		case c < 0x20 || c == 0x7f:
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		ch := string(r)
		i += size
		cw := ansi.StringWidth(ch)
		if cw == 0 {
			continue
		}
		if y < h && x+cw <= w {
			g.Rows[y][x] = Cell{Ch: ch, Style: st}
			for k := 1; k < cw; k++ {
				g.Rows[y][x+k] = Cell{Style: st, Cont: true}
			}
		}
		x += cw
	}
	return g
}

// sgr applies one Select Graphic Rendition sequence's parameters.
func sgr(st Style, params string) Style {
	params = strings.ReplaceAll(params, ":", ";")
	if params == "" {
		return Style{}
	}
	p := strings.Split(params, ";")
	num := func(k int) int {
		if k >= len(p) {
			return 0
		}
		n, _ := strconv.Atoi(p[k])
		return n
	}
	for k := 0; k < len(p); k++ {
		switch n := num(k); {
		case n == 0:
			st = Style{}
		case n == 1:
			st.Bold = true
		case n == 2:
			st.Faint = true
		case n == 3:
			st.Italic = true
		case n == 4:
			st.Underline = true
		case n == 7:
			st.Reverse = true
		case n == 22:
			st.Bold, st.Faint = false, false
		case n == 23:
			st.Italic = false
		case n == 24:
			st.Underline = false
		case n == 27:
			st.Reverse = false
		case n >= 30 && n <= 37:
			st.Fg = palette(n - 30)
		case n >= 90 && n <= 97:
			st.Fg = palette(n - 90 + 8)
		case n >= 40 && n <= 47:
			st.Bg = palette(n - 40)
		case n >= 100 && n <= 107:
			st.Bg = palette(n - 100 + 8)
		case n == 39:
			st.Fg = ""
		case n == 49:
			st.Bg = ""
		case n == 38 || n == 48 || n == 58:
			var col string
			switch num(k + 1) {
			case 5:
				col = palette(num(k + 2))
				k += 2
			case 2:
				// Either 38;2;r;g;b or 38;2;colourspace;r;g;b.
				rest := p[k+2:]
				if len(rest) >= 4 && rest[0] == "" {
					rest = rest[1:]
				}
				if len(rest) >= 3 {
					r, _ := strconv.Atoi(rest[0])
					gr, _ := strconv.Atoi(rest[1])
					b, _ := strconv.Atoi(rest[2])
					col = fmt.Sprintf("#%02x%02x%02x", r&255, gr&255, b&255)
				}
				k = len(p)
			}
			switch n {
			case 38:
				st.Fg = col
			case 48:
				st.Bg = col
			}
		}
	}
	return st
}

// palette returns the xterm colour for index n of the 256-colour table.
func palette(n int) string {
	base := [16]string{"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
		"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"}
	switch {
	case n < 0 || n > 255:
		return ""
	case n < 16:
		return base[n]
	case n < 232:
		n -= 16
		level := func(v int) int {
			if v == 0 {
				return 0
			}
			return 55 + v*40
		}
		return fmt.Sprintf("#%02x%02x%02x", level(n/36), level(n/6%6), level(n%6))
	}
	v := 8 + (n-232)*10
	return fmt.Sprintf("#%02x%02x%02x", v, v, v)
}

// Colors returns the page background and default text colour for a dark
// or light theme.
func Colors(dark bool) (bg, fg string) {
	if dark {
		return "#0d1117", "#e6edf3"
	}
	return "#ffffff", "#1f2328"
}

// resolve applies reverse video and defaults.
func (s Style) resolve(bg, fg string) (string, string) {
	f, b := s.Fg, s.Bg
	if f == "" {
		f = fg
	}
	if b == "" {
		b = bg
	}
	if s.Reverse {
		f, b = b, f
	}
	return f, b
}

// runs splits a row into spans of identical style.
func runs(row []Cell) [][]Cell {
	var out [][]Cell
	for x := 0; x < len(row); {
		end := x + 1
		for end < len(row) && row[end].Style == row[x].Style {
			end++
		}
		out = append(out, row[x:end])
		x = end
	}
	return out
}

func text(run []Cell) string {
	var b strings.Builder
	for _, c := range run {
		if !c.Cont {
			b.WriteString(c.Ch)
		}
	}
	return b.String()
}

// Cell size in SVG user units for a 14px monospace font.
const (
	cellW  = 8.4
	cellH  = 17.0
	fontPx = 14
)

// SVG renders the grid as a standalone SVG document.
func SVG(g Grid, bg, fg string) string {
	var b strings.Builder
	w, h := float64(g.Width)*cellW+16, float64(g.Height)*cellH+16
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="'DejaVu Sans Mono','Menlo','Consolas',monospace" font-size="%d">`+"\n", w, h, w, h, fontPx)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", bg)
	for y, row := range g.Rows {
		x := 0
		for _, run := range runs(row) {
			f, bgc := run[0].Style.resolve(bg, fg)
			if bgc != bg {
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n",
					8+float64(x)*cellW, 8+float64(y)*cellH, float64(len(run))*cellW, cellH, bgc)
			}
			if t := text(run); strings.TrimSpace(t) != "" {
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s" xml:space="preserve" textLength="%.1f"%s>%s</text>`+"\n",
					8+float64(x)*cellW, 8+float64(y)*cellH+13, f, float64(len(run))*cellW, attrs(run[0].Style), html.EscapeString(t))
			}
			x += len(run)
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func attrs(s Style) string {
	var a string
	if s.Bold {
		a += ` font-weight="bold"`
	}
	if s.Italic {
		a += ` font-style="italic"`
	}
	if s.Underline {
		a += ` text-decoration="underline"`
	}
	if s.Faint {
		a += ` opacity="0.6"`
	}
	return a
}

// HTML renders the grid as a standalone HTML page with one <pre>.
func HTML(g Grid, bg, fg string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>corridor</title>\n")
	fmt.Fprintf(&b, "<style>pre.corridor{background:%s;color:%s;font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:14px;line-height:1.2;padding:8px;display:inline-block}</style>\n", bg, fg)
	b.WriteString("</head>\n<body>\n<pre class=\"corridor\">")
	for y, row := range g.Rows {
		if y > 0 {
			b.WriteByte('\n')
		}
		for _, run := range runs(row) {
			t := html.EscapeString(text(run))
			s := run[0].Style
			if s == (Style{}) {
				b.WriteString(t)
				continue
			}
			f, bgc := s.resolve(bg, fg)
			css := "color:" + f
			if bgc != bg {
				css += ";background:" + bgc
			}
			if s.Bold {
				css += ";font-weight:bold"
			}
			if s.Italic {
				css += ";font-style:italic"
			}
			if s.Underline {
				css += ";text-decoration:underline"
			}
			if s.Faint {
				css += ";opacity:0.6"
			}
			fmt.Fprintf(&b, `<span style="%s">%s</span>`, css, t)
		}
	}
	b.WriteString("</pre>\n</body>\n</html>\n")
	return b.String()
}
