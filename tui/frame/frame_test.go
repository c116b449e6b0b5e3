package frame

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"corridor/tui/internal/golden"
)

func TestParseStyles(t *testing.T) {
	// A truecolour foreground followed by more attributes in the same
	// sequence, as lipgloss writes an underlined tab label.
	g := Parse("\x1b[38;2;88;166;255;4mA\x1b[m\x1b[1;38;5;33mB\x1b[0m\x1b[90;41mC\x1b[22;39mD", 4, 1)
	want := []Cell{
		{Ch: "A", Style: Style{Fg: "#58a6ff", Underline: true}},
		{Ch: "B", Style: Style{Fg: "#0087ff", Bold: true}},
		{Ch: "C", Style: Style{Fg: "#7f7f7f", Bg: "#cd0000"}},
		{Ch: "D", Style: Style{Bg: "#cd0000"}},
	}
	for x, c := range want {
		if got := g.Rows[0][x]; got != c {
			t.Errorf("cell %d = %+v, want %+v", x, got, c)
		}
	}
}

func TestParseClipsAndPads(t *testing.T) {
	g := Parse("abcdef\n\x1b[7mxy\x1b[m\nline three", 4, 2)
	if g.Width != 4 || g.Height != 2 || len(g.Rows) != 2 {
		t.Fatalf("grid %dx%d with %d rows, want 4x2", g.Width, g.Height, len(g.Rows))
	}
	if got := text(g.Rows[0]); got != "abcd" {
		t.Errorf("row 0 = %q, want the line cut at the edge", got)
	}
	if got := text(g.Rows[1]); got != "xy  " {
		t.Errorf("row 1 = %q, want the short line padded with spaces", got)
	}
	if !g.Rows[1][1].Style.Reverse || g.Rows[1][2].Style.Reverse {
		t.Errorf("reverse should cover exactly xy: %+v", g.Rows[1])
	}
}

func TestParseWideCharacters(t *testing.T) {
	g := Parse("\x1b[1m日本\x1b[mx", 5, 1)
	row := g.Rows[0]
	if !row[1].Style.Bold || !row[3].Style.Bold || row[4].Style.Bold {
		t.Errorf("a wide character's second cell should have its style: %+v", row)
	}
	if row[0].Ch != "日" || !row[1].Cont || row[2].Ch != "本" || !row[3].Cont || row[4].Ch != "x" {
		t.Errorf("wide characters: %+v", row)
	}
	if got := text(row); got != "日本x" {
		t.Errorf("text = %q", got)
	}
}

func TestParseDropsOtherSequences(t *testing.T) {
	// A hyperlink and a cursor move do not put anything in a cell.
	g := Parse("\x1b]8;;https://example.org\x07go\x1b]8;;\x07\x1b[2Jok", 4, 1)
	if got := text(g.Rows[0]); got != "gook" {
		t.Errorf("text = %q, want gook", got)
	}
}

// sample is a small frame as the dashboard draws it: a bold title, a
// selected (reverse) row, muted text, a wide character and an underline.
const sample = "\x1b[1;38;2;210;168;255mcorridor\x1b[m \x1b[38;2;88;166;255;4m2 Ports\x1b[m\n" +
	"\x1b[1;7;38;2;31;58;95mBaku   7.3M t \x1b[m\n" +
	"\x1b[38;2;139;148;158m≠ 中文 <&>\x1b[m\n" +
	"plain"

func TestSVGAndHTMLGolden(t *testing.T) {
	for _, p := range golden.Profiles() {
		for _, dark := range []bool{true, false} {
			theme := map[bool]string{true: "dark", false: "light"}[dark]
			g := Parse(p.Encode(sample), 20, 4)
			bg, fg := Colors(dark)
			t.Run("svg-"+theme+"-"+p.Name, func(t *testing.T) {
				svg := SVG(g, bg, fg)
				if err := xmlWellFormed(svg); err != nil {
					t.Fatalf("svg: %v", err)
				}
				golden.RequireEqual(t, svg)
			})
			t.Run("html-"+theme+"-"+p.Name, func(t *testing.T) {
				golden.RequireEqual(t, HTML(g, bg, fg))
			})
		}
	}
}

// What a viewer of the SVG sees: the text, escaped, at the right place,
// the selected row's reversed colours, and nothing past the frame.
func TestSVGShowsTheFrame(t *testing.T) {
	bg, fg := Colors(true)
	svg := SVG(Parse(sample, 20, 4), bg, fg)
	for _, want := range []string{
		`width="184" height="84"`, // 20×8.4+16, 4×17+16
		`fill="#d2a8ff" xml:space="preserve" textLength="67.2" font-weight="bold">corridor</text>`,
		`text-decoration="underline">2 Ports</text>`,
		// reverse: the foreground colour becomes the row's background
		`<rect x="8.0" y="25.0" width="117.6" height="17.0" fill="#1f3a5f"/>`,
		`fill="#0d1117" xml:space="preserve" textLength="117.6" font-weight="bold">Baku   7.3M t </text>`,
		`>≠ 中文 &lt;&amp;&gt;</text>`, // one run: a wide character's second cell has its style
		`>plain               </text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("svg lacks %s:\n%s", want, svg)
		}
	}
}

func xmlWellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
