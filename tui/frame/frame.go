// Package frame turns a drawn frame (text with ANSI styling, as the
// dashboard sends it to a terminal) into a grid of styled cells, and the
// grid into SVG or HTML that show the frame with its colours in a
// monospace font, ready for a slide or a web page.
package frame

import (
	"fmt"
	"html"
	"image/color"
	"strings"

	uv "github.com/charmbracelet/ultraviolet"
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
// ultraviolet does the decoding (SGR, hyperlinks, grapheme widths); this
// only maps its cells onto the small Style the SVG and HTML writers use.
func Parse(s string, w, h int) Grid {
	g := Grid{Width: w, Height: h, Rows: make([][]Cell, h)}
	if w < 1 || h < 1 {
		return g
	}
	scr := uv.NewScreenBuffer(w, h)
	scr.Method = ansi.GraphemeWidth
	uv.NewStyledString(s).Draw(scr, scr.Bounds())
	for y := range g.Rows {
		line := scr.Line(y)
		row := make([]Cell, w)
		for x := range row {
			c := line[x]
			st := style(c.Style)
			switch {
			case c.Width == 0 && c.Content == "" && x > 0:
				// The second column of a wide character, in its style.
				row[x] = Cell{Style: row[x-1].Style, Cont: true}
			case c.Content == "":
				row[x] = Cell{Ch: " ", Style: st}
			default:
				row[x] = Cell{Ch: c.Content, Style: st}
			}
		}
		g.Rows[y] = row
	}
	return g
}

// style converts an ultraviolet cell style.
func style(s uv.Style) Style {
	return Style{
		Fg:        hex(s.Fg),
		Bg:        hex(s.Bg),
		Bold:      s.Attrs&uv.AttrBold != 0,
		Faint:     s.Attrs&uv.AttrFaint != 0,
		Italic:    s.Attrs&uv.AttrItalic != 0,
		Underline: s.Underline != uv.UnderlineNone,
		Reverse:   s.Attrs&uv.AttrReverse != 0,
	}
}

// xterm is the 16-colour table of xterm's defaults. The other 240 indexed
// colours are the same in every palette, so ansi's RGBA serves for them;
// for these sixteen, terminals disagree and captures look like xterm.
var xterm = [16]string{"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
	"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"}

// hex writes a colour as "#rrggbb", or "" for the terminal default.
func hex(c color.Color) string {
	switch c := c.(type) {
	case nil:
		return ""
	case ansi.BasicColor:
		if c < 16 {
			return xterm[c]
		}
	case ansi.IndexedColor:
		if c < 16 {
			return xterm[c]
		}
	}
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
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
