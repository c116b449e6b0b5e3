package chart

import (
	"math/rand/v2"
	"strings"
	"testing"

	"corridor/tui/components/cells"
)

// Whatever the size, down to one cell, a chart is never wider or taller
// than it was asked to be, and never panics.
func TestNeverLargerThanAsked(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		s := gen(rng)
		w, h := 1+rng.IntN(70), 1+rng.IntN(20)
		out := Years(s, Options{Width: w, Height: h})
		for _, l := range strings.Split(out, "\n") {
			if cells.Width(l) > w {
				t.Fatalf("%d: %dx%d too wide %q", i, w, h, l)
			}
		}
		if n := len(strings.Split(out, "\n")); out != "" && n > h {
			t.Fatalf("%d: %dx%d too tall %d\n%s", i, w, h, n, out)
		}
		ym := []YearMonths{{Year: 2024, Values: map[int]float64{}}, {Year: 2023, Values: map[int]float64{}}}
		for m := 1; m <= 12; m++ {
			if rng.IntN(2) == 0 {
				ym[rng.IntN(2)].Values[m] = rng.Float64() * 1e6
			}
		}
		out = Months(ym, "t", Options{Width: w, Height: h})
		for _, l := range strings.Split(out, "\n") {
			if cells.Width(l) > w {
				t.Fatalf("months %d: %dx%d too wide %q", i, w, h, l)
			}
		}
		if n := len(strings.Split(out, "\n")); out != "" && n > h {
			t.Fatalf("months %d: %dx%d too tall %d\n%s", i, w, h, n, out)
		}
		_ = GanttAxis(2000, 2000+rng.Float64()*40, rng.IntN(30))
	}
}
