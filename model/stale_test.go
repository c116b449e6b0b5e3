package model

import "testing"

func TestStaleIsMoreThanAYearBehindTheNewest(t *testing.T) {
	newest := mustPeriod(t, "2025 (to 2025-10)")
	for s, want := range map[string]bool{
		"2025": false, "2024": false, "2024-09": true, "2024-10": false, "2023": true, "2022-Q4": true, "c. 2020": false,
	} {
		if got := Stale(mustPeriod(t, s), newest); got != want {
			t.Errorf("Stale(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestRunsToTheNewestActual(t *testing.T) {
	d := latestFixture(t)
	p, ok := d.RunsTo()
	if !ok || p.String() != "2025" {
		t.Fatalf("RunsTo = %s (%v), want 2025 (the containers' full year)", p, ok)
	}
}
