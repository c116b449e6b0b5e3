package model

import (
	"slices"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in      string
		kind    PeriodKind
		label   string
		wantErr bool
	}{
		{"2024", PeriodYear, "2024", false},
		{"2024-H1", PeriodHalf, "H1 2024", false},
		{"2024-H2", PeriodHalf, "H2 2024", false},
		{"2025-Q3", PeriodQuarter, "Q3 2025", false},
		{"2024-07", PeriodMonth, "Jul 2024", false},
		{"2025-01..07", PeriodMonthRange, "Jan–Jul 2025", false},
		{"2024-05-29", PeriodDay, "29 May 2024", false},
		{"2024-02-29", PeriodDay, "29 Feb 2024", false},
		{"2025 (to 2025-07-28)", PeriodToDate, "YTD 28 Jul 2025", false},
		{"2025 (to 2025-10)", PeriodToDate, "YTD Oct 2025", false},
		{"2024 (to 2024-01-15)", PeriodToDate, "YTD 15 Jan 2024", false},
		{"2025 (Jan–Aug)", PeriodText, "2025 (Jan–Aug)", false},
		{"2025 (to 2024-07-28)", 0, "", true},
		{"2025 (to 2025-13-01)", 0, "", true},
		{"2025 (to 2025-02-29)", 0, "", true},
		{"2025 (to 2025-07-28", 0, "", true},
		{"2025 (to late Nov)", 0, "", true},
		{"c. 2024", PeriodText, "c. 2024", false},
		{"long-term", PeriodText, "long-term", false},
		{"end-2028", PeriodText, "end-2028", false},
		{"2006–2024", PeriodText, "2006–2024", false},
		{"Jan–Oct (year not shown; likely 2024)", PeriodText, "Jan–Oct (year not shown; likely 2024)", false},
		{"2024-13", 0, "", true},
		{"2024-H3", 0, "", true},
		{"2024-Q5", 0, "", true},
		{"2023-02-29", 0, "", true},
		{"2024-07..03", 0, "", true},
		{"2024-1", 0, "", true},
		{"0999", 0, "", true},
		{"", 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePeriod(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParsePeriod(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if p.Kind != tt.kind || p.Label() != tt.label {
				t.Errorf("ParsePeriod(%q) = kind %v label %q, want %v %q", tt.in, p.Kind, p.Label(), tt.kind, tt.label)
			}
			if p.String() != tt.in {
				t.Errorf("String() = %q, want round trip %q", p.String(), tt.in)
			}
		})
	}
}

func TestPeriodOrder(t *testing.T) {
	in := []string{"long-term", "2025", "2024", "2024-H1", "2024-01..07", "2024-Q1", "2024-07", "c. 2024", "2024-07-01", "2023-H2", "2024 (to 2024-07-28)", "2024 (to 2024-07-03)", "2024 (to 2024-06)"}
	want := []string{"2023-H2", "2024-Q1", "2024 (to 2024-06)", "2024-H1", "2024-07-01", "2024-07", "2024 (to 2024-07-03)", "2024 (to 2024-07-28)", "2024-01..07", "2024", "2025", "c. 2024", "long-term"}
	ps := make([]Period, len(in))
	for i, s := range in {
		p, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		ps[i] = p
	}
	slices.SortFunc(ps, Period.Compare)
	got := make([]string, len(ps))
	for i, p := range ps {
		got[i] = p.String()
	}
	if !slices.Equal(got, want) {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
}

func TestPrevYear(t *testing.T) {
	for in, want := range map[string]string{"2024": "2023", "2024-H1": "2023-H1", "2025-01..07": "2024-01..07", "2024-03-01": "2023-03-01",
		"2025 (to 2025-07-28)": "2024 (to 2024-07-28)", "2025 (to 2025-10)": "2024 (to 2024-10)"} {
		p, _ := ParsePeriod(in)
		q, ok := p.PrevYear()
		if !ok || q.String() != want {
			t.Errorf("PrevYear(%s) = %s, %v; want %s", in, q, ok, want)
		}
	}
	for _, in := range []string{"2024-02-29", "2024 (to 2024-02-29)"} {
		leap, _ := ParsePeriod(in)
		if _, ok := leap.PrevYear(); ok {
			t.Errorf("%s: 29 Feb has no previous-year twin", in)
		}
	}
	text, _ := ParsePeriod("c. 2024")
	if _, ok := text.PrevYear(); ok {
		t.Error("text periods have no previous year")
	}
}

// A year-to-date figure is a part-year total: it compares with the same
// span a year earlier, never with the month range or year it falls in.
func TestToDateIsItsOwnSpan(t *testing.T) {
	ytd, _ := ParsePeriod("2025 (to 2025-07-28)")
	months, _ := ParsePeriod("2025-01..07")
	prev, _ := ParsePeriod("2024 (to 2024-07-28)")
	if !ytd.ToDate() || months.ToDate() {
		t.Error("ToDate must tell the year-to-date form from a month range")
	}
	if ytd.SameSpan(months) {
		t.Error("to 28 Jul is not the same span as Jan–Jul")
	}
	if !ytd.SameSpan(prev) {
		t.Error("to 28 Jul 2025 and to 28 Jul 2024 are the same span")
	}
	if ytd.Months() != 7 || !ytd.Exact() {
		t.Errorf("Months = %d, Exact = %v", ytd.Months(), ytd.Exact())
	}
}
