package memo

import "testing"

func TestRedrawsOnlyWhenInputsChange(t *testing.T) {
	type in struct {
		w, h int
		sel  string
	}
	var m String[in]
	draws := 0
	draw := func(s string) func() string {
		return func() string { draws++; return s }
	}
	if got := m.Get(in{80, 24, "baku"}, draw("A")); got != "A" || draws != 1 {
		t.Fatalf("first Get = %q after %d draws, want A after 1", got, draws)
	}
	if got := m.Get(in{80, 24, "baku"}, draw("B")); got != "A" || draws != 1 {
		t.Fatalf("same inputs: got %q after %d draws, want the cached A", got, draws)
	}
	for i, k := range []in{{81, 24, "baku"}, {81, 25, "baku"}, {81, 25, "poti"}} {
		want := string(rune('C' + i))
		if got := m.Get(k, draw(want)); got != want {
			t.Fatalf("changed input %+v: got %q, want a redraw %q", k, got, want)
		}
	}
	if draws != 4 {
		t.Fatalf("draws = %d, want 4", draws)
	}
}

func TestZeroKeyIsNotACachedValue(t *testing.T) {
	var m String[int]
	if got := m.Get(0, func() string { return "drawn" }); got != "drawn" {
		t.Fatalf("a fresh memo must draw even for the zero key, got %q", got)
	}
}
