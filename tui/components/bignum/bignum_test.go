package bignum

import (
	"fmt"
	"strings"
	"testing"

	"corridor/tui/components/cells"
	"corridor/tui/internal/golden"
)

func TestRenderSizes(t *testing.T) {
	for _, rows := range []int{3, 5} {
		lines := Render("4.12M", rows)
		if len(lines) != rows {
			t.Fatalf("rows %d: got %d lines", rows, len(lines))
		}
		for _, l := range lines {
			if got := cells.Width(l); got != Width("4.12M", rows) {
				t.Errorf("rows %d: line width %d, Width says %d", rows, got, Width("4.12M", rows))
			}
		}
	}
	if Fit("12345", 10, 5) != nil {
		t.Error("Fit should give up when even 3 rows are too wide")
	}
	if got := Fit("1", 100, 4); len(got) != 3 {
		t.Errorf("Fit with 4 rows should choose 3, got %d", len(got))
	}
}

// The glyphs are unstyled, so one golden per height (no colour profile).
func TestRenderGolden(t *testing.T) {
	for _, rows := range []int{3, 5} {
		t.Run(fmt.Sprintf("4.12M-%drows", rows), func(t *testing.T) {
			golden.RequireEqual(t, strings.Join(Render("4.12M", rows), "\n"))
		})
	}
}

// Spot-check that the figure reads as itself: the 5-row "1" has a stem
// and a foot, the half-block "7" a top bar then a straight drop.
func TestGlyphsReadAsDigits(t *testing.T) {
	one := Render("1", 5)
	want := []string{"  ██  ", "████  ", "  ██  ", "  ██  ", "██████"}
	for i := range want {
		if one[i] != want[i] {
			t.Errorf("5-row 1, row %d = %q, want %q", i, one[i], want[i])
		}
	}
	seven := Render("7", 3)
	if seven[0] != "▀▀█" || seven[1] != "  █" || seven[2] != "  ▀" {
		t.Errorf("3-row 7 = %q", seven)
	}
	if got := Render("a", 3); strings.Join(got, "|") != strings.Join(Render("A", 3), "|") {
		t.Error("lower case not drawn as capitals")
	}
	if got := Render("€", 5); strings.TrimSpace(strings.Join(got, "")) != "" {
		t.Errorf("a glyph the font lacks should be blank: %q", got)
	}
	if Render("1", 4) != nil {
		t.Error("4 rows is not a height the font draws")
	}
}
