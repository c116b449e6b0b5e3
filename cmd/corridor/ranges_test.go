package main

import (
	"strings"
	"testing"

	"corridor/data"
	"corridor/model"
)

// Every range in the bundle reads as a range wherever a figure is
// printed, never as one of its ends.
func TestEveryBundledRangeRendersAsARange(t *testing.T) {
	ds, err := data.Load(data.Bundled())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range ds.Observations {
		if !o.IsRange() {
			continue
		}
		n++
		got := model.FormatObs(o)
		lo := model.FormatObsValue(o)
		if !strings.Contains(got, "–") && !strings.Contains(got, " to ") {
			t.Errorf("%s (%v..%v %s) prints as %q, with no range in it", o.ID, o.Value, o.High, o.Unit, got)
		}
		if one := model.FormatValue(o.Value, o.Qualifier, o.Unit); got == one || lo == one {
			t.Errorf("%s prints as its low end %q", o.ID, one)
		}
	}
	if n == 0 {
		t.Fatal("no ranges in the bundle")
	}
}
