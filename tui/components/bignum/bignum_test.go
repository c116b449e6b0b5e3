package bignum

import (
	"testing"

	"corridor/tui/components/cells"
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
