package model

import (
	"testing"
)

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v    float64
		q    Qualifier
		unit string
		want string
	}{
		{4_600_000, About, "tonnes", "~4.6M t"},
		{12, "", "% y/y", "+12% y/y"},
		{60_000_000, "", "USD", "$60M"},
		{300, AtLeast, "trains", ">=300 trains"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.v, tt.q, tt.unit); got != tt.want {
			t.Errorf("FormatValue(%v, %q, %q) = %q, want %q", tt.v, tt.q, tt.unit, got, tt.want)
		}
	}
}

// A range reads as a range, its unit once, and never as one of its ends.
func TestFormatRange(t *testing.T) {
	obs := func(lo, hi float64, q Qualifier, unit string, kind Kind) Observation {
		o := Observation{Unit: unit, Qualifier: q, Kind: kind}
		o.SetRange(lo, hi)
		return o
	}
	tests := []struct {
		o    Observation
		want string
	}{
		{obs(104_000, 105_000, "", "TEU", Forecast), "104k–105k TEU fcst"},
		{obs(10, 12, "", "days", Actual), "10–12 days"},
		{obs(1.5e9, 2e9, "", "USD", Forecast), "$1.5B–2B fcst"},
		{obs(17e6, 18e6, "", "tonnes/year", Capacity), "17M–18M t/yr cap"},
		{obs(15_000, 20_000, About, "tonnes/month", Forecast), "~15k–20k tonnes/month fcst"},
		{obs(-5, -2.5, "", "% y/y", Actual), "-5 to -2.5% y/y"},
	}
	for _, tt := range tests {
		if got := FormatObs(tt.o); got != tt.want {
			t.Errorf("FormatObs(%v..%v %s) = %q, want %q", tt.o.Value, tt.o.High, tt.o.Unit, got, tt.want)
		}
	}
}
