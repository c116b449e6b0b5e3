package chart

import (
	"strings"
	"testing"

	"corridor/model"
)

// A year to a day stands at its month, says its day, and a year's
// January-to-month total compares with last year's same months.
func TestYearToDateAcceptsDayEndedPeriods(t *testing.T) {
	per := func(s string) model.Period {
		p, err := model.ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	k := model.Key("aktau", "cargo", "tonnes", model.Actual)
	d := &model.Dataset{
		Sources: []model.Source{{ID: "s", Standing: model.Agency}},
		Ports:   []model.Port{{ID: "aktau", Name: "Port of Aktau"}},
		Observations: []model.Observation{
			{ID: "a", Subject: "aktau", Metric: "cargo", Unit: "tonnes", Kind: model.Actual, Period: per("2024-01..07"), Value: 2.7e6, Source: "s"},
			{ID: "b", Subject: "aktau", Metric: "cargo", Unit: "tonnes", Kind: model.Actual, Period: per("2025 (to 2025-07-28)"), Value: 3.1e6, Source: "s"},
			{ID: "c", Subject: "aktau", Metric: "cargo", Unit: "tonnes", Kind: model.Actual, Period: per("2025"), Value: 5e6, Source: "s"},
		},
	}
	d.Index()
	got := YearToDate(d, k)
	if len(got) != 2 || got[0].Year != 2024 || got[1].Year != 2025 {
		t.Fatalf("years = %+v, want 2024 and 2025 (the full year is not year-to-date)", got)
	}
	if got[1].Values[7] != 3.1e6 || !strings.Contains(got[1].Labels[7], "to 28 Jul") {
		t.Errorf("2025 = %+v, want 3.1M at July labelled to 28 Jul", got[1])
	}
}
