package frame

import (
	"testing"
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
	g := Parse("日本x", 5, 1)
	row := g.Rows[0]
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
