package cells

import "testing"

// The marks that stand beside figures keep distinct characters in
// --ascii: disputed, derived, suspect, stale, new, the "about" qualifier,
// a proposed project, and the chart's kinds and axis break.
func TestASCIIMarksStayDistinct(t *testing.T) {
	marks := map[string]string{
		"≠": "disputed", "†": "derived", "!": "suspect", "◷": "stale", "▴": "new", "~": "about",
		"◌": "proposed", "●": "actual", "·": "forecast", "+": "target", "=": "capacity", "≈": "axis break",
	}
	seen := map[string]string{}
	for m, meaning := range marks {
		a := ASCII(m)
		if other, dup := seen[a]; dup {
			t.Errorf("--ascii writes %q for both %s and %s", a, meaning, other)
		}
		seen[a] = meaning
	}
}
